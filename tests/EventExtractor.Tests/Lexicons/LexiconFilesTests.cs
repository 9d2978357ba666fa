using EventExtractor.Lexicons;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Tests.Lexicons;

[Collection("lexicon")]
public class LexiconFilesTests(LexiconFixture fx)
{
    private Lexicon L => fx.Lexicon;

    [Fact]
    public void Every_file_loads_with_the_promised_breadth()
    {
        Assert.True(L.Countries.Rows.Count >= 195, $"{L.Countries.Rows.Count} countries");
        Assert.True(L.Terms.Rows.Select(t => t.Iso3).Distinct().Count() >= 60);
        Assert.True(L.ArmedGroups.Rows.Select(g => g.Family).Distinct().Count() >= 120);
        Assert.True(L.Sites.Rows.Count >= 150);
        Assert.NotEmpty(L.GenericActors.Rows);
        Assert.NotEmpty(L.Weapons.Rows);
        Assert.NotEmpty(L.StateForces.Entries);
    }

    [Theory]
    [InlineData("IRQ", 368, "IQ", "Iraq", "Middle East")]
    [InlineData("COD", 180, "CD", "Democratic Republic of Congo", "Middle Africa")]
    [InlineData("COG", 178, "CG", "Republic of Congo", "Middle Africa")]
    [InlineData("CIV", 384, "CI", "Ivory Coast", "Western Africa")]
    [InlineData("PSE", 275, "PS", "Palestine", "Middle East")]
    [InlineData("USA", 840, "US", "United States", "North America")]
    [InlineData("MMR", 104, "MM", "Myanmar", "Southeast Asia")]
    public void Countries_carry_ACLED_names_and_codes(string iso3, int num, string iso2, string name, string region)
    {
        var c = L.Countries.ByIso3(iso3)!;
        Assert.Equal(num, c.IsoNumeric);
        Assert.Equal(iso2, c.Iso2);
        Assert.Equal(name, c.Name);
        Assert.Equal(region, c.Region);
        Assert.Same(c, L.Countries.ByIso2(iso2));
    }

    [Theory]
    [InlineData("USA", "U.S.")]
    [InlineData("USA", "United States of America")]
    [InlineData("USA", "americans")]
    [InlineData("GBR", "Britain")]
    [InlineData("COD", "DRC")]
    [InlineData("COD", "DR Congo")]
    [InlineData("MMR", "Burma")]
    [InlineData("TUR", "Türkiye")]
    [InlineData("TUR", "Turkiye")]
    [InlineData("IRQ", "Iraqis")]
    [InlineData("CIV", "Côte d’Ivoire")]
    [InlineData("IRQ", "iq")]
    public void Countries_are_found_by_alias_demonym_or_code(string iso3, string key) =>
        Assert.Equal(iso3, L.Countries.Find(key)?.Iso3);

    [Fact]
    public void Kurdish_is_not_a_country()
    {
        Assert.Null(L.Countries.Find("Kurdish"));
    }

    [Fact]
    public void Demonym_plurals_are_not_used_as_adjectives()
    {
        var irq = L.Countries.ByIso3("IRQ")!;
        Assert.Contains("Iraqi", irq.Adjectives);
        Assert.DoesNotContain("Iraqis", irq.Adjectives);
    }

    [Fact]
    public void Short_acronyms_that_are_words_are_case_sensitive()
    {
        Assert.True(L.Countries.IsCaseSensitive("us"));
        Assert.True(L.Countries.IsCaseSensitive("car"));
        Assert.False(L.Countries.IsCaseSensitive("iraq"));
        Assert.True(L.ArmedGroups.IsCaseSensitive("is"));
    }

    [Theory]
    [InlineData("Iraqi troops", "IRQ", StateForce.Military, "")]
    [InlineData("US forces", "USA", StateForce.Military, "")]
    [InlineData("U.S. troops", "USA", StateForce.Military, "")]
    [InlineData("American soldiers", "USA", StateForce.Military, "")]
    [InlineData("the Pentagon", "USA", StateForce.Military, "")]
    [InlineData("CENTCOM", "USA", StateForce.Military, "")]
    [InlineData("US-led coalition", "USA", StateForce.Military, "")]
    [InlineData("IDF", "ISR", StateForce.Military, "")]
    [InlineData("Tatmadaw", "MMR", StateForce.Military, "")]
    [InlineData("FARDC", "COD", StateForce.Military, "")]
    [InlineData("Nigerian police", "NGA", StateForce.Police, "")]
    [InlineData("the Iraqi government", "IRQ", StateForce.Government, "")]
    [InlineData("Iraqi government", "IRQ", StateForce.Government, "")]
    [InlineData("Iraq's army", "IRQ", StateForce.Military, "")]
    [InlineData("Counter-Terrorism Service", "IRQ", StateForce.Military, "Counter-Terrorism Service")]
    [InlineData("Revolutionary Guards", "IRN", StateForce.Military, "Islamic Revolutionary Guard Corps")]
    internal void State_force_phrases_resolve(string phrase, string iso3, StateForce force, string unit)
    {
        var e = L.StateForces.Find(phrase);
        Assert.NotNull(e);
        Assert.Equal(iso3, e!.Iso3);
        Assert.Equal(force, e.Force);
        Assert.Equal(unit, e.Unit);
    }

    [Fact]
    public void Template_expansion_does_not_produce_plural_demonym_phrases()
    {
        Assert.Null(L.StateForces.Find("Iraqis troops"));
    }

    [Theory]
    [InlineData("IRQ", "2021-06-28", StateForce.Military, null, "Military Forces of Iraq (2020-2022)")]
    [InlineData("IRQ", "2022-10-27", StateForce.Military, null, "Military Forces of Iraq (2022-)")]
    [InlineData("IRQ", "2022-10-26", StateForce.Police, "Counter-Terrorism Service", "Police Forces of Iraq (2020-2022) Counter-Terrorism Service")]
    [InlineData("USA", "2020-01-03", StateForce.Military, null, "Military Forces of the United States (2017-2021)")]
    [InlineData("USA", "2023-05-01", StateForce.Military, null, "Military Forces of the United States (2021-2025)")]
    [InlineData("NGA", "2019-01-01", StateForce.Government, null, "Government of Nigeria (2015-2023)")]
    [InlineData("COD", "2020-01-01", StateForce.Military, null, "Military Forces of the Democratic Republic of Congo (2019-)")]
    [InlineData("ISL", "2020-01-01", StateForce.Police, null, "Police Forces of Iceland")]
    internal void State_force_names_follow_ACLED(string iso3, string date, StateForce force, string? unit, string expected) =>
        Assert.Equal(expected, L.Terms.StateForceName(iso3, force, DateOnly.Parse(date), unit));

    [Fact]
    public void Terms_of_a_country_do_not_overlap_and_leave_no_gap_after_2010()
    {
        foreach (var g in L.Terms.Rows.GroupBy(t => t.Iso3))
        {
            var terms = g.OrderBy(t => t.Start).ToList();
            for (int i = 1; i < terms.Count; i++)
            {
                var prev = terms[i - 1];
                Assert.NotNull(prev.End);
                if (prev.End!.Value.Year >= 2017)
                    Assert.True(prev.End == terms[i].Start, $"{g.Key}: gap or overlap between {prev.Label} and {terms[i].Label}");
            }
            Assert.Null(terms[^1].End);
        }
    }

    [Theory]
    [InlineData("Kata’ib Hezbollah", "Kataib Hezbollah")]
    [InlineData("Kata'ib Hizballah", "Kataib Hezbollah")]
    [InlineData("KH", "Kataib Hezbollah")]
    [InlineData("Hezbollah Brigades", "Kataib Hezbollah")]
    [InlineData("AAH", "Asaib Ahl al-Haq")]
    [InlineData("Hashd al-Shaabi", "Popular Mobilization Forces")]
    [InlineData("PMU", "Popular Mobilization Forces")]
    [InlineData("Hezbollah", "Hezbollah")]
    [InlineData("PKK", "PKK: Kurdistan Workers Party")]
    [InlineData("Kurdistan Workers' Party", "PKK: Kurdistan Workers Party")]
    [InlineData("al-Shabab", "Al Shabaab")]
    [InlineData("Ansar Allah", "Houthi Movement")]
    [InlineData("MONUSCO", "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo (2010-)")]
    public void Armed_groups_resolve_by_alias(string phrase, string name) =>
        Assert.Equal(name, L.ArmedGroups.Resolve(phrase, null)?.Name);

    [Theory]
    [InlineData("ISIS", "IRQ", "Islamic State (Iraq)")]
    [InlineData("Daesh", "SYR", "Islamic State (Syria)")]
    [InlineData("Islamic State", "NGA", "Islamic State (West Africa)")]
    [InlineData("Islamic State", "BFA", "Islamic State (Sahel)")]
    [InlineData("Islamic State", "TUN", "Islamic State (Libya)")]
    [InlineData("ISWAP", "NGA", "Islamic State (West Africa)")]
    [InlineData("Fulani militia", "MLI", "Fulani Ethnic Militia (Mali)")]
    public void Country_variants_are_picked_by_the_event_country(string phrase, string iso3, string name) =>
        Assert.Equal(name, L.ArmedGroups.Resolve(phrase, iso3)?.Name);

    [Fact]
    public void Family_variants_share_phrases_and_nothing_else_does()
    {
        foreach (var grp in L.ArmedGroups.Phrases().GroupBy(p => p.Phrase))
        {
            var families = grp.Select(p => L.ArmedGroups.Rows[p.Row].Family).Distinct().ToList();
            Assert.True(families.Count == 1, $"'{grp.Key}' names {string.Join(", ", families)}");
        }
        Assert.Contains(L.ArmedGroups.Rows, g => g.Inter == 8 && g.Name.StartsWith("NATO"));
    }

    [Theory]
    [InlineData("unknown gunmen", "Unidentified Armed Group (Iraq)", 3, ActorRole.Agent)]
    [InlineData("Protestors", "Protesters (Iraq)", 6, ActorRole.Agent)]
    [InlineData("rioters", "Rioters (Iraq)", 5, ActorRole.Agent)]
    [InlineData("villager", "Civilians (Iraq)", 7, ActorRole.Victim)]
    internal void Generic_actors_map_to_ACLED_names(string phrase, string name, int inter, ActorRole role)
    {
        var g = L.GenericActors.Find(phrase)!;
        Assert.Equal(name, g.ActorName(L.Countries.ByIso3("IRQ")!));
        Assert.Equal(inter, g.Inter);
        Assert.Equal(role, g.Role);
    }

    [Fact]
    public void Generic_actor_names_use_the_bare_country_name()
    {
        Assert.Equal("Civilians (United States)", L.GenericActors.Find("civilians")!.ActorName(L.Countries.ByIso3("USA")!));
    }

    [Theory]
    [InlineData("Katyusha rockets", "Katyusha rocket", SubEventType.ShellingArtilleryMissileAttack)]
    [InlineData("katyushas", "Katyusha rocket", SubEventType.ShellingArtilleryMissileAttack)]
    [InlineData("explosive-laden drones", "armed drone", SubEventType.AirDroneStrike)]
    [InlineData("airstrikes", "air strike", SubEventType.AirDroneStrike)]
    [InlineData("air strike", "air strike", SubEventType.AirDroneStrike)]
    [InlineData("IEDs", "IED", SubEventType.RemoteExplosiveLandmineIed)]
    [InlineData("suicide vest", "suicide bomb", SubEventType.SuicideBomb)]
    [InlineData("hand grenade", "grenade", SubEventType.Grenade)]
    [InlineData("chlorine", "chemical agent", SubEventType.ChemicalWeapon)]
    [InlineData("tear gas", "tear gas", SubEventType.None)]
    internal void Weapons_are_normalized_with_hints(string phrase, string weapon, SubEventType hint)
    {
        var w = L.Weapons.Find(phrase)!;
        Assert.Equal(weapon, w.Weapon);
        Assert.Equal(hint, w.Hint);
    }

    [Fact]
    public void Sites_resolve_with_coordinates_and_ambiguous_ones_list_each_city()
    {
        var asad = Assert.Single(L.Sites.Find("Ain al-Asad air base"));
        Assert.Equal("IQ", asad.Iso2);
        Assert.InRange(asad.Latitude, 33.7, 33.9);
        var tahrir = L.Sites.Find("Tahrir Square");
        Assert.Equal(new[] { "Baghdad", "Cairo" }, tahrir.Select(s => s.Location).Order().ToArray());
        var green = Assert.Single(L.Sites.Find("the Green Zone"));
        Assert.Equal("Baghdad - Green Zone", green.Location);
    }

    [Fact]
    public void Site_coordinates_lie_in_their_country_box()
    {
        // A rough sanity check against swapped latitude/longitude: every site within 25 degrees of the others
        // of its country.
        foreach (var g in L.Sites.Rows.GroupBy(s => s.Iso2))
        {
            var lat = g.Average(s => s.Latitude);
            var lon = g.Average(s => s.Longitude);
            foreach (var s in g)
                Assert.True(Math.Abs(s.Latitude - lat) < 12 && Math.Abs(s.Longitude - lon) < 25, $"{s.Phrase} ({s.Iso2})");
        }
    }

    [Fact]
    public void Single_payload_tables_have_one_row_per_phrase()
    {
        Assert.Equal(L.GenericActors.Phrases().Count(), L.GenericActors.Phrases().Select(p => p.Phrase).Distinct().Count());
        Assert.Equal(L.Weapons.Phrases().Count(), L.Weapons.Phrases().Select(p => p.Phrase).Distinct().Count());
        Assert.Equal(L.StateForces.Phrases().Count(), L.StateForces.Phrases().Select(p => p.Phrase).Distinct().Count());
        Assert.Equal(L.Countries.Phrases().Count(), L.Countries.Phrases().Select(p => p.Phrase).Distinct().Count());
        Assert.All(L.StateForces.Phrases(), p => Assert.Equal(LexiconText.Normalize(p.Phrase), p.Phrase));
    }
}
