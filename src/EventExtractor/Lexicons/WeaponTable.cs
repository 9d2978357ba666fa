using EventExtractor.Diagnostics;
using EventExtractor.Records;

namespace EventExtractor.Lexicons;

/// <summary>One row of <c>weapons.tsv</c>.</summary>
/// <param name="Phrase">The phrase as written ("Katyusha rockets").</param>
/// <param name="Weapon">Normalized weapon name ("Katyusha rocket").</param>
/// <param name="Hint">The sub-event type the weapon suggests, or <see cref="SubEventType.None"/>.</param>
internal sealed record WeaponEntry(string Phrase, string Weapon, SubEventType Hint);

/// <summary>Weapon phrases, their normalized names, and the sub-event type each suggests.</summary>
internal sealed class WeaponTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "weapons.tsv";

    private static readonly string[] Columns = ["phrase", "weapon", "hint"];

    private readonly Dictionary<string, int> _byPhrase;

    private WeaponTable(List<WeaponEntry> rows, Dictionary<string, int> byPhrase)
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
    public IReadOnlyList<WeaponEntry> Rows { get; }

    /// <summary>Loads <c>weapons.tsv</c> from a models folder.</summary>
    public static WeaponTable Load(string modelsDir) => FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns));

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static WeaponTable Parse(TextReader reader, string fileName = FileName) => FromRows(TsvReader.Read(reader, fileName, Columns));

    private static WeaponTable FromRows(IReadOnlyList<TsvRow> tsv)
    {
        var rows = new List<WeaponEntry>(tsv.Count);
        var byPhrase = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in tsv)
        {
            var phrase = r.Required(0);
            var weapon = r.Required(1);
            var hint = SubEventType.None;
            if (r[2].Length > 0)
            {
                hint = AcledTaxonomy.ParseSubEvent(r[2]);
                if (hint == SubEventType.None) throw r.Bad(2, "empty or an ACLED sub-event type");
            }
            var key = LexiconText.Normalize(phrase);
            if (byPhrase.TryGetValue(key, out var prev))
            {
                if (rows[prev].Weapon != weapon || rows[prev].Hint != hint)
                    throw r.Error(Messages.ModelDuplicate($"phrase '{key}' with another meaning"));
            }
            else byPhrase[key] = rows.Count;
            rows.Add(new WeaponEntry(phrase, weapon, hint));
        }
        return new WeaponTable(rows, byPhrase);
    }

    /// <summary>The row for a phrase (normalized here); null when none.</summary>
    public WeaponEntry? Find(string phrase) => _byPhrase.TryGetValue(LexiconText.Normalize(phrase), out var i) ? Rows[i] : null;

    /// <summary>Normalized phrases with their row index, one per distinct phrase.</summary>
    public IEnumerable<(string Phrase, int Row)> Phrases() => _byPhrase.Select(p => (p.Key, p.Value));
}
