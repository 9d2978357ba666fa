using EventExtractor.Lexicons;

namespace EventExtractor.Tests.Lexicons;

[Collection("lexicon")]
public class StateForceExpansionTests(LexiconFixture fx)
{
    private const string Header = "phrase\tiso3\tforce\tunit\n";

    private static readonly CountryTable Countries = CountryTable.Parse(new StringReader(
        "iso3\tiso_num\tiso2\tname\tregion\taliases\tdemonyms\n" +
        "IRQ\t368\tIQ\tIraq\tMiddle East\tRepublic of Iraq\tIraqi\n" +
        "USA\t840\tUS\tUnited States\tNorth America\tthe United States|US|us\tAmerican|american\n"));

    [Fact]
    internal void Templates_expand_in_file_order_country_by_country()
    {
        var table = StateForceTable.Parse(new StringReader(Header +
            "{DEMONYM} troops\t*\tMilitary\t\n" +
            "the {COUNTRY} police\t*\tPolice\t\n" +
            "Iraqi troops\tIRQ\tMilitary\tSpecial unit\n"), Countries);

        Assert.Equal(
        [
            ("iraqi troops", "IRQ", 2),
            ("iraq troops", "IRQ", 0),
            ("republic of iraq troops", "IRQ", 0),
            ("american troops", "USA", 0),
            ("united states troops", "USA", 0),
            ("us troops", "USA", 0),
            ("the iraq police", "IRQ", 1),
            ("iraq police", "IRQ", 1),
            ("the republic of iraq police", "IRQ", 1),
            ("republic of iraq police", "IRQ", 1),
            ("the united states police", "USA", 1),
            ("united states police", "USA", 1),
            ("the us police", "USA", 1),
            ("us police", "USA", 1),
        ], table.Entries.Select(e => (e.Phrase, e.Iso3, e.Row)).ToArray());
        Assert.Equal("Special unit", table.Find("Iraqi troops")!.Unit);
    }

    [Fact]
    public void A_template_giving_two_countries_one_phrase_is_rejected()
    {
        var countries = CountryTable.Parse(new StringReader(
            "iso3\tiso_num\tiso2\tname\tregion\taliases\tdemonyms\n" +
            "IRQ\t368\tIQ\tIraq\tMiddle East\tLevant\tIraqi\n" +
            "USA\t840\tUS\tUnited States\tNorth America\tthe Levant\tAmerican\n"));
        var e = Assert.Throws<EventExtractor.Models.ModelException>(() =>
            StateForceTable.Parse(new StringReader(Header + "{COUNTRY} police\t*\tPolice\t\n"), countries));
        Assert.Contains("'levant police' for IRQ and USA", e.Message);
    }

    [Fact]
    public void The_models_state_forces_are_the_plain_expansion_of_their_rows()
    {
        var table = fx.Lexicon.StateForces;
        Assert.Equal(Reference(table.Rows, fx.Lexicon.Countries), table.Entries.Select(e => (e.Phrase, e.Iso3, e.Row)).ToArray());
    }

    /// <summary>The expansion as the remarks of <see cref="StateForceTable"/> state it, written plainly.</summary>
    private static (string, string, int)[] Reference(IReadOnlyList<StateForceRow> rows, CountryTable countries)
    {
        var entries = new List<(string Phrase, string Iso3, int Row)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
            if (!rows[i].IsTemplate && seen.Add(LexiconText.Normalize(rows[i].Phrase)))
                entries.Add((LexiconText.Normalize(rows[i].Phrase), rows[i].Iso3, i));
        for (int i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsTemplate) continue;
            foreach (var c in countries.Rows)
            {
                bool demonym = rows[i].Phrase.Contains("{DEMONYM}");
                var fills = demonym
                    ? c.Adjectives.Concat([c.Name]).Concat(c.Aliases).Where(a => !a.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                    : new[] { c.Name }.Concat(c.Aliases);
                foreach (var fill in fills.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var text = rows[i].Phrase.Replace(demonym ? "{DEMONYM}" : "{COUNTRY}", fill).Replace("the the ", "the ", StringComparison.OrdinalIgnoreCase);
                    foreach (var t in text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? new[] { text, text[4..] } : [text])
                    {
                        var key = LexiconText.Normalize(t);
                        if (key.Length > 0 && seen.Add(key)) entries.Add((key, c.Iso3, i));
                    }
                }
            }
        }
        return entries.ToArray();
    }
}
