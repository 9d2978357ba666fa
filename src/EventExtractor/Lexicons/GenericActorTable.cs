using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>Whether an unnamed actor usually does the act, suffers it, or either.</summary>
internal enum ActorRole : byte
{
    Either,
    Agent,
    Victim,
    /// <summary>A word that only qualifies the weapon or deed after it ("Russian missiles"); country demonyms.</summary>
    Modifier,
}

/// <summary>One row of <c>generic-actors.tsv</c>.</summary>
/// <param name="Phrase">The phrase as written ("unknown gunmen").</param>
/// <param name="Actor">ACLED template with <c>{COUNTRY}</c> ("Unidentified Armed Group ({COUNTRY})").</param>
/// <param name="Inter">ACLED inter code.</param>
/// <param name="Role">Usual role.</param>
internal sealed record GenericActor(string Phrase, string Actor, int Inter, ActorRole Role)
{
    /// <summary>The actor name for an event in a country: "Civilians (Iraq)" (ACLED writes the bare name here).</summary>
    public string ActorName(Country country) => Actor.Replace("{COUNTRY}", country.Name);
}

/// <summary>Unnamed actors: gunmen, protesters, rioters, civilians, mapped to ACLED's generic actor names.</summary>
internal sealed class GenericActorTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "generic-actors.tsv";

    private static readonly string[] Columns = ["phrase", "actor", "inter", "role"];

    private readonly Dictionary<string, int> _byPhrase;

    private GenericActorTable(List<GenericActor> rows, Dictionary<string, int> byPhrase)
    {
        Rows = rows;
        _byPhrase = byPhrase;
        _acronyms = AcronymPhrases.From(rows.Select(r => r.Phrase));
    }

    private readonly AcronymPhrases _acronyms;

    /// <summary>
    /// True when a normalized phrase came only from short all-capitals acronyms ("US" → "us"): match it only
    /// against text in capitals (see <see cref="LexiconText.IsShortAcronym"/>).
    /// </summary>
    public bool IsCaseSensitive(string normalizedPhrase) => _acronyms.Contains(normalizedPhrase);


    /// <summary>All rows in file order.</summary>
    public IReadOnlyList<GenericActor> Rows { get; }

    /// <summary>Loads <c>generic-actors.tsv</c> from a models folder.</summary>
    public static GenericActorTable Load(string modelsDir) => FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns));

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static GenericActorTable Parse(TextReader reader, string fileName = FileName) => FromRows(TsvReader.Read(reader, fileName, Columns));

    private static GenericActorTable FromRows(IReadOnlyList<TsvRow> tsv)
    {
        var rows = new List<GenericActor>(tsv.Count);
        var byPhrase = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in tsv)
        {
            var phrase = r.Required(0);
            var actor = r.Required(1);
            if (!actor.Contains("{COUNTRY}")) throw r.Bad(1, "a template containing {COUNTRY}");
            int inter = r.Int(2);
            if (inter is < 1 or > 8) throw r.Bad(2, "an inter code 1 to 8");
            var role = Enum.TryParse<ActorRole>(r.Required(3), ignoreCase: true, out var ro) && Enum.IsDefined(ro)
                ? ro : throw r.Bad(3, "agent, victim or either");
            var row = new GenericActor(phrase, actor, inter, role);
            var key = LexiconText.Normalize(phrase);
            if (byPhrase.TryGetValue(key, out var prev))
            {
                var p = rows[prev];
                if (p.Actor != actor || p.Inter != inter || p.Role != role)
                    throw r.Error(Messages.ModelDuplicate($"phrase '{key}' with another meaning"));
            }
            else byPhrase[key] = rows.Count;
            rows.Add(row);
        }
        return new GenericActorTable(rows, byPhrase);
    }

    /// <summary>The row for a phrase (normalized here); null when none.</summary>
    public GenericActor? Find(string phrase) => _byPhrase.TryGetValue(LexiconText.Normalize(phrase), out var i) ? Rows[i] : null;

    /// <summary>Normalized phrases with their row index, one per distinct phrase.</summary>
    public IEnumerable<(string Phrase, int Row)> Phrases() => _byPhrase.Select(p => (p.Key, p.Value));
}
