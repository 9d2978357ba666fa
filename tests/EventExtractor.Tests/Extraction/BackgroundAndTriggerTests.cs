using EventExtractor.Extraction;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>Background totals, capitalised names among function words, gap triggers and the rules added with them.</summary>
[Collection("engine")]
public class BackgroundAndTriggerTests(EngineFixture fx)
{
    private HandBuilt Build(string text, string published = "2021-03-17") => new(fx.Knowledge, text, published);

    private string? Reason(string text, string trigger, string published = "2021-03-17")
    {
        var h = Build(text, published);
        return new BackgroundRules(fx.Knowledge).Reason(h.Doc, h.Trigger(trigger), h.Start, h.End);
    }

    // BackgroundRules, one rule at a time.

    [Fact]
    public void A_total_since_a_year_is_background()
    {
        Assert.Equal(BackgroundRules.SinceAYear, Reason("Raids killed more than 900 villagers in the province since 2016.", "killed"));
        Assert.Equal(BackgroundRules.SinceAYear, Reason("Over 4,000 fighters died since the uprising.", "died"));
    }

    [Fact]
    public void A_total_over_months_or_years_is_background()
    {
        Assert.Equal(BackgroundRules.OverMonthsOrYears, Reason("Bandits killed 250 farmers over the past two years.", "killed"));
        Assert.Equal(BackgroundRules.OverMonthsOrYears, Reason("Attacks killed 80 teachers so far this year.", "killed"));
    }

    [Fact]
    public void A_perfect_toll_since_something_is_background()
    {
        Assert.Equal(BackgroundRules.PerfectSince, Reason("Hundreds of soldiers have been killed since the army launched its offensive.", "killed"));
    }

    [Fact]
    public void The_conflicts_own_toll_is_background()
    {
        Assert.Equal(BackgroundRules.ConflictToll, Reason("The rebellion, which has killed tens of thousands of people, goes on.", "killed"));
        Assert.Equal(BackgroundRules.ConflictToll, Reason("The unrest has killed dozens of students.", "killed"));
    }

    [Fact]
    public void A_conflict_whose_clause_is_perfect_owns_the_toll_after_it()
    {
        Assert.Equal(BackgroundRules.ConflictToll,
            Reason("Unrest tied to the separatists has moved from the coast into the highlands and across the border, killing hundreds.", "killing"));
    }

    [Theory]
    [InlineData("Heavy floods killed 40 villagers in the delta on Monday.", "killed")]
    [InlineData("Twelve miners died in a landslide near the mine on Tuesday.", "died")]
    public void A_disasters_toll_is_no_conflict_event(string text, string trigger)
    {
        // Not a background total: the event-context stage's disaster rule leaves it out, toll and all.
        Assert.Null(Reason(text, trigger));
        Assert.Empty(fx.Extract(text));
        Assert.Equal(2, fx.Single("Gunmen attacked a police post in Mopti on Monday, killing two officers. " + text).Fatalities);
    }

    [Fact]
    public void History_told_by_its_month_or_year_is_background()
    {
        Assert.Equal(BackgroundRules.History, Reason("Rebels shelled the town in March 2015, killing dozens.", "shelled", published: "2021-06-01"));
        Assert.Null(Reason("Rebels shelled the town in May 2021, killing dozens.", "shelled", published: "2021-06-01"));
    }

    [Theory]
    [InlineData("Gunmen killed six traders in the market on Tuesday.", "killed")]
    [InlineData("Rebels shelled the town on Monday, the first such attack for months.", "shelled")]
    [InlineData("The clashes, which erupted on Monday, killed three soldiers.", "killed")]
    public void The_days_event_is_not_background(string text, string trigger)
    {
        Assert.Null(Reason(text, trigger));
    }

    [Fact]
    public void A_background_total_is_no_toll()
    {
        var h = Build("The insurgency has killed more than 12,000 people since 2010.");
        var toll = new TollReader(fx.Knowledge).Read(h.Doc, h.Of(EntityLabel.Trigger), h.Of(EntityLabel.Cue), h.Start, h.End, new bool[h.Doc.TokenCount]);
        Assert.Equal((-1, -1), (toll.Fatalities, toll.Injuries));
    }

    // Capitalised names are no function words.

    [Fact]
    public void An_acronym_that_names_an_actor_is_no_auxiliary()
    {
        var h = Build("IS gunmen ambushed a convoy.");
        Assert.False(fx.Knowledge.Grammar.Is(h.Doc, 0, WordClass.PassiveAuxiliary));
        var lower = Build("The convoy is ambushed.");
        Assert.True(fx.Knowledge.Grammar.Is(lower.Doc, 2, WordClass.PassiveAuxiliary));
    }

    // Gap triggers.

    [Theory]
    [InlineData("Troops set up a new forward outpost near the border.", SubEventType.HeadquartersOrBaseEstablished)]
    [InlineData("The two militias signed a fresh truce.", SubEventType.Agreement)]
    [InlineData("Police recovered a large cache of explosives.", SubEventType.DisruptedWeaponsUse)]
    [InlineData("The soldiers pulled their units out of the district.", SubEventType.NonViolentTransferOfTerritory)]
    internal void A_gap_pattern_is_a_trigger(string text, SubEventType type)
    {
        var h = Build(text);
        Assert.Contains(h.Of(EntityLabel.Trigger), i => fx.Knowledge.Triggers[h.Doc.Entities[i].Ref].Type == type);
    }

    [Fact]
    public void A_gap_holds_at_most_three_words_and_no_punctuation()
    {
        var far = Build("Troops set up roadblocks across the whole city and a base.");
        Assert.DoesNotContain(far.Of(EntityLabel.Trigger), i => fx.Knowledge.Triggers[far.Doc.Entities[i].Ref].Type == SubEventType.HeadquartersOrBaseEstablished);
        var comma = Build("Troops set up, near the river, a base.");
        Assert.DoesNotContain(comma.Of(EntityLabel.Trigger), i => fx.Knowledge.Triggers[comma.Doc.Entities[i].Ref].Type == SubEventType.HeadquartersOrBaseEstablished);
    }

    // The rules added with them.

    [Fact]
    public void Protesters_hurt_by_the_state_met_an_intervention()
    {
        var f = new TacticFacts { Class = TriggerClass.Wound, Protesters = true, HasAgent = true, AgentIsStateOrUnnamed = true };
        Assert.Equal("protesters hurt by the state", TacticRules.Infer(f)?.Name);
        Assert.Equal(SubEventType.ProtestWithIntervention, TacticRules.Infer(f)!.Type);
    }

    [Fact]
    public void A_raid_with_arrests_and_no_toll_is_an_arrest()
    {
        var f = new TacticFacts { Class = TriggerClass.Attack, ArrestTrigger = true, CivilianVictims = true, HasAgent = true, AgentArmed = true };
        Assert.Equal(SubEventType.Arrests, TacticRules.Infer(f)!.Type);
        f.Fatalities = 2;
        Assert.NotEqual(SubEventType.Arrests, TacticRules.Infer(f)!.Type);
        Assert.Equal("Arrests", fx.Single("Soldiers raided homes in Mandalay on Tuesday and detained nine students.").SubEventType);
    }

    [Fact]
    public void A_protest_with_a_riot_in_it_is_a_riot_even_without_a_riot_trigger()
    {
        Assert.Equal(SubEventType.ViolentDemonstration,
            TacticRules.Resolve(new TacticFacts(), [SubEventType.PeacefulProtest, SubEventType.ViolentDemonstration]));
    }

    [Fact]
    public void Territory_taken_without_a_fight_changes_hands_peacefully()
    {
        Assert.Equal(SubEventType.NonViolentTransferOfTerritory,
            TacticRules.Resolve(new TacticFacts { PeacefulTrigger = true }, [SubEventType.NonStateActorOvertakesTerritory, SubEventType.NonViolentTransferOfTerritory]));
        Assert.Equal(SubEventType.NonStateActorOvertakesTerritory,
            TacticRules.Resolve(new TacticFacts(), [SubEventType.NonStateActorOvertakesTerritory, SubEventType.NonViolentTransferOfTerritory]));
    }

    [Fact]
    public void A_generic_deal_or_base_needs_a_party()
    {
        var party = new TacticFacts { TriggerFlags = TriggerFlags.Party };
        Assert.Equal(SubEventType.None, TacticRules.ApplySpecialCases(party, SubEventType.Agreement));
        Assert.Equal(SubEventType.None, TacticRules.ApplySpecialCases(party, SubEventType.HeadquartersOrBaseEstablished));
        party.ArmedParty = true;
        Assert.Equal(SubEventType.Agreement, TacticRules.ApplySpecialCases(party, SubEventType.Agreement));
        Assert.Empty(fx.Extract("The bank signed a new loan deal with traders in Lagos on Monday."));
        Assert.Equal(SubEventType.None, TacticRules.ApplySpecialCases(new TacticFacts { TriggerFlags = TriggerFlags.Party }, SubEventType.NonViolentTransferOfTerritory));
        Assert.Empty(fx.Extract("Divers pulled two cars out of the river in Kaduna on Monday."));
        Assert.Equal("Non-violent transfer of territory", fx.Single("Soldiers withdrew from Ansongo on Monday and handed their camp to the local militia.").SubEventType);
    }

    [Fact]
    public void A_rule_decided_type_stands_against_the_classifier()
    {
        Assert.True(TacticRules.RuleTypeStands(SubEventType.Agreement, SubEventType.ArmedClash));
        Assert.True(TacticRules.RuleTypeStands(SubEventType.ProtestWithIntervention, SubEventType.PeacefulProtest));
        Assert.False(TacticRules.RuleTypeStands(SubEventType.ProtestWithIntervention, SubEventType.Arrests));
        Assert.False(TacticRules.RuleTypeStands(SubEventType.Attack, SubEventType.ArmedClash));
    }

    // Through the engine.

    [Fact]
    public void An_acronym_group_is_the_agent_not_a_passive_verb()
    {
        var r = fx.Single("ISWAP fighters ambushed a military convoy near Maiduguri on Sunday, killing four soldiers.");
        Assert.Equal("Armed clash", r.SubEventType);
        Assert.StartsWith("Islamic State", r.Actor1);
        Assert.Equal(4, r.Fatalities);
    }

    [Fact]
    public void A_background_total_gives_no_record_and_no_toll()
    {
        Assert.Empty(fx.Extract("Jihadist violence has killed more than 10,000 people in Borno since 2011."));
        var r = fx.Single("Gunmen killed four herders near Maiduguri on Sunday. The violence has killed more than 10,000 people since 2011.");
        Assert.Equal(4, r.Fatalities);
    }

    [Theory]
    [InlineData("Soldiers found a cache of rifles and explosives in Maiduguri on Monday.", "Disrupted weapons use")]
    [InlineData("The army set up a new outpost near Maiduguri on Monday.", "Headquarters or base established")]
    [InlineData("Police beat demonstrators with batons in Lagos on Monday.", "Protest with intervention")]
    [InlineData("Protesters clashed with police in Lagos on Monday.", "Violent demonstration")]
    public void Strategic_developments_and_protest_sub_types_reach_records(string text, string type)
    {
        Assert.Equal(type, fx.Single(text).SubEventType);
    }
}
