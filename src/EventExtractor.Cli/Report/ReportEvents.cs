using System.Globalization;
using CsvHelper;
using EventExtractor.Diagnostics;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Report;

/// <summary>One event as the report shows it (text values trimmed; unknown numbers null).</summary>
internal sealed record ReportEvent(
    string Id, DateOnly? Date, string EventType, string SubEventType, string Actor1, string Actor2, string Country,
    string Admin1, string Location, double? Latitude, double? Longitude, int Fatalities, string Notes, string ArticleId);

/// <summary>
/// Reads event records for the report from what extract writes or eval reads: JSON Lines, a JSON array, ACLED CSV,
/// a SQLite database with an <c>events</c> table, or a folder of such files (like corpus/gold/). Unreadable values are
/// left empty and counted; a malformed line is reported and skipped.
/// </summary>
internal static class ReportEvents
{
    /// <summary>Reads every input in order.</summary>
    /// <exception cref="UsageException">An input is missing or of no known form.</exception>
    public static List<ReportEvent> Read(IEnumerable<string> inputs, Action<string> warn)
    {
        var events = new List<ReportEvent>();
        foreach (var input in inputs)
        {
            try
            {
                if (Directory.Exists(input))
                {
                    var files = Directory.GetFiles(input, "*.*", SearchOption.AllDirectories)
                        .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jsonl" or ".json" or ".csv")
                        .Order(StringComparer.Ordinal);
                    foreach (var f in files) ReadFile(f, events, warn, idFromFileName: true);
                }
                else if (File.Exists(input)) ReadFile(input, events, warn, idFromFileName: false);
                else throw new UsageException(Messages.EvalSourceNotFound(input));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException(Messages.EvalSourceUnreadable(input, e.Message));
            }
        }
        return events;
    }

    private static void ReadFile(string path, List<ReportEvent> into, Action<string> warn, bool idFromFileName)
    {
        var fallbackId = idFromFileName ? Path.GetFileNameWithoutExtension(path) : "";
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".jsonl" or ".ndjson":
                int n = 0;
                foreach (var line in File.ReadLines(path))
                {
                    n++;
                    if (line.Trim().Length == 0) continue;
                    JObject o;
                    try
                    {
                        o = JObject.Parse(line);
                    }
                    catch (JsonException e)
                    {
                        warn(Messages.EvalBadJsonLine($"{path} line {n}", e.Message));
                        continue;
                    }
                    into.Add(FromValues(key => Text(o[key]), fallbackId));
                }
                break;
            case ".json":
                JToken root;
                try
                {
                    root = JToken.Parse(File.ReadAllText(path));
                }
                catch (JsonException e)
                {
                    throw new UsageException(Messages.EvalSourceUnreadable(path, e.Message));
                }
                foreach (var o in (root is JArray a ? a.Children().ToList() : [root]).OfType<JObject>())
                    into.Add(FromValues(key => Text(o[key]), fallbackId));
                break;
            case ".csv":
                using (var csv = CsvReader.Create(new StreamReader(path, detectEncodingFromByteOrderMarks: true), CsvReaderOptions.Default, leaveOpen: false))
                {
                    var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    for (int i = 0; i < csv.Headers.Count; i++) index.TryAdd(csv.Headers[i].Trim(), i);
                    if (!index.ContainsKey("sub_event_type")) throw new UsageException(Messages.EvalNotAcledCsv(path));
                    while (csv.Read())
                        into.Add(FromValues(key => index.TryGetValue(key, out var i) && i < csv.FieldCount ? csv.GetString(i) : null, fallbackId));
                }
                break;
            case ".db" or ".sqlite" or ".sqlite3":
                ReadSqlite(path, into);
                break;
            default:
                throw new UsageException(Messages.ReportUnknownInput(path));
        }
    }

    private static void ReadSqlite(string path, List<ReportEvent> into)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly };
        using var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM events ORDER BY event_date, event_id_cnty";
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
                into.Add(FromValues(key => columns.TryGetValue(key, out var i) && !reader.IsDBNull(i)
                    ? Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) : null, ""));
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(Messages.ReportNotEventsDatabase(path));
        }
        catch (SqliteException e)
        {
            throw new UsageException(Messages.EvalSourceUnreadable(path, e.Message));
        }
        finally
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    private static string? Text(JToken? t) => t switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        JArray a => string.Join("; ", a.Select(x => x.ToString())),
        _ => t.ToString(Formatting.None),
    };

    private static ReportEvent FromValues(Func<string, string?> value, string fallbackId)
    {
        string S(string key) => (value(key) ?? "").Trim();
        DateOnly? date = null;
        var d = S("event_date");
        if (d.Length >= 10 && DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
        double? Number(string key) => double.TryParse(S(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : null;
        var lat = Number("latitude");
        var lon = Number("longitude");
        if (lat is { } la && Math.Abs(la) > 90) lat = null;
        if (lon is { } lo && Math.Abs(lo) > 180) lon = null;
        int fatalities = Number("fatalities") is { } f && f >= 0 ? (int)Math.Min(f, int.MaxValue) : 0;
        var articleId = S("article_id");
        return new ReportEvent(S("event_id_cnty"), date, S("event_type"), S("sub_event_type"), S("actor1"), S("actor2"),
            S("country"), S("admin1"), S("location"), lat, lon, fatalities, S("notes"), articleId.Length > 0 ? articleId : fallbackId);
    }
}
