using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>One row of <c>armed-groups.tsv</c>.</summary>
/// <param name="Name">ACLED's actor name ("Islamic State (Iraq)").</param>
/// <param name="Inter">ACLED inter code: 2 rebel group, 3 political militia, 4 identity militia, 8 external/other.</param>
/// <param name="Iso3">Home country (or, for a multinational force, the country it operates in).</param>
/// <param name="Aliases">Other names as written in the file.</param>
internal sealed record ArmedGroup(string Name, int Inter, string Iso3, IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// The name without a trailing country in brackets ("Islamic State" for "Islamic State (Iraq)"). Rows of
    /// one family are the same movement coded per country by ACLED and may share aliases.
    /// </summary>
    public string Family { get; init; } = Name;
}

/// <summary>
/// Named non-state armed groups (and multinational forces, inter 8) under ACLED's names, found by name, alias
/// or acronym. A movement that ACLED names per country ("Islamic State (Iraq)", "Islamic State (Syria)") has one
/// row per country with the same aliases; <see cref="Resolve"/> picks the row for the event's country.
/// </summary>
internal sealed class ArmedGroupTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "armed-groups.tsv";

    private static readonly string[] Columns = ["name", "inter", "iso3", "aliases"];

    private static readonly int[] AllowedInter = [2, 3, 4, 8];

    private readonly Dictionary<string, int[]> _byPhrase;

    private ArmedGroupTable(List<ArmedGroup> rows, Dictionary<string, int[]> byPhrase, CountryTable countries)
    {
        Rows = rows;
        _byPhrase = byPhrase;
        _countries = countries;
        _acronyms = AcronymPhrases.From(rows.SelectMany(g => new[] { g.Name }.Concat(g.Aliases)));
    }

    private readonly CountryTable _countries;

    private readonly AcronymPhrases _acronyms;

    /// <summary>
    /// True when a normalized phrase came only from short all-capitals acronyms ("IS" → "is"): match it only
    /// against text in capitals (see <see cref="LexiconText.IsShortAcronym"/>).
    /// </summary>
    public bool IsCaseSensitive(string normalizedPhrase) => _acronyms.Contains(normalizedPhrase);


    /// <summary>All groups in file order.</summary>
    public IReadOnlyList<ArmedGroup> Rows { get; }

    /// <summary>Loads <c>armed-groups.tsv</c> from a models folder.</summary>
    public static ArmedGroupTable Load(string modelsDir, CountryTable countries) =>
        FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns), countries);

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static ArmedGroupTable Parse(TextReader reader, CountryTable countries, string fileName = FileName) =>
        FromRows(TsvReader.Read(reader, fileName, Columns), countries);

    /// <summary>
    /// The name without a trailing bracket when the bracket is a country, years, or a variant shared with another
    /// row ("Islamic State (West Africa)" → "Islamic State"); otherwise the name itself.
    /// </summary>
    private static string BaseName(string name, out string bracket)
    {
        bracket = "";
        if (!name.EndsWith(')')) return name;
        int open = name.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= 0) return name;
        bracket = name[(open + 2)..^1];
        return name[..open];
    }

    private static ArmedGroupTable FromRows(IReadOnlyList<TsvRow> tsv, CountryTable countries)
    {
        var baseCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in tsv)
        {
            var b = BaseName(r[0], out _);
            baseCount[b] = baseCount.GetValueOrDefault(b) + 1;
        }

        var rows = new List<ArmedGroup>(tsv.Count);
        var byPhrase = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in tsv)
        {
            var name = r.Required(0);
            int inter = r.Int(1);
            if (Array.IndexOf(AllowedInter, inter) < 0) throw r.Bad(1, "2, 3, 4 or 8");
            var iso3 = r.Required(2).ToUpperInvariant();
            if (countries.ByIso3(iso3) == null) throw r.Error(Messages.ModelUnknownCountry("iso3", iso3));
            if (!names.Add(name)) throw r.Error(Messages.ModelDuplicate("group name " + name));
            var family = BaseName(name, out var bracket);
            bool isFamily = bracket.Length > 0 &&
                (baseCount[family] > 1 || bracket.Any(char.IsAsciiDigit) || countries.IndexOf(bracket) >= 0);
            if (!isFamily) family = name;
            var group = new ArmedGroup(name, inter, iso3, r.List(3)) { Family = family };
            int index = rows.Count;
            foreach (var key in Keys(group))
            {
                if (!byPhrase.TryGetValue(key, out var list)) byPhrase[key] = list = new List<int>();
                if (list.Contains(index)) continue;
                foreach (var other in list)
                    if (rows[other].Family != family)
                        throw r.Error(Messages.ModelDuplicate($"alias '{key}' (also '{rows[other].Name}')"));
                    else if (rows[other].Iso3 == iso3)
                        throw r.Error(Messages.ModelDuplicate($"alias '{key}' for {iso3} (also '{rows[other].Name}')"));
                list.Add(index);
            }
            rows.Add(group);
        }
        return new ArmedGroupTable(rows, byPhrase.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), countries);
    }

    private static IEnumerable<string> Keys(ArmedGroup g)
    {
        var forms = g.Family == g.Name ? new[] { g.Name } : new[] { g.Name, g.Family };
        foreach (var form in forms)
        {
            yield return LexiconText.Normalize(form);
            // "PKK: Kurdistan Workers Party" is written in news as either half.
            int colon = form.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                yield return LexiconText.Normalize(form[..colon]);
                yield return LexiconText.Normalize(form[(colon + 2)..]);
            }
        }
        foreach (var a in g.Aliases)
        {
            var k = LexiconText.Normalize(a);
            if (k.Length > 0) yield return k;
        }
    }

    /// <summary>Row indexes of every group a phrase may name (several only for one family's country rows).</summary>
    public IReadOnlyList<int> Candidates(string phrase) =>
        _byPhrase.TryGetValue(LexiconText.Normalize(phrase), out var rows) ? rows : [];

    /// <summary>
    /// The group a phrase names in an event in <paramref name="iso3"/>: the family's row for that country, else one in the
    /// same ACLED region, else the first row listed (the movement's main country). Null when the phrase names no group.
    /// </summary>
    public ArmedGroup? Resolve(string phrase, string? iso3)
    {
        var rows = Candidates(phrase);
        if (rows.Count == 0) return null;
        if (iso3 == null) return Rows[rows[0]];
        foreach (var i in rows)
            if (string.Equals(Rows[i].Iso3, iso3, StringComparison.OrdinalIgnoreCase)) return Rows[i];
        var region = _countries.ByIso3(iso3)?.Region;
        foreach (var i in rows)
            if (region != null && _countries.ByIso3(Rows[i].Iso3)?.Region == region) return Rows[i];
        return Rows[rows[0]];
    }

    /// <summary>
    /// Normalized phrases with their row; the family's country rows each appear with their shared aliases, so a
    /// matcher keeps all of them and calls <see cref="Resolve"/> (or compares countries) once the country is known.
    /// </summary>
    public IEnumerable<(string Phrase, int Row)> Phrases()
    {
        foreach (var (phrase, rows) in _byPhrase)
            foreach (var r in rows) yield return (phrase, r);
    }
}
