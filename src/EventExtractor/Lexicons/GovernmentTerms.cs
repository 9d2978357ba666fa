using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>Which state actor a phrase names; ACLED's name differs for each.</summary>
internal enum StateForce : byte
{
    /// <summary>"Military Forces of …"</summary>
    Military,
    /// <summary>"Police Forces of …"</summary>
    Police,
    /// <summary>"Government of …"</summary>
    Government,
}

/// <summary>One row of <c>government-terms.tsv</c>: a head of government's time in office.</summary>
/// <param name="Iso3">Country.</param>
/// <param name="Start">First day in office.</param>
/// <param name="End">The successor's first day (exclusive), or null while in office.</param>
/// <param name="Label">ACLED's bracketed period ("2020-2022", "2022-").</param>
internal sealed record GovernmentTerm(string Iso3, DateOnly Start, DateOnly? End, string Label);

/// <summary>
/// The government terms ACLED writes into state-force actor names, and the helpers that build those names
/// ("Military Forces of Iraq (2020-2022) Counter-Terrorism Service").
/// </summary>
internal sealed class GovernmentTerms
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "government-terms.tsv";

    private static readonly string[] Columns = ["iso3", "start", "end", "label"];

    private readonly Dictionary<string, GovernmentTerm[]> _byCountry;

    private GovernmentTerms(List<GovernmentTerm> rows, CountryTable countries)
    {
        Rows = rows;
        Countries = countries;
        _byCountry = rows.GroupBy(r => r.Iso3, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Start).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All terms in file order.</summary>
    public IReadOnlyList<GovernmentTerm> Rows { get; }

    /// <summary>The countries the names are built from.</summary>
    public CountryTable Countries { get; }

    /// <summary>Loads <c>government-terms.tsv</c> from a models folder.</summary>
    public static GovernmentTerms Load(string modelsDir, CountryTable countries) =>
        FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns), countries);

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static GovernmentTerms Parse(TextReader reader, CountryTable countries, string fileName = FileName) =>
        FromRows(TsvReader.Read(reader, fileName, Columns), countries);

    private static GovernmentTerms FromRows(IReadOnlyList<TsvRow> rows, CountryTable countries)
    {
        var list = new List<GovernmentTerm>(rows.Count);
        var open = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var iso3 = r.Required(0).ToUpperInvariant();
            if (countries.ByIso3(iso3) == null) throw r.Error(Messages.ModelUnknownCountry("iso3", iso3));
            var start = r.Date(1);
            var end = r.OptionalDate(2);
            if (end is { } e && e <= start) throw r.Bad(2, "a date after 'start'");
            var label = r.Required(3);
            if (end == null && !open.Add(iso3)) throw r.Error(Messages.ModelDuplicate("open-ended term for " + iso3));
            foreach (var t in list)
                if (t.Iso3 == iso3 && start < (t.End ?? DateOnly.MaxValue) && t.Start < (end ?? DateOnly.MaxValue))
                    throw r.Error(Messages.ModelDuplicate($"term: it overlaps {t.Iso3} {t.Label}"));
            list.Add(new GovernmentTerm(iso3, start, end, label));
        }
        return new GovernmentTerms(list, countries);
    }

    /// <summary>The term in force in a country on a date; null when the file has none.</summary>
    public GovernmentTerm? TermAt(string iso3, DateOnly date)
    {
        if (!_byCountry.TryGetValue(iso3, out var terms)) return null;
        foreach (var t in terms)
            if (t.Start <= date && (t.End == null || date < t.End)) return t;
        return null;
    }

    /// <summary>The bracketed label ("2020-2022") in force on a date; null when unknown.</summary>
    public string? Label(string iso3, DateOnly date) => TermAt(iso3, date)?.Label;

    /// <summary>
    /// ACLED's name of a state actor: "Military Forces of Iraq (2020-2022)", "Police Forces of the United
    /// States (2021-2025)", "Government of Nigeria (2015-2023)"; a unit is appended after the bracket. Without a
    /// known term the bracket is left out. Throws when the country is unknown.
    /// </summary>
    public string StateForceName(string iso3, StateForce force, DateOnly date, string? unit = null)
    {
        var country = Countries.ByIso3(iso3) ?? throw new ArgumentException($"unknown country '{iso3}'", nameof(iso3));
        var prefix = force switch
        {
            StateForce.Military => "Military Forces of ",
            StateForce.Police => "Police Forces of ",
            _ => "Government of ",
        };
        var label = Label(country.Iso3, date);
        var name = label == null ? prefix + country.ActorName : $"{prefix}{country.ActorName} ({label})";
        return string.IsNullOrWhiteSpace(unit) ? name : name + " " + unit.Trim();
    }
}
