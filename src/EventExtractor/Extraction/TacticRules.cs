using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>
/// What a sentence knows when its tactic is decided: who acts, who suffers, what kind of crowd is there, which
/// weapons, the toll. The mention stage fills it once per sentence, and per trigger the fields of the trigger
/// being decided.
/// </summary>
internal sealed class TacticFacts
{
    // The sentence.
    /// <summary>Protesters are named among the actors (or as agent/target).</summary>
    public bool Protesters { get; set; }
    /// <summary>Rioters are named among the actors.</summary>
    public bool Rioters { get; set; }
    /// <summary>A protest trigger (peaceful, with intervention, excessive force) is reported.</summary>
    public bool ProtestTrigger { get; set; }
    /// <summary>A trigger says territory changed hands without fighting ("without a fight").</summary>
    public bool PeacefulTrigger { get; set; }
    /// <summary>A riot trigger (violent demonstration, mob violence) is reported.</summary>
    public bool RiotTrigger { get; set; }
    /// <summary>An arrest or a detention is reported.</summary>
    public bool ArrestTrigger { get; set; }
    /// <summary>An interception, a defusing, a seizure of weapons is reported.</summary>
    public bool Intercepted { get; set; }
    /// <summary>A party to a conflict is named in the sentence: a state, a named group, armed men.</summary>
    public bool ArmedParty { get; set; }
    public bool HasAgent { get; set; }
    public bool HasTarget { get; set; }
    /// <summary>The agent is a state's forces (or none is named).</summary>
    public bool AgentIsStateOrUnnamed { get; set; }
    public bool AgentArmed { get; set; }
    public bool AgentNonStateArmed { get; set; }
    public bool TargetArmed { get; set; }
    /// <summary>The victims are civilians: a civilian actor or person noun, or people killed by armed men.</summary>
    public bool CivilianVictims { get; set; }
    public bool AnyWeapon { get; set; }
    /// <summary>A weapon that suggests an air or drone strike ("warplanes", "drone").</summary>
    public bool AirWeapon { get; set; }
    /// <summary>A gun is named.</summary>
    public bool Firearm { get; set; }
    /// <summary>Soldiers, fighters or a checkpoint near the sentence's main trigger.</summary>
    public bool ArmedPeopleNearMain { get; set; }
    /// <summary>Deaths the sentence reports (-1: no figure).</summary>
    public int Fatalities { get; set; } = -1;

    // The trigger being decided.
    public TriggerClass Class { get; set; }
    public TriggerFlags TriggerFlags { get; set; }
    /// <summary>The person nouns around the trigger being decided.</summary>
    public VictimScan Victims { get; set; }
}

/// <summary>A rule that types a trigger naming no tactic ("killed", "attacked") from who hit whom.</summary>
/// <param name="Name">What the rule says, for tests and diagnostics.</param>
/// <param name="When">Whether it applies.</param>
/// <param name="Type">The tactic it gives; None: no event.</param>
/// <param name="Certain">The tactic is no guess then (the classifier may not replace it).</param>
/// <param name="MarksCivilians">The victims it found are civilians (for the triggers after it too).</param>
internal sealed record InferenceRule(string Name, Func<TacticFacts, bool> When, SubEventType Type, Func<TacticFacts, bool> Certain, bool MarksCivilians = false);

/// <summary>A codebook special case: rewrites a tactic of type <paramref name="From"/> when <paramref name="When"/> holds.</summary>
internal sealed record SpecialCase(string Name, SubEventType From, Func<TacticFacts, bool> When, Func<TacticFacts, SubEventType> Then);

/// <summary>A rule that picks the sentence's one tactic among those its triggers report.</summary>
internal sealed record ResolutionRule(string Name, Func<TacticFacts, IReadOnlyList<SubEventType>, bool> When, Func<IReadOnlyList<SubEventType>, SubEventType> Then);

/// <summary>
/// The tactic decision as ordered tables of named rules: how a trigger that names no tactic is typed from who hit
/// whom (first rule that applies wins), the codebook's special cases (each applied in turn to the result of the
/// ones before), and how the sentence's tactics resolve into one (first rule that applies wins; the last is the
/// codebook's hierarchy).
/// </summary>
internal static class TacticRules
{
    private static bool Never(TacticFacts f) => false;

    /// <summary>Who hit whom, for "killed", "attacked", "opened fire", "wounded" with no weapon that names the tactic.</summary>
    public static readonly IReadOnlyList<InferenceRule> WhoHitWhom =
    [
        new("fire needs a weapon or gunfire", f => f.Class == TriggerClass.Fire && (f.TriggerFlags & TriggerFlags.Gunfire) == 0 && !f.AnyWeapon,
            SubEventType.None, Never),
        new("protesters shot by the state", f => f.Protesters && f.AgentIsStateOrUnnamed && f.Class is TriggerClass.Kill or TriggerClass.Fire,
            SubEventType.ExcessiveForceAgainstProtesters, Never),
        new("protesters hurt by the state", f => f.Protesters && f.HasAgent && f.AgentIsStateOrUnnamed && f.Class is TriggerClass.Attack or TriggerClass.Wound,
            SubEventType.ProtestWithIntervention, Never),
        new("a raid with arrests and no toll is an arrest", f => f.Class == TriggerClass.Attack && f.ArrestTrigger && f.Fatalities <= 0,
            SubEventType.Arrests, f => true),
        new("armed men killing people kill civilians", f => !f.CivilianVictims && !f.TargetArmed && f.AgentNonStateArmed && f.Victims.OnlyUnarmedPeopleBesideAgent,
            SubEventType.Attack, f => true, MarksCivilians: true),
        new("civilian victims", f => f.CivilianVictims && !f.TargetArmed, SubEventType.Attack, f => f.AgentArmed),
        new("two sides", f => f.HasAgent && f.HasTarget, SubEventType.ArmedClash, Never),
        new("armed men killed", f => f.Class == TriggerClass.Kill && (f.TargetArmed || f.Victims.ArmedPeople), SubEventType.ArmedClash, Never),
        new("an armed side attacked or was attacked", f => f.Class == TriggerClass.Attack && (f.AgentArmed || f.TargetArmed), SubEventType.ArmedClash, Never),
        new("an attack on soldiers or a checkpoint", f => f.Class == TriggerClass.Attack && f.Victims.ArmedPeople, SubEventType.ArmedClash, Never),
    ];

    /// <summary>The codebook's special cases, in the order they apply.</summary>
    public static readonly IReadOnlyList<SpecialCase> SpecialCases =
    [
        new("arson without a crowd destroys property", SubEventType.ViolentDemonstration, f => !f.Protesters && !f.Rioters && !f.ProtestTrigger,
            f => (f.TriggerFlags & TriggerFlags.Arson) != 0 ? SubEventType.LootingPropertyDestruction : SubEventType.None),
        new("a deal needs a party", SubEventType.Agreement, f => (f.TriggerFlags & TriggerFlags.Party) != 0 && !f.ArmedParty, _ => SubEventType.None),
        new("a base needs a party", SubEventType.HeadquartersOrBaseEstablished, f => (f.TriggerFlags & TriggerFlags.Party) != 0 && !f.ArmedParty, _ => SubEventType.None),
        new("a new group needs a party", SubEventType.ChangeToGroupActivity, f => (f.TriggerFlags & TriggerFlags.Party) != 0 && !f.ArmedParty, _ => SubEventType.None),
        new("a withdrawal needs a party", SubEventType.NonViolentTransferOfTerritory, f => (f.TriggerFlags & TriggerFlags.Party) != 0 && !f.ArmedParty, _ => SubEventType.None),
        new("arrests at a protest are an intervention", SubEventType.Arrests, f => f.ProtestTrigger, _ => SubEventType.ProtestWithIntervention),
        new("an intervention needs a protest", SubEventType.ProtestWithIntervention, f => !f.ProtestTrigger && !f.Protesters, _ => SubEventType.None),
        new("a protest with deaths met excessive force", SubEventType.PeacefulProtest, f => f.Fatalities > 0 && !f.RiotTrigger, _ => SubEventType.ExcessiveForceAgainstProtesters),
        new("clashes with protesters are a riot", SubEventType.ArmedClash, f => f.Protesters || f.Rioters || f.ProtestTrigger, _ => SubEventType.ViolentDemonstration),
        new("rebels who bombed used explosives, not aircraft", SubEventType.AirDroneStrike, f => f.AgentNonStateArmed && !f.AirWeapon, _ => SubEventType.RemoteExplosiveLandmineIed),
        new("grenades and guns against armed men are a gun battle", SubEventType.Grenade, f => (f.TargetArmed || f.ArmedPeopleNearMain) && f.Firearm, _ => SubEventType.ArmedClash),
    ];

    private static readonly SubEventType[] ProtestOrRiotTypes =
    [
        SubEventType.PeacefulProtest, SubEventType.ViolentDemonstration, SubEventType.ProtestWithIntervention, SubEventType.MobViolence,
        SubEventType.LootingPropertyDestruction, SubEventType.Arrests,
    ];

    private static readonly SubEventType[] TerritoryTypes =
    [
        SubEventType.NonViolentTransferOfTerritory, SubEventType.GovernmentRegainsTerritory, SubEventType.NonStateActorOvertakesTerritory,
    ];

    /// <summary>
    /// Sub-types the rules decide from a trigger that names them or from a codebook special case: an interception, a
    /// strategic development, a chemical attack. A model that reads the whole text does not replace them.
    /// </summary>
    public static readonly IReadOnlySet<SubEventType> RuleDecidedTypes = new HashSet<SubEventType>
    {
        SubEventType.DisruptedWeaponsUse, SubEventType.ChemicalWeapon, SubEventType.Agreement, SubEventType.ChangeToGroupActivity,
        SubEventType.HeadquartersOrBaseEstablished, SubEventType.NonViolentTransferOfTerritory,
        SubEventType.ProtestWithIntervention, SubEventType.ExcessiveForceAgainstProtesters, SubEventType.ViolentDemonstration, SubEventType.MobViolence,
    };

    /// <summary>
    /// Whether a type the rules decided stands against a model's prediction: always, except that an intervention,
    /// excessive force or a riot may still become another sub-type than a peaceful protest (the intervention or
    /// the violence the rules read is not undone by a model's view of the protest as a whole).
    /// </summary>
    public static bool RuleTypeStands(SubEventType ruleType, SubEventType predicted)
    {
        if (ruleType == predicted || !RuleDecidedTypes.Contains(ruleType)) return ruleType == predicted;
        if (AcledTaxonomy.EventTypeOf(ruleType) is EventType.Protests or EventType.Riots) return predicted == SubEventType.PeacefulProtest;
        return true;
    }

    /// <summary>How the tactics of one sentence become one.</summary>
    public static readonly IReadOnlyList<ResolutionRule> Resolution =
    [
        new("an intercepted weapon is no attack, unless there was a battle",
            (f, types) => f.Intercepted && !AnyOfEventType(types, EventType.Battles), _ => SubEventType.DisruptedWeaponsUse),
        new("a protest that turns violent is a riot",
            (f, types) => Has(types, SubEventType.ViolentDemonstration) && AllAmong(types, ProtestOrRiotTypes), _ => SubEventType.ViolentDemonstration),
        new("territory taken without a fight changes hands peacefully",
            (f, types) => f.PeacefulTrigger && Has(types, SubEventType.NonViolentTransferOfTerritory) && AllAmong(types, TerritoryTypes), _ => SubEventType.NonViolentTransferOfTerritory),
        new("the highest in the hierarchy", (_, _) => true, Highest),
    ];

    // Loops over the sentence's few tactics rather than LINQ: these run for every sentence with a trigger, and an
    // enumerator or a delegate per call is garbage the whole run pays for.

    private static bool AnyOfEventType(IReadOnlyList<SubEventType> types, EventType eventType)
    {
        for (int i = 0; i < types.Count; i++)
            if (AcledTaxonomy.EventTypeOf(types[i]) == eventType) return true;
        return false;
    }

    private static bool Has(IReadOnlyList<SubEventType> types, SubEventType type)
    {
        for (int i = 0; i < types.Count; i++)
            if (types[i] == type) return true;
        return false;
    }

    private static bool AllAmong(IReadOnlyList<SubEventType> types, SubEventType[] allowed)
    {
        for (int i = 0; i < types.Count; i++)
            if (Array.IndexOf(allowed, types[i]) < 0) return false;
        return true;
    }

    /// <summary>The highest in the codebook's hierarchy; of equals, the first.</summary>
    private static SubEventType Highest(IReadOnlyList<SubEventType> types)
    {
        var best = types[0];
        for (int i = 1; i < types.Count; i++)
            if (AcledTaxonomy.Precedence(types[i]) < AcledTaxonomy.Precedence(best)) best = types[i];
        return best;
    }

    /// <summary>The first rule of <see cref="WhoHitWhom"/> that applies, or null when none does (no event).</summary>
    public static InferenceRule? Infer(TacticFacts facts)
    {
        for (int i = 0; i < WhoHitWhom.Count; i++)
            if (WhoHitWhom[i].When(facts)) return WhoHitWhom[i];
        return null;
    }

    /// <summary>The type after every special case that applies.</summary>
    public static SubEventType ApplySpecialCases(TacticFacts facts, SubEventType type)
    {
        for (int i = 0; i < SpecialCases.Count; i++)
        {
            var rule = SpecialCases[i];
            if (type == rule.From && rule.When(facts)) type = rule.Then(facts);
        }
        return type;
    }

    /// <summary>The sentence's one tactic among <paramref name="types"/> (not empty).</summary>
    public static SubEventType Resolve(TacticFacts facts, IReadOnlyList<SubEventType> types)
    {
        for (int i = 0; i < Resolution.Count; i++)
            if (Resolution[i].When(facts, types)) return Resolution[i].Then(types);
        throw new InvalidOperationException("the last resolution rule always applies");
    }
}
