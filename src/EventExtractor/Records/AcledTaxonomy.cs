namespace EventExtractor.Records;

/// <summary>The 25 ACLED sub-event types, plus <see cref="None"/> for text that reports no event.</summary>
internal enum SubEventType : byte
{
    None = 0,
    // Battles
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    ArmedClash,
    // Protests
    ExcessiveForceAgainstProtesters,
    ProtestWithIntervention,
    PeacefulProtest,
    // Riots
    ViolentDemonstration,
    MobViolence,
    // Explosions/Remote violence
    ChemicalWeapon,
    AirDroneStrike,
    SuicideBomb,
    ShellingArtilleryMissileAttack,
    RemoteExplosiveLandmineIed,
    Grenade,
    // Violence against civilians
    SexualViolence,
    Attack,
    AbductionForcedDisappearance,
    // Strategic developments
    Agreement,
    Arrests,
    ChangeToGroupActivity,
    DisruptedWeaponsUse,
    HeadquartersOrBaseEstablished,
    LootingPropertyDestruction,
    NonViolentTransferOfTerritory,
    Other,
}

/// <summary>ACLED's six event types.</summary>
internal enum EventType : byte
{
    None = 0,
    Battles,
    Protests,
    Riots,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    StrategicDevelopments,
}

/// <summary>Names, parents and precedence of ACLED's event taxonomy, as the codebook gives them.</summary>
internal static class AcledTaxonomy
{
    private static readonly string[] SubEventNames =
    [
        "",
        "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
        "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
        "Violent demonstration", "Mob violence",
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
        "Sexual violence", "Attack", "Abduction/forced disappearance",
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
    ];

    private static readonly string[] EventTypeNames =
    [
        "", "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians", "Strategic developments",
    ];

    private static readonly Dictionary<string, SubEventType> ByName = BuildIndex();

    private static Dictionary<string, SubEventType> BuildIndex()
    {
        var d = new Dictionary<string, SubEventType>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < SubEventNames.Length; i++) d[SubEventNames[i]] = (SubEventType)i;
        return d;
    }

    /// <summary>All 25 sub-event types in codebook order.</summary>
    public static IEnumerable<SubEventType> All => Enumerable.Range(1, SubEventNames.Length - 1).Select(i => (SubEventType)i);

    /// <summary>The codebook's name of a sub-event type ("Air/drone strike").</summary>
    public static string Name(SubEventType t) => SubEventNames[(int)t];

    /// <summary>The codebook's name of an event type.</summary>
    public static string Name(EventType t) => EventTypeNames[(int)t];

    /// <summary>Parses a codebook sub-event name (case-insensitive); <see cref="SubEventType.None"/> when unknown.</summary>
    public static SubEventType ParseSubEvent(string? name) =>
        name != null && ByName.TryGetValue(name.Trim(), out var t) ? t : SubEventType.None;

    /// <summary>Parses a codebook event type name; <see cref="EventType.None"/> when unknown.</summary>
    public static EventType ParseEventType(string? name)
    {
        if (name == null) return EventType.None;
        for (int i = 1; i < EventTypeNames.Length; i++)
            if (string.Equals(EventTypeNames[i], name.Trim(), StringComparison.OrdinalIgnoreCase)) return (EventType)i;
        return EventType.None;
    }

    /// <summary>The event type a sub-event type belongs to.</summary>
    public static EventType EventTypeOf(SubEventType t) => t switch
    {
        SubEventType.None => EventType.None,
        <= SubEventType.ArmedClash => EventType.Battles,
        <= SubEventType.PeacefulProtest => EventType.Protests,
        <= SubEventType.MobViolence => EventType.Riots,
        <= SubEventType.Grenade => EventType.ExplosionsRemoteViolence,
        <= SubEventType.AbductionForcedDisappearance => EventType.ViolenceAgainstCivilians,
        _ => EventType.StrategicDevelopments,
    };

    /// <summary>ACLED's disorder type for a sub-event type.</summary>
    public static string DisorderType(SubEventType t) => t switch
    {
        SubEventType.ExcessiveForceAgainstProtesters => "Political violence; Demonstrations",
        SubEventType.ProtestWithIntervention or SubEventType.PeacefulProtest or SubEventType.ViolentDemonstration => "Demonstrations",
        _ => EventTypeOf(t) == EventType.StrategicDevelopments ? "Strategic developments" : "Political violence",
    };

    /// <summary>
    /// Precedence when several tactics describe one event: the codebook's table order, Battles highest,
    /// Strategic developments lowest. Smaller is higher.
    /// </summary>
    public static int Precedence(SubEventType t) => t == SubEventType.None ? int.MaxValue : (int)t;
}
