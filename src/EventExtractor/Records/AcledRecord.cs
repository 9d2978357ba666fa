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

    /// <summary>ACLED event id: the country's ISO3 code and eight digits derived from the article id and the event's key, so a rerun gives every event the id it had ("IRQ04711230"; "XXX…" when no country is known).</summary>
    public string EventIdCnty { get; set; } = "";
    /// <summary>The day of the event, YYYY-MM-DD (at week or month precision, a day within that week or month: the 15th for a month named alone); empty when no date could be resolved.</summary>
    public string EventDate { get; set; } = "";
    /// <summary>Year of <see cref="EventDate"/>; null when the date is unknown.</summary>
    public int? Year { get; set; }
    /// <summary>ACLED time precision: 1 the day is known, 2 the week, 3 only the month; null when the date is unknown.</summary>
    public int? TimePrecision { get; set; }
    /// <summary>ACLED disorder type: "Political violence", "Demonstrations", "Political violence; Demonstrations" or "Strategic developments".</summary>
    public string DisorderType { get; set; } = "";
    /// <summary>One of ACLED's six event types ("Battles", "Explosions/Remote violence" ...), the parent of <see cref="SubEventType"/>.</summary>
    public string EventType { get; set; } = "";
    /// <summary>One of ACLED's 25 sub-event types ("Armed clash", "Air/drone strike", "Peaceful protest" ...).</summary>
    public string SubEventType { get; set; } = "";
    /// <summary>The actor who acted, named as ACLED names it ("Military Forces of Iraq (2020-2022)", "Unidentified Armed Group (Nigeria)"); empty when unknown.</summary>
    public string Actor1 { get; set; } = "";
    /// <summary>Who the demonstrators were ("Teachers (Chile)"), for protests and riots; otherwise empty.</summary>
    public string AssocActor1 { get; set; } = "";
    /// <summary>Inter code of actor 1 as text ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces"); empty without an actor.</summary>
    public string Inter1 { get; set; } = "";
    /// <summary>The actor acted upon or fought against, named as ACLED names it; empty for one-sided events.</summary>
    public string Actor2 { get; set; } = "";
    /// <summary>Who the civilian victims were ("Journalists (Iraq)"); otherwise empty.</summary>
    public string AssocActor2 { get; set; } = "";
    /// <summary>Inter code of actor 2 as text (see <see cref="Inter1"/>).</summary>
    public string Inter2 { get; set; } = "";
    /// <summary>Both inter codes as text, lower code first ("State forces-Rebel group"), or "X only" for one actor.</summary>
    public string Interaction { get; set; } = "";
    /// <summary>"Civilians targeted" when civilians were the target of violence; otherwise empty.</summary>
    public string CivilianTargeting { get; set; } = "";
    /// <summary>ISO 3166 numeric code of the event's country; null when unknown.</summary>
    public int? Iso { get; set; }
    /// <summary>ACLED region of the country ("Middle East", "Western Africa" ...).</summary>
    public string Region { get; set; } = "";
    /// <summary>Country of the event, as ACLED names it.</summary>
    public string Country { get; set; } = "";
    /// <summary>First-level administrative division (province, state) of the location.</summary>
    public string Admin1 { get; set; } = "";
    /// <summary>Second-level administrative division (district), when the gazetteer knows it.</summary>
    public string Admin2 { get; set; } = "";
    /// <summary>Third-level administrative division; the extractor leaves it empty (the gazetteer has no third level).</summary>
    public string Admin3 { get; set; } = "";
    /// <summary>The town, site or region the event happened in ("Baghdad", "Baghdad - Mansour").</summary>
    public string Location { get; set; } = "";
    /// <summary>WGS84 latitude of the location, 4 decimals; null when the place is unknown.</summary>
    public double? Latitude { get; set; }
    /// <summary>WGS84 longitude of the location, 4 decimals; null when the place is unknown.</summary>
    public double? Longitude { get; set; }
    /// <summary>ACLED geo precision: 1 the town itself, 2 near a town, 3 only the province or region; null when unknown.</summary>
    public int? GeoPrecision { get; set; }
    /// <summary>The outlet (the article's source, else its id); several joined by "; " when articles were merged.</summary>
    public string Source { get; set; } = "";
    /// <summary>ACLED source scale; the extractor leaves it empty (it cannot tell an outlet's reach from its text).</summary>
    public string SourceScale { get; set; } = "";
    /// <summary>A one-sentence summary in ACLED's style: when, who did what to whom, with what, where, and the toll.</summary>
    public string Notes { get; set; } = "";
    /// <summary>Deaths as the codebook counts them ("dozens" = 12, the lowest figure when reports conflict, 0 when none are reported).</summary>
    public int Fatalities { get; set; }
    /// <summary>Remarks on how a value was found, joined by "; " ("relative date unresolved: no publication date"); usually empty.</summary>
    public string Tags { get; set; } = "";
    /// <summary>The article's publication date as Unix time (seconds), 0 when unknown: not the time of the run, so output is reproducible.</summary>
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
    /// <summary>People injured, as reported (0 when none are reported).</summary>
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
