using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>
/// JSON Lines: one record per line as a compact JSON object (see <see cref="JsonRecordWriter"/> for the keys),
/// each line ended by "\n". Also what goes to standard output, where records appear as they are written.
/// </summary>
internal sealed class JsonLinesRecordSink : TextRecordSink
{
    private readonly JsonTextWriter _json;

    /// <summary>Writes to <paramref name="path"/>, atomically on <see cref="TextRecordSink.Commit"/>.</summary>
    public JsonLinesRecordSink(string path) : base(path) => _json = JsonRecordWriter.Create(Writer, Formatting.None);

    /// <summary>Writes to <paramref name="writer"/> (e.g. standard output), which is left open.</summary>
    public JsonLinesRecordSink(TextWriter writer) : base(writer) => _json = JsonRecordWriter.Create(Writer, Formatting.None);

    /// <inheritdoc />
    public override void Write(AcledRecord record)
    {
        JsonRecordWriter.Write(_json, record);
        _json.Flush();
        Writer.Write('\n');
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _json.Close();
        base.Dispose(disposing);
    }
}
