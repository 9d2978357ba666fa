namespace EventExtractor.Running;

/// <summary>
/// Where a run stands after the inputs it has consumed: what a checkpoint saves and a resumed run starts from. The
/// output holds exactly the records that left the merge window so far; <see cref="Window"/> holds the rest.
/// </summary>
internal sealed class RunState
{
    /// <summary>Read outcomes consumed, in input order (articles and input problems, of every shard).</summary>
    public long Inputs { get; set; }

    /// <summary>Articles consumed, of every shard: the position the next article will have.</summary>
    public long Articles { get; set; }

    /// <summary>Id of the last article consumed, to check on resume that the inputs are still the same.</summary>
    public string? LastArticleId { get; set; }

    /// <summary>Articles read (of this shard).</summary>
    public int ArticlesRead { get; set; }

    /// <summary>Articles that gave at least one record.</summary>
    public int ArticlesWithEvents { get; set; }

    /// <summary>Records written to the output.</summary>
    public int RecordsWritten { get; set; }

    /// <summary>Problems reported.</summary>
    public int Problems { get; set; }

    /// <summary>Records still in the merge window, in output order.</summary>
    public IReadOnlyList<PendingRecord> Window { get; set; } = [];

    /// <summary>The event ids already in the output (read back from it on resume; not saved in the checkpoint).</summary>
    public IReadOnlyCollection<string> WrittenIds { get; set; } = [];

    /// <summary>A copy whose counters can move on without changing this one.</summary>
    public RunState Clone() => (RunState)MemberwiseClone();
}
