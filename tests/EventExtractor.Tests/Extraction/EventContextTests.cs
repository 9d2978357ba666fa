using EventExtractor.Extraction;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// The event context stage: mentions whose surroundings show no conflict event (disasters, ordinary crime, recalled
/// history, metaphors, drills, threats) are marked and never become records; real events that use such words stay.
/// </summary>
[Collection("engine")]
public class EventContextTests(EngineFixture fx)
{
    /// <summary>The reason the stage gives the first typed mention of the body, and the rule that gave it.</summary>
    private (NonEventReason Reason, string? Rule) Judged(string body, string headline = "News report")
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article(body, headline: headline));
        Assert.True((doc.Done & Annotations.EventContext) != 0);
        Assert.Equal(doc.Mentions.Count, doc.MentionNonEvents.Length);
        int i = doc.Mentions.FindIndex(m => m.Type != SubEventType.None && (m.Flags & MentionFlags.Headline) == 0);
        Assert.True(i >= 0, "no typed mention in: " + body);
        var stage = fx.Engine.Pipeline.Stages.OfType<EventContextStage>().Single();
        return (doc.MentionNonEvents[i], stage.RuleFor(doc, i)?.Name);
    }

    [Fact]
    public void The_rules_are_named_and_ordered()
    {
        var names = EventContextStage.Rules.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("threat before the deed", names[0]); // a threat is read before anything its sentence recalls
    }

    [Theory]
    [InlineData("The Taliban threaten attacks on polling stations in Kandahar.")]
    [InlineData("Al-Shabaab threatens fresh attacks on hotels in Kismayo.")]
    public void A_threat_in_any_tense_is_no_event(string body) =>
        Assert.Equal((NonEventReason.Threat, "threat before the deed"), Judged(body));

    [Theory]
    [InlineData("Rebels threatened on Monday to attack Goma if talks fail.", "News report")]
    [InlineData("The group said on Tuesday it would bomb ferries in Cebu.", "Militants threaten ferry attacks in Cebu")]
    public void A_threat_gives_no_record(string body, string headline) =>
        Assert.Empty(fx.Extract(body, headline: headline));

    [Fact]
    public void A_deed_after_a_warning_in_another_clause_is_an_event() =>
        Assert.NotEmpty(fx.Extract("After warning residents to leave, militants attacked the village of Dikwa on Monday, killing four farmers."));

    [Theory]
    [InlineData("Iran test-fired two ballistic missiles during naval drills in the Gulf on Friday.")]
    [InlineData("Troops fired artillery shells at targets near Kars on Wednesday during a military exercise.")]
    public void Drills_and_weapons_tests_are_no_events(string body) =>
        Assert.Equal((NonEventReason.DrillOrTest, "drill or weapons test"), Judged(body));

    [Fact]
    public void A_deadly_attack_during_drills_is_an_event() =>
        Assert.NotEmpty(fx.Extract("Militants fired rockets at an army base near Gao during drills on Friday, killing two soldiers."));

    [Theory]
    [InlineData("A court in Mogadishu on Monday sentenced three men to death over the truck bombing that killed 500 people.")]
    [InlineData("Mourners in Beni on Sunday marked the fifth anniversary of the massacre of 36 villagers.")]
    [InlineData("Judges in Arusha on Tuesday convicted a former mayor for his role in the killing of hundreds of civilians.")]
    public void A_past_event_recalled_by_a_trial_or_an_anniversary_is_no_event(string body) =>
        Assert.Equal((NonEventReason.PastEventRecalled, "past event recalled"), Judged(body));

    [Fact]
    public void The_trial_or_anniversary_named_after_the_attack_noun_recalls_it() =>
        Assert.Empty(fx.Extract("Relatives gathered in Garissa on Thursday for the bombing anniversary, officials said.", headline: "Garissa remembers"));

    [Fact]
    public void An_attack_on_the_day_of_an_anniversary_is_an_event()
    {
        var records = fx.Extract("Gunmen attacked a village near Tillaberi on Sunday, the anniversary of an earlier massacre, killing nine people.");
        Assert.Contains(records, r => r.Location == "Tillaberi" || r.Location == "Tillabéri");
    }

    [Fact]
    public void Gunmen_killing_a_judge_is_an_event() =>
        Assert.NotEmpty(fx.Extract("Gunmen shot dead a judge outside the court in Kirkuk on Tuesday, police said."));

    [Fact]
    public void An_event_dated_years_before_publication_is_history()
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article("Militants stormed the town of Palma on 24 March 2017, killing dozens.", published: "2021-03-17"));
        int i = doc.Mentions.FindIndex(m => m.Type != SubEventType.None && m.Date >= 0);
        Assert.True(i >= 0);
        Assert.Equal(NonEventReason.PastEventRecalled, doc.MentionNonEvents[i]);
        Assert.Equal("past event dated long before publication", fx.Engine.Pipeline.Stages.OfType<EventContextStage>().Single().RuleFor(doc, i)?.Name);
    }

    [Fact]
    public void Under_a_headline_that_recalls_an_undated_retelling_is_no_event()
    {
        var records = fx.Extract("A court in Garoua on Tuesday sentenced two men over the 2016 bombing of a bus station. The blast killed eleven people.",
            headline: "Cameroon court sentences two over bus station bombing");
        Assert.Empty(records);
    }

    [Theory]
    [InlineData("A powerful earthquake struck Bam district on Tuesday, killing 45 people and flattening homes.", "News report")]
    [InlineData("Floods swept through villages near Beledweyne on Friday, killing 12 people.", "News report")]
    [InlineData("Rescuers pulled bodies from the rubble in Malatya on Tuesday.", "Earthquake kills hundreds in eastern Turkey")]
    public void A_disaster_that_kills_is_no_event(string body, string headline)
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article(body, headline: headline));
        Assert.Contains(NonEventReason.Disaster, doc.MentionNonEvents);
        Assert.Empty(fx.Extract(body, headline: headline));
    }

    [Fact]
    public void A_landslide_set_off_by_shelling_is_shelling()
    {
        var records = fx.Extract("Artillery shelling by rebels set off a landslide near Uvira on Monday, killing 12 people.");
        Assert.Contains(records, r => r.SubEventType == "Shelling/artillery/missile attack");
    }

    [Theory]
    [InlineData("Police in Lagos arrested four men on Friday over a cocaine smuggling ring.")]
    [InlineData("Police in Nairobi on Thursday arrested a bank clerk suspected of embezzlement.")]
    public void An_arrest_for_ordinary_crime_is_no_event(string body) =>
        Assert.Equal((NonEventReason.OrdinaryCrime, "arrest for ordinary crime"), Judged(body));

    [Fact]
    public void Workers_detained_under_a_drug_seizure_headline_are_no_event() =>
        Assert.Empty(fx.Extract("Two dock workers were arrested in Mombasa on Monday.", headline: "Heroin haul seized at Mombasa port"));

    [Theory]
    [InlineData("Police arrested three suspected ISWAP members in Maiduguri on Friday.")]
    [InlineData("Police in Harare arrested two journalists on Monday over fraud claims.")]
    public void A_political_or_conflict_arrest_stays_an_arrest(string body)
    {
        Assert.Equal(NonEventReason.None, Judged(body).Reason);
        Assert.Contains(fx.Extract(body), r => r.SubEventType == "Arrests");
    }

    [Theory]
    [InlineData("Voters in Lusaka on Thursday cast ballots in a fiercely fought presidential election.", "News report")]
    [InlineData("Exports from Durban rose on Monday, officials said.", "Kenyan tea exports hit record high")]
    public void An_election_or_market_metaphor_is_no_event(string body, string headline) =>
        Assert.Empty(fx.Extract(body, headline: headline));

    [Fact]
    public void Attacks_on_election_day_are_events() =>
        Assert.Equal(NonEventReason.None, Judged("Gunmen attacked a polling station in Kano during the presidential election on Saturday, killing two voters.").Reason);

    [Theory]
    [InlineData("A gas cylinder exploded at a restaurant in Multan on Friday, killing six diners.")]
    [InlineData("Fireworks stored in a warehouse in Mombasa exploded on Sunday, killing three workers.")]
    public void An_accidental_explosion_is_no_event(string body)
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article(body));
        Assert.Contains(NonEventReason.Disaster, doc.MentionNonEvents);
        Assert.Empty(fx.Extract(body));
    }

    [Fact]
    public void Gunmen_setting_a_tanker_on_fire_stay_an_event() =>
        Assert.Equal(NonEventReason.None, Judged("Gunmen attacked a fuel tanker near Maiduguri on Monday, killing its driver.").Reason);

    [Theory]
    [InlineData("The railway line near Kassala has been attacked 14 times so far this year, the operator said.")]
    [InlineData("Air strikes caused 40 per cent of civilian casualties in Hodeidah in recent months.")]
    public void A_tally_over_a_period_is_no_event(string body) =>
        Assert.Empty(fx.Extract(body));

    [Fact]
    public void A_dated_event_beside_a_tally_stays()
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article("Gunmen killed five farmers near Katsina on Monday, bringing the total killed so far this year to 80."));
        int i = doc.Mentions.FindIndex(m => m.Type != SubEventType.None && m.Date >= 0);
        Assert.True(i >= 0);
        Assert.Equal(NonEventReason.None, doc.MentionNonEvents[i]);
    }

    [Fact]
    public void A_call_for_a_protest_is_no_protest() =>
        Assert.Empty(fx.Extract("Opposition parties called for a march in Bamako next week.", headline: "Mali opposition plans march"));

    [Fact]
    public void A_trade_agreement_is_no_event() =>
        Assert.Empty(fx.Extract("Officials from Kenya and Uganda signed an agreement in Busia on Friday to cut tariffs on maize trade.", headline: "Kenya, Uganda sign maize trade deal"));

    [Fact]
    public void A_ceasefire_agreement_stays_an_event() =>
        Assert.Equal(NonEventReason.None, Judged("The army and rebels signed a ceasefire agreement in Juba on Friday that reopens trade routes.").Reason);

    [Fact]
    public void Gunmen_attacking_a_business_are_no_metaphor() =>
        Assert.Equal(NonEventReason.None, Judged("Gunmen attacked a tax office in Kismayo on Monday.").Reason);

    [Fact]
    public void The_rules_read_only_cues_given_as_data()
    {
        var cues = NonEventCues.From([("quake", NonEventCue.Disaster)]);
        var doc = fx.Engine.Analyse(EngineFixture.Article("A quake hit Van on Monday, killing 20 people."));
        var stage = new EventContextStage(fx.Knowledge, cues);
        stage.Process(doc);
        Assert.Contains(NonEventReason.Disaster, doc.MentionNonEvents);
        var none = new EventContextStage(fx.Knowledge, NonEventCues.From([]));
        none.Process(doc);
        Assert.DoesNotContain(NonEventReason.Disaster, doc.MentionNonEvents);
    }
}
