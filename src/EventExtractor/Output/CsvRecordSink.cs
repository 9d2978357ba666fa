using CsvHelper;
using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// ACLED's CSV export: a header row and exactly the 31 columns of <see cref="AcledRecord.AcledColumns"/> in order
/// (our extra fields are not written: the file must load wherever an ACLED export does). Invariant culture, "\n"
/// line ends, RFC 4180 quoting, coordinates with 4 decimals, unknown values empty, UTF-8 without BOM.
/// </summary>
internal sealed class CsvRecordSink : TextRecordSink
{
    // The defaults are RFC 4180 quoting and the invariant culture; only the line end differs.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    private readonly CsvWriter _csv;

    /// <summary>Writes to <paramref name="path"/>, atomically on <see cref="TextRecordSink.Commit"/>.</summary>
    public CsvRecordSink(string path) : base(path) => _csv = Start(Writer);

    /// <summary>Writes to <paramref name="writer"/>, which is left open.</summary>
    public CsvRecordSink(TextWriter writer) : base(writer) => _csv = Start(Writer, header: true);

    /// <summary>Writes to <paramref name="writer"/>, which is left open; without the header row when appending to a file that has it.</summary>
    public CsvRecordSink(TextWriter writer, bool header) : base(writer) => _csv = Start(Writer, header);

    private static CsvWriter Start(TextWriter writer, bool header = true)
    {
        var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        if (header) csv.WriteHeader(AcledRecord.AcledColumns);
        return csv;
    }

    /// <inheritdoc />
    public override void Write(AcledRecord record)
    {
        foreach (var value in AcledValues.Of(record)) _csv.WriteField(AcledValues.Format(value));
        _csv.EndRecord();
    }

    /// <inheritdoc />
    protected override void FlushFormat() => _csv.Flush();

    /// <inheritdoc />
    protected override void Finish() => _csv.Dispose(); // flushes; the text writer stays open for the commit

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _csv.Dispose();
        base.Dispose(disposing);
    }
}
