using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>
/// The JSON form of one record, shared by JSON Lines and JSON array output. Keys: the 31 ACLED columns in export
/// order with the same values as the CSV, then <c>article_id</c> (ids joined by "; "), <c>article_ids</c> (the ids as an
/// array, only when there are several), <c>weapons</c> (array of strings),
/// <c>injuries</c>, <c>confidence</c> (3 decimals) and <c>evidence</c> (array of <c>{field, text, start, end}</c>).
/// Text columns are strings, "" when unknown. Numeric columns are JSON numbers; those that can be unknown
/// (<c>year</c>, <c>time_precision</c>, <c>iso</c>, <c>latitude</c>, <c>longitude</c>, <c>geo_precision</c>) are
/// <c>null</c> then, never "" — so a reader can type them. <c>fatalities</c> and <c>timestamp</c> are always numbers.
/// </summary>
internal static class JsonRecordWriter
{
    /// <summary>Extra keys after the 31 ACLED columns, in output order.</summary>
    public static readonly string[] ExtraKeys = ["article_id", "weapons", "injuries", "confidence", "evidence"];

    /// <summary>The key of the article id list, written after <c>article_id</c> when a record lists several articles.</summary>
    public const string ArticleIdsKey = "article_ids";

    /// <summary>Writes <paramref name="record"/> as one JSON object.</summary>
    public static void Write(JsonWriter json, AcledRecord record)
    {
        json.WriteStartObject();
        var values = AcledValues.Of(record);
        for (int i = 0; i < values.Length; i++)
        {
            json.WritePropertyName(AcledRecord.AcledColumns[i]);
            json.WriteValue(values[i]);
        }
        json.WritePropertyName("article_id");
        json.WriteValue(record.ArticleId);
        if (record.ArticleIds.Count > 1)
        {
            // The joined article_id cannot be split back when an id holds "; ": the list says it unambiguously.
            json.WritePropertyName(ArticleIdsKey);
            json.WriteStartArray();
            foreach (var id in record.ArticleIds) json.WriteValue(id);
            json.WriteEndArray();
        }
        json.WritePropertyName("weapons");
        json.WriteStartArray();
        foreach (var weapon in record.Weapons) json.WriteValue(weapon);
        json.WriteEndArray();
        json.WritePropertyName("injuries");
        json.WriteValue(record.Injuries);
        json.WritePropertyName("confidence");
        json.WriteValue(Math.Round(record.Confidence, 3, MidpointRounding.AwayFromZero));
        json.WritePropertyName("evidence");
        json.WriteStartArray();
        foreach (var e in record.Evidence)
        {
            json.WriteStartObject();
            json.WritePropertyName("field");
            json.WriteValue(e.Field);
            json.WritePropertyName("text");
            json.WriteValue(e.Text);
            json.WritePropertyName("start");
            json.WriteValue(e.Start);
            json.WritePropertyName("end");
            json.WriteValue(e.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static JsonTextWriter Create(TextWriter writer, Formatting formatting) => new(writer)
    {
        Formatting = formatting,
        Indentation = 2,
        CloseOutput = false,
        // Unicode as is (the file is UTF-8); only what JSON requires is escaped.
        StringEscapeHandling = StringEscapeHandling.Default,
        FloatFormatHandling = FloatFormatHandling.DefaultValue,
    };
}
