using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>
/// One JSON array of record objects (see <see cref="JsonRecordWriter"/> for the keys), indented by two spaces,
/// "\n" line ends and a final newline. An empty run gives <c>[]</c>.
/// </summary>
internal sealed class JsonArrayRecordSink : TextRecordSink
{
    private readonly JsonTextWriter _json;

    /// <summary>Writes to <paramref name="path"/>, atomically on <see cref="TextRecordSink.Commit"/>.</summary>
    public JsonArrayRecordSink(string path) : base(path) => _json = Start(Writer);

    /// <summary>Writes to <paramref name="writer"/>, which is left open.</summary>
    public JsonArrayRecordSink(TextWriter writer) : base(writer) => _json = Start(Writer);

    private static JsonTextWriter Start(TextWriter writer)
    {
        var json = JsonRecordWriter.Create(writer, Formatting.Indented);
        json.WriteStartArray();
        return json;
    }

    /// <inheritdoc />
    public override void Write(AcledRecord record) => JsonRecordWriter.Write(_json, record);

    /// <inheritdoc />
    protected override void Finish()
    {
        _json.WriteEndArray();
        _json.Close(); // flushes; leaves the text writer open for the newline and the commit
        Writer.Write('\n');
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing) _json.Close();
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
