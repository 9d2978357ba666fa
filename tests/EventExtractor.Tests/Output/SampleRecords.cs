using EventExtractor.Records;

namespace EventExtractor.Tests.Output;

/// <summary>
/// Three hand-made records (invented events) that exercise what a writer can get wrong: commas, quotes and a
/// newline in notes, non-ASCII text, a negative coordinate, coordinates needing rounding, empty text fields, and a
/// record with no coordinates, year, ISO code or evidence.
/// </summary>
internal static class SampleRecords
{
    public static AcledRecord[] All() => [Full(), Unicode(), Sparse()];

    public static AcledRecord Full() => new()
    {
        EventIdCnty = "NGA1001",
        EventDate = "2024-03-05",
        Year = 2024,
        TimePrecision = 1,
        DisorderType = "Political violence",
        EventType = "Explosions/Remote violence",
        SubEventType = "Remote explosive/landmine/IED",
        Actor1 = "Unidentified Armed Group (Nigeria)",
        Inter1 = "Political militia",
        Actor2 = "Civilians (Nigeria)",
        Inter2 = "Civilians",
        Interaction = "Political militia-Civilians",
        CivilianTargeting = "Civilians targeted",
        Iso = 566,
        Region = "Western Africa",
        Country = "Nigeria",
        Admin1 = "Borno",
        Admin2 = "Maiduguri",
        Location = "Maiduguri",
        Latitude = 11.846923,
        Longitude = 13.157118,
        GeoPrecision = 1,
        Source = "Example Wire; Daily Sample",
        SourceScale = "National",
        Notes = "On 5 March 2024, a roadside bomb exploded near a market in Maiduguri, \"killing 3\", officials said.\nSeven people were hurt.",
        Fatalities = 3,
        Timestamp = 1710000000,
        ArticleId = "sample-001",
        Weapons = ["roadside bomb"],
        Injuries = 7,
        Confidence = 0.87654,
        Evidence =
        [
            new Evidence("sub_event_type", "roadside bomb exploded", 18, 40),
            new Evidence("fatalities", "killing 3", 77, 86),
        ],
    };

    public static AcledRecord Unicode() => new()
    {
        EventIdCnty = "CIV2002",
        EventDate = "2023-11-20",
        Year = 2023,
        TimePrecision = 2,
        DisorderType = "Demonstrations",
        EventType = "Protests",
        SubEventType = "Peaceful protest",
        Actor1 = "Protesters (Côte d'Ivoire)",
        AssocActor1 = "Labour Group (Côte d'Ivoire); Students (Côte d'Ivoire)",
        Inter1 = "Protesters",
        Interaction = "Protesters only",
        Iso = 384,
        Region = "Western Africa",
        Country = "Côte d'Ivoire",
        Admin1 = "Vallée du Bandama",
        Location = "Bouaké",
        Latitude = 7.69385,
        Longitude = -5.03031,
        GeoPrecision = 2,
        Source = "Exemple Presse",
        SourceScale = "Subnational",
        Notes = "Around 200 people marched — “peacefully” — through Bouaké; ✓ no incidents.",
        Tags = "crowd size=around 200",
        Timestamp = 1700500000,
        ArticleIds = ["sample-002", "sample-003"],
        Confidence = 0.5,
        Evidence = [new Evidence("location", "Bouaké", 45, 51)],
    };

    public static AcledRecord Sparse() => new()
    {
        EventType = "Strategic developments",
        SubEventType = "Other",
        Notes = "=not a formula, just text",
        ArticleId = "sample-004",
    };
}
