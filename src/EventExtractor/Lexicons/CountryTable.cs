using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>One row of <c>countries.tsv</c>.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 ("IRQ").</param>
/// <param name="IsoNumeric">ISO 3166-1 numeric, ACLED's <c>iso</c> column (368).</param>
/// <param name="Iso2">ISO 3166-1 alpha-2 ("IQ").</param>
/// <param name="Name">The country as ACLED writes it ("Democratic Republic of Congo").</param>
/// <param name="Region">ACLED's region ("Middle East").</param>
/// <param name="Aliases">Other names, as written in the file.</param>
/// <param name="Demonyms">Adjectives and plurals, as written in the file.</param>
internal sealed record Country(string Iso3, int IsoNumeric, string Iso2, string Name, string Region,
    IReadOnlyList<string> Aliases, IReadOnlyList<string> Demonyms)
{
    /// <summary>
    /// The name as it stands inside ACLED actor names: "the United States" in "Military Forces of the United
    /// States". The file says so by listing "the &lt;name&gt;" among the aliases.
    /// </summary>
    public string ActorName { get; init; } = Name;

    /// <summary>
    /// Demonyms usable before a noun ("Iraqi" but not "Iraqis"): a demonym is taken for a plural when another
    /// demonym of the same country plus "s" or "es" spells it.
    /// </summary>
    public IReadOnlyList<string> Adjectives { get; init; } = Demonyms;
}

/// <summary>
/// The countries of <c>countries.tsv</c>, looked up by ISO codes, ACLED name, alias or demonym (all compared
/// through <see cref="LexiconText.Normalize(string)"/>).
/// </summary>
internal sealed class CountryTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "countries.tsv";

    private static readonly string[] Columns = ["iso3", "iso_num", "iso2", "name", "region", "aliases", "demonyms"];

    /// <summary>ACLED's regions; a row naming another region is rejected (a typo would otherwise pass silently).</summary>
    public static readonly IReadOnlySet<string> Regions = new HashSet<string>(StringComparer.Ordinal)
    {
        "Middle East", "Northern Africa", "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa",
        "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe", "North America",
        "Central America", "South America", "Caribbean", "Oceania",
    };

    private readonly Dictionary<string, int> _byKey;
    private readonly Dictionary<string, int> _byCode;

    private CountryTable(List<Country> rows, Dictionary<string, int> byKey, Dictionary<string, int> byCode)
    {
        Rows = rows;
        _byKey = byKey;
        _byCode = byCode;
        _acronyms = AcronymPhrases.From(rows.SelectMany(c => new[] { c.Name }.Concat(c.Aliases).Concat(c.Demonyms)));
    }

    private readonly AcronymPhrases _acronyms;

    /// <summary>
    /// True when a normalized phrase came only from short all-capitals acronyms ("US" → "us"): match it only
    /// against text in capitals (see <see cref="LexiconText.IsShortAcronym"/>).
    /// </summary>
    public bool IsCaseSensitive(string normalizedPhrase) => _acronyms.Contains(normalizedPhrase);


    /// <summary>All countries in file order; a row index is a position in this list.</summary>
    public IReadOnlyList<Country> Rows { get; }

    /// <summary>Loads <c>countries.tsv</c> from a models folder.</summary>
    public static CountryTable Load(string modelsDir) => FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns));

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static CountryTable Parse(TextReader reader, string fileName = FileName) => FromRows(TsvReader.Read(reader, fileName, Columns));

    private static CountryTable FromRows(IReadOnlyList<TsvRow> rows)
    {
        var list = new List<Country>(rows.Count);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var iso3 = r.Required(0).ToUpperInvariant();
            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetter)) throw r.Bad(0, "three letters");
            int num = r.Int(1);
            var iso2 = r.Required(2).ToUpperInvariant();
            if (iso2.Length != 2 || !iso2.All(char.IsAsciiLetter)) throw r.Bad(2, "two letters");
            var name = r.Required(3);
            var region = r.Required(4);
            if (!Regions.Contains(region)) throw r.Bad(4, "one of ACLED's regions (" + string.Join(", ", Regions) + ")");
            var aliases = r.List(5);
            var demonyms = r.List(6);
            var theName = aliases.FirstOrDefault(a => string.Equals(a, "the " + name, StringComparison.OrdinalIgnoreCase));
            var norm = demonyms.Select(LexiconText.Normalize).ToHashSet();
            var adjectives = demonyms.Where(d =>
            {
                var n = LexiconText.Normalize(d);
                return !(n.EndsWith('s') && (norm.Contains(n[..^1]) || (n.EndsWith("es") && norm.Contains(n[..^2]))));
            }).ToArray();
            var c = new Country(iso3, num, iso2, name, region, aliases, demonyms)
            {
                ActorName = theName != null ? "the " + name : name,
                Adjectives = adjectives,
            };
            int index = list.Count;
            foreach (var code in new[] { iso3, iso2 })
                if (!byCode.TryAdd(code, index)) throw r.Error(Messages.ModelDuplicate("country code " + code));
            foreach (var key in Keys(c))
            {
                if (byKey.TryGetValue(key, out var other) && other != index)
                    throw r.Error(Messages.ModelDuplicate($"name '{key}' (also used by {list[other].Iso3})"));
                byKey[key] = index;
            }
            list.Add(c);
        }
        return new CountryTable(list, byKey, byCode);
    }

    private static IEnumerable<string> Keys(Country c) =>
        new[] { c.Name }.Concat(c.Aliases).Concat(c.Demonyms).Select(LexiconText.Normalize).Where(k => k.Length > 0);

    /// <summary>Row index of a country by ISO2, ISO3, name, alias or demonym; -1 when unknown.</summary>
    public int IndexOf(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) return -1;
        var t = key.Trim();
        // Codes are matched case-insensitively only in their exact shape ("IQ", "irq"); "US"/"UK" as aliases
        // are still found below through the normalized names.
        if ((t.Length == 2 || t.Length == 3) && t.All(char.IsAsciiLetter) && _byCode.TryGetValue(t, out var i)) return i;
        return _byKey.TryGetValue(LexiconText.Normalize(t), out var j) ? j : -1;
    }

    /// <summary>A country by ISO2, ISO3, name, alias or demonym; null when unknown.</summary>
    public Country? Find(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : Rows[i];
    }

    /// <summary>A country by ISO3 code; null when unknown.</summary>
    public Country? ByIso3(string iso3) => iso3.Length == 3 && _byCode.TryGetValue(iso3, out var i) ? Rows[i] : null;

    /// <summary>A country by ISO2 code; null when unknown.</summary>
    public Country? ByIso2(string iso2) => iso2.Length == 2 && _byCode.TryGetValue(iso2, out var i) ? Rows[i] : null;

    /// <summary>
    /// Normalized phrases naming a country (name, aliases, demonyms) with the row they point to, for the
    /// phrase matcher. ISO codes are not included: "IN" or "ARE" as words would be noise.
    /// </summary>
    public IEnumerable<(string Phrase, int Row)> Phrases()
    {
        for (int i = 0; i < Rows.Count; i++)
            foreach (var k in Keys(Rows[i]).Distinct())
                yield return (k, i);
    }
}
