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
/// once, at the first checkpoint after.
/// </summary>
public sealed class InputDigests
{
    private readonly ConcurrentQueue<string> _opened = new();
    private readonly List<JObject> _digests = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Notes that the reader opened <paramref name="path"/> (thread-safe).</summary>
    public void Opened(string path) => _opened.Enqueue(path);

    /// <summary>The digests of every file opened so far, as the checkpoint stores them.</summary>
    public JArray Snapshot()
    {
        while (_opened.TryDequeue(out var path))
        {
            var full = Path.GetFullPath(path);
            if (_known.Add(full) && Digest(full) is { } d) _digests.Add(d);
        }
        return new JArray(_digests.Select(d => d.DeepClone()));
    }

    /// <summary>Checks that the files a checkpoint recorded are unchanged.</summary>
    /// <exception cref="UsageException">A file has changed, or is gone.</exception>
    public static void Verify(JArray saved)
    {
        foreach (var o in saved.OfType<JObject>())
        {
            var path = o.Value<string>("path") ?? "";
            var info = new FileInfo(path);
            if (!info.Exists) throw new UsageException(Messages.ResumeInputChanged(path, "it is gone"));
            if (info.Length != o.Value<long>("size"))
                throw new UsageException(Messages.ResumeInputChanged(path, "its size changed"));
            // Same size and time: taken as unchanged without reading it again; otherwise the content decides.
            if (info.LastWriteTimeUtc.ToString("o", CultureInfo.InvariantCulture) == o.Value<string>("mtime")) continue;
            if (Digest(path)?.Value<string>("sha256") != o.Value<string>("sha256"))
                throw new UsageException(Messages.ResumeInputChanged(path, "its content changed"));
        }
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
