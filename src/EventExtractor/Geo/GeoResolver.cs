namespace EventExtractor.Geo;

/// <summary>What an article tells the resolver beyond the name itself.</summary>
internal sealed class GeoContext
{
    /// <summary>An empty context: no preferred country, no places resolved yet.</summary>
    public static GeoContext None { get; } = new();

    /// <summary>ISO2 codes of the article's countries, most likely first (dateline, most mentioned ...).</summary>
    public IReadOnlyList<string> PreferredCountries { get; init; } = [];

    /// <summary>Coordinates of places already resolved in the article; closeness to them breaks ties.</summary>
    public IReadOnlyList<(double Latitude, double Longitude)> ResolvedPlaces { get; init; } = [];

    /// <summary>
    /// True when the text names a region ("Anbar province", "Borno State"): admin1 regions then outrank towns of
    /// the same name.
    /// </summary>
    public bool PreferRegion { get; init; }

    /// <summary>True when the text names a district ("the Soran district"): admin2 districts then outrank towns.</summary>
    public bool PreferDistrict { get; init; }

    /// <summary>
    /// True when a name may also match by its transliteration skeleton ("Tikreet" for Tikrit) once no spelling
    /// matches exactly. Callers allow it only where the text says a place is meant (a capitalised name after a
    /// locative word), since skeletons of ordinary words match villages somewhere.
    /// </summary>
    public bool AllowSkeleton { get; init; }

    /// <summary>
    /// True when a locative word stands before the name ("in Tal Afar"): with no country known, a district seat is
    /// then taken by any of its spellings, not only by its own name.
    /// </summary>
    public bool Locative { get; init; }
}

/// <summary>The chosen entry for a name and how strongly it was preferred.</summary>
/// <param name="Id">Gazetteer entry id.</param>
/// <param name="Score">The ranking score (higher is better; comparable only between candidates of one name).</param>
/// <param name="Kind">How the name matched the entry.</param>
internal readonly record struct GeoMatch(int Id, double Score, GeoMatchKind Kind);

/// <summary>
/// Picks the entry a place name most likely means. Ranking, strongest first: the article's countries (the first
/// one most), how the name matched (own name over alternate over article-less), the feature's rank (capital over
/// provincial seat over district seat over village; regions when the text says "province"), population (log),
/// and closeness to places already resolved in the article. Small places outside the article's countries are
/// not taken at all, so a capitalised common word that happens to name a hamlet abroad stays unresolved.
/// </summary>
internal sealed class GeoResolver(Gazetteer gazetteer)
{
    /// <summary>Below this population a place outside the preferred countries is not taken (unless a capital or provincial seat).</summary>
    public int MinForeignPopulation { get; init; } = 50_000;

    /// <summary>The gazetteer this resolver reads.</summary>
    public Gazetteer Gazetteer => gazetteer;

    /// <summary>Resolves a surface name (any spelling: normalized here) in a context; null when nothing fits.</summary>
    public GeoMatch? Resolve(ReadOnlySpan<char> surfaceName, GeoContext? context = null)
    {
        context ??= GeoContext.None;
        Span<char> buffer = stackalloc char[Math.Min(surfaceName.Length * GeoNormalizer.MaxExpansion, 1024)];
        int n = GeoNormalizer.Normalize(surfaceName, buffer);
        var key = buffer[..n];
        var best = Best(gazetteer.Find(key), context);
        // "al-Mosul" is written "Mosul" in the gazetteer: retry without the article.
        if (best == null && GeoNormalizer.TryStripArticle(key, out var bare))
            best = Best(gazetteer.Find(bare), context, penalty: 1.0);
        // "Tikreet", "Dair al-Zour": another romanisation of a known name, tried only for a name that no place bears
        // in any spelling anywhere (a name known abroad is that place, unwanted here, not a near-spelling of another).
        if (best == null && context.AllowSkeleton && surfaceName.Length >= MinSkeletonSurface && gazetteer.Find(key).IsEmpty
            && !(GeoNormalizer.TryStripArticle(key, out var rest) && !gazetteer.Find(rest).IsEmpty))
            best = Best(gazetteer.FindSkeleton(key), context, spelling: key);
        return best;
    }

    /// <summary>Score lost per letter edit between a skeleton match's spelling and the entry's nearest name.</summary>
    public const double SpellingPenalty = 1.5;

    /// <summary>The most letter edits a skeleton match may need: two, or a third of the name's letters.</summary>
    public static int MaxSkeletonEdits(ReadOnlySpan<char> normalizedName)
    {
        int letters = normalizedName.Length - normalizedName.Count(' ');
        return Math.Max(2, letters / 3);
    }

    /// <summary>A name shorter than this never matches by skeleton: short words meet too many villages.</summary>
    public const int MinSkeletonSurface = 4;

    /// <summary>Scores every candidate of a name, best first (for diagnostics and tests).</summary>
    public IReadOnlyList<GeoMatch> Rank(ReadOnlySpan<char> surfaceName, GeoContext? context = null)
    {
        context ??= GeoContext.None;
        var postings = gazetteer.Find(GeoNormalizer.Normalize(surfaceName));
        var list = new List<GeoMatch>();
        foreach (var p in postings)
        {
            double? s = Score(p, context);
            if (s is double score) list.Add(new GeoMatch(p.Id, score, p.Kind));
        }
        list.Sort((a, b) => b.Score.CompareTo(a.Score));
        return list;
    }

    /// <summary>
    /// The location as ACLED writes it: "City - District" for a section of a city ("Baghdad - Mansour"),
    /// else the entry's name.
    /// </summary>
    public string LocationName(GeoEntry entry) =>
        entry.FeatureCode == "PPLX" && entry.ParentId >= 0
            ? $"{gazetteer.NameOf(entry.ParentId)} - {entry.Name}"
            : entry.Name;

    private GeoMatch? Best(GeoPostings postings, GeoContext context, double penalty = 0, ReadOnlySpan<char> spelling = default)
    {
        GeoMatch? best = null;
        foreach (var p in postings)
        {
            if (Score(p, context) is not double s) continue;
            s -= penalty;
            // Among names of one skeleton, the closest spelling: "Tal Afar" is Tall Afar, not Telfair; and none that
            // differs in more than a third of its letters ("Kalemyo" is not Cali).
            if (!spelling.IsEmpty)
            {
                int edits = gazetteer.SpellingDistance(p.Id, spelling);
                if (edits > MaxSkeletonEdits(spelling)) continue;
                s -= SpellingPenalty * edits;
            }
            // Equal scores: the lower id (the older GeoNames id) wins, so results never depend on posting order.
            if (best == null || s > best.Value.Score || (s == best.Value.Score && p.Id < best.Value.Id))
                best = new GeoMatch(p.Id, s, p.Kind);
        }
        return best;
    }

    private double? Score(GeoPosting p, GeoContext context)
    {
        int id = p.Id;
        string feature = gazetteer.FeatureCodeOf(id);
        bool region = gazetteer.IsAdmin1Region(id);
        int population = gazetteer.PopulationOf(id);

        int countryRank = -1;
        var preferred = context.PreferredCountries;
        for (int i = 0; i < preferred.Count; i++)
        {
            if (gazetteer.CountryIs(id, preferred[i])) { countryRank = i; break; }
        }

        bool seat = feature is "PPLC" or "PPLA" || region;
        // A district is taken where the text says "district", or in the story's own countries.
        if (feature == "ADM2" && !context.PreferDistrict && countryRank < 0) return null;
        // Another romanisation is looked for in the story's main country only: elsewhere, skeletons of ordinary
        // words ("Twitter", "Islam") meet towns, and a Sahel story is no French one.
        if (p.Kind == GeoMatchKind.Skeleton && preferred.Count > 0 && countryRank != 0) return null;
        if (preferred.Count == 0)
        {
            // No country hint at all: take a place by its own name if it is a seat of government or sizeable,
            // by any other spelling only if it is large.
            bool notable = seat || feature == "PPLA2" || population >= 10_000;
            // After a locative word ("in Tal Afar"; skeletons are only tried there) a district seat is meant too.
            bool wellKnown = seat || population >= MinForeignPopulation || ((p.Kind == GeoMatchKind.Skeleton || context.Locative) && feature == "PPLA2");
            if (!notable || (p.Kind != GeoMatchKind.Name && !wellKnown)) return null;
        }
        else if (countryRank < 0 && !seat && population < MinForeignPopulation) return null;

        double score = p.Kind switch
        {
            GeoMatchKind.Name => 3.0,
            GeoMatchKind.Alternate => 2.0,
            GeoMatchKind.WithoutArticle => 1.5,
            _ => 1.0,
        };
        if (countryRank >= 0) score += Math.Max(6.0 - 1.5 * countryRank, 3.0);
        score += FeatureRank(feature, context.PreferRegion, context.PreferDistrict);
        // A region's or district's population is the sum over its places: do not let it outweigh its own towns.
        if (feature == "ADM2") score += context.PreferDistrict ? 0.6 * Math.Log10(population + 1.0) : 0;
        else if (!region) score += 0.6 * Math.Log10(population + 1.0);
        else score += 2.0;

        var resolved = context.ResolvedPlaces;
        if (resolved.Count > 0)
        {
            double lat = gazetteer.LatitudeOf(id), lon = gazetteer.LongitudeOf(id);
            double nearest = double.MaxValue, cosLat = Gazetteer.CosLatitude(lat);
            // By index: an enumerator of the interface would be allocated per candidate.
            for (int i = 0; i < resolved.Count; i++)
            {
                var (plat, plon) = resolved[i];
                nearest = Math.Min(nearest, Gazetteer.DistanceKm(lat, lon, cosLat, plat, plon));
            }
            score += 1.5 * Math.Exp(-nearest / 150.0);
        }
        return score;
    }

    private static double FeatureRank(string feature, bool preferRegion, bool preferDistrict) => feature switch
    {
        "ADM1" => preferRegion ? 8.0 : 2.5,
        "ADM2" => preferDistrict ? 9.0 : -2.0,
        "PPLC" => 4.0,
        "PPLA" => 3.0,
        "PPLA2" => 2.0,
        "PPLA3" => 1.2,
        "PPL" or "PPLA4" or "PPLA5" => 1.0,
        "PPLX" => 0.8,
        _ => 0.5,
    };
}
