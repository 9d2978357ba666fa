using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using EventExtractor.Diagnostics;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Running;

/// <summary>
/// What a checkpoint records of the input files a run has read: for each, its size, modification time and the
/// SHA-256 of its content. A resumed run checks them before skipping those inputs, so it never keeps the output of
/// articles that have since changed. Files are noted as the reader opens them (on the reader's thread) and hashed
/// once, at the first checkpoint after; the digests go to a JSON Lines file beside the checkpoint, appended to, so a
/// checkpoint costs the same however many files a run has read.
/// </summary>
internal sealed class InputDigests
{
    private readonly ConcurrentQueue<string> _opened = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Notes that the reader opened <paramref name="path"/> (thread-safe).</summary>
    public void Opened(string path) => _opened.Enqueue(path);

    /// <summary>Marks a file as recorded already (by the interrupted run a resumed one continues).</summary>
    internal void Known(string path) => _known.Add(path);

    /// <summary>The digests of the files opened since the last call, each file once.</summary>
    public List<JObject> TakeNew()
    {
        var digests = new List<JObject>();
        while (_opened.TryDequeue(out var path))
        {
            var full = Path.GetFullPath(path);
            if (_known.Add(full) && Digest(full) is { } d) digests.Add(d);
        }
        return digests;
    }

    /// <summary>Checks that a file a checkpoint recorded is unchanged.</summary>
    /// <exception cref="UsageException">The file has changed, or is gone.</exception>
    public static void Verify(JObject o)
    {
        var path = o.Value<string>("path") ?? "";
        var info = new FileInfo(path);
        if (!info.Exists) throw new UsageException(Messages.ResumeInputChanged(path, "it is gone"));
        if (info.Length != o.Value<long>("size"))
            throw new UsageException(Messages.ResumeInputChanged(path, "its size changed"));
        // Same size and time: taken as unchanged without reading it again; otherwise the content decides.
        if (info.LastWriteTimeUtc.ToString("o", CultureInfo.InvariantCulture) == o.Value<string>("mtime")) return;
        if (Digest(path)?.Value<string>("sha256") != o.Value<string>("sha256"))
            throw new UsageException(Messages.ResumeInputChanged(path, "its content changed"));
    }

    private static JObject? Digest(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            return new JObject
            {
                ["path"] = path,
                ["size"] = info.Length,
                ["mtime"] = info.LastWriteTimeUtc.ToString("o", CultureInfo.InvariantCulture),
                ["sha256"] = hash,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
