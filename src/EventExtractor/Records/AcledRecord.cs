namespace EventExtractor.Records;

/// <summary>
/// One ACLED-style event record as written out: the 31 columns of an ACLED export in their order, plus our
/// own extras (article id, weapons, injuries, confidence, evidence). Plain strings and numbers only: this is
/// the boundary where text is cut from documents.
/// </summary>
public sealed class AcledRecord
{
    /// <summary>The 31 ACLED column names, in export order.</summary>
    public static readonly string[] AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public string EventIdCnty { get; set; } = "";
    /// <summary>YYYY-MM-DD, or empty when no date could be resolved.</summary>
    public string EventDate { get; set; } = "";
    public int? Year { get; set; }
    public int? TimePrecision { get; set; }
    public string DisorderType { get; set; } = "";
    public string EventType { get; set; } = "";
    public string SubEventType { get; set; } = "";
    public string Actor1 { get; set; } = "";
    public string AssocActor1 { get; set; } = "";
    public string Inter1 { get; set; } = "";
    public string Actor2 { get; set; } = "";
    public string AssocActor2 { get; set; } = "";
    public string Inter2 { get; set; } = "";
    public string Interaction { get; set; } = "";
    public string CivilianTargeting { get; set; } = "";
    public int? Iso { get; set; }
    public string Region { get; set; } = "";
    public string Country { get; set; } = "";
    public string Admin1 { get; set; } = "";
    public string Admin2 { get; set; } = "";
    public string Admin3 { get; set; } = "";
    public string Location { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? GeoPrecision { get; set; }
    public string Source { get; set; } = "";
    public string SourceScale { get; set; } = "";
    public string Notes { get; set; } = "";
    public int Fatalities { get; set; }
    public string Tags { get; set; } = "";
    public long Timestamp { get; set; }

    // Extras beyond the ACLED export.
    /// <summary>
    /// The ids of the articles that reported the event, first report first (several after a cross-article merge).
    /// The list is the truth: an id may itself hold "; ", so <see cref="ArticleId"/> is only for display.
    /// </summary>
    public List<string> ArticleIds { get; set; } = [""];

    /// <summary>
    /// The article ids joined by "; " (ACLED-style display). Setting it names one article, whatever the text holds.
    /// </summary>
    public string ArticleId
    {
        get => ArticleIds.Count == 1 ? ArticleIds[0] : string.Join("; ", ArticleIds);
        set => ArticleIds = [value];
    }
    /// <summary>Normalized weapon names, in the order first seen.</summary>
    public List<string> Weapons { get; set; } = new();
    public int Injuries { get; set; }
    /// <summary>0..1: how sure the extractor is that this is a real event coded right.</summary>
    public double Confidence { get; set; }
    /// <summary>Where each field's value was read in the article.</summary>
    public List<Evidence> Evidence { get; set; } = new();
}

/// <summary>A piece of article text that supports one field of a record: character offsets into the article text.</summary>
/// <param name="Field">The record field ("sub_event_type", "actor1", "location", "event_date", "fatalities", "weapons" ...).</param>
/// <param name="Text">The text at [Start, End).</param>
/// <param name="Start">Start offset into the article's text.</param>
/// <param name="End">End offset (exclusive).</param>
public sealed record Evidence(string Field, string Text, int Start, int End);
