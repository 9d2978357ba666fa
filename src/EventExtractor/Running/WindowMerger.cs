using EventExtractor.Records;

namespace EventExtractor.Running;

/// <summary>A record waiting in the merge window, with the input position of the article that first reported it.</summary>
/// <param name="Position">0-based index of the article among all articles of the run's inputs, in input order.</param>
/// <param name="Record">The record; it absorbs later reports of the same event while it is in the window.</param>
internal sealed record PendingRecord(long Position, AcledRecord Record);

/// <summary>
/// The cross-article merge of a run, over a sliding window of articles so memory does not grow with the run: the
/// same event (same sub-event type, place, day and actor1) reported by articles fewer than <see cref="Window"/>
/// positions apart becomes one record whose <c>source</c> and <c>article_id</c> list all of them, with the lowest
/// fatality figure (the codebook's rule for conflicting reports), the highest injuries and confidence, the union
/// of weapons, and an actor2 taken from a later report when the first had none. A record leaves the window, and is
/// handed to the output, once no later article can merge into it; records leave in first-report order. The result
/// depends only on the articles and their positions, never on timing, so it is the same whatever the thread count,
/// and the same when shard outputs are merged back with their positions.
/// </summary>
/// <remarks>
/// The rule is that of a whole-run merge restricted to the window: record r of article j merges into the record
/// first reported by article i, i &lt; j, when their keys are equal and j - i &lt; <see cref="Window"/>. A second
/// record with the same key from an article already listed is dropped. Undated or unplaced records are never merged.
/// A window of 0 turns merging off: records pass through as extracted.
/// </remarks>
internal sealed class WindowMerger
{
    /// <summary>The default window: 500 articles (memory stays under 300 MB over a gigabyte of input).</summary>
    public const int DefaultWindow = 500;

    private readonly Queue<PendingRecord> _queue = new();
    private readonly Dictionary<string, PendingRecord> _byKey = new(StringComparer.Ordinal);
    private readonly Action<PendingRecord> _emit;
    private long _last = -1;

    /// <param name="window">How many consecutive articles may merge their reports; 0 for no merging.</param>
    /// <param name="emit">Receives each record when it leaves the window, in output order.</param>
    public WindowMerger(int window, Action<PendingRecord> emit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        Window = window;
        _emit = emit;
    }

    /// <summary>How many consecutive articles may merge their reports (0: no merging).</summary>
    public int Window { get; }

    /// <summary>The records still in the window, in output order (what a checkpoint must keep).</summary>
    public IReadOnlyCollection<PendingRecord> Pending => _queue;

    /// <summary>Puts back the window of an interrupted run (from its checkpoint), before any <see cref="Add"/>.</summary>
    public void Restore(IEnumerable<PendingRecord> pending)
    {
        if (_queue.Count > 0 || _last >= 0) throw new InvalidOperationException("restore before adding");
        foreach (var p in pending)
        {
            _queue.Enqueue(p);
            if (KeyOf(p.Record) is { } key) _byKey[key] = p;
            _last = Math.Max(_last, p.Position);
        }
    }

    /// <summary>Adds the records of the article at <paramref name="position"/>; positions must increase.</summary>
    public void Add(long position, IReadOnlyList<AcledRecord> records)
    {
        if (position <= _last) throw new ArgumentException($"position {position} is not after {_last}", nameof(position));
        _last = position;
        if (Window == 0)
        {
            foreach (var r in records) _emit(new PendingRecord(position, r));
            return;
        }
        Evict(position - Window);
        foreach (var r in records)
        {
            var key = KeyOf(r);
            if (key is null)
            {
                _queue.Enqueue(new PendingRecord(position, r));
                continue;
            }
            if (!_byKey.TryGetValue(key, out var first))
            {
                var pending = new PendingRecord(position, r);
                _byKey[key] = pending;
                _queue.Enqueue(pending);
                continue;
            }
            Merge(first.Record, r);
        }
    }

    /// <summary>Hands out every record still in the window (the end of the run).</summary>
    public void Finish() => Evict(long.MaxValue);

    /// <summary>Emits the records first reported at or before <paramref name="position"/>: nothing later can merge into them.</summary>
    private void Evict(long position)
    {
        while (_queue.Count > 0 && _queue.Peek().Position <= position)
        {
            var p = _queue.Dequeue();
            if (KeyOf(p.Record) is { } key && _byKey.TryGetValue(key, out var held) && ReferenceEquals(held, p))
                _byKey.Remove(key);
            _emit(p);
        }
    }

    // Undated or unplaced records cannot be told apart from other events: never merged.
    private static string? KeyOf(AcledRecord r) =>
        r.EventDate.Length == 0 || r.Location.Length == 0
            ? null
            : string.Join("\u001f", r.SubEventType, r.EventDate, r.Location, r.Actor1);

    private static void Merge(AcledRecord first, AcledRecord r)
    {
        if (r.ArticleIds.Any(first.ArticleIds.Contains)) return;
        first.ArticleIds.AddRange(r.ArticleIds);
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
