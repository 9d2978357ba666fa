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
    private readonly ConcurrentDictionary<string, int> _capitals = new(StringComparer.Ordinal);

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

    public bool TryResolve(string surface, IReadOnlyList<string> preferredIso2, IReadOnlyList<(double Latitude, double Longitude)> context, bool strict, out PlaceInfo place)
    {
        place = default;
        var ctx = new GeoContext
        {
            PreferredCountries = preferredIso2,
            ResolvedPlaces = context,
        };
        if (_resolver.Resolve(surface, ctx) is not { } match) return false;
        int id = match.Id;
        // The checks read the entry's fields in place: building a full GeoEntry (with its alternate names) per
        // candidate would cost more than the lookup.
        var country = gazetteer.CountryOf(id);
        var feature = gazetteer.FeatureCodeOf(id);
        int population = gazetteer.PopulationOf(id);
        bool region = gazetteer.IsAdmin1Region(id);
        bool inPreferred = preferredIso2.Contains(country);
        // A province abroad is no place of this story ("Kurdistan" is Iraq's region in an Iraqi story, not Iran's).
        if (region && preferredIso2.Count > 0 && !inPreferred) return false;
        if (strict && preferredIso2.Count > 0 && country != preferredIso2[0]) return false;
        // A town abroad must be a capital or a metropolis to be meant ("Africa" in an outlet's name is no Tunisian town).
        if (preferredIso2.Count > 0 && !inPreferred && feature != "PPLC" && population < ForeignMinPopulation) return false;
        if (strict)
        {
            bool notable = feature is "PPLC" or "PPLA" || population >= StrictMinPopulation;
            bool home = preferredIso2.Count > 0 && country == preferredIso2[0];
            if (!notable && !(home && feature is "PPLA2" && population >= 20_000)) return false;
        }
        place = Get(id);
        return true;
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
        if (!e.IsAdmin1Region)
            return new(e.Id, _resolver.LocationName(e), e.CountryIso2, e.Admin1, e.Admin2, e.Latitude, e.Longitude, e.Population, false);
        // A province is coded at its capital (geo_precision 3), as the codebook asks.
        int capital = _regionCapitals.GetOrAdd(e.Id, _ =>
        {
            foreach (var id in gazetteer.ByCountry(e.CountryIso2))
                if (gazetteer.FeatureCodeOf(id) == "PPLA" && !gazetteer.IsAdmin1Region(id) && gazetteer.Get(id).Admin1 == e.Admin1) return id;
            return -1;
        });
        if (capital >= 0)
        {
            var c = gazetteer.Get(capital);
            return new(c.Id, _resolver.LocationName(c), c.CountryIso2, c.Admin1, c.Admin2, c.Latitude, c.Longitude, c.Population, true);
        }
        return new(e.Id, e.Admin1, e.CountryIso2, e.Admin1, "", e.Latitude, e.Longitude, e.Population, true);
    }

    private readonly ConcurrentDictionary<int, int> _regionCapitals = new();

    public bool TryCapital(string iso2, out PlaceInfo place)
    {
        int id = _capitals.GetOrAdd(iso2, code =>
        {
            foreach (var candidate in gazetteer.ByCountry(code))
                if (gazetteer.FeatureCodeOf(candidate) == "PPLC") return candidate;
            return -1;
        });
        place = id >= 0 ? Get(id) : default;
        return id >= 0;
    }

    public bool TryRegion(string name, string iso2, out PlaceInfo place)
    {
        int id = gazetteer.FindAdmin1Region(iso2, name);
        place = id >= 0 ? Get(id) : default;
        return id >= 0;
    }

    public double DistanceKm(PlaceInfo a, PlaceInfo b) => Gazetteer.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
}
