namespace EventExtractor.Extraction;

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
public readonly record struct PlaceInfo(int Id, string Location, string Iso2, string Admin1, string Admin2, double Latitude, double Longitude, int Population, bool IsRegion)
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
public enum PlaceLevel
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

/// <summary>The gazetteer as the extraction stages use it.</summary>
public interface IPlaceLookup
{
    /// <summary>Longest place name in words.</summary>
    int MaxNameWords { get; }

    /// <summary>True when some place is called this (raw text, any spelling); a cheap pre-check that allocates nothing.</summary>
    bool HasName(ReadOnlySpan<char> surface);

    /// <summary>True when some place name has the same transliteration skeleton; allocates nothing.</summary>
    bool HasSkeleton(ReadOnlySpan<char> surface);

    /// <summary>
    /// Picks the best place called <paramref name="surface"/> given the article's countries (most likely first)
    /// and the places already resolved; false for no or weak candidates. <paramref name="strict"/> asks for a
    /// well-known place only (a capitalised word without a locative cue before it).
    /// </summary>
    /// <paramref name="allowSkeleton"/> lets another romanisation of a name match when no spelling does.
    bool TryResolve(string surface, IReadOnlyList<string> preferredIso2, IReadOnlyList<(double Latitude, double Longitude)> context, bool strict, out PlaceInfo place, bool allowSkeleton = false);

    /// <summary>The place by gazetteer id.</summary>
    PlaceInfo Get(int id);

    /// <summary>The capital of a country, when known.</summary>
    bool TryCapital(string iso2, out PlaceInfo place);

    /// <summary>
    /// The admin1 region with this name (for "Anbar province"), in the first of the article's countries that has
    /// one, else the most populous anywhere; any spelling, another romanisation too.
    /// </summary>
    bool TryRegion(string name, IReadOnlyList<string> preferredIso2, out PlaceInfo place);

    /// <summary>The admin2 district with this name (for "the Soran district"), chosen as <see cref="TryRegion"/> does.</summary>
    bool TryDistrict(string name, IReadOnlyList<string> preferredIso2, out PlaceInfo place);

    /// <summary>
    /// True when a notable place of another country than <paramref name="iso2"/> (a capital, a provincial seat, or
    /// a city of 100,000) bears this name too ("Hyderabad" in India and in Pakistan): weak evidence of a country.
    /// </summary>
    bool HasNotableNamesakeAbroad(string surface, string iso2);

    /// <summary>The nearest town of a country to a point (for the province of a site no town names).</summary>
    bool TryNearest(string iso2, double latitude, double longitude, out PlaceInfo place);

    /// <summary>Great-circle distance in km.</summary>
    double DistanceKm(PlaceInfo a, PlaceInfo b);
}
