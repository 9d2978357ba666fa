using EventExtractor.Lexicons;
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

/// <summary>ACLED's inter codes: what sort of actor a side is (the number is the code of numeric exports).</summary>
internal enum InterCode : byte
{
    /// <summary>No actor.</summary>
    None = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    /// <summary>External/Other forces: among them a state's forces acting abroad.</summary>
    ExternalOtherForces = 8,
}

/// <summary>What kind of people a person noun names (person-nouns.tsv), for victims and counts.</summary>
internal enum PersonGroup : byte
{
    /// <summary>Anyone ("people", "residents").</summary>
    Any,
    /// <summary>Unarmed people ("farmers", "teachers").</summary>
    Civilian,
    /// <summary>Soldiers and police.</summary>
    Security,
    /// <summary>Fighters, militants.</summary>
    Armed,
    /// <summary>Not a person but a place that means armed targets ("a checkpoint", "a convoy").</summary>
    SecuritySite,
}

/// <summary>An actor phrase's meaning.</summary>
/// <param name="Kind">What sort of actor.</param>
/// <param name="Iso3">The state, for State and CountryName; the home country for groups (may be empty).</param>
/// <param name="Force">Military, Police or Government, for State.</param>
/// <param name="Unit">Unit name appended to a state force's name, or empty.</param>
/// <param name="Name">The ACLED name for a group, or the template for a generic actor ("Civilians ({COUNTRY})").</param>
/// <param name="Inter">Inter code for groups and generic actors; state forces for states.</param>
/// <param name="Role">Agent, victim, either, or a modifier (a demonym acts only before its weapon or deed).</param>
internal sealed record ActorEntry(ActorKind Kind, string Iso3, StateForce Force, string Unit, string Name, InterCode Inter, ActorRole Role)
{
    /// <summary>A side that carries arms by its inter code: rebels, political or identity militias, external forces.</summary>
    public bool IsArmedInter => Inter is InterCode.RebelGroup or InterCode.PoliticalMilitia or InterCode.IdentityMilitia or InterCode.ExternalOtherForces;

    /// <summary>A state's forces or a country acting as one.</summary>
    public bool IsState => Kind is ActorKind.State or ActorKind.CountryName;

    /// <summary>Anyone who carries arms: states, named groups, armed generic actors ("gunmen").</summary>
    public bool IsArmed => IsState || Kind == ActorKind.Group || (Kind == ActorKind.Generic && IsArmedInter);

    /// <summary>Armed but not a state's: named groups, rebels and militias ("gunmen", "jihadists").</summary>
    public bool IsNonStateArmed => Kind == ActorKind.Group
        || (Kind == ActorKind.Generic && Inter is InterCode.RebelGroup or InterCode.PoliticalMilitia or InterCode.IdentityMilitia);

    /// <summary>An unnamed actor of this inter code ("protesters" for <see cref="InterCode.Protesters"/>).</summary>
    public bool IsGeneric(InterCode inter) => Kind == ActorKind.Generic && Inter == inter;

    /// <summary>For groups named per country ("Islamic State (Iraq)"): the family name shared by the variants.</summary>
    public string Family { get; init; } = "";
}

/// <summary>A normalized weapon and the sub-event type it suggests.</summary>
internal sealed record WeaponEntry(string Name, SubEventType Hint)
{
    /// <summary>A gun (grammar-words.tsv class "firearm"): with it, grenades against armed men are a gun battle.</summary>
    public bool IsFirearm { get; init; }
}

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

/// <summary>What else a trigger phrase says (the flags column of triggers.tsv).</summary>
[Flags]
internal enum TriggerFlags : byte
{
    None = 0,
    /// <summary>gov: territory taken back by the state.</summary>
    Gov = 1,
    /// <summary>nsa: territory taken by a non-state actor.</summary>
    Nsa = 2,
    /// <summary>arson: setting fire ("torched"); without a crowd it destroys property.</summary>
    Arson = 4,
    /// <summary>gunfire: shooting ("opened fire") is violence even with no weapon named.</summary>
    Gunfire = 8,
    /// <summary>peaceful: territory changed hands without fighting ("without a fight").</summary>
    Peaceful = 16,
    /// <summary>party: a generic verb and noun ("signed ... deal"), an event only when an actor is named with it.</summary>
    Party = 32,
}

/// <summary>A trigger phrase's meaning.</summary>
internal sealed record TriggerEntry(string Phrase, SubEventType Type, TriggerClass Class, TriggerFlags Flags);

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
internal readonly record struct CalendarWord(string Kind, string Value)
{
    /// <summary>For kind "cue": what the word does to a date next to it.</summary>
    public DateCue Cue { get; init; }
}

/// <summary>Words that qualify or anchor a date expression (calendar-words.tsv, kind "cue").</summary>
internal enum DateCue : byte
{
    None,
    /// <summary>"last week", "last December": the one before.</summary>
    Last,
    /// <summary>"this month".</summary>
    This,
    Next,
    /// <summary>"earlier this week".</summary>
    Earlier,
    /// <summary>"late March": the month's last day.</summary>
    Late,
    /// <summary>"early March": the month's first day.</summary>
    Early,
    Mid,
    /// <summary>"in December", "in 2014".</summary>
    In,
    /// <summary>"October of 2019".</summary>
    Of,
    /// <summary>"since 2017".</summary>
    Since,
    /// <summary>"the beginning of March": its first day.</summary>
    Beginning,
    /// <summary>"the end of March": its last day.</summary>
    End,
}

/// <summary>A number word ("three", "dozens").</summary>
internal readonly record struct NumberWord(int Value, string Kind);
