namespace EventExtractor.Text;

/// <summary>A resolved place, as a record needs it.</summary>
/// <param name="Id">Gazetteer id (or -1 for a site from the site list).</param>
/// <param name="Location">ACLED-style location name ("Baghdad", "Baghdad - Mansour").</param>
/// <param name="Iso2">Country code.</param>
/// <param name="Admin1">Province in ACLED spelling.</param>
/// <param name="Admin2">District, if known.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Population">Population, 0 when unknown.</param>
/// <param name="IsRegion">True for a province/state rather than a town.</param>
internal readonly record struct PlaceInfo(int Id, string Location, string Iso2, string Admin1, string Admin2, double Latitude, double Longitude, int Population, bool IsRegion)
{
    /// <summary>How large a unit the place is: a town (or site), a district, a province, or only the country.</summary>
    public PlaceLevel Level { get; init; } = IsRegion ? PlaceLevel.Region : PlaceLevel.Town;

    /// <summary>The country alone, for an event whose place the text does not name (no coordinates).</summary>
    public static PlaceInfo CountryOnly(string iso2) =>
        new(-1, "", iso2, "", "", double.NaN, double.NaN, 0, true) { Level = PlaceLevel.Country };

    /// <summary>True when the place has coordinates (all but <see cref="PlaceLevel.Country"/>).</summary>
    public bool HasCoordinates => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

/// <summary>The size of the unit a place stands for; the record's geo_precision follows from it.</summary>
internal enum PlaceLevel
{
    /// <summary>A town, a part of a city or a named site: geo_precision 1 (2 when "near").</summary>
    Town,
    /// <summary>A district (admin2), at the centroid of its towns: geo_precision 2.</summary>
    District,
    /// <summary>A province or state (admin1), at its capital: geo_precision 3.</summary>
    Region,
    /// <summary>Only the country is known: geo_precision 3, no location or coordinates.</summary>
    Country,
}
