using System.Collections.Concurrent;
using EventExtractor.Geo;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// The GeoNames gazetteer behind <see cref="IPlaceLookup"/>. Strict lookups (a capitalised word with no
/// "in"/"near"/"at" before it) only take well-known places, so "Mustafa" the name does not become a village.
/// </summary>
internal sealed class GazetteerPlaceLookup(Gazetteer gazetteer) : IPlaceLookup
{
    /// <summary>Without a locative cue, a town must be at least this large (or a capital, or a provincial seat).</summary>
    public const int StrictMinPopulation = 100_000;

    /// <summary>A town outside the article's countries must be this large (or a national capital) to be taken.</summary>
    public const int ForeignMinPopulation = 500_000;

    private readonly GeoResolver _resolver = new(gazetteer);

    public int MaxNameWords => Math.Min(gazetteer.MaxNameWords, 6);

    public bool HasName(ReadOnlySpan<char> surface)
    {
        if (surface.Length > 200) return false;
        Span<char> buffer = stackalloc char[surface.Length * GeoNormalizer.MaxExpansion];
        int n = GeoNormalizer.Normalize(surface, buffer);
        var key = buffer[..n];
        if (!gazetteer.Find(key).IsEmpty) return true;
        return GeoNormalizer.TryStripArticle(key, out var bare) && !gazetteer.Find(bare).IsEmpty;
    }

    public bool HasSkeleton(ReadOnlySpan<char> surface)
    {
        if (surface.Length > 200 || surface.Length < GeoResolver.MinSkeletonSurface) return false;
        Span<char> buffer = stackalloc char[surface.Length * GeoNormalizer.MaxExpansion];
        int n = GeoNormalizer.Normalize(surface, buffer);
        return !gazetteer.FindSkeleton(buffer[..n]).IsEmpty;
    }

    public bool TryResolve(ReadOnlySpan<char> surface, IReadOnlyList<string> preferredIso2, IReadOnlyList<(double Latitude, double Longitude)> context, bool strict, out PlaceInfo place, bool allowSkeleton = false)
    {
        place = default;
        var ctx = new GeoContext
        {
            PreferredCountries = preferredIso2,
            ResolvedPlaces = context,
            AllowSkeleton = allowSkeleton,
            Locative = !strict,
        };
        if (_resolver.Resolve(surface, ctx) is not { } match) return false;
        int id = match.Id;
        // The checks read the entry's fields in place: building a full GeoEntry (with its alternate names) or even
        // its country code string per candidate would cost more than the lookup.
        bool inPreferred = InCountries(id, preferredIso2);
        // A district by its bare name only in the story's country: "Soran" the district, not a namesake abroad.
        if (gazetteer.IsDistrict(id) && !inPreferred) return false;
        var feature = gazetteer.FeatureCodeOf(id);
        int population = gazetteer.PopulationOf(id);
        bool region = gazetteer.IsAdmin1Region(id);
        bool home = preferredIso2.Count > 0 && gazetteer.CountryIs(id, preferredIso2[0]);
        // A province abroad is no place of this story ("Kurdistan" is Iraq's region in an Iraqi story, not Iran's).
        if (region && preferredIso2.Count > 0 && !inPreferred) return false;
        if (strict && preferredIso2.Count > 0 && !home) return false;
        // A town abroad must be a capital or a metropolis to be meant ("Africa" in an outlet's name is no Tunisian town).
        if (preferredIso2.Count > 0 && !inPreferred && feature != "PPLC" && population < ForeignMinPopulation) return false;
        if (strict)
        {
            bool notable = feature is "PPLC" or "PPLA" || population >= StrictMinPopulation;
            if (!notable && !(home && feature is "PPLA2" && population >= 20_000)) return false;
        }
        place = Get(id);
        return true;
    }

    /// <summary>True when the entry lies in one of the countries (ISO2 codes).</summary>
    private bool InCountries(int id, IReadOnlyList<string> iso2)
    {
        for (int i = 0; i < iso2.Count; i++)
            if (gazetteer.CountryIs(id, iso2[i])) return true;
        return false;
    }

    public PlaceInfo Get(int id)
    {
        // Reading a place's strings out of the gazetteer costs more than the lookup: each is read once, then kept.
        // A reference write is atomic, so threads racing on one id at worst build it twice.
        var box = _infos[id];
        if (box == null) _infos[id] = box = new PlaceBox(ToInfo(gazetteer.Get(id)));
        return box.Info;
    }

    private sealed class PlaceBox(PlaceInfo info)
    {
        public PlaceInfo Info { get; } = info;
    }

    private readonly PlaceBox?[] _infos = new PlaceBox?[gazetteer.Count];

    private PlaceInfo ToInfo(GeoEntry e)
    {
        // A district is coded at the centroid of its towns, under its own name (geo_precision 2).
        if (e.FeatureCode == "ADM2")
            return new(e.Id, e.Admin2, e.CountryIso2, e.Admin1, e.Admin2, e.Latitude, e.Longitude, e.Population, true) { Level = PlaceLevel.District };
        if (!e.IsAdmin1Region)
            return new(e.Id, _resolver.LocationName(e), e.CountryIso2, e.Admin1, e.Admin2, e.Latitude, e.Longitude, e.Population, false);
        // A province is coded at its capital (geo_precision 3), as the codebook asks.
        int capital = _seats.Value.RegionCapital(e.CountryIso2, e.Admin1);
        if (capital >= 0)
        {
            var c = gazetteer.Get(capital);
            return new(c.Id, _resolver.LocationName(c), c.CountryIso2, c.Admin1, c.Admin2, c.Latitude, c.Longitude, c.Population, true);
        }
        return new(e.Id, e.Admin1, e.CountryIso2, e.Admin1, "", e.Latitude, e.Longitude, e.Population, true);
    }

    private readonly Lazy<Seats> _seats = new(() => new Seats(gazetteer));

    /// <summary>
    /// Each country's capital and each province's capital, found by one scan of the gazetteer on first use rather
    /// than a scan of the country per province.
    /// </summary>
    internal sealed class Seats
    {
        private readonly Dictionary<string, int> _capitals = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Iso2, string Admin1), int> _regionCapitals = new();

        public Seats(Gazetteer gazetteer)
        {
            for (int id = 0; id < gazetteer.Count; id++)
            {
                var feature = gazetteer.FeatureCodeOf(id);
                // The first in id order wins, as a scan of the country would find it.
                if (feature == "PPLC") _capitals.TryAdd(gazetteer.CountryOf(id), id);
                else if (feature == "PPLA" && !gazetteer.IsAdmin1Region(id))
                    _regionCapitals.TryAdd((gazetteer.CountryOf(id), gazetteer.Admin1Of(id)), id);
            }
        }

        /// <summary>The first national capital (PPLC) of a country, or -1.</summary>
        public int Capital(string iso2) => _capitals.GetValueOrDefault(iso2, -1);

        /// <summary>The first provincial seat (PPLA) of a country whose admin1 (ACLED spelling) is this one, or -1.</summary>
        public int RegionCapital(string iso2, string admin1) => _regionCapitals.GetValueOrDefault((iso2, admin1), -1);
    }

    public bool TryCapital(string iso2, out PlaceInfo place)
    {
        int id = _seats.Value.Capital(iso2);
        place = id >= 0 ? Get(id) : default;
        return id >= 0;
    }

    public bool TryRegion(ReadOnlySpan<char> name, IReadOnlyList<string> preferredIso2, out PlaceInfo place) =>
        TryAdmin(name, preferredIso2, district: false, out place);

    public bool TryDistrict(ReadOnlySpan<char> name, IReadOnlyList<string> preferredIso2, out PlaceInfo place) =>
        TryAdmin(name, preferredIso2, district: true, out place);

    /// <summary>
    /// An admin unit by name: exact spellings first, then another romanisation; within them the first of the
    /// article's countries that has one, else (an article without a country) the most populous unit of that name.
    /// </summary>
    private bool TryAdmin(ReadOnlySpan<char> name, IReadOnlyList<string> preferredIso2, bool district, out PlaceInfo place)
    {
        place = default;
        if (name.Length > MaxSurface) return TryAdmin(GeoNormalizer.Normalize(name), name.Length, preferredIso2, district, out place);
        Span<char> buffer = stackalloc char[name.Length * GeoNormalizer.MaxExpansion];
        return TryAdmin(buffer[..GeoNormalizer.Normalize(name, buffer)], name.Length, preferredIso2, district, out place);
    }

    /// <summary>Longest surface normalized on the stack.</summary>
    private const int MaxSurface = 200;

    private bool TryAdmin(ReadOnlySpan<char> key, int surfaceLength, IReadOnlyList<string> preferredIso2, bool district, out PlaceInfo place)
    {
        place = default;
        int id = BestAdmin(gazetteer.Find(key), preferredIso2, district);
        if (id < 0 && GeoNormalizer.TryStripArticle(key, out var bare)) id = BestAdmin(gazetteer.Find(bare), preferredIso2, district);
        if (id < 0 && surfaceLength >= GeoResolver.MinSkeletonSurface) id = BestAdmin(gazetteer.FindSkeleton(key), preferredIso2, district, key, bySpelling: true);
        if (id < 0) return false;
        place = Get(id);
        return true;
    }

    private int BestAdmin(GeoPostings postings, IReadOnlyList<string> preferredIso2, bool district, ReadOnlySpan<char> spelling = default, bool bySpelling = false)
    {
        int best = -1, bestRank = int.MaxValue, bestPopulation = -1, bestEdits = int.MaxValue;
        foreach (var p in postings)
        {
            bool fits = district ? gazetteer.IsDistrict(p.Id) : gazetteer.IsAdmin1Region(p.Id);
            if (!fits) continue;
            int rank = int.MaxValue - 1;
            for (int i = 0; i < preferredIso2.Count; i++)
                if (gazetteer.CountryIs(p.Id, preferredIso2[i])) { rank = i; break; }
            // With countries known, a unit elsewhere is another story's.
            if (preferredIso2.Count > 0 && rank == int.MaxValue - 1) continue;
            int population = gazetteer.PopulationOf(p.Id);
            // Another romanisation: the closest spelling first ("Tal Afar" district is Tel Afar's, not Telfair's).
            int edits = bySpelling ? gazetteer.SpellingDistance(p.Id, spelling) : 0;
            if (bySpelling && edits > GeoResolver.MaxSkeletonEdits(spelling)) continue;
            if (rank < bestRank || (rank == bestRank && (edits < bestEdits || (edits == bestEdits
                && (population > bestPopulation || (population == bestPopulation && p.Id < best))))))
                (best, bestRank, bestPopulation, bestEdits) = (p.Id, rank, population, edits);
        }
        return best;
    }

    public bool HasNotableNamesakeAbroad(ReadOnlySpan<char> surface, string iso2) => NamesakeAbroad(surface, iso2, notableOnly: true);

    public bool HasNamesakeAbroad(ReadOnlySpan<char> surface, string iso2) => NamesakeAbroad(surface, iso2, notableOnly: false);

    private bool NamesakeAbroad(ReadOnlySpan<char> surface, string iso2, bool notableOnly)
    {
        if (surface.Length > MaxSurface) return NamesakeAbroad(gazetteer.Find(GeoNormalizer.Normalize(surface)), iso2, notableOnly);
        Span<char> buffer = stackalloc char[surface.Length * GeoNormalizer.MaxExpansion];
        return NamesakeAbroad(gazetteer.Find(buffer[..GeoNormalizer.Normalize(surface, buffer)]), iso2, notableOnly);
    }

    private bool NamesakeAbroad(GeoPostings postings, string iso2, bool notableOnly)
    {
        foreach (var p in postings)
        {
            if (gazetteer.CountryIs(p.Id, iso2) || gazetteer.IsDistrict(p.Id)) continue;
            if (!notableOnly) return true;
            var feature = gazetteer.FeatureCodeOf(p.Id);
            if (feature is "PPLC" or "PPLA" || gazetteer.PopulationOf(p.Id) >= StrictMinPopulation) return true;
        }
        return false;
    }

    private readonly ConcurrentDictionary<(string, double, double), int> _nearest = new();

    public bool TryNearest(string iso2, double latitude, double longitude, out PlaceInfo place)
    {
        // A scan of the country's places, once per point: sites are few and their answers are kept.
        var key = (iso2, latitude, longitude);
        if (!_nearest.TryGetValue(key, out int id)) id = _nearest.GetOrAdd(key, Nearest(iso2, latitude, longitude));
        place = id >= 0 ? Get(id) : default;
        return id >= 0;
    }

    private int Nearest(string iso2, double latitude, double longitude)
    {
        int best = -1;
        double bestKm = double.MaxValue;
        foreach (var candidate in gazetteer.IdsInCountry(iso2))
        {
            if (gazetteer.IsAdmin1Region(candidate) || gazetteer.IsDistrict(candidate)) continue;
            double km = Gazetteer.DistanceKm(latitude, longitude, gazetteer.LatitudeOf(candidate), gazetteer.LongitudeOf(candidate));
            if (km < bestKm) (best, bestKm) = (candidate, km);
        }
        return best;
    }

    public double DistanceKm(PlaceInfo a, PlaceInfo b) => Gazetteer.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
}
