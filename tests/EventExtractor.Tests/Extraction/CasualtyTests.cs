using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>Death and injury counts, through the engine's records and through the reader itself.</summary>
[Collection("engine")]
public class CasualtyTests(EngineFixture fx)
{
    [Theory]
    [InlineData("Gunmen attacked a checkpoint in Kano on Monday, killing three policemen.", 3)]
    [InlineData("At least 12 people were killed when a car bomb exploded in Mogadishu on Monday.", 12)]
    [InlineData("Dozens of fighters were killed in clashes in Kismayo on Tuesday.", 12)]
    [InlineData("A soldier was killed when a roadside bomb exploded near Kandahar on Monday.", 1)]
    [InlineData("Two policemen, three attackers killed in a gun battle in Herat on Sunday.", 5)]
    [InlineData("A 25-year-old man was killed by gunmen in Maiduguri on Monday.", 1)]
    [InlineData("Militants killed 1,200 villagers in raids near Maiduguri on Monday.", 1200)]
    [InlineData("Bandits killed twenty-one farmers in Zamfara state on Monday.", 21)]
    [InlineData("A car bomb exploded in Mogadishu on Monday. No one was killed.", 0)]
    [InlineData("21 rockets were fired at a base in Kandahar on Monday.", 0)]
    public void Fatalities_of_one_event(string body, int expected)
    {
        Assert.Equal(expected, fx.Single(body).Fatalities);
    }

    [Fact]
    public void Injuries_are_counted_apart_from_deaths()
    {
        var r = fx.Single("A car bomb exploded in Mogadishu on Monday, injuring 40 people.");
        Assert.Equal(40, r.Injuries);
        Assert.Equal(0, r.Fatalities);
        Assert.EndsWith("40 injured.", r.Notes);
    }

    [Fact]
    public void Injuries_alone()
    {
        var r = fx.Single("A landmine exploded near Donetsk on Monday, wounding five people.");
        Assert.Equal(5, r.Injuries);
        Assert.Equal(0, r.Fatalities);
    }

    [Fact]
    public void Deaths_and_injuries_together()
    {
        var r = fx.Single("A landmine exploded near Donetsk on Monday, killing two civilians and wounding five people.");
        Assert.Equal(2, r.Fatalities);
        Assert.Equal(5, r.Injuries);
    }

    [Fact]
    public void Shot_dead_is_a_death()
    {
        Assert.Equal(1, fx.Single("Gunmen shot dead a teacher in Kandahar on Monday.").Fatalities);
    }

    // The reader on its own: the count next to the first kill/wound trigger of the text.

    private int Read(string sentence)
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article(sentence, headline: "Report"));
        var k = fx.Knowledge;
        var trigger = doc.Entities.First(e => e.Label == EntityLabel.Trigger && k.Triggers[e.Ref].Class is TriggerClass.Kill or TriggerClass.Wound);
        var s = doc.Sentences[doc.SentenceOfToken(trigger.FirstToken)];
        return new CasualtyReader(k).Read(doc, trigger.FirstToken, trigger.EndToken, s.FirstToken, s.FirstToken + s.TokenCount, new bool[doc.TokenCount]);
    }

    [Theory]
    [InlineData("Rebels fired 21 rockets and two soldiers were killed.", 2)]
    [InlineData("The blast killed four.", 4)]
    [InlineData("Several guards were killed.", 3)]
    [InlineData("Hundreds of fighters were killed.", 100)]
    [InlineData("A dozen miners were killed.", 12)]
    [InlineData("The militants killed three hundred villagers.", 300)]
    [InlineData("The raid killed an elderly farmer.", 1)]
    [InlineData("Five soldiers, two police officers and three rebels were killed.", 10)]
    [InlineData("The strike killed the commander.", 1)]
    public void The_reader_counts_people(string sentence, int expected)
    {
        Assert.Equal(expected, Read(sentence));
    }

    [Theory]
    [InlineData("The shelling, which lasted 3 hours, killed nobody.")]
    [InlineData("In 2014 the attack killed nobody.")]
    public void Numbers_that_count_other_things_are_no_deaths(string sentence)
    {
        Assert.Equal(-1, Read(sentence));
    }

    private (bool Ok, int Value) Number(string text)
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article(text, headline: "Report"));
        // The first token of the body: the headline is one word plus its line.
        int k = Enumerable.Range(0, doc.TokenCount).First(i => doc.Tokens[i].Start >= doc.Text.IndexOf("\n\n", StringComparison.Ordinal));
        bool ok = new CasualtyReader(fx.Knowledge).TryNumberAt(doc, k, doc.TokenCount, out int v, out _, out _);
        return (ok, v);
    }

    [Theory]
    [InlineData("1,200 people", 1200)]
    [InlineData("twenty-one people", 21)]
    [InlineData("three hundred people", 300)]
    [InlineData("dozens of people", 12)]
    [InlineData("a dozen people", 12)]
    [InlineData("seven people", 7)]
    public void Number_shapes(string text, int expected)
    {
        var (ok, value) = Number(text);
        Assert.True(ok, text);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("21 rockets")]
    [InlineData("2014 was calm")]
    [InlineData("25-year-old man")]
    [InlineData("10 km away")]
    [InlineData("2.5 tonnes")]
    public void Not_a_count_of_people(string text)
    {
        Assert.False(Number(text).Ok, text);
    }
}
