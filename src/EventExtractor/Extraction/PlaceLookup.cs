using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>The gazetteer as the extraction stages use it.</summary>
internal interface IPlaceLookup
{
    /// <summary>Longest place name in words.</summary>
    int MaxNameWords { get; }

    /// <summary>True when some place is called this (raw text, any spelling); a cheap pre-check that allocates nothing.</summary>
    bool HasName(ReadOnlySpan<char> surface);

    /// <summary>
    /// Picks the best place called <paramref name="surface"/> given the article's countries (most likely first)
    /// and the places already resolved; false for no or weak candidates. <paramref name="strict"/> asks for a
    /// well-known place only (a capitalised word without a locative cue before it).
    /// </summary>
    bool TryResolve(string surface, IReadOnlyList<string> preferredIso2, IReadOnlyList<(double Latitude, double Longitude)> context, bool strict, out PlaceInfo place);

    /// <summary>The place by gazetteer id.</summary>
    PlaceInfo Get(int id);

    /// <summary>The capital of a country, when known.</summary>
    bool TryCapital(string iso2, out PlaceInfo place);

    /// <summary>The admin1 region with this name in a country, when known (for "Anbar province").</summary>
    bool TryRegion(string name, string iso2, out PlaceInfo place);

    /// <summary>Great-circle distance in km.</summary>
    double DistanceKm(PlaceInfo a, PlaceInfo b);
}
