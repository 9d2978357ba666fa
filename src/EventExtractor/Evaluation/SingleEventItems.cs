namespace EventExtractor.Evaluation;

/// <summary>
/// Items that report at most one event (coder notes, snippets, headlines, non-events), scored as a classifier
/// would be: the item's sub-event type (or "no event") against the type of the first record predicted for it.
/// This is how snippet sets are measured: support-weighted F1 over the types and "no event", how many event items
/// got a record at all, and how many non-events were left empty.
/// </summary>
internal sealed class SingleEventItems
{
    private const string NoEvent = "(none)";
    private readonly Dictionary<(string Gold, string Pred), int> _pairs = new();

    public int Count { get; private set; }

    /// <summary>Event items that produced at least one record.</summary>
    public Ratio EventItemsWithRecord => new(_pairs.Where(p => p.Key.Gold != NoEvent && p.Key.Pred != NoEvent).Sum(p => p.Value),
                                             _pairs.Where(p => p.Key.Gold != NoEvent).Sum(p => p.Value));

    /// <summary>Non-event items that produced no record.</summary>
    public Ratio NonEventsRejected => new(_pairs.GetValueOrDefault((NoEvent, NoEvent)), _pairs.Where(p => p.Key.Gold == NoEvent).Sum(p => p.Value));

    /// <summary>Items whose first record has the gold type (non-events: no record).</summary>
    public Ratio TypeAccuracy => new(_pairs.Where(p => p.Key.Gold == p.Key.Pred).Sum(p => p.Value), Count);

    /// <summary>F1 of each label (the types and "no event") weighted by its gold support; null when empty.</summary>
    public double? WeightedF1
    {
        get
        {
            if (Count == 0) return null;
            double sum = 0;
            foreach (var label in _pairs.Keys.Select(k => k.Gold).Distinct())
            {
                int tp = _pairs.GetValueOrDefault((label, label));
                int gold = _pairs.Where(p => p.Key.Gold == label).Sum(p => p.Value);
                int pred = _pairs.Where(p => p.Key.Pred == label).Sum(p => p.Value);
                sum += gold * (2.0 * tp / (gold + pred));
            }
            return sum / Count;
        }
    }

    /// <summary>Adds one item: its gold records (at most one) and the records predicted for it, in text order.</summary>
    public void Add(IReadOnlyList<EvalRecord> gold, IReadOnlyList<EvalRecord> predicted)
    {
        if (gold.Count > 1) return;
        var key = (Label(gold), Label(predicted));
        _pairs[key] = _pairs.GetValueOrDefault(key) + 1;
        Count++;
    }

    private static string Label(IReadOnlyList<EvalRecord> records) =>
        records.Count == 0 || records[0].SubEventType.Length == 0 ? NoEvent : records[0].SubEventType;
}
