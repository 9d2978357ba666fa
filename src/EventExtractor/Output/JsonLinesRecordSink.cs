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
    private readonly bool _flushEachRecord;

    /// <summary>Writes to <paramref name="path"/>, atomically on <see cref="TextRecordSink.Commit"/>.</summary>
    public JsonLinesRecordSink(string path) : base(path) => _json = JsonRecordWriter.Create(Writer, Formatting.None);

    /// <summary>Writes to <paramref name="writer"/> (e.g. standard output), which is left open.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="flushEachRecord">Hand each record to the writer's stream at once, so a reader of standard output
    /// sees it as it is written; a file that is flushed at checkpoints (<see cref="TextRecordSink.Flush"/>) does not
    /// need a write to the file system per record.</param>
    public JsonLinesRecordSink(TextWriter writer, bool flushEachRecord = true) : base(writer)
    {
        _json = JsonRecordWriter.Create(Writer, Formatting.None);
        _flushEachRecord = flushEachRecord;
    }

    /// <inheritdoc />
    public override void Write(AcledRecord record)
    {
        // The JSON writer writes straight into Writer (it keeps no text of its own), so the newline follows it unflushed.
        JsonRecordWriter.Write(_json, record);
        if (_flushEachRecord) _json.Flush();
        Writer.Write('\n');
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _json.Close();
        base.Dispose(disposing);
    }
}
