using System.Text;

namespace EventExtractor.Output;

/// <summary>
/// A text file that appears at its path all at once, or not at all. Text goes to <c>&lt;path&gt;.tmp-&lt;pid&gt;</c>
/// in the same folder (so the final rename stays on one file system and is atomic); <see cref="Commit"/> renames it
/// over the target; disposing without a commit deletes it. UTF-8 without a byte-order mark, "\n" line ends.
/// </summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private bool _committed;
    private bool _disposed;

    /// <summary>Creates (or truncates) the temporary file for <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write in the folder.</exception>
    public AtomicFileWriter(string path)
    {
        TargetPath = Path.GetFullPath(path);
        TempPath = $"{TargetPath}.tmp-{Environment.ProcessId}";
        _stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None);
        _writer = new StreamWriter(_stream, Utf8NoBom) { NewLine = "\n" };
    }

    /// <summary>The final path, made absolute.</summary>
    public string TargetPath { get; }

    /// <summary>The temporary file written until <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    /// <summary>Where to write the text.</summary>
    public TextWriter Writer => _writer;

    /// <summary>Flushes the text to disk and renames the temporary file over the target (replacing it).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed) throw new InvalidOperationException("already committed");
        _writer.Flush();
        // Data on disk before the rename: otherwise a crash right after could leave an empty file at the target.
        _stream.Flush(flushToDisk: true);
        _writer.Dispose();
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the file; without a commit, deletes the temporary file and leaves the target as it was.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_committed) return;
        try
        {
            // Flushing what is left can fail the way the run did (a full disk): the file goes all the same.
            _writer.Dispose();
        }
        catch (IOException)
        {
        }
        finally
        {
            _stream.Dispose();
        }
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is harmless and names its process.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
