using CsvHelper;
using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// ACLED's CSV export: a header row and exactly the 31 columns of <see cref="AcledRecord.AcledColumns"/> in order
/// (our extra fields are not written: the file must load wherever an ACLED export does). Invariant culture, "\n"
/// line ends, RFC 4180 quoting, coordinates with 4 decimals, unknown values empty, UTF-8 without BOM; text that a
/// spreadsheet would run as a formula is neutralised (<see cref="NeutraliseFormula"/>).
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
        foreach (var value in AcledValues.Of(record))
            _csv.WriteField(value is string text ? NeutraliseFormula(text) : AcledValues.Format(value));
        _csv.EndRecord();
    }

    /// <summary>
    /// A text cell a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return:
    /// OWASP's list for CSV injection) gets a leading apostrophe, which spreadsheets show as text and do not run.
    /// Only text cells: numbers (a negative longitude) are written as they are.
    /// </summary>
    public static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <inheritdoc />
    protected override void FlushFormat() => _csv.Flush();

    /// <inheritdoc />
    protected override void Finish() => _csv.Dispose(); // flushes; the text writer stays open for the commit

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing) _csv.Dispose();
        }
        catch (IOException)
        {
            // The output failed already; what matters is that the temporary file goes.
        }
        finally
        {
            base.Dispose(disposing);
        }
    }
}
