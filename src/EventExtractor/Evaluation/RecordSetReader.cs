using System.Globalization;
using CsvHelper;
using EventExtractor.Diagnostics;
using EventExtractor.Records;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Evaluation;

/// <summary>
/// Reads gold or predicted records for evaluation from any of the forms they come in:
/// <list type="bullet">
/// <item>a folder of <c>&lt;article_id&gt;.jsonl</c> files (like corpus/gold/): the file name is the article id and an
/// empty file is an article with no event;</item>
/// <item>a JSON Lines file (<c>.jsonl</c>) or a JSON array (<c>.json</c>) of records with our keys;</item>
/// <item>an ACLED CSV export (<c>.csv</c>, the 31 columns, optionally an <c>article_id</c> column).</item>
/// </list>
/// In a file, each record's article is its <c>article_id</c>; a record of a merged event ("a-01; a-02") belongs to
/// each article it names. A file whose records carry no article id at all is one article, named after the file
/// (<see cref="RecordSet.HasArticleIds"/> is then false). Values are parsed leniently: a value that cannot be read
/// is left empty and the row is reported once through the warning callback, naming the file and line.
/// </summary>
internal sealed class RecordSetReader
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "yyyy/MM/dd", "yyyyMMdd"];

    private readonly Action<string> _warn;

    /// <summary>Creates a reader; <paramref name="warn"/> receives one message per bad row (null: ignored).</summary>
    public RecordSetReader(Action<string>? warn = null) => _warn = warn ?? (_ => { });

    /// <summary>Reads a folder, .jsonl, .json or .csv source.</summary>
    /// <exception cref="UsageException">The source does not exist, cannot be read, or is of no known form.</exception>
    public RecordSet Read(string path)
    {
        try
        {
            if (Directory.Exists(path)) return ReadFolder(GoldFolderOf(path));
            if (!File.Exists(path)) throw new UsageException(Messages.EvalSourceNotFound(path));
            var ext = Path.GetExtension(path).ToLowerInvariant();
            return ext switch
            {
                ".csv" => ReadCsv(path),
                ".jsonl" or ".ndjson" => ReadJsonFile(path, array: false),
                ".json" => ReadJsonFile(path, array: true),
                _ => Sniff(path),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.EvalSourceUnreadable(path, e.Message));
        }
    }

    /// <summary>
    /// The folder of .jsonl records in <paramref name="path"/>: itself, or for a corpus root (corpus/, a review's gold
    /// folder) that holds none, its <c>gold/</c> folder.
    /// </summary>
    public static string GoldFolderOf(string path)
    {
        var gold = Path.Combine(path, "gold");
        return Directory.GetFiles(path, "*.jsonl").Length == 0 && Directory.Exists(gold) ? gold : path;
    }

    private RecordSet Sniff(string path)
    {
        var first = File.ReadLines(path).Select(l => l.TrimStart()).FirstOrDefault(l => l.Length > 0);
        if (first is null || first[0] == '{') return ReadJsonFile(path, array: false);
        if (first[0] == '[') return ReadJsonFile(path, array: true);
        if (first.Contains("sub_event_type", StringComparison.OrdinalIgnoreCase)) return ReadCsv(path);
        throw new UsageException(Messages.EvalUnknownFormat(path));
    }

    private RecordSet ReadFolder(string path)
    {
        var files = Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new UsageException(Messages.EvalEmptyFolder(path));
        var articles = new List<KeyValuePair<string, List<EvalRecord>>>();
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var records = new List<EvalRecord>();
            // The file name is the article: an article_id inside (if any) is not consulted.
            foreach (var (obj, line) in JsonObjects(file, array: false))
            {
                var record = FromJson(obj, file, line);
                record.ArticleId = id;
                records.Add(record);
            }
            articles.Add(new(id, records));
        }
        return new RecordSet(path, articles, hasArticleIds: true);
    }

    private RecordSet ReadJsonFile(string path, bool array)
    {
        var rows = new List<(EvalRecord Record, string? Ids, string Where)>();
        foreach (var (obj, line) in JsonObjects(path, array))
        {
            var ids = obj["article_id"] is JValue { Value: not null } v ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;
            rows.Add((FromJson(obj, path, line), ids, Where(path, line)));
        }
        return Group(path, rows);
    }

    private RecordSet ReadCsv(string path)
    {
        var rows = new List<(EvalRecord Record, string? Ids, string Where)>();
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true };
        using (var csv = CsvReader.Create(new StreamReader(path, detectEncodingFromByteOrderMarks: true), options, leaveOpen: false))
        {
            var headers = csv.Headers;
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < headers.Count; i++) index.TryAdd(headers[i].Trim(), i);
            if (!index.ContainsKey("sub_event_type")) throw new UsageException(Messages.EvalNotAcledCsv(path));
            while (csv.Read())
            {
                string? Text(string key) => index.TryGetValue(key, out var i) && i < csv.FieldCount ? csv.GetString(i) : null;
                var where = Where(path, (int)csv.LineNumber);
                var weapons = Text("weapons") is string w ? SplitList(w) : null;
                rows.Add((Build(Text, weapons, where), Text("article_id"), where));
            }
        }
        return Group(path, rows);
    }

    private RecordSet Group(string path, List<(EvalRecord Record, string? Ids, string Where)> rows)
    {
        bool anyIds = rows.Any(r => !string.IsNullOrWhiteSpace(r.Ids));
        var articles = new Dictionary<string, List<EvalRecord>>(StringComparer.Ordinal);
        if (!anyIds)
        {
            // Nothing names an article: the file is one. An empty file is no article at all, so an empty
            // prediction file still means "nothing found" rather than one pooled article.
            if (rows.Count > 0)
            {
                var id = Path.GetFileNameWithoutExtension(path);
                foreach (var r in rows) r.Record.ArticleId = id;
                articles[id] = rows.Select(r => r.Record).ToList();
            }
            return new RecordSet(path, articles, hasArticleIds: rows.Count == 0);
        }
        foreach (var (record, ids, where) in rows)
        {
            var names = SplitList(ids ?? "");
            if (names.Count == 0)
            {
                _warn(Messages.EvalNoArticleId(where));
                continue;
            }
            // A cross-article merge names several articles: the event was reported by each of them.
            for (int i = 0; i < names.Count; i++)
            {
                var copy = i == 0 ? record : record.Copy();
                copy.ArticleId = names[i];
                if (!articles.TryGetValue(names[i], out var list)) articles[names[i]] = list = new();
                list.Add(copy);
            }
        }
        return new RecordSet(path, articles, hasArticleIds: true);
    }

    private IEnumerable<(JObject Obj, int Line)> JsonObjects(string path, bool array)
    {
        var settings = new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load };
        if (array)
        {
            JToken root;
            using (var reader = new JsonTextReader(new StreamReader(path, detectEncodingFromByteOrderMarks: true)) { DateParseHandling = DateParseHandling.None })
            {
                try
                {
                    root = JToken.ReadFrom(reader, settings);
                }
                catch (JsonException e)
                {
                    throw new UsageException(Messages.EvalSourceUnreadable(path, e.Message));
                }
            }
            IEnumerable<JToken> items = root is JArray a ? a.Children() : [root];
            foreach (var item in items)
            {
                int line = ((IJsonLineInfo)item).LineNumber;
                if (item is JObject o) yield return (o, line);
                else _warn(Messages.EvalBadJsonLine(Where(path, line), $"found {item.Type}"));
            }
            yield break;
        }
        int n = 0;
        foreach (var text in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JObject? obj = null;
            string? why = null;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                var token = JToken.ReadFrom(reader);
                if (token is JObject o) obj = o;
                else why = $"found {token.Type}";
            }
            catch (JsonException e)
            {
                why = e.Message;
            }
            if (obj is null) _warn(Messages.EvalBadJsonLine(Where(path, n), why!));
            else yield return (obj, n);
        }
    }

    private EvalRecord FromJson(JObject obj, string path, int line)
    {
        string? Text(string key) => obj[key] switch
        {
            null or JValue { Type: JTokenType.Null } => null,
            JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
            JArray a => string.Join("; ", a.Select(t => t.ToString())),
            var t => t.ToString(Formatting.None),
        };
        List<string>? weapons = obj["weapons"] switch
        {
            JArray a => a.Where(t => t.Type != JTokenType.Null).Select(t => t.ToString().Trim()).Where(s => s.Length > 0).ToList(),
            JValue { Type: JTokenType.String } s => SplitList((string)s!),
            _ => null,
        };
        return Build(Text, weapons, Where(path, line));
    }

    /// <summary>Builds a record from raw field texts, reporting the unreadable ones in one warning.</summary>
    private EvalRecord Build(Func<string, string?> text, List<string>? weapons, string where)
    {
        var problems = new List<string>();
        string Str(string key) => (text(key) ?? "").Trim();

        var r = new EvalRecord
        {
            Origin = where,
            EventDate = ParseDate(Str("event_date"), problems),
            TimePrecision = ParseInt("time_precision", Str("time_precision"), problems),
            EventType = CanonicalEventType(Str("event_type")),
            SubEventType = CanonicalSubEvent(Str("sub_event_type")),
            Actor1 = Str("actor1"),
            Actor2 = Str("actor2"),
            Inter1 = Str("inter1"),
            Inter2 = Str("inter2"),
            Interaction = Str("interaction"),
            CivilianTargeting = Str("civilian_targeting"),
            Location = Str("location"),
            Admin1 = Str("admin1"),
            Latitude = ParseCoordinate("latitude", Str("latitude"), 90, problems),
            Longitude = ParseCoordinate("longitude", Str("longitude"), 180, problems),
            GeoPrecision = ParseInt("geo_precision", Str("geo_precision"), problems),
            Fatalities = ParseInt("fatalities", Str("fatalities"), problems),
            Weapons = weapons,
            Confidence = ParseCoordinate("confidence", Str("confidence"), 1, problems) is double c && c >= 0 ? c : null,
        };
        if (problems.Count > 0) _warn(Messages.EvalBadValues(where, string.Join(", ", problems)));
        return r;
    }

    private static string Where(string path, int line) => $"{path} line {line}";

    private static List<string> SplitList(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string CanonicalSubEvent(string value) =>
        AcledTaxonomy.ParseSubEvent(value) is var t && t != SubEventType.None ? AcledTaxonomy.Name(t) : value;

    private static string CanonicalEventType(string value) =>
        AcledTaxonomy.ParseEventType(value) is var t && t != EventType.None ? AcledTaxonomy.Name(t) : value;

    /// <summary>Parses a number leniently: invariant culture, a lone decimal comma accepted.</summary>
    public static bool TryParseNumber(string value, out double number)
    {
        var v = value.Trim();
        if (v.Contains(',') && !v.Contains('.') && v.Count(c => c == ',') == 1) v = v.Replace(',', '.');
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    private static int? ParseInt(string key, string value, List<string> problems)
    {
        if (value.Length == 0) return null;
        // "8.0" from a spreadsheet is 8; "8.5" or "-1" is no count.
        if (TryParseNumber(value, out var n) && n >= 0 && n <= int.MaxValue && Math.Abs(n - Math.Round(n)) < 1e-9) return (int)Math.Round(n);
        problems.Add($"{key} '{value}' is not a whole number");
        return null;
    }

    private static double? ParseCoordinate(string key, string value, double limit, List<string> problems)
    {
        if (value.Length == 0) return null;
        if (TryParseNumber(value, out var n) && Math.Abs(n) <= limit) return n;
        problems.Add($"{key} '{value}' is not a coordinate");
        return null;
    }

    private static DateOnly? ParseDate(string value, List<string> problems)
    {
        if (value.Length == 0) return null;
        var v = value;
        // An ISO timestamp's day is what counts.
        if (v.Length > 10 && v[4] == '-' && (v[10] == 'T' || v[10] == ' ')) v = v[..10];
        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d)) return d;
        problems.Add($"event_date '{value}' is not a date");
        return null;
    }

    /// <summary>
    /// Reads a splits file: one "id&lt;TAB&gt;split" a line (spaces also separate; a header line "id split" and
    /// blank lines are skipped). Other lines are reported through <paramref name="warn"/>.
    /// </summary>
    public static Dictionary<string, string> ReadSplits(string path, Action<string>? warn = null)
    {
        var splits = new Dictionary<string, string>(StringComparer.Ordinal);
        int n = 0;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    warn?.Invoke(Messages.EvalSplitsBadLine(path, n));
                    continue;
                }
                if (n == 1 && parts[1].Equals("split", StringComparison.OrdinalIgnoreCase)) continue;
                splits[parts[0]] = parts[1].ToLowerInvariant();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.EvalSourceUnreadable(path, e.Message));
        }
        return splits;
    }
}
