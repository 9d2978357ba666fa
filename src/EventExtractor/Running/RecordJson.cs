using System.Globalization;
using EventExtractor.Output;
using EventExtractor.Records;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Running;

/// <summary>
/// Reads back a record written by <see cref="JsonRecordWriter"/>. Writing what was read gives the same bytes again
/// (coordinates and confidence are already rounded as printed), which is what lets shard outputs and checkpoints
/// carry records through a later merge unchanged.
/// </summary>
internal static class RecordJson
{
    /// <summary>The record in <paramref name="o"/>; absent keys keep their defaults.</summary>
    /// <exception cref="FormatException">A value has the wrong JSON type.</exception>
    public static AcledRecord Read(JObject o)
    {
        try
        {
            var r = new AcledRecord
            {
                EventIdCnty = Str(o, "event_id_cnty"),
                EventDate = Str(o, "event_date"),
                Year = Int(o, "year"),
                TimePrecision = Int(o, "time_precision"),
                DisorderType = Str(o, "disorder_type"),
                EventType = Str(o, "event_type"),
                SubEventType = Str(o, "sub_event_type"),
                Actor1 = Str(o, "actor1"),
                AssocActor1 = Str(o, "assoc_actor_1"),
                Inter1 = Str(o, "inter1"),
                Actor2 = Str(o, "actor2"),
                AssocActor2 = Str(o, "assoc_actor_2"),
                Inter2 = Str(o, "inter2"),
                Interaction = Str(o, "interaction"),
                CivilianTargeting = Str(o, "civilian_targeting"),
                Iso = Int(o, "iso"),
                Region = Str(o, "region"),
                Country = Str(o, "country"),
                Admin1 = Str(o, "admin1"),
                Admin2 = Str(o, "admin2"),
                Admin3 = Str(o, "admin3"),
                Location = Str(o, "location"),
                Latitude = Dbl(o, "latitude"),
                Longitude = Dbl(o, "longitude"),
                GeoPrecision = Int(o, "geo_precision"),
                Source = Str(o, "source"),
                SourceScale = Str(o, "source_scale"),
                Notes = Str(o, "notes"),
                Fatalities = Int(o, "fatalities") ?? 0,
                Tags = Str(o, "tags"),
                Timestamp = o["timestamp"] is { Type: not JTokenType.Null } t ? t.Value<long>() : 0,
                ArticleId = Str(o, "article_id"),
                Injuries = Int(o, "injuries") ?? 0,
                Confidence = Dbl(o, "confidence") ?? 0,
            };
            if (o[JsonRecordWriter.ArticleIdsKey] is JArray ids && ids.Count > 0)
                r.ArticleIds = ids.Select(i => i.Value<string>() ?? "").ToList();
            if (o["weapons"] is JArray weapons)
                foreach (var w in weapons) r.Weapons.Add(w.Value<string>() ?? "");
            if (o["evidence"] is JArray evidence)
                foreach (var e in evidence.OfType<JObject>())
                    r.Evidence.Add(new Evidence(Str(e, "field"), Str(e, "text"), Int(e, "start") ?? 0, Int(e, "end") ?? 0));
            return r;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>The JSON text of <paramref name="record"/> as one compact line (no newline).</summary>
    public static string ToLine(AcledRecord record)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
            JsonRecordWriter.Write(json, record);
        return text.ToString();
    }

    /// <summary>Parses one JSON line without turning date-like strings into dates.</summary>
    public static JObject ParseLine(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JObject.Load(reader);
    }

    private static string Str(JObject o, string key) => o[key] is { Type: not JTokenType.Null } t ? t.Value<string>() ?? "" : "";
    private static int? Int(JObject o, string key) => o[key] is { Type: not JTokenType.Null } t ? t.Value<int>() : null;
    private static double? Dbl(JObject o, string key) => o[key] is { Type: not JTokenType.Null } t ? t.Value<double>() : null;
}
