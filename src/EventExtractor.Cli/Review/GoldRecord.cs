using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Lexicons;
using EventExtractor.Records;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli.Review;

/// <summary>
/// A record in the corpus's gold format (corpus/README.md): the keys a coder fills, in the corpus's order. The
/// review page edits records in this shape; <see cref="Normalize"/> checks what a browser posts and derives what
/// follows from a choice (event and disorder type from the sub-event type, interaction from the inter codes,
/// ISO number from the country).
/// </summary>
internal static class GoldRecord
{
    /// <summary>The gold keys, in the order the corpus writes them.</summary>
    public static readonly string[] Keys =
    [
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
        "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "country", "admin1", "admin2", "location",
        "latitude", "longitude", "geo_precision", "fatalities", "injuries", "weapons", "notes",
    ];

    /// <summary>ACLED's inter names (codes 1 to 8).</summary>
    public static readonly string[] InterNames = Enumerable.Range(1, 8).Select(RecordBuilder.InterName).ToArray();

    /// <summary>The gold form of an extracted record.</summary>
    public static JObject FromRecord(AcledRecord r)
    {
        var o = new JObject
        {
            ["event_date"] = r.EventDate,
            ["time_precision"] = r.TimePrecision,
            ["event_type"] = r.EventType,
            ["sub_event_type"] = r.SubEventType,
            ["actor1"] = r.Actor1,
            ["assoc_actor_1"] = r.AssocActor1,
            ["inter1"] = r.Inter1,
            ["actor2"] = r.Actor2,
            ["assoc_actor_2"] = r.AssocActor2,
            ["inter2"] = r.Inter2,
            ["interaction"] = r.Interaction,
            ["civilian_targeting"] = r.CivilianTargeting,
            ["iso"] = r.Iso,
            ["country"] = r.Country,
            ["admin1"] = r.Admin1,
            ["admin2"] = r.Admin2,
            ["location"] = r.Location,
            ["latitude"] = r.Latitude,
            ["longitude"] = r.Longitude,
            ["geo_precision"] = r.GeoPrecision,
            ["fatalities"] = r.Fatalities,
            ["injuries"] = r.Injuries,
            ["weapons"] = new JArray(r.Weapons),
            ["notes"] = r.Notes,
        };
        return o;
    }

    /// <summary>
    /// Checks and completes a posted record. <paramref name="strict"/> (a reviewed record) needs a known sub-event
    /// type; a pending one is kept as it is typed. Throws <see cref="FormatException"/> with the reason.
    /// </summary>
    public static JObject Normalize(JToken? token, CountryTable countries, bool strict)
    {
        if (token is not JObject input) throw new FormatException("expected a JSON object");
        var o = new JObject();
        string Str(string key)
        {
            var t = input[key];
            return t is null || t.Type == JTokenType.Null ? "" : t.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float
                ? Convert.ToString(((JValue)t).Value, CultureInfo.InvariantCulture)!.Trim()
                : throw new FormatException($"'{key}' should be text");
        }

        var subType = AcledTaxonomy.ParseSubEvent(Str("sub_event_type"));
        if (strict && subType == SubEventType.None)
            throw new FormatException($"'sub_event_type' '{Str("sub_event_type")}' is not one of the 25 sub-event types");

        var date = Str("event_date");
        if (date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new FormatException($"'event_date' '{date}' is not a date (YYYY-MM-DD)");

        string inter1 = Inter(Str("inter1"), "inter1"), inter2 = Inter(Str("inter2"), "inter2");
        var country = Str("country");
        var known = country.Length > 0 ? countries.Find(country) : null;

        o["event_date"] = date;
        o["time_precision"] = Whole(input["time_precision"], "time_precision", 1, 3);
        o["event_type"] = subType == SubEventType.None ? "" : AcledTaxonomy.Name(AcledTaxonomy.EventTypeOf(subType));
        o["sub_event_type"] = subType == SubEventType.None ? "" : AcledTaxonomy.Name(subType);
        o["actor1"] = Str("actor1");
        o["assoc_actor_1"] = Str("assoc_actor_1");
        o["inter1"] = inter1;
        o["actor2"] = Str("actor2");
        o["assoc_actor_2"] = Str("assoc_actor_2");
        o["inter2"] = inter2;
        o["interaction"] = RecordBuilder.Interaction(InterCode(inter1), InterCode(inter2));
        o["civilian_targeting"] = inter2 == "Civilians" || inter1 == "Civilians" ? "Civilians targeted" : "";
        o["iso"] = known?.IsoNumeric is int iso && iso > 0 ? iso : null;
        o["country"] = known?.Name ?? country;
        o["admin1"] = Str("admin1");
        o["admin2"] = Str("admin2");
        o["location"] = Str("location");
        o["latitude"] = Coordinate(input["latitude"], "latitude", 90);
        o["longitude"] = Coordinate(input["longitude"], "longitude", 180);
        o["geo_precision"] = Whole(input["geo_precision"], "geo_precision", 1, 3);
        o["fatalities"] = Whole(input["fatalities"], "fatalities", 0, 1_000_000) ?? 0;
        o["injuries"] = Whole(input["injuries"], "injuries", 0, 1_000_000) ?? 0;
        o["weapons"] = Weapons(input["weapons"]);
        o["notes"] = Str("notes");
        return o;
    }

    /// <summary>The disorder type the codebook gives a sub-event type ("" when none).</summary>
    public static string DisorderType(string subEventType)
    {
        var t = AcledTaxonomy.ParseSubEvent(subEventType);
        return t == SubEventType.None ? "" : AcledTaxonomy.DisorderType(t);
    }

    private static string Inter(string value, string key)
    {
        if (value.Length == 0) return "";
        foreach (var name in InterNames)
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) return name;
        throw new FormatException($"'{key}' '{value}' is not an inter code name ({string.Join(", ", InterNames)})");
    }

    private static int InterCode(string name) => name.Length == 0 ? 0 : Array.IndexOf(InterNames, name) + 1;

    private static int? Whole(JToken? t, string key, int min, int max)
    {
        if (t is null || t.Type == JTokenType.Null || (t.Type == JTokenType.String && ((string)t!).Trim().Length == 0)) return null;
        var text = t.Type == JTokenType.String ? ((string)t!).Trim() : t.ToString();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        throw new FormatException($"'{key}' '{text}' is not a whole number from {min} to {max}");
    }

    private static double? Coordinate(JToken? t, string key, double limit)
    {
        if (t is null || t.Type == JTokenType.Null || (t.Type == JTokenType.String && ((string)t!).Trim().Length == 0)) return null;
        var text = t.Type == JTokenType.String ? ((string)t!).Trim() : Convert.ToString(((JValue)t).Value, CultureInfo.InvariantCulture)!;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit)
            return Math.Round(v, 4);
        throw new FormatException($"'{key}' '{text}' is not a coordinate (at most {limit} either way)");
    }

    private static JArray Weapons(JToken? t) => t switch
    {
        null or { Type: JTokenType.Null } => new JArray(),
        JArray a => new JArray(a.Select(x => x.Type == JTokenType.String ? ((string)x!).Trim() : throw new FormatException("'weapons' should be a list of texts"))
            .Where(s => s.Length > 0)),
        JValue { Type: JTokenType.String } s => new JArray(((string)s!).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        _ => throw new FormatException("'weapons' should be a list of texts"),
    };
}
