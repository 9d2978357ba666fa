using EventExtractor.Extraction;
using EventExtractor.Records;

namespace EventExtractor.Tests.Extraction;

public class RunMergerTests
{
    private static AcledRecord Record(string article, string source, int fatalities, string date = "2021-03-15", string location = "Kismayo",
        string type = "Remote explosive/landmine/IED", string actor1 = "Unidentified Armed Group (Somalia)") => new()
    {
        ArticleId = article,
        Source = source,
        Fatalities = fatalities,
        EventDate = date,
        Location = location,
        SubEventType = type,
        Actor1 = actor1,
    };

    private static IReadOnlyList<AcledRecord> Merge(params AcledRecord[][] articles)
    {
        var merger = new RunMerger();
        foreach (var a in articles) merger.Add(a);
        return merger.Finish();
    }

    [Fact]
    public void One_event_from_two_articles_is_one_record()
    {
        var merged = Merge([Record("a1", "Coast Radio", 5)], [Record("a2", "Capital Daily", 3)]);
        var r = Assert.Single(merged);
        Assert.Equal("a1; a2", r.ArticleId);
        Assert.Equal("Coast Radio; Capital Daily", r.Source);
        Assert.Equal(3, r.Fatalities);
    }

    [Fact]
    public void The_lowest_toll_wins_whatever_the_order()
    {
        Assert.Equal(2, Assert.Single(Merge([Record("a1", "s1", 2)], [Record("a2", "s2", 9)])).Fatalities);
    }

    [Fact]
    public void A_source_is_listed_once()
    {
        var r = Assert.Single(Merge([Record("a1", "Coast Radio", 1)], [Record("a2", "Coast Radio", 1)]));
        Assert.Equal("Coast Radio", r.Source);
        Assert.Equal("a1; a2", r.ArticleId);
    }

    [Fact]
    public void Different_days_stay_apart()
    {
        var merged = Merge([Record("a1", "s1", 1, date: "2021-03-15")], [Record("a2", "s2", 1, date: "2021-03-16")]);
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void Different_places_types_or_actors_stay_apart()
    {
        Assert.Equal(2, Merge([Record("a1", "s1", 1)], [Record("a2", "s2", 1, location: "Mogadishu")]).Count);
        Assert.Equal(2, Merge([Record("a1", "s1", 1)], [Record("a2", "s2", 1, type: "Armed clash")]).Count);
        Assert.Equal(2, Merge([Record("a1", "s1", 1)], [Record("a2", "s2", 1, actor1: "Al Shabaab")]).Count);
    }

    [Fact]
    public void Undated_records_never_merge()
    {
        var merged = Merge([Record("a1", "s1", 1, date: "")], [Record("a2", "s2", 1, date: "")]);
        Assert.Equal(2, merged.Count);
        Assert.All(merged, r => Assert.DoesNotContain(";", r.ArticleId));
    }

    [Fact]
    public void Unplaced_records_never_merge()
    {
        Assert.Equal(2, Merge([Record("a1", "s1", 1, location: "")], [Record("a2", "s2", 1, location: "")]).Count);
    }

    [Fact]
    public void A_later_report_fills_the_missing_victim_and_adds_weapons()
    {
        var first = Record("a1", "s1", 4);
        first.Weapons.Add("IED");
        var second = Record("a2", "s2", 4);
        second.Actor2 = "Civilians (Somalia)";
        second.Inter2 = "Civilians";
        second.Interaction = "Political militia-Civilians";
        second.CivilianTargeting = "Civilians targeted";
        second.Weapons.AddRange(["IED", "car bomb"]);
        second.Injuries = 7;
        var r = Assert.Single(Merge([first], [second]));
        Assert.Equal("Civilians (Somalia)", r.Actor2);
        Assert.Equal("Civilians targeted", r.CivilianTargeting);
        Assert.Equal(["IED", "car bomb"], r.Weapons);
        Assert.Equal(7, r.Injuries);
    }

    [Fact]
    public void The_same_article_twice_is_not_counted_twice()
    {
        var r = Assert.Single(Merge([Record("a1", "s1", 4)], [Record("a1", "s1", 2)]));
        Assert.Equal("a1", r.ArticleId);
    }

    [Fact]
    public void Order_follows_the_first_report()
    {
        var merged = Merge(
            [Record("a1", "s1", 1, location: "Kismayo"), Record("a1", "s1", 1, location: "Baidoa")],
            [Record("a2", "s2", 1, location: "Mogadishu"), Record("a2", "s2", 1, location: "Kismayo")]);
        Assert.Equal(["Kismayo", "Baidoa", "Mogadishu"], merged.Select(r => r.Location).ToArray());
    }
}
