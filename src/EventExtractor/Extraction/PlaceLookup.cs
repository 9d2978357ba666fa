using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>The gazetteer as the extraction stages use it.</summary>
internal interface IPlaceLookup
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
    bool TryResolve(ReadOnlySpan<char> surface, IReadOnlyList<string> preferredIso2, IReadOnlyList<(double Latitude, double Longitude)> context, bool strict, out PlaceInfo place, bool allowSkeleton = false);

    /// <summary>The place by gazetteer id.</summary>
    PlaceInfo Get(int id);

    /// <summary>The capital of a country, when known.</summary>
    bool TryCapital(string iso2, out PlaceInfo place);

    /// <summary>
    /// The admin1 region with this name (for "Anbar province"), in the first of the article's countries that has
    /// one, else the most populous anywhere; any spelling, another romanisation too.
    /// </summary>
    bool TryRegion(ReadOnlySpan<char> name, IReadOnlyList<string> preferredIso2, out PlaceInfo place);

    /// <summary>The admin2 district with this name (for "the Soran district"), chosen as <see cref="TryRegion"/> does.</summary>
    bool TryDistrict(ReadOnlySpan<char> name, IReadOnlyList<string> preferredIso2, out PlaceInfo place);

    /// <summary>
    /// True when a notable place of another country than <paramref name="iso2"/> (a capital, a provincial seat, or
    /// a city of 100,000) bears this name too ("Hyderabad" in India and in Pakistan): weak evidence of a country.
    /// </summary>
    bool HasNotableNamesakeAbroad(ReadOnlySpan<char> surface, string iso2);

    /// <summary>True when any town of another country than <paramref name="iso2"/> bears this name too.</summary>
    bool HasNamesakeAbroad(ReadOnlySpan<char> surface, string iso2);

    /// <summary>The nearest town of a country to a point (for the province of a site no town names).</summary>
    bool TryNearest(string iso2, double latitude, double longitude, out PlaceInfo place);

    /// <summary>Great-circle distance in km.</summary>
    double DistanceKm(PlaceInfo a, PlaceInfo b);
}
