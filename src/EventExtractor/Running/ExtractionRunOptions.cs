namespace EventExtractor.Running;

/// <summary>How an <see cref="ExtractionRun"/> runs.</summary>
internal sealed class ExtractionRunOptions
{
    /// <summary>Articles extracted at once (one per thread; an article is never split). Default: one per core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The cross-article merge window in articles (see <see cref="WindowMerger"/>); 0 writes records as extracted.</summary>
    public int MergeWindow { get; init; } = WindowMerger.DefaultWindow;

    /// <summary>Only this shard's articles are extracted; records are then written unmerged, with their positions.</summary>
    public Shard? Shard { get; init; }

    /// <summary>A checkpoint is taken after at most this many inputs read ...</summary>
    public int CheckpointEvery { get; init; } = 5000;

    /// <summary>... or after this much time, whichever comes first.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Told of the run's progress now and then (at most a few times a second).</summary>
    public Action<RunProgress>? Progress { get; init; }

    /// <summary>Stops the run at the next article; a checkpoint of what was done is saved first.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>Where a run stands.</summary>
/// <param name="Articles">Articles read so far (including those done before a resume).</param>
/// <param name="Records">Records written so far.</param>
/// <param name="Problems">Problems reported so far.</param>
/// <param name="Elapsed">Time since this run (or resume) started.</param>
/// <param name="ArticlesThisSession">Articles read since this run (or resume) started, for the rate.</param>
internal readonly record struct RunProgress(long Articles, long Records, long Problems, TimeSpan Elapsed, long ArticlesThisSession);
