namespace EventExtractor.Extraction;

/// <summary>What a place name alone, resolved with no country in mind, says about a story's country.</summary>
internal enum NameVoteKind : byte
{
    /// <summary>No well-known place bears the name: no vote (a shorter name may still be one).</summary>
    None,
    /// <summary>A province named as such ("Erbil province").</summary>
    Province,
    /// <summary>A well-known town or province.</summary>
    Place,
}

/// <summary>The vote of one name: its kind, the country, and for a place whether it is a province or a town that a notable place abroad is named after too.</summary>
internal readonly record struct NameVote(NameVoteKind Kind, string Iso2, bool IsRegion, bool NamesakeAbroad)
{
    public static NameVote None => default;
}

/// <summary>
/// The country votes of names, each resolved once per thread: the vote of a name depends on the name and the
/// gazetteer only (no story country, no places so far), and the same names come back article after article, so
/// resolving them again would repeat the same lookups and candidate scoring. Bounded: when full it starts again.
/// </summary>
internal sealed class NameVotes(IPlaceLookup gazetteer)
{
    /// <summary>Names kept per thread and per kind of lookup.</summary>
    public const int Capacity = 50_000;

    /// <summary>No places resolved yet: a name is resolved on its own.</summary>
    private static readonly (double Latitude, double Longitude)[] NoPlaces = [];

    private readonly ThreadLocal<Cache> _cache = new(() => new Cache());

    /// <summary>
    /// The vote of a name; <paramref name="provinceNamed"/> when the word after it says "province", "state" ...
    /// (then an admin1 region of the name comes first); <paramref name="afterLocative"/> when a locative word comes
    /// before the whole name ("near Djibo"): the text says a place is meant, so a town need not be well known to vote
    /// if no town abroad bears its name.
    /// </summary>
    public NameVote Of(ReadOnlySpan<char> name, bool provinceNamed, bool afterLocative = false)
    {
        var cache = _cache.Value!;
        var (map, lookup) = provinceNamed ? (cache.Province, cache.ProvinceLookup)
            : afterLocative ? (cache.Locative, cache.LocativeLookup) : (cache.Plain, cache.PlainLookup);
        if (lookup.TryGetValue(name, out var vote)) return vote;
        vote = Resolve(name, provinceNamed, afterLocative);
        if (map.Count >= Capacity) map.Clear();
        lookup[name] = vote;
        return vote;
    }

    /// <summary>The vote of a name, looked up afresh.</summary>
    public NameVote Resolve(ReadOnlySpan<char> name, bool provinceNamed, bool afterLocative = false)
    {
        if (!gazetteer.HasName(name)) return NameVote.None;
        if (provinceNamed && gazetteer.TryRegion(name, [], out var region))
            return new NameVote(NameVoteKind.Province, region.Iso2, true, false);
        if (!gazetteer.TryResolve(name, [], NoPlaces, strict: true, out var place))
        {
            // A town that is not well known votes only after a locative word, and only when no town abroad bears its
            // name: "near Djibo" says Burkina Faso, "in Caceres" says nothing (Spain's or Colombia's).
            if (!afterLocative || !gazetteer.TryResolve(name, [], NoPlaces, strict: false, out place) || place.IsRegion
                || gazetteer.HasNamesakeAbroad(name, place.Iso2)) return NameVote.None;
            return new NameVote(NameVoteKind.Place, place.Iso2, false, false);
        }
        bool namesake = !place.IsRegion && gazetteer.HasNotableNamesakeAbroad(name, place.Iso2);
        return new NameVote(NameVoteKind.Place, place.Iso2, place.IsRegion, namesake);
    }

    private sealed class Cache
    {
        public readonly Dictionary<string, NameVote> Plain = new(StringComparer.Ordinal);
        public readonly Dictionary<string, NameVote> Province = new(StringComparer.Ordinal);
        public readonly Dictionary<string, NameVote> Locative = new(StringComparer.Ordinal);
        public readonly Dictionary<string, NameVote>.AlternateLookup<ReadOnlySpan<char>> PlainLookup;
        public readonly Dictionary<string, NameVote>.AlternateLookup<ReadOnlySpan<char>> ProvinceLookup;
        public readonly Dictionary<string, NameVote>.AlternateLookup<ReadOnlySpan<char>> LocativeLookup;

        public Cache()
        {
            PlainLookup = Plain.GetAlternateLookup<ReadOnlySpan<char>>();
            ProvinceLookup = Province.GetAlternateLookup<ReadOnlySpan<char>>();
            LocativeLookup = Locative.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }
}
