using EventExtractor.Extraction;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>The mention stage's parts one by one, each on a hand-built document.</summary>
[Collection("engine")]
public class MentionPartsTests(EngineFixture fx)
{
    private HandBuilt Build(string text) => new(fx.Knowledge, text);

    // RoleFinder

    [Theory]
    [InlineData("Gunmen attacked the villagers in the town.", "attacked", "Gunmen", "villagers")]
    [InlineData("Three soldiers were killed by the rebels.", "killed", "rebels", "soldiers")]
    [InlineData("The army shelled positions of the rebels.", "shelled", "The army", "rebels")]
    public void The_role_finder_reads_subject_object_and_by(string text, string trigger, string agent, string target)
    {
        var h = Build(text);
        var roles = new RoleFinder(fx.Knowledge);
        var t = h.Trigger(trigger);
        var (a, b, _) = roles.Roles(h.Doc, t, h.Of(EntityLabel.Actor), h.Of(EntityLabel.Cue), h.Start, h.End,
            roles.PassiveKill(h.Doc, h.Of(EntityLabel.Trigger), h.Start));
        Assert.Equal(agent, h.Text(a), ignoreCase: true);
        Assert.Equal(target, h.Text(b), ignoreCase: true);
    }

    [Fact]
    public void The_role_finder_leaves_a_blamed_group_out_and_flags_it()
    {
        var h = Build("Officials blamed the rebels for the attack.");
        var (a, _, flags) = new RoleFinder(fx.Knowledge).Roles(h.Doc, h.Trigger("attack"), h.Of(EntityLabel.Actor), h.Of(EntityLabel.Cue), h.Start, h.End);
        Assert.Equal(-1, a);
        Assert.True((flags & MentionFlags.UnidentifiedAgent) != 0);
    }

    [Fact]
    public void A_speaker_is_a_source_not_a_participant()
    {
        var h = Build("The army said rebels attacked the town.");
        var roles = new RoleFinder(fx.Knowledge);
        Assert.True(roles.IsSource(h.Doc, h.Doc.Entities[h.Actor("The army")], h.Of(EntityLabel.Cue), h.Start, h.End));
        Assert.False(roles.IsSource(h.Doc, h.Doc.Entities[h.Actor("rebels")], h.Of(EntityLabel.Cue), h.Start, h.End));
    }

    // VictimScan

    [Fact]
    public void The_victim_scan_tells_civilians_from_soldiers()
    {
        var civilians = Build("Gunmen killed two farmers in the village.");
        var scan = VictimScan.Around(civilians.Doc, fx.Knowledge, civilians.Trigger("killed"), civilians.Start, civilians.End, civilians.Actor("Gunmen"));
        Assert.True(scan.Civilians);
        Assert.True(scan.ArmedPeople); // the gunmen themselves
        Assert.False(scan.ArmedPeopleBesideAgent);
        Assert.True(scan.OnlyUnarmedPeopleBesideAgent);

        var soldiers = Build("Gunmen killed two soldiers at a checkpoint.");
        var scan2 = VictimScan.Around(soldiers.Doc, fx.Knowledge, soldiers.Trigger("killed"), soldiers.Start, soldiers.End, soldiers.Actor("Gunmen"));
        Assert.False(scan2.Civilians);
        Assert.True(scan2.ArmedPeople);
        Assert.True(scan2.ArmedPeopleBesideAgent);
        Assert.False(scan2.OnlyUnarmedPeopleBesideAgent);
    }

    [Fact]
    public void The_agents_own_nouns_are_not_its_victims()
    {
        var h = Build("Soldiers killed people in the market.");
        int agent = h.Actor("Soldiers");
        var scan = VictimScan.Around(h.Doc, fx.Knowledge, h.Trigger("killed"), h.Start, h.End, agent);
        Assert.True(scan.ArmedPeople); // the soldiers are near the verb ...
        Assert.False(scan.ArmedPeopleBesideAgent); // ... but they are the agent
        Assert.True(scan.OnlyUnarmedPeopleBesideAgent);
    }

    // TollReader

    [Theory]
    [InlineData("The blast killed four people and wounded nine.", 4, 9, false)]
    [InlineData("Soldiers were killed in the ambush.", 3, -1, true)]
    [InlineData("A policeman was killed.", 1, -1, false)]
    [InlineData("Two more policemen were killed.", 2, -1, false)]
    [InlineData("Policemen were killed.", 3, -1, true)]
    [InlineData("The rebels threatened to kill five hostages.", -1, -1, false)]
    public void The_toll_reader_gives_each_verb_its_figure(string text, int deaths, int injuries, bool guessed)
    {
        var h = Build(text);
        var toll = new TollReader(fx.Knowledge).Read(h.Doc, h.Of(EntityLabel.Trigger), h.Of(EntityLabel.Cue), h.Start, h.End, new bool[h.Doc.TokenCount]);
        Assert.Equal((deaths, injuries, guessed), (toll.Fatalities, toll.Injuries, toll.Guessed));
    }

    // TacticRules: who hit whom, one rule at a time.

    private static string? Inferred(TacticFacts f) => TacticRules.Infer(f)?.Name;

    [Fact]
    public void Fire_without_a_weapon_or_gunfire_is_no_event()
    {
        var rule = TacticRules.Infer(new TacticFacts { Class = TriggerClass.Fire });
        Assert.Equal("fire needs a weapon or gunfire", rule?.Name);
        Assert.Equal(SubEventType.None, rule!.Type);
        Assert.NotEqual("fire needs a weapon or gunfire", Inferred(new TacticFacts { Class = TriggerClass.Fire, TriggerFlags = TriggerFlags.Gunfire }));
    }

    [Fact]
    public void Protesters_shot_by_the_state_met_excessive_force()
    {
        var f = new TacticFacts { Class = TriggerClass.Kill, Protesters = true, AgentIsStateOrUnnamed = true };
        Assert.Equal(SubEventType.ExcessiveForceAgainstProtesters, TacticRules.Infer(f)!.Type);
        f.AgentIsStateOrUnnamed = false;
        Assert.NotEqual(SubEventType.ExcessiveForceAgainstProtesters, TacticRules.Infer(f)?.Type);
    }

    [Fact]
    public void Armed_men_killing_people_attack_civilians_without_doubt()
    {
        var f = new TacticFacts
        {
            Class = TriggerClass.Kill, HasAgent = true, AgentArmed = true, AgentNonStateArmed = true,
            Victims = new VictimScan(false, false, false, true),
        };
        var rule = TacticRules.Infer(f)!;
        Assert.Equal("armed men killing people kill civilians", rule.Name);
        Assert.Equal(SubEventType.Attack, rule.Type);
        Assert.True(rule.Certain(f));
        Assert.True(rule.MarksCivilians);
    }

    [Fact]
    public void Civilian_victims_are_an_attack_certain_only_with_an_armed_agent()
    {
        var f = new TacticFacts { Class = TriggerClass.Kill, CivilianVictims = true };
        var rule = TacticRules.Infer(f)!;
        Assert.Equal("civilian victims", rule.Name);
        Assert.False(rule.Certain(f));
        f.AgentArmed = true;
        f.HasAgent = true;
        Assert.True(TacticRules.Infer(f)!.Certain(f));
    }

    [Theory]
    [InlineData(TriggerClass.Kill, true, true, false, false, "two sides")]
    [InlineData(TriggerClass.Kill, false, false, false, true, "armed men killed")]
    [InlineData(TriggerClass.Attack, true, false, true, false, "an armed side attacked or was attacked")]
    [InlineData(TriggerClass.Attack, false, false, false, true, "an attack on soldiers or a checkpoint")]
    internal void Fights_between_armed_sides_are_armed_clashes(TriggerClass cls, bool agent, bool target, bool agentArmed, bool armedPeople, string name)
    {
        var f = new TacticFacts
        {
            Class = cls, HasAgent = agent, HasTarget = target, AgentArmed = agentArmed,
            Victims = new VictimScan(false, armedPeople, armedPeople, armedPeople),
        };
        var rule = TacticRules.Infer(f)!;
        Assert.Equal(name, rule.Name);
        Assert.Equal(SubEventType.ArmedClash, rule.Type);
    }

    [Fact]
    public void A_death_with_nobody_named_is_no_event()
    {
        Assert.Null(TacticRules.Infer(new TacticFacts { Class = TriggerClass.Wound }));
    }

    // TacticRules: the codebook's special cases.

    [Fact]
    public void Arson_without_a_crowd_destroys_property()
    {
        Assert.Equal(SubEventType.LootingPropertyDestruction,
            TacticRules.ApplySpecialCases(new TacticFacts { TriggerFlags = TriggerFlags.Arson }, SubEventType.ViolentDemonstration));
        Assert.Equal(SubEventType.None, TacticRules.ApplySpecialCases(new TacticFacts(), SubEventType.ViolentDemonstration));
        Assert.Equal(SubEventType.ViolentDemonstration,
            TacticRules.ApplySpecialCases(new TacticFacts { Rioters = true, TriggerFlags = TriggerFlags.Arson }, SubEventType.ViolentDemonstration));
    }

    [Fact]
    public void Arrests_at_a_protest_are_an_intervention()
    {
        Assert.Equal(SubEventType.ProtestWithIntervention, TacticRules.ApplySpecialCases(new TacticFacts { ProtestTrigger = true }, SubEventType.Arrests));
        Assert.Equal(SubEventType.Arrests, TacticRules.ApplySpecialCases(new TacticFacts(), SubEventType.Arrests));
    }

    [Fact]
    public void An_intervention_needs_a_protest()
    {
        Assert.Equal(SubEventType.None, TacticRules.ApplySpecialCases(new TacticFacts(), SubEventType.ProtestWithIntervention));
        Assert.Equal(SubEventType.ProtestWithIntervention, TacticRules.ApplySpecialCases(new TacticFacts { Protesters = true }, SubEventType.ProtestWithIntervention));
    }

    [Fact]
    public void A_protest_with_deaths_met_excessive_force()
    {
        Assert.Equal(SubEventType.ExcessiveForceAgainstProtesters, TacticRules.ApplySpecialCases(new TacticFacts { Fatalities = 2 }, SubEventType.PeacefulProtest));
        Assert.Equal(SubEventType.PeacefulProtest, TacticRules.ApplySpecialCases(new TacticFacts { Fatalities = 2, RiotTrigger = true }, SubEventType.PeacefulProtest));
    }

    [Fact]
    public void Clashes_with_protesters_are_a_riot()
    {
        Assert.Equal(SubEventType.ViolentDemonstration, TacticRules.ApplySpecialCases(new TacticFacts { Protesters = true }, SubEventType.ArmedClash));
        Assert.Equal(SubEventType.ArmedClash, TacticRules.ApplySpecialCases(new TacticFacts(), SubEventType.ArmedClash));
    }

    [Fact]
    public void Rebels_who_bombed_used_explosives()
    {
        Assert.Equal(SubEventType.RemoteExplosiveLandmineIed, TacticRules.ApplySpecialCases(new TacticFacts { AgentNonStateArmed = true }, SubEventType.AirDroneStrike));
        Assert.Equal(SubEventType.AirDroneStrike, TacticRules.ApplySpecialCases(new TacticFacts { AgentNonStateArmed = true, AirWeapon = true }, SubEventType.AirDroneStrike));
    }

    [Fact]
    public void Grenades_and_guns_against_armed_men_are_a_gun_battle()
    {
        Assert.Equal(SubEventType.ArmedClash, TacticRules.ApplySpecialCases(new TacticFacts { TargetArmed = true, Firearm = true }, SubEventType.Grenade));
        Assert.Equal(SubEventType.Grenade, TacticRules.ApplySpecialCases(new TacticFacts { TargetArmed = true }, SubEventType.Grenade));
    }

    [Fact]
    public void Every_rule_has_a_distinct_name()
    {
        var names = TacticRules.WhoHitWhom.Select(r => r.Name).Concat(TacticRules.SpecialCases.Select(r => r.Name)).Concat(TacticRules.Resolution.Select(r => r.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    // TacticRules: one tactic per sentence.

    [Fact]
    public void An_interception_beats_the_attack_unless_there_was_a_battle()
    {
        Assert.Equal(SubEventType.DisruptedWeaponsUse,
            TacticRules.Resolve(new TacticFacts { Intercepted = true }, [SubEventType.ShellingArtilleryMissileAttack, SubEventType.DisruptedWeaponsUse]));
        Assert.Equal(SubEventType.ArmedClash,
            TacticRules.Resolve(new TacticFacts { Intercepted = true }, [SubEventType.ArmedClash, SubEventType.DisruptedWeaponsUse]));
    }

    [Fact]
    public void A_protest_that_turns_violent_is_a_riot_and_otherwise_the_hierarchy_decides()
    {
        Assert.Equal(SubEventType.ViolentDemonstration,
            TacticRules.Resolve(new TacticFacts { RiotTrigger = true }, [SubEventType.PeacefulProtest, SubEventType.ViolentDemonstration]));
        Assert.Equal(SubEventType.AirDroneStrike,
            TacticRules.Resolve(new TacticFacts(), [SubEventType.Attack, SubEventType.AirDroneStrike]));
    }

    // Grammar words and enums from the models.

    [Fact]
    public void Grammar_words_come_from_the_models()
    {
        var g = fx.Knowledge.Grammar;
        Assert.True(g.Is(WordKey.Hash("by"), WordClass.Agentive));
        Assert.True(g.Is(WordKey.Hash("were"), WordClass.PassiveAuxiliary | WordClass.PluralPast));
        Assert.True(g.Is(WordKey.Hash("km"), WordClass.CountUnit));
        Assert.False(g.Is(WordKey.Hash("rebels"), WordClass.Agentive));
        Assert.Contains(fx.Knowledge.Weapons, w => w.IsFirearm);
        Assert.Equal(PersonGroup.Civilian, fx.Knowledge.PersonNouns[WordKey.Hash("farmers")]);
        Assert.Equal(PersonGroup.SecuritySite, fx.Knowledge.PersonNouns[WordKey.Hash("checkpoint")]);
        Assert.Contains(fx.Knowledge.Triggers, t => (t.Flags & TriggerFlags.Arson) != 0);
        Assert.Equal(DateCue.Since, fx.Knowledge.Calendar[WordKey.Hash("since")].Cue);
    }

    [Theory]
    [InlineData(WordClass.TargetPreposition, "target-preposition")]
    [InlineData(WordClass.SuspicionAdjective, "suspicion-adjective")]
    internal void Word_class_names_read_back(WordClass c, string name)
    {
        Assert.Equal(name, GrammarWords.ClassName(c));
        Assert.True(GrammarWords.TryParseClass(name, out var parsed));
        Assert.Equal(c, parsed);
        Assert.False(GrammarWords.TryParseClass("no-such-class", out _));
    }
}
