using System.Text;
using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>One row of <c>state-forces.tsv</c> as written: a phrase or a template.</summary>
/// <param name="Phrase">The phrase; templates contain <c>{DEMONYM}</c> or <c>{COUNTRY}</c>.</param>
/// <param name="Iso3">The country, or <c>*</c> for a template.</param>
/// <param name="Force">Military, police or government.</param>
/// <param name="Unit">A unit ACLED appends to the actor name, or empty.</param>
/// <param name="Line">Line in the file, for messages.</param>
internal sealed record StateForceRow(string Phrase, string Iso3, StateForce Force, string Unit, int Line)
{
    /// <summary>True for a <c>*</c> row whose phrase is expanded for every country.</summary>
    public bool IsTemplate => Iso3 == "*";
}

/// <summary>A concrete phrase after template expansion, naming one country's forces.</summary>
/// <param name="Phrase">Normalized phrase ("iraqi troops").</param>
/// <param name="Iso3">The country.</param>
/// <param name="Force">Military, police or government.</param>
/// <param name="Unit">Unit name or empty.</param>
/// <param name="Row">Index of the source row in <see cref="StateForceTable.Rows"/>.</param>
internal sealed record StateForceEntry(string Phrase, string Iso3, StateForce Force, string Unit, int Row);

/// <summary>
/// Phrases that name a state's forces ("Iraqi troops", "the Pentagon", "IDF"), with templates expanded for every
/// country in <see cref="CountryTable"/>.
/// </summary>
/// <remarks>
/// <c>{DEMONYM}</c> is filled with each adjective demonym and also with the country's name and aliases, because
/// news uses countries attributively ("US troops", "Israel army"); aliases starting with "the" are skipped there.
/// <c>{COUNTRY}</c> is filled with the name and every alias. A template phrase starting with "the " also yields
/// the phrase without it, so both "the Iraqi government" and "Iraqi government" are found; when a template and a
/// named row give the same phrase the named row wins. Two different named rows may not share a phrase.
/// </remarks>
internal sealed class StateForceTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "state-forces.tsv";

    private static readonly string[] Columns = ["phrase", "iso3", "force", "unit"];

    private readonly Dictionary<string, int> _byPhrase;

    private StateForceTable(List<StateForceRow> rows, List<StateForceEntry> entries, Dictionary<string, int> byPhrase)
    {
        Rows = rows;
        Entries = entries;
        _byPhrase = byPhrase;
        _acronyms = AcronymPhrases.From(rows.Where(r => !r.IsTemplate).Select(r => r.Phrase));
    }

    private readonly AcronymPhrases _acronyms;

    /// <summary>
    /// True when a normalized phrase came only from short all-capitals acronyms ("US" → "us"): match it only
    /// against text in capitals (see <see cref="LexiconText.IsShortAcronym"/>).
    /// </summary>
    public bool IsCaseSensitive(string normalizedPhrase) => _acronyms.Contains(normalizedPhrase);


    /// <summary>The rows as written.</summary>
    public IReadOnlyList<StateForceRow> Rows { get; }

    /// <summary>Every concrete phrase, one per distinct normalized phrase.</summary>
    public IReadOnlyList<StateForceEntry> Entries { get; }

    /// <summary>Loads <c>state-forces.tsv</c> from a models folder.</summary>
    public static StateForceTable Load(string modelsDir, CountryTable countries) =>
        FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns), countries);

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static StateForceTable Parse(TextReader reader, CountryTable countries, string fileName = FileName) =>
        FromRows(TsvReader.Read(reader, fileName, Columns), countries);

    private static StateForceTable FromRows(IReadOnlyList<TsvRow> tsv, CountryTable countries)
    {
        var rows = new List<StateForceRow>(tsv.Count);
        var entries = new List<StateForceEntry>();
        var byPhrase = new Dictionary<string, int>(StringComparer.Ordinal);

        // Named rows first so that they win over template expansions of the same phrase.
        foreach (var r in tsv)
        {
            var phrase = r.Required(0);
            var iso3 = r.Required(1).ToUpperInvariant();
            var force = Enum.TryParse<StateForce>(r.Required(2), ignoreCase: true, out var f) && Enum.IsDefined(f)
                ? f : throw r.Bad(2, "Military, Police or Government");
            bool template = iso3 == "*";
            if (template != (phrase.Contains("{DEMONYM}") || phrase.Contains("{COUNTRY}")))
                throw r.Error(template
                    ? Messages.ModelBadValue("phrase", phrase, "a template with {DEMONYM} or {COUNTRY} when iso3 is *")
                    : Messages.ModelBadValue("iso3", iso3, "* for a phrase with {DEMONYM} or {COUNTRY}"));
            if (!template && countries.ByIso3(iso3) == null) throw r.Error(Messages.ModelUnknownCountry("iso3", iso3));
            rows.Add(new StateForceRow(phrase, iso3, force, r[3], r.Line));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsTemplate) continue;
            var key = LexiconText.Normalize(row.Phrase);
            if (byPhrase.TryGetValue(key, out var prev))
            {
                var p = entries[prev];
                if (p.Iso3 != row.Iso3 || p.Force != row.Force || p.Unit != row.Unit)
                    throw tsv[i].Error(Messages.ModelDuplicate($"phrase '{key}' (line {rows[p.Row].Line} gives it another meaning)"));
                continue;
            }
            byPhrase[key] = entries.Count;
            entries.Add(new StateForceEntry(key, row.Iso3, row.Force, row.Unit, i));
        }

        // Every template of a kind is filled with the same names of a country: work them out once per country.
        var demonymFills = new string[countries.Rows.Count][];
        var countryFills = new string[countries.Rows.Count][];
        for (int c = 0; c < countries.Rows.Count; c++)
        {
            demonymFills[c] = DemonymFills(countries.Rows[c]);
            countryFills[c] = CountryFills(countries.Rows[c]);
        }
        // Most expansions repeat a phrase already owned: look them up as spans and make a string only for new ones.
        var lookup = byPhrase.GetAlternateLookup<ReadOnlySpan<char>>();
        var normalized = new StringBuilder();
        char[] buffer = [];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.IsTemplate) continue;
            bool demonym = row.Phrase.Contains("{DEMONYM}");
            var slot = demonym ? "{DEMONYM}" : "{COUNTRY}";
            for (int c = 0; c < countries.Rows.Count; c++)
            {
                var country = countries.Rows[c];
                foreach (var fill in demonym ? demonymFills[c] : countryFills[c])
                {
                    var text = row.Phrase.Replace(slot, fill);
                    // "the the United States's army" would never occur; "the" is written once.
                    text = text.Replace("the the ", "the ", StringComparison.OrdinalIgnoreCase);
                    Add(text);
                    // "the Iraqi government" is also found as "Iraqi government".
                    if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) Add(text.AsSpan(4));

                    void Add(ReadOnlySpan<char> expansion)
                    {
                        normalized.Clear();
                        LexiconText.Append(expansion, normalized);
                        if (normalized.Length == 0) return;
                        if (buffer.Length < normalized.Length) buffer = new char[normalized.Length * 2];
                        normalized.CopyTo(0, buffer, normalized.Length);
                        var span = buffer.AsSpan(0, normalized.Length);
                        if (lookup.TryGetValue(span, out var prev))
                        {
                            // A named row or an earlier template already owns the phrase; this template giving two
                            // countries one phrase would be ambiguous data in countries.tsv, reported there.
                            if (entries[prev].Row == i && entries[prev].Iso3 != country.Iso3)
                                throw tsv[i].Error(Messages.ModelDuplicate($"expansion '{entries[prev].Phrase}' for {entries[prev].Iso3} and {country.Iso3}"));
                            return;
                        }
                        var phrase = span.ToString();
                        byPhrase[phrase] = entries.Count;
                        entries.Add(new StateForceEntry(phrase, country.Iso3, row.Force, row.Unit, i));
                    }
                }
            }
        }
        return new StateForceTable(rows, entries, byPhrase);
    }

    /// <summary>
    /// What fills <c>{DEMONYM}</c>: each adjective, the name and every alias (news uses countries attributively:
    /// "US troops", "Israel army"), save those starting with "the"; each spelling once, ignoring case.
    /// </summary>
    private static string[] DemonymFills(Country c)
    {
        var fills = new List<string>(c.Adjectives.Count + 1 + c.Aliases.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in c.Adjectives) AddFill(a);
        AddFill(c.Name);
        foreach (var a in c.Aliases) AddFill(a);
        return fills.ToArray();

        void AddFill(string fill)
        {
            if (!fill.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && seen.Add(fill)) fills.Add(fill);
        }
    }

    /// <summary>What fills <c>{COUNTRY}</c>: the name and every alias, each spelling once, ignoring case.</summary>
    private static string[] CountryFills(Country c)
    {
        var fills = new List<string>(1 + c.Aliases.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (seen.Add(c.Name)) fills.Add(c.Name);
        foreach (var a in c.Aliases)
            if (seen.Add(a)) fills.Add(a);
        return fills.ToArray();
    }

    /// <summary>The entry for a phrase (normalized here); null when none.</summary>
    public StateForceEntry? Find(string phrase) =>
        _byPhrase.TryGetValue(LexiconText.Normalize(phrase), out var i) ? Entries[i] : null;

    /// <summary>Normalized phrases with the index of their entry in <see cref="Entries"/>.</summary>
    public IEnumerable<(string Phrase, int Row)> Phrases()
    {
        for (int i = 0; i < Entries.Count; i++) yield return (Entries[i].Phrase, i);
    }
}
