using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// A sink that writes text either to an <see cref="AtomicFileWriter"/> (committed at the end) or straight to a
/// caller's <see cref="TextWriter"/> such as standard output (flushed at the end, never closed: it is not ours).
/// </summary>
internal abstract class TextRecordSink : IRecordSink
{
    private readonly AtomicFileWriter? _file;
    private bool _committed;

    /// <summary>Writes to a temporary file that replaces <paramref name="path"/> on commit.</summary>
    protected TextRecordSink(string path)
    {
        _file = new AtomicFileWriter(path);
        Writer = _file.Writer;
    }

    /// <summary>Writes straight to <paramref name="writer"/>, which stays open; a discarded run cannot be undone there.</summary>
    protected TextRecordSink(TextWriter writer)
    {
        Writer = writer;
    }

    /// <summary>The text output.</summary>
    protected TextWriter Writer { get; }

    /// <inheritdoc />
    public abstract void Write(AcledRecord record);

    /// <summary>Writes whatever closes the format (e.g. a closing bracket) and flushes format-level buffers.</summary>
    protected virtual void Finish()
    {
    }

    /// <summary>Flushes format-level buffers without finishing the format (a batch boundary of a long run).</summary>
    protected virtual void FlushFormat()
    {
    }

    /// <summary>
    /// Hands everything written so far to the text writer and flushes it, leaving the output open for more records:
    /// the point at which a checkpoint can measure the output, and at which standard output readers see the records.
    /// </summary>
    public void Flush()
    {
        if (_committed) throw new InvalidOperationException("already committed");
        FlushFormat();
        Writer.Flush();
    }

    /// <inheritdoc />
    public void Commit()
    {
        if (_committed) throw new InvalidOperationException("already committed");
        Finish();
        Writer.Flush();
        _file?.Commit();
        _committed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases format-level writers; the base deletes an uncommitted temporary file.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _file?.Dispose();
    }
}
