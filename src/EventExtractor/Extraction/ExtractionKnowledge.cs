using EventExtractor.Lexicons;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Everything the extraction stages look things up in, indexed for matching: actor, weapon, site, trigger and
/// cue phrases, calendar and number words, person nouns, countries. Immutable once built; shared by threads.
/// </summary>
internal sealed class ExtractionKnowledge
{
    public ExtractionKnowledge(
        IReadOnlyList<(string Phrase, ActorEntry Entry)> actors,
        IReadOnlyList<(string Phrase, WeaponEntry Entry)> weapons,
        IReadOnlyList<SiteEntry> sites,
        IReadOnlyList<TriggerEntry> triggers,
        IReadOnlyList<(string Phrase, CueEffect Effect)> cues,
        IReadOnlyList<(string Word, CalendarWord Entry)> calendar,
        IReadOnlyList<(string Word, NumberWord Entry)> numbers,
        IReadOnlyList<(string Noun, PersonGroup Group)> personNouns,
        IReadOnlyList<CountryEntry> countries,
        IReadOnlyList<(string Phrase, int Country)> countryPhrases)
    {
        Actors = Index(actors, ActorMatcher);
        Weapons = Index(weapons, WeaponMatcher);
        Sites = sites.ToArray();
        for (int i = 0; i < Sites.Length; i++) SiteMatcher.Add(Sites[i].Phrase, i);
        Triggers = triggers.ToArray();
        for (int i = 0; i < Triggers.Length; i++)
            if (GapTriggers.IsPattern(Triggers[i].Phrase)) GapTriggers.Add(Triggers[i].Phrase, i);
            else TriggerMatcher.Add(Triggers[i].Phrase, i);
        Cues = Index(cues, CueMatcher);
        foreach (var (w, e) in calendar) Calendar[WordKey.Hash(w)] = e;
        foreach (var (w, e) in numbers) Numbers[WordKey.Hash(w)] = e;
        foreach (var (n, g) in personNouns) PersonNouns[WordKey.Hash(n)] = g;
        Countries = countries.ToArray();
        CountryIndexes = countryPhrases.Select(p => p.Country).ToArray();
        for (int i = 0; i < countryPhrases.Count; i++) CountryMatcher.Add(countryPhrases[i].Phrase, i);
        for (int i = 0; i < Countries.Length; i++)
        {
            CountryByIso3[Countries[i].Iso3] = i;
            if (Countries[i].Iso2.Length == 2) CountryByIso2[Countries[i].Iso2] = i;
        }
    }

    private static T[] Index<T>(IReadOnlyList<(string Phrase, T Entry)> rows, PhraseMatcher matcher)
    {
        var entries = new T[rows.Count];
        matcher.EnsureCapacity(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            entries[i] = rows[i].Entry;
            matcher.Add(rows[i].Phrase, i); // acronyms come upper-cased and match capitals only
        }
        return entries;
    }

    /// <summary>Per-country names of group families: (family, ISO3) to the ACLED name.</summary>
    public Dictionary<(string Family, string Iso3), string> GroupVariants { get; } = new();

    /// <summary>The name a group goes by in a country ("Islamic State (Iraq)"), or its own name.</summary>
    public string GroupName(ActorEntry group, string? iso3) =>
        group.Family.Length > 0 && iso3 != null && GroupVariants.TryGetValue((group.Family, iso3), out var name) ? name : group.Name;


    public PhraseMatcher ActorMatcher { get; } = new();
    public ActorEntry[] Actors { get; }
    public PhraseMatcher WeaponMatcher { get; } = new();
    public WeaponEntry[] Weapons { get; }
    public PhraseMatcher SiteMatcher { get; } = new();
    public SiteEntry[] Sites { get; }
    public PhraseMatcher TriggerMatcher { get; } = new();
    public TriggerEntry[] Triggers { get; }
    /// <summary>Trigger patterns with a gap ("established ... outpost").</summary>
    public GapTriggers GapTriggers { get; } = new();
    public PhraseMatcher CueMatcher { get; } = new();
    public CueEffect[] Cues { get; }
    public PhraseMatcher CountryMatcher { get; } = new();
    /// <summary>For each country phrase, the index of its country in <see cref="Countries"/>.</summary>
    public int[] CountryIndexes { get; }
    public CountryEntry[] Countries { get; }
    public Dictionary<string, int> CountryByIso3 { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> CountryByIso2 { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<ulong, CalendarWord> Calendar { get; } = new();

    /// <summary>The words the place stage reads around names (models/place-words.tsv).</summary>
    public PlaceWords PlaceWords { get; init; } = new();

    /// <summary>National outlets and their countries (models/outlet-countries.tsv).</summary>
    public OutletCountries Outlets { get; init; } = new();
    public Dictionary<ulong, NumberWord> Numbers { get; } = new();
    public Dictionary<ulong, PersonGroup> PersonNouns { get; } = new();

    /// <summary>Function words by the part they play (grammar-words.tsv).</summary>
    public GrammarWords Grammar { get; internal set; } = new();

    /// <summary>Cues of background totals (background-cues.tsv).</summary>
    public BackgroundCues BackgroundCues { get; } = new();

    /// <summary>Identity phrases of unnamed civilians and demonstrators ("journalists") and their ACLED label templates.</summary>
    public PhraseMatcher IdentityMatcher { get; } = new();
    public List<string> IdentityLabels { get; } = new();

    public CountryEntry? CountryOfIso2(string iso2) => CountryByIso2.TryGetValue(iso2, out var i) ? Countries[i] : null;
    public CountryEntry? CountryOfIso3(string iso3) => CountryByIso3.TryGetValue(iso3, out var i) ? Countries[i] : null;
}
