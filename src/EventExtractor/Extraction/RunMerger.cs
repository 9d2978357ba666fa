using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>
/// Merges the records of one run: the same event (same sub-event type, place, day and actor1) reported by
/// several articles becomes one record whose <c>source</c> and <c>article_id</c> list all of them, with the
/// lowest fatality figure (the codebook's rule for conflicting reports). Output order follows the first
/// report of each event.
/// </summary>
public sealed class RunMerger
{
    private readonly List<AcledRecord> _records = new();
    private readonly Dictionary<string, AcledRecord> _byKey = new(StringComparer.Ordinal);

    /// <summary>Adds one article's records.</summary>
    public void Add(IEnumerable<AcledRecord> records)
    {
        foreach (var r in records)
        {
            // Undated or unplaced records cannot be told apart from other events: never merged.
            if (r.EventDate.Length == 0 || r.Location.Length == 0)
            {
                _records.Add(r);
                continue;
            }
            var key = string.Join("\u001f", r.SubEventType, r.EventDate, r.Location, r.Actor1);
            if (!_byKey.TryGetValue(key, out var first))
            {
                _byKey[key] = r;
                _records.Add(r);
                continue;
            }
            if (first.ArticleId.Split("; ").Contains(r.ArticleId)) continue;
            first.ArticleId += "; " + r.ArticleId;
            if (!first.Source.Split("; ").Contains(r.Source)) first.Source += "; " + r.Source;
            first.Fatalities = Math.Min(first.Fatalities, r.Fatalities);
            if (first.Actor2.Length == 0 && r.Actor2.Length > 0)
            {
                first.Actor2 = r.Actor2;
                first.Inter2 = r.Inter2;
                first.Interaction = r.Interaction;
                first.CivilianTargeting = r.CivilianTargeting;
            }
            foreach (var w in r.Weapons)
                if (!first.Weapons.Contains(w)) first.Weapons.Add(w);
            first.Injuries = Math.Max(first.Injuries, r.Injuries);
            first.Confidence = Math.Max(first.Confidence, r.Confidence);
        }
    }

    /// <summary>The merged records, in first-seen order.</summary>
    public IReadOnlyList<AcledRecord> Finish() => _records;
}
