using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Records;

namespace EventExtractor.Running;

/// <summary>
/// One pass over the inputs, streamed with bounded memory: a reader hands articles through a bounded queue to
/// <see cref="ExtractionRunOptions.Threads"/> workers (one article per extraction call), a reorder buffer puts the
/// results back in input order, and the records go through the <see cref="WindowMerger"/> to the sink, which is
/// committed at the end. At most a fixed number of articles are between the reader and the sink at any time, so
/// memory does not grow with the inputs, and the output is the same whatever the thread count.
/// </summary>
/// <remarks>
/// Input problems, and articles whose extraction throws, are reported through the callback in input order and the
/// run goes on; only a failure of the output itself (or of the reader) stops it. Every
/// <see cref="ExtractionRunOptions.CheckpointEvery"/> inputs (or <see cref="ExtractionRunOptions.CheckpointInterval"/>),
/// and when cancelled, the checkpoint callback is given the <see cref="RunState"/>: the output up to there is final,
/// and a run started from that state skips what was done and ends with what an uninterrupted run writes.
/// The reader, the workers and the caller's thread (which writes) are threads of their own that block while they wait:
/// no thread-pool hop per article and no spinning that would take a core from the extraction.
/// </remarks>
internal sealed class ExtractionRun
{
    private readonly Func<Article, IReadOnlyList<AcledRecord>> _extract;
    private readonly IRecordSink _sink;
    private readonly Action<InputProblem> _onProblem;
    private readonly ExtractionRunOptions _options;

    /// <param name="extract">Extraction of one article (the engine's <see cref="ExtractorEngine.Extract"/>); called
    /// from several threads at once when <see cref="ExtractionRunOptions.Threads"/> is above 1.</param>
    /// <param name="sink">Where the records go; committed by <see cref="Run"/>, disposed by the caller. Given
    /// positions when it is an <see cref="IPositionedRecordSink"/>.</param>
    /// <param name="onProblem">Told of every problem, in input order, on the caller's thread.</param>
    /// <param name="options">Threads, merge window, shard, checkpoints; defaults when null.</param>
    public ExtractionRun(Func<Article, IReadOnlyList<AcledRecord>> extract, IRecordSink sink,
        Action<InputProblem> onProblem, ExtractionRunOptions? options = null)
    {
        _extract = extract;
        _sink = sink;
        _onProblem = onProblem;
        _options = options ?? new ExtractionRunOptions();
    }

    private sealed class Item
    {
        public long Seq;
        public ReadOutcome Outcome;
        public long Position;
        public bool Take;
        public IReadOnlyList<AcledRecord>? Records;
        public string? Failure;
    }

    /// <summary>Reads, extracts and writes everything, then commits the sink.</summary>
    /// <param name="outcomes">The inputs, read lazily (from the start even when resuming: the inputs already done are skipped unread by the extractor).</param>
    /// <param name="resumeFrom">The checkpoint of an interrupted run over the same inputs into the same output, or null.</param>
    /// <param name="checkpoint">Told of the state at batch boundaries; the sink holds exactly the records of that state.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled (after a last checkpoint).</exception>
    /// <exception cref="InvalidDataException">The inputs are not those of the interrupted run.</exception>
    public RunSummary Run(IEnumerable<ReadOutcome> outcomes, RunState? resumeFrom = null, Action<RunState>? checkpoint = null)
    {
        var clock = Stopwatch.StartNew();
        var state = resumeFrom?.Clone() ?? new RunState();
        state.Window = [];
        var positioned = _sink as IPositionedRecordSink;
        // A shard's ids are made unique by the merge of the shards, in the single run's order.
        var ids = _options.Shard is null ? new EventIdSet() : null;
        if (ids is not null && resumeFrom is not null)
            foreach (var id in resumeFrom.WrittenIds) ids.Add(id);
        var merger = new WindowMerger(_options.Shard is null ? _options.MergeWindow : 0, p =>
        {
            ids?.Claim(p.Record);
            if (positioned is not null) positioned.Write(p.Position, p.Record);
            else _sink.Write(p.Record);
            state.RecordsWritten++;
        });
        if (resumeFrom is not null) merger.Restore(resumeFrom.Window);

        int threads = Math.Max(1, _options.Threads);
        // Bounds everything between reader and sink: queued, being extracted, and waiting in the reorder buffer.
        int inFlight = Math.Max(16, threads * 8);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_options.Cancellation);
        using var slots = new SemaphoreSlim(inFlight);
        // Not disposed: a reader blocked on standard input may outlive the run (see below).
        var todo = new BlockingCollection<Item>(new ConcurrentQueue<Item>(), threads * 2);
        var done = new BlockingCollection<Item>(new ConcurrentQueue<Item>());
        ExceptionDispatchInfo? failure = null;
        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            cts.Cancel();
        }

        var token = cts.Token;
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                Produce(outcomes, resumeFrom, todo, slots, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                todo.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workers = new Task[threads];
        int working = threads;
        for (int i = 0; i < threads; i++)
            workers[i] = Task.Factory.StartNew(() =>
            {
                try
                {
                    foreach (var item in todo.GetConsumingEnumerable(token))
                    {
                        Extract(item);
                        done.Add(item);
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    Fail(e);
                }
                finally
                {
                    if (Interlocked.Decrement(ref working) == 0) done.CompleteAdding();
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long next = resumeFrom?.Inputs ?? 0;
        long lastCheckpointInputs = next;
        var lastCheckpoint = Stopwatch.StartNew();
        var lastProgress = Stopwatch.StartNew();
        long startArticles = state.ArticlesRead;
        var buffer = new Dictionary<long, Item>();
        // The articles the workers have finished that come next in input order: each is consumed once.
        IEnumerable<Item> ReadyInOrder()
        {
            while (done.TryTake(out var item)) buffer[item.Seq] = item;
            while (buffer.Remove(next, out var item))
            {
                Consume(item, state, merger);
                next++;
                slots.Release();
                yield return item;
            }
        }
        try
        {
            while (true)
            {
                foreach (var _ in ReadyInOrder())
                {
                    if (checkpoint is not null && (next - lastCheckpointInputs >= _options.CheckpointEvery
                                                   || lastCheckpoint.Elapsed >= _options.CheckpointInterval))
                    {
                        state.Window = merger.Pending.ToList();
                        checkpoint(state);
                        lastCheckpointInputs = next;
                        lastCheckpoint.Restart();
                    }
                    if (_options.Progress is { } progress && lastProgress.ElapsedMilliseconds >= 100)
                    {
                        progress(Progress(state, clock.Elapsed, startArticles));
                        lastProgress.Restart();
                    }
                }
                // Blocks until a worker hands an article over; false once every worker is done and all is taken.
                if (!done.TryTake(out var arrived, Timeout.Infinite, token)) break;
                buffer[arrived.Seq] = arrived;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Either a stage failed (rethrown below) or the user stopped the run: keep what is done.
        }
        catch (Exception e)
        {
            Fail(e);
        }

        if (failure is null && _options.Cancellation.IsCancellationRequested)
        {
            Task.WaitAll(workers);
            // What the workers finished before they saw the cancellation is done work: kept, whichever thread got to
            // it first (the writer may have been woken by the cancellation before it took the last article).
            foreach (var _ in ReadyInOrder()) { }
            if (checkpoint is not null && next > lastCheckpointInputs)
            {
                state.Window = merger.Pending.ToList();
                checkpoint(state);
            }
            throw new OperationCanceledException(_options.Cancellation);
        }
        if (failure is null)
        {
            // The reader may still be finishing its last step after the workers are done.
            reader.GetAwaiter().GetResult();
        }
        else
        {
            // Workers answer the cancellation at once; a reader blocked on standard input may not, and is left behind.
            Task.WaitAll(workers);
            failure.Throw();
        }
        if (buffer.Count > 0) throw new InvalidOperationException("reorder buffer not drained");

        merger.Finish();
        state.Window = [];
        _options.Progress?.Invoke(Progress(state, clock.Elapsed, startArticles));
        _sink.Commit();
        return new RunSummary(state.ArticlesRead, state.ArticlesWithEvents, state.RecordsWritten, state.Problems, clock.Elapsed);
    }

    private static RunProgress Progress(RunState state, TimeSpan elapsed, long startArticles) =>
        new(state.ArticlesRead, state.RecordsWritten, state.Problems, elapsed, state.ArticlesRead - startArticles);

    /// <summary>Numbers the outcomes and their articles in input order; skips (and checks) those a resumed run has done.</summary>
    private void Produce(IEnumerable<ReadOutcome> outcomes, RunState? resumeFrom, BlockingCollection<Item> todo,
        SemaphoreSlim slots, CancellationToken token)
    {
        long seq = 0, position = 0;
        long skip = resumeFrom?.Inputs ?? 0;
        string? lastId = null;
        var shard = _options.Shard;
        foreach (var outcome in outcomes)
        {
            token.ThrowIfCancellationRequested();
            if (seq < skip)
            {
                if (outcome.Article is { } skipped)
                {
                    position++;
                    lastId = skipped.Id;
                }
                seq++;
                if (seq == skip) CheckSkipped(resumeFrom!, position, lastId);
                continue;
            }
            slots.Wait(token);
            var item = new Item { Seq = seq++, Outcome = outcome };
            if (outcome.Article is { } article)
            {
                item.Position = position++;
                item.Take = shard is not { } s || s.Takes(article.Id);
            }
            else
            {
                item.Take = shard is not { } s || s.Takes(outcome.Problem?.Input ?? "");
            }
            todo.Add(item, token);
        }
        if (seq < skip) throw new InvalidDataException(Messages.ResumeInputsChanged);
    }

    private static void CheckSkipped(RunState resumeFrom, long articles, string? lastId)
    {
        if (articles != resumeFrom.Articles || !string.Equals(lastId, resumeFrom.LastArticleId, StringComparison.Ordinal))
            throw new InvalidDataException(Messages.ResumeInputsChanged);
    }

    private void Extract(Item item)
    {
        if (!item.Take || item.Outcome.Article is not { } article) return;
        try
        {
            item.Records = _extract(article);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One article the extractor cannot handle must not cost the user the rest of the run.
            item.Failure = e.Message;
        }
    }

    private void Consume(Item item, RunState state, WindowMerger merger)
    {
        state.Inputs = item.Seq + 1;
        if (item.Outcome.Problem is { } problem && item.Take)
        {
            state.Problems++;
            _onProblem(problem);
        }
        if (item.Outcome.Article is not { } article) return;
        state.Articles = item.Position + 1;
        state.LastArticleId = article.Id;
        if (!item.Take) return;
        state.ArticlesRead++;
        if (item.Failure is { } why)
        {
            state.Problems++;
            _onProblem(new InputProblem(article.Origin, 0, Messages.ExtractionFailed(why)));
            return;
        }
        var records = item.Records!;
        (_sink as IArticleLedger)?.ArticleProcessed(article.Id, string.IsNullOrEmpty(article.Source) ? article.Id : article.Source);
        if (records.Count == 0) return;
        state.ArticlesWithEvents++;
        merger.Add(item.Position, records);
    }
}
