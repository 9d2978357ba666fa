using EventExtractor.Records;
using EventExtractor.Running;

namespace EventExtractor.Extraction;

/// <summary>
/// Merges the records of a whole run in memory: the same event (same sub-event type, place, day and actor1)
/// reported by several articles becomes one record whose <c>source</c> and <c>article_id</c> list all of them. It is
/// <see cref="WindowMerger"/> with a window as wide as the run (the command line uses a bounded window so that
/// memory stays flat); output order follows the first report of each event.
/// </summary>
internal sealed class RunMerger
{
    private readonly List<AcledRecord> _records = new();
    private readonly WindowMerger _window;
    private long _position;

    public RunMerger() => _window = new WindowMerger(int.MaxValue, p => _records.Add(p.Record));

    /// <summary>Adds one article's records.</summary>
    public void Add(IEnumerable<AcledRecord> records) => _window.Add(_position++, records.ToList());

    /// <summary>The merged records, in first-seen order.</summary>
    public IReadOnlyList<AcledRecord> Finish()
    {
        _window.Finish();
        return _records;
    }
}
