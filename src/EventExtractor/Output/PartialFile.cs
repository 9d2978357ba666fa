using System.Text;

namespace EventExtractor.Output;

/// <summary>
/// A text file written in place at <c>&lt;path&gt;.partial</c> and renamed to its path only when complete, so the
/// final file never appears half-written, while an interrupted run leaves the partial file where a resumed run can
/// reopen it, cut it back to the length its checkpoint vouches for, and append. UTF-8 without a byte-order mark.
/// The file is locked against a second run writing the same output.
/// </summary>
internal sealed class PartialFile : IDisposable
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private bool _committed;
    private bool _disposed;

    /// <summary>Opens the partial file of <paramref name="path"/>.</summary>
    /// <param name="path">The final path.</param>
    /// <param name="resumeAt">Null to start empty; else the length to cut the existing partial file back to before appending.</param>
    /// <exception cref="IOException">The folder cannot be written, the file is in use, or it is shorter than <paramref name="resumeAt"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public PartialFile(string path, long? resumeAt)
    {
        TargetPath = Path.GetFullPath(path);
        PartialPath = PathFor(TargetPath);
        _stream = new FileStream(PartialPath, resumeAt is null ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        if (resumeAt is long length)
        {
            if (_stream.Length < length)
            {
                _stream.Dispose();
                throw new IOException($"'{PartialPath}' is shorter ({_stream.Length} bytes) than its checkpoint says ({length} bytes)");
            }
            _stream.SetLength(length);
            _stream.Position = length;
        }
        _writer = new StreamWriter(_stream, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
    }

    /// <summary>The partial file of a final path.</summary>
    public static string PathFor(string path) => path + ".partial";

    /// <summary>The final path, made absolute.</summary>
    public string TargetPath { get; }

    /// <summary>Where the text is written until <see cref="Commit"/>.</summary>
    public string PartialPath { get; }

    /// <summary>Where to write the text.</summary>
    public TextWriter Writer => _writer;

    /// <summary>True when nothing was written (after a <see cref="Sync"/>).</summary>
    public bool IsEmpty => _stream.Length == 0;

    /// <summary>Flushes what was written to disk and returns the file's length: a point a resumed run can cut back to.</summary>
    public long Sync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.Flush();
        _stream.Flush(flushToDisk: true);
        return _stream.Length;
    }

    /// <summary>Flushes to disk and renames the partial file over the final path.</summary>
    public void Commit()
    {
        Sync();
        _writer.Dispose();
        File.Move(PartialPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>Flushes to disk, closes, and deletes the partial file and any file at the final path (nothing to show).</summary>
    public void CommitEmpty()
    {
        _writer.Dispose();
        File.Delete(PartialPath);
        File.Delete(TargetPath);
        _committed = true;
    }

    /// <summary>Closes the file. Without a commit the partial file stays, for a resumed run.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_committed) return;
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // The run is failing already; the checkpoint says how much of the file counts.
        }
    }
}
