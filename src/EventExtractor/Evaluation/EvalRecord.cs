namespace EventExtractor.Evaluation;

/// <summary>
/// One ACLED-style record as the evaluation sees it: only the fields it compares, already parsed leniently.
/// Text fields are trimmed and "" when absent; numbers are null when absent or unreadable.
/// </summary>
internal sealed class EvalRecord
{
    /// <summary>The article the record belongs to.</summary>
    public string ArticleId { get; set; } = "";
    /// <summary>The event date, or null when missing or unreadable.</summary>
    public DateOnly? EventDate { get; set; }
    public int? TimePrecision { get; set; }
    public string EventType { get; set; } = "";
    /// <summary>The sub-event type, in the codebook's spelling when it is one of the 25 known types.</summary>
    public string SubEventType { get; set; } = "";
    public string Actor1 { get; set; } = "";
    public string Actor2 { get; set; } = "";
    public string Inter1 { get; set; } = "";
    public string Inter2 { get; set; } = "";
    public string Interaction { get; set; } = "";
    public string CivilianTargeting { get; set; } = "";
    public string Location { get; set; } = "";
    public string Admin1 { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? GeoPrecision { get; set; }
    public int? Fatalities { get; set; }
    /// <summary>The weapons list, or null when the source has none (a CSV export, or a record without the key).</summary>
    public List<string>? Weapons { get; set; }
    /// <summary>The record's confidence (0-1: the probability of its sub-event type), or null when the source has none.</summary>
    public double? Confidence { get; set; }
    /// <summary>Where the record was read ("file line N"), for messages.</summary>
    public string Origin { get; set; } = "";

    /// <summary>A copy that shares nothing mutable with this record.</summary>
    public EvalRecord Copy()
    {
        var copy = (EvalRecord)MemberwiseClone();
        if (Weapons is not null) copy.Weapons = new List<string>(Weapons);
        return copy;
    }

    /// <summary>Whether both coordinates are known.</summary>
    public bool HasCoordinates => Latitude.HasValue && Longitude.HasValue;
}
