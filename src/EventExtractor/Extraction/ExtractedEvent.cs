using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// One event assembled from the mentions that report it (possibly across sentences and paragraphs), before
/// it is written as a record. Roles point at entity spans of the document; -1 means none was found.
/// </summary>
internal sealed class ExtractedEvent
{
    public SubEventType Type { get; set; }
    /// <summary>True while the type rests only on mentions whose tactic was inferred (see <see cref="MentionFlags.WeakType"/>).</summary>
    public bool WeakType { get; set; } = true;
    /// <summary>Indexes into the document's mentions, in text order.</summary>
    public List<int> Mentions { get; } = new();
    /// <summary>Day number of the event date, or <see cref="DateStage.Unresolved"/>.</summary>
    public int Day { get; set; } = DateStage.Unresolved;
    public DatePrecision DatePrecision { get; set; } = DatePrecision.Day;
    /// <summary>Entity index of the date expression, or -1 when the date was inferred.</summary>
    public int DateEntity { get; set; } = -1;
    /// <summary>Entity index of the place, or -1.</summary>
    public int PlaceEntity { get; set; } = -1;
    public PlaceInfo? Place { get; set; }
    public bool NearPlace { get; set; }
    public int Actor1 { get; set; } = -1;
    public int Actor2 { get; set; } = -1;
    public MentionFlags Flags { get; set; }
    public int Fatalities { get; set; } = -1;
    /// <summary>True while the toll is only the codebook's guess for an unnumbered plural.</summary>
    public bool TollGuessed { get; set; }
    public int Injuries { get; set; } = -1;
    public float Confidence { get; set; }
    /// <summary>Why a field was inferred rather than read (for the record's tags).</summary>
    public List<string> Tags { get; } = new();
    /// <summary>True when the event has its own date or place in the text (not only inherited).</summary>
    public bool Anchored { get; set; }
}
