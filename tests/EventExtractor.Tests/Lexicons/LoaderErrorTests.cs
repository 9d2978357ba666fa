using EventExtractor.Lexicons;
using EventExtractor.Models;

namespace EventExtractor.Tests.Lexicons;

[Collection("lexicon")]
public class LoaderErrorTests(LexiconFixture fx)
{
    private const string CountryHeader = "iso3\tiso_num\tiso2\tname\tregion\taliases\tdemonyms\n";

    [Fact]
    public void Bad_country_row_names_file_and_line()
    {
        var text = CountryHeader + "IRQ\t368\tIQ\tIraq\tMiddle East\t\tIraqi\nSYR\tabc\tSY\tSyria\tMiddle East\t\t\n";
        var e = Assert.Throws<ModelException>(() => CountryTable.Parse(new StringReader(text), "countries.tsv"));
        Assert.Contains("countries.tsv", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Unknown_region_is_rejected()
    {
        var text = CountryHeader + "IRQ\t368\tIQ\tIraq\tMiddle-East\t\t\n";
        var e = Assert.Throws<ModelException>(() => CountryTable.Parse(new StringReader(text)));
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Alias_shared_by_two_countries_is_rejected()
    {
        var text = CountryHeader + "IRQ\t368\tIQ\tIraq\tMiddle East\tMesopotamia\t\nSYR\t760\tSY\tSyria\tMiddle East\tmesopotamia\t\n";
        Assert.Throws<ModelException>(() => CountryTable.Parse(new StringReader(text)));
    }

    [Fact]
    public void Overlapping_terms_are_rejected()
    {
        var text = "iso3\tstart\tend\tlabel\nIRQ\t2014-09-08\t2018-10-25\t2014-2018\nIRQ\t2018-01-01\t\t2018-\n";
        var e = Assert.Throws<ModelException>(() => GovernmentTerms.Parse(new StringReader(text), fx.Lexicon.Countries));
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Conflicting_state_force_phrases_are_rejected()
    {
        var text = "phrase\tiso3\tforce\tunit\nthe Pentagon\tUSA\tMilitary\t\nPentagon\tUSA\tPolice\t\nthe pentagon\tUSA\tPolice\t\n";
        var e = Assert.Throws<ModelException>(() => StateForceTable.Parse(new StringReader(text), fx.Lexicon.Countries));
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void Template_without_placeholder_is_rejected()
    {
        var text = "phrase\tiso3\tforce\tunit\nsoldiers\t*\tMilitary\t\n";
        Assert.Throws<ModelException>(() => StateForceTable.Parse(new StringReader(text), fx.Lexicon.Countries));
    }

    [Fact]
    public void Alias_shared_by_two_unrelated_groups_is_rejected()
    {
        var text = "name\tinter\tiso3\taliases\nKataib Hezbollah\t3\tIRQ\tKH\nKhorasan Group\t2\tSYR\tKH\n";
        var e = Assert.Throws<ModelException>(() => ArmedGroupTable.Parse(new StringReader(text), fx.Lexicon.Countries));
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Bad_inter_and_bad_hint_are_rejected()
    {
        Assert.Throws<ModelException>(() => ArmedGroupTable.Parse(new StringReader("name\tinter\tiso3\taliases\nX\t1\tIRQ\t\n"), fx.Lexicon.Countries));
        Assert.Throws<ModelException>(() => WeaponTable.Parse(new StringReader("phrase\tweapon\thint\nrocket\trocket\tRocket attack\n")));
        Assert.Throws<ModelException>(() => GenericActorTable.Parse(new StringReader("phrase\tactor\tinter\trole\ngunmen\tGunmen\t3\tagent\n")));
        Assert.Throws<ModelException>(() => SiteTable.Parse(new StringReader("phrase\tkind\tlocation\tiso2\tlatitude\tlongitude\nX\tbase\tY\tIQ\t95\t44\n"), fx.Lexicon.Countries));
    }

    [Fact]
    public void Missing_file_is_reported_by_path()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lexicon-missing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var e = Assert.Throws<ModelException>(() => CountryTable.Load(dir));
            Assert.Contains("countries.tsv", e.Message);
        }
        finally { Directory.Delete(dir); }
    }
}
