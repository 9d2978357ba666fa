using EventExtractor.Extraction;

namespace EventExtractor.Tests.Extraction;

/// <summary>What the assembler and the record builder make of an event: interaction, ids, notes, evidence, weapons.</summary>
[Collection("engine")]
public class RecordTests(EngineFixture fx)
{
    private const string Clash = "Soldiers clashed with rebels near Tumaco on Monday, killing four rebels.";

    [Theory]
    [InlineData(1, 3, "State forces-Political militia")]
    [InlineData(3, 1, "State forces-Political militia")]
    [InlineData(6, 0, "Protesters only")]
    [InlineData(0, 8, "External/Other forces only")]
    [InlineData(7, 2, "Rebel group-Civilians")]
    [InlineData(0, 0, "")]
    public void Interaction_names_the_lower_code_first(int i1, int i2, string expected) =>
        Assert.Equal(expected, RecordBuilder.Interaction(i1, i2));

    [Fact]
    public void Inter_names_follow_the_codebook()
    {
        Assert.Equal("State forces", RecordBuilder.InterName(1));
        Assert.Equal("Identity militia", RecordBuilder.InterName(4));
        Assert.Equal("External/Other forces", RecordBuilder.InterName(8));
        Assert.Equal("", RecordBuilder.InterName(0));
        Assert.Equal("", RecordBuilder.InterName(9));
    }

    [Fact]
    public void A_clash_between_the_army_and_an_unnamed_group()
    {
        var r = fx.Single(Clash);
        Assert.Equal("State forces-Political militia", r.Interaction);
        Assert.Equal("Battles", r.EventType);
        Assert.Equal("Political violence", r.DisorderType);
        Assert.Equal(170, r.Iso);
        Assert.Equal("South America", r.Region);
        Assert.Equal(2021, r.Year);
        Assert.Equal("t1", r.ArticleId);
        Assert.StartsWith("COL", r.EventIdCnty);
    }

    [Fact]
    public void The_event_id_is_the_same_for_the_same_article()
    {
        var a = fx.Single(Clash);
        var b = fx.Single(Clash);
        Assert.Equal(a.EventIdCnty, b.EventIdCnty);
        Assert.Matches("^COL[0-9]{8}$", a.EventIdCnty);
    }

    [Fact]
    public void The_event_id_changes_with_the_article_id()
    {
        var a = fx.Engine.Extract(EngineFixture.Article(Clash, id: "first")).Single();
        var b = fx.Engine.Extract(EngineFixture.Article(Clash, id: "second")).Single();
        Assert.NotEqual(a.EventIdCnty, b.EventIdCnty);
        Assert.Equal("second", b.ArticleId);
    }

    [Fact]
    public void Two_events_of_one_article_have_different_ids()
    {
        var records = fx.Extract("Gunmen killed four farmers in Zamfara state on Monday. On Tuesday, soldiers clashed with bandits near Gusau.");
        Assert.Equal(2, records.Select(r => r.EventIdCnty).Distinct().Count());
    }

    [Fact]
    public void Notes_start_with_the_day()
    {
        var r = fx.Single(Clash);
        Assert.StartsWith("On 15 March 2021, ", r.Notes);
        Assert.Contains("near Tumaco", r.Notes);
        Assert.EndsWith("4 fatalities.", r.Notes);
    }

    [Fact]
    public void Notes_of_a_week_and_of_an_unknown_date()
    {
        Assert.StartsWith("Around 10 March 2021 (week of), ", fx.Single("Protesters rallied in Ibadan last week.").Notes);
        var undated = fx.Single("Soldiers clashed with rebels near Tumaco on Monday.", published: null);
        Assert.StartsWith("On an unknown date, ", undated.Notes);
    }

    [Fact]
    public void The_source_is_the_outlet_or_else_the_article_id()
    {
        var named = fx.Engine.Extract(EngineFixture.Article(Clash, source: "Daily Courier")).Single();
        Assert.Equal("Daily Courier", named.Source);
        Assert.Equal("t1", fx.Single(Clash).Source);
    }

    [Fact]
    public void The_timestamp_is_the_publication_day()
    {
        Assert.Equal(new DateTimeOffset(2021, 3, 17, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), fx.Single(Clash).Timestamp);
        Assert.Equal(0, fx.Single(Clash, published: null).Timestamp);
    }

    [Theory]
    [InlineData("Soldiers clashed with rebels near Tumaco on Monday, killing four rebels.")]
    [InlineData("A car bomb exploded in Mogadishu on Monday, injuring 40 people.")]
    [InlineData("Al-Shabaab claimed responsibility for a roadside bomb that exploded in Kismayo on Monday.")]
    [InlineData("US troops clashed with militants near Kandahar on Monday.")]
    public void Evidence_offsets_point_at_the_evidence_text(string body)
    {
        var article = EngineFixture.Article(body);
        var records = fx.Engine.Extract(article);
        Assert.NotEmpty(records);
        foreach (var r in records)
        {
            Assert.NotEmpty(r.Evidence);
            foreach (var e in r.Evidence)
            {
                Assert.InRange(e.Start, 0, article.Text.Length);
                Assert.InRange(e.End, e.Start, article.Text.Length);
                Assert.Equal(e.Text, article.Text[e.Start..e.End]);
            }
        }
    }

    [Fact]
    public void Evidence_names_the_fields()
    {
        var r = fx.Single(Clash);
        var byField = r.Evidence.ToLookup(e => e.Field, e => e.Text);
        Assert.Contains("Monday", byField["event_date"]);
        Assert.Contains("Tumaco", byField["location"]);
        Assert.Contains("Soldiers", byField["actor1"]);
        Assert.Contains("clashed", byField["sub_event_type"]);
        Assert.Contains(Clash, byField["fatalities"]);
    }

    [Theory]
    [InlineData("Militants fired Katyusha rockets at an army base in Kandahar on Monday.", "Katyusha rocket")]
    [InlineData("A roadside bomb struck a police vehicle in Helmand on Monday.", "IED")]
    [InlineData("Militants fired rockets at the airport in Kabul on Monday.", "rocket")]
    public void Weapons_are_normalized(string body, string weapon)
    {
        var r = fx.Single(body);
        Assert.Equal([weapon], r.Weapons);
    }

    [Fact]
    public void Confidence_is_a_probability()
    {
        var r = fx.Single(Clash);
        Assert.InRange(r.Confidence, 0.01, 1.0);
    }

    [Fact]
    public void An_event_without_a_date_in_the_lede_takes_the_article_date()
    {
        var r = fx.Single("Rebels shelled the town of Izium on Monday.\n\nSoldiers returned fire near Izium, officials said.");
        Assert.Equal("2021-03-15", r.EventDate);
    }

    [Fact]
    public void Notes_keep_acronyms_and_lower_generic_actors_whole()
    {
        var r = fx.Single("A roadside bomb exploded in Kismayo on Monday.");
        Assert.DoesNotContain("ied", r.Notes);
        Assert.DoesNotContain("unidentified Armed Group", r.Notes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12)]
    public void An_id_hashed_from_the_key_parts_is_the_id_of_the_joined_key(int occurrence)
    {
        var r = new Records.AcledRecord { SubEventType = "Attack", EventDate = "2021-03-15", Location = "Kano", Actor1 = "Boko Haram", Actor2 = "" };
        string[] parts = [r.SubEventType, r.EventDate, r.Location, r.Actor1, r.Actor2];
        Assert.Equal(Records.EventIds.Derive("NGA", "article-1", RecordBuilder.EventKey(r), occurrence),
            Records.EventIds.Derive("NGA", Records.EventIds.ArticleHash("article-1"), parts, occurrence));
    }

    [Fact]
    public void Records_have_the_same_event_key_exactly_when_their_joined_keys_are_equal()
    {
        static Records.AcledRecord R(string location, string actor1) =>
            new() { SubEventType = "Attack", EventDate = "", Location = location, Actor1 = actor1, Actor2 = "" };
        Assert.True(RecordBuilder.SameEventKey(R("Kano", "Gunmen"), R("Kano", "Gunmen")));
        Assert.False(RecordBuilder.SameEventKey(R("Kano", "Gunmen"), R("Kano", "Bandits")));
        // A part holding the separator can join into another record's key: the keys decide, as they always did.
        var shifted = R("Kano\u001fGunmen", "");
        var plain = R("Kano", "Gunmen\u001f");
        Assert.Equal(RecordBuilder.EventKey(shifted) == RecordBuilder.EventKey(plain), RecordBuilder.SameEventKey(shifted, plain));
        Assert.True(RecordBuilder.SameEventKey(R("Kano\u001f", "x"), R("Kano", "\u001fx")));
    }
}
