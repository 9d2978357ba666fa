using System.Globalization;
using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// The values of a record's 31 ACLED columns, in <see cref="AcledRecord.AcledColumns"/> order, shared by every
/// format so CSV and JSON never disagree. Strings stay strings (empty when unknown); numbers that may be unknown
/// are null; coordinates are rounded to ACLED's 4 decimals.
/// </summary>
internal static class AcledValues
{
    /// <summary>The column values, one per <see cref="AcledRecord.AcledColumns"/> entry: string, int?, long or double?.</summary>
    public static object?[] Of(AcledRecord r) =>
    [
        r.EventIdCnty, r.EventDate, r.Year, r.TimePrecision, r.DisorderType, r.EventType, r.SubEventType,
        r.Actor1, r.AssocActor1, r.Inter1, r.Actor2, r.AssocActor2, r.Inter2, r.Interaction, r.CivilianTargeting,
        r.Iso, r.Region, r.Country, r.Admin1, r.Admin2, r.Admin3, r.Location, Coordinate(r.Latitude), Coordinate(r.Longitude),
        r.GeoPrecision, r.Source, r.SourceScale, r.Notes, r.Fatalities, r.Tags, r.Timestamp,
    ];

    /// <summary>A coordinate rounded to 4 decimals exactly as it is printed, so the JSON number equals the CSV text.</summary>
    public static double? Coordinate(double? value)
    {
        if (value is not double v || !double.IsFinite(v)) return null;
        var rounded = double.Parse(v.ToString("F4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? 0.0 : rounded; // no "-0.0000"
    }

    /// <summary>The CSV text of one value: invariant culture, coordinates with 4 decimals, null as empty.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("F4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
