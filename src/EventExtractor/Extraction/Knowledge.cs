using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>Kinds of actor phrase.</summary>
internal enum ActorKind : byte
{
    /// <summary>A state's forces or government ("Iraqi troops", "the Pentagon").</summary>
    State,
    /// <summary>A country's name used as an actor ("Iran retaliated").</summary>
    CountryName,
    /// <summary>A named non-state group or a multinational force.</summary>
    Group,
    /// <summary>An unnamed actor ("gunmen", "protesters", "villagers").</summary>
    Generic,
}

/// <summary>An actor phrase's meaning.</summary>
/// <param name="Kind">What sort of actor.</param>
/// <param name="Iso3">The state, for State and CountryName; the home country for groups (may be empty).</param>
/// <param name="Force">Military, Police or Government, for State.</param>
/// <param name="Unit">Unit name appended to a state force's name, or empty.</param>
/// <param name="Name">The ACLED name for a group, or the template for a generic actor ("Civilians ({COUNTRY})").</param>
/// <param name="Inter">Inter code (1-8) for groups and generic actors; 1 for state forces.</param>
/// <param name="Role">agent, victim or either.</param>
internal sealed record ActorEntry(ActorKind Kind, string Iso3, string Force, string Unit, string Name, int Inter, string Role)
{
    /// <summary>For groups named per country ("Islamic State (Iraq)"): the family name shared by the variants.</summary>
    public string Family { get; init; } = "";
}

/// <summary>A normalized weapon and the sub-event type it suggests.</summary>
internal sealed record WeaponEntry(string Name, SubEventType Hint);

/// <summary>A named site and where it is.</summary>
internal sealed record SiteEntry(string Phrase, string Kind, string Location, string Iso2, double Latitude, double Longitude);

/// <summary>A country as ACLED names it.</summary>
internal sealed record CountryEntry(string Iso3, int IsoNumeric, string Iso2, string Name, string Region);

/// <summary>How a trigger's sub-event type is decided.</summary>
internal enum TriggerClass : byte
{
    /// <summary>The trigger names its type ("air strike", "abducted").</summary>
    Specific,
    /// <summary>"attack", "hit", "targeted": the type comes from the weapon and the actors.</summary>
    Attack,
    /// <summary>"fired", "landed", "opened fire": needs a weapon or gunfire to be an event.</summary>
    Fire,
    /// <summary>"killed", "dead": violence whose type comes from who died and who killed.</summary>
    Kill,
    /// <summary>"explosion", "blast": an explosive, IED unless a weapon says otherwise.</summary>
    Explosion,
    /// <summary>"injured", "wounded".</summary>
    Wound,
}

/// <summary>A trigger phrase's meaning.</summary>
internal sealed record TriggerEntry(string Phrase, SubEventType Type, TriggerClass Class, string Flags);

/// <summary>What a cue word does to triggers and actors around it.</summary>
internal enum CueEffect : byte
{
    Future,
    Negation,
    Generic,
    Blame,
    Claim,
    Denial,
    Source,
    Near,
    /// <summary>A reporting verb: the actor next to it is a source, not a participant.</summary>
    Speech,
}

/// <summary>A calendar word.</summary>
internal readonly record struct CalendarWord(string Kind, string Value);

/// <summary>A number word ("three", "dozens").</summary>
internal readonly record struct NumberWord(int Value, string Kind);
