using System.Data.Common;
using EventExtractor.Diagnostics;
using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>One row of the <c>articles</c> table as a batch writes it.</summary>
/// <param name="ArticleId">The article id.</param>
/// <param name="Source">The source the article's records name.</param>
/// <param name="RecordCount">The events written for the article by this run so far (0 for an article processed
/// without finding any).</param>
internal sealed record ArticleRow(string ArticleId, string Source, int RecordCount)
{
    /// <summary>The source came from the article itself (the run told of it), not from a record.</summary>
    internal bool FromLedger { get; init; }
}

/// <summary>
/// What the database sinks share: records are gathered into batches of <see cref="BatchSize"/> and each batch is
/// written in one transaction (at the latest on <see cref="Commit"/>). Atomicity is per batch, not per run: a run
/// that fails part way leaves the batches already committed (each one whole) and loses only the batch in hand.
/// That is safe because every write is an upsert by <c>event_id_cnty</c>: running the same input again stores each
/// event once and replaces its evidence and article list; an id stored for another article's event is never replaced
/// (the record takes the next free id). A sink disposed without <see cref="Commit"/> discards the batch in hand.
/// Not thread-safe: call it from one thread.
/// </summary>
internal abstract class SqlRecordSink : IRecordSink, IArticleLedger
{
    /// <summary>Records per transaction.</summary>
    public const int DefaultBatchSize = 500;

    private readonly List<AcledRecord> _batch = new();
    private readonly EventIdSet _seenEvents = new();
    private readonly Dictionary<string, ArticleRow> _articles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _batchArticles = new(StringComparer.Ordinal);
    private bool _committed;
    private bool _disposed;

    /// <param name="target">How the database is named in messages (never with a password).</param>
    /// <param name="batchSize">Records per transaction.</param>
    protected SqlRecordSink(string target, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
        Target = target;
        BatchSize = batchSize;
    }

    /// <summary>How the database is named in messages: a path, or a URL without its password.</summary>
    public string Target { get; }

    /// <summary>Records per transaction.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A record whose id another record of this run already has takes the next free id (<see cref="EventIds.Next"/>):
    /// two records never replace each other within a run.
    /// </remarks>
    /// <exception cref="UsageException">A full batch could not be written.</exception>
    public void Write(AcledRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed) throw new InvalidOperationException("the sink is already committed");
        _seenEvents.Claim(record);
        _batch.Add(record);
        var ids = record.ArticleIds;
        foreach (var articleId in ids.Distinct(StringComparer.Ordinal))
        {
            var count = _articles.TryGetValue(articleId, out var row) ? row.RecordCount : 0;
            // A merged record's source names every article's outlet; a single-article record names its own.
            var source = row is null || row.Source.Length == 0 || ids.Count == 1 && record.Source.Length > 0 && !row.FromLedger
                ? record.Source
                : row.Source;
            _articles[articleId] = new ArticleRow(articleId, source, count + 1) { FromLedger = row?.FromLedger ?? false };
            _batchArticles.Add(articleId);
        }
        if (_batch.Count >= BatchSize) Flush();
    }

    /// <inheritdoc />
    public void ArticleProcessed(string articleId, string source)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_articles.TryGetValue(articleId, out var row))
        {
            _articles[articleId] = row with { Source = source, FromLedger = true };
        }
        else
        {
            _articles[articleId] = new ArticleRow(articleId, source, 0) { FromLedger = true };
        }
        _batchArticles.Add(articleId);
        if (_batchArticles.Count >= BatchSize) Flush();
    }

    /// <inheritdoc />
    /// <exception cref="UsageException">The last batch could not be written.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed) return;
        Flush();
        _committed = true;
    }

    private void Flush()
    {
        if (_batch.Count == 0 && _batchArticles.Count == 0) return;
        var articles = _batchArticles.Select(id => _articles[id]).ToList();
        Guard(() =>
        {
            ResolveStoredCollisions(_batch);
            WriteBatch(_batch, articles);
        });
        _batch.Clear();
        _batchArticles.Clear();
    }

    /// <summary>
    /// An id the database already holds for another event (one first reported by another article, in an earlier
    /// run) is not overwritten: the new record takes the next id free both in the database and in this run. The
    /// outcome depends only on what is stored and on the run's order, so a rerun finds the same ids.
    /// </summary>
    private void ResolveStoredCollisions(List<AcledRecord> records)
    {
        var check = records;
        while (check.Count > 0)
        {
            var owners = StoredOwners(check.Select(r => r.EventIdCnty).ToList());
            var moved = new List<AcledRecord>();
            foreach (var r in check)
            {
                if (!owners.TryGetValue(AsStored(r.EventIdCnty), out var owner) || DatabaseSchema.SameEvent(owner, r, AsStored)) continue;
                _seenEvents.Claim(r); // the id is taken: Claim moves on to the next free one
                moved.Add(r);
            }
            check = moved;
        }
    }

    /// <summary>A text as the database stores it (the same, unless the database cannot hold some character).</summary>
    protected virtual string AsStored(string text) => text;

    /// <summary>For the ids among <paramref name="eventIds"/> that the database holds, who first reported each (see <see cref="DatabaseSchema.SelectOwners"/>).</summary>
    protected abstract IReadOnlyDictionary<string, string> StoredOwners(IReadOnlyList<string> eventIds);

    /// <summary>
    /// Writes one batch in one transaction: upserts the events, replaces their evidence, upserts the articles.
    /// Either all of it is stored or none.
    /// </summary>
    /// <param name="records">The events, one per event id.</param>
    /// <param name="articles">The articles those events came from, with their counts for the run so far.</param>
    protected abstract void WriteBatch(IReadOnlyList<AcledRecord> records, IReadOnlyList<ArticleRow> articles);

    /// <summary>Runs a database action, turning a database error into a one-line <see cref="UsageException"/>.</summary>
    protected void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (DbException e)
        {
            throw Problem(e);
        }
    }

    /// <summary>The user's message for a database error: what failed, in one line, never with a password.</summary>
    protected abstract UsageException Problem(DbException error);

    /// <summary>
    /// Checks that tables which are already there have every column we write, so a foreign table named
    /// "events" fails at once with a clear message rather than with a puzzling SQL error. Run it before creating
    /// the missing tables (evidence refers to the events key).
    /// </summary>
    /// <param name="columnsOf">The columns a table has (empty when it does not exist).</param>
    protected void CheckTables(Func<string, IReadOnlySet<string>> columnsOf)
    {
        foreach (var (table, expected) in DatabaseSchema.ExpectedTables())
        {
            var have = columnsOf(table);
            if (have.Count == 0) continue;
            var missing = expected.FirstOrDefault(c => !have.Contains(c));
            if (missing is not null) throw new UsageException(Messages.DatabaseSchemaMismatch(Target, table, missing));
        }
    }

    /// <summary>An error text as one line.</summary>
    protected static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Closes the connection.</summary>
    protected abstract void Close();

    /// <summary>Closes the connection; a batch not yet written is discarded.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Close();
        GC.SuppressFinalize(this);
    }
}
