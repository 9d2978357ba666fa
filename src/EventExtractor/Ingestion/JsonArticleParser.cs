using EventExtractor.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Ingestion;

/// <summary>
/// Turns JSON article objects (<c>id</c>, <c>title</c>, <c>text</c>, <c>published</c>, <c>source</c>, <c>url</c>)
/// into <see cref="Article"/>s. Shared by .json, .jsonl and standard input so all three behave alike.
/// </summary>
internal static class JsonArticleParser
{
    /// <summary>Strings stay strings: Newtonsoft would otherwise turn date-looking values into DateTime.</summary>
    public static JsonReader NewReader(TextReader text) => new JsonTextReader(text)
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    /// <summary>Parses one JSON Lines line; appends the article and/or problems to <paramref name="into"/>.</summary>
    public static void ParseLine(string line, string input, int lineNumber, string fallbackId, DateOnly? defaultDate,
        List<ReadOutcome> into)
    {
        JToken token;
        try
        {
            using var reader = NewReader(new StringReader(line));
            token = JToken.ReadFrom(reader);
            // Anything after the first value on the line is an error too ("{...} {...}").
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
                throw new JsonReaderException("additional text after the JSON value");
        }
        catch (JsonException ex)
        {
            into.Add(Problem(input, lineNumber, Messages.MalformedJson(Why(ex))));
            return;
        }
        FromToken(token, input, lineNumber, $"{input}:{lineNumber}", fallbackId, defaultDate, into);
    }

    /// <summary>
    /// Reads a .json file: one object or an array of objects. Articles before a syntax error are kept; the error
    /// ends the file (JSON cannot be resynchronised the way JSON Lines can).
    /// </summary>
    public static void ParseDocument(string text, string input, string fileId, DateOnly? defaultDate, List<ReadOutcome> into)
    {
        try
        {
            using var reader = NewReader(new StringReader(text));
            if (!reader.Read()) { into.Add(Problem(input, 0, Messages.EmptyFile)); return; }
            if (reader.TokenType == JsonToken.StartArray)
            {
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    if (reader.TokenType == JsonToken.Comment) continue;
                    index++;
                    int line = (reader as IJsonLineInfo)?.LineNumber ?? 0;
                    var token = JToken.ReadFrom(reader);
                    FromToken(token, input, line, $"{input}#{index}", $"{fileId}-{index}", defaultDate, into);
                }
                if (reader.TokenType != JsonToken.EndArray)
                    throw new JsonReaderException("the array is not closed");
            }
            else
            {
                var token = JToken.ReadFrom(reader);
                FromToken(token, input, 0, input, fileId, defaultDate, into);
            }
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException("additional text after the JSON value");
            }
        }
        catch (JsonException ex)
        {
            int line = ex is JsonReaderException r ? r.LineNumber : 0;
            into.Add(Problem(input, line, Messages.MalformedJson(Why(ex))));
        }
    }

    private static void FromToken(JToken token, string input, int line, string origin, string fallbackId,
        DateOnly? defaultDate, List<ReadOutcome> into)
    {
        if (token is not JObject obj)
        {
            into.Add(Problem(input, line, Messages.NotAnArticleObject));
            return;
        }
        if (obj["text"] is { Type: not (JTokenType.String or JTokenType.Null) } notText)
        {
            into.Add(Problem(input, line, Messages.TextNotAString(TypeName(notText.Type))));
            return;
        }
        var text = Str(obj, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            into.Add(Problem(input, line, Messages.MissingText));
            return;
        }
        var title = Str(obj, "title")?.Trim();
        if (string.IsNullOrEmpty(title)) title = null;
        var id = Str(obj, "id")?.Trim();
        if (string.IsNullOrEmpty(id)) id = fallbackId;

        DateOnly? published = null;
        var publishedRaw = Str(obj, "published");
        if (!string.IsNullOrWhiteSpace(publishedRaw))
        {
            if (PublicationDateFinder.TryParseIso(publishedRaw, out var d)) published = d;
            else into.Add(Problem(input, line, Messages.BadPublishedDate(publishedRaw)));
        }

        var body = TextDecoder.NormalizeNewlines(text.Trim());
        var full = title is null ? body : title + "\n\n" + body;
        var (date, from) = PublicationDateFinder.Resolve(published, full, defaultDate);
        var article = new Article(id, title, full, date, Empty(Str(obj, "source")), Empty(Str(obj, "url")), origin)
        {
            PublishedFrom = from,
        };
        into.Add(new ReadOutcome(article, null));
    }

    private static string? Str(JObject obj, string name)
    {
        var t = obj[name];
        return t is null || t.Type == JTokenType.Null ? null
            : t.Type is JTokenType.Object or JTokenType.Array ? null
            : t.ToString();
    }

    private static string TypeName(JTokenType type) => type switch
    {
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => "not a string",
    };

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Why(JsonException ex)
    {
        // Newtonsoft appends "Path '...', line 1, position 5." which repeats what the problem line already says.
        var msg = ex.Message;
        int cut = msg.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = msg.IndexOf(", line ", StringComparison.Ordinal);
        return (cut > 0 ? msg[..cut] : msg).TrimEnd('.', ' ');
    }

    private static ReadOutcome Problem(string input, int line, string reason) =>
        new(null, new InputProblem(input, line, reason));
}
