using System.Runtime.CompilerServices;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Records;
using EventExtractor.Running;

namespace EventExtractor;

/// <summary>
/// Turns news articles into ACLED-style conflict-event records. Load one with <see cref="Load"/> (about a second:
/// the gazetteer and lexicons are read once) and share it: every method is thread-safe.
/// </summary>
/// <example>
/// <code>
/// var extractor = Extractor.Load();
/// foreach (var r in extractor.Extract(text, headline: "Gunmen kill five", published: new DateOnly(2024, 3, 2)))
///     Console.WriteLine($"{r.EventDate} {r.SubEventType} {r.Location}: {r.Fatalities}");
/// </code>
/// </example>
public sealed class Extractor
{
    private readonly ExtractorEngine _engine;

    private Extractor(ExtractorEngine engine, ExtractorOptions options)
    {
        _engine = engine;
        Options = options;
    }

    /// <summary>The options the extractor was loaded with.</summary>
    public ExtractorOptions Options { get; }

    /// <summary>The models folder in use, as a full path.</summary>
    public string ModelsDirectory => _engine.Models.Directory;

    /// <summary>Loads the models (see <see cref="ExtractorOptions.ModelsDirectory"/> for where they are looked for).</summary>
    /// <param name="options">Where the models are and how to run; null for the defaults.</param>
    /// <exception cref="ModelException">The models folder is not found, or a model file is missing or damaged; the message names it.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or the country hint names no known country.</exception>
    public static Extractor Load(ExtractorOptions? options = null)
    {
        options ??= new ExtractorOptions();
        Validate(options);
        if (options.ClassifierPath is { } classifier && !File.Exists(classifier))
            throw new ModelException(Diagnostics.Messages.ModelFileMissing(classifier));
        return Create(ModelSet.Load(ModelDirectory.Locate(options.ModelsDirectory), options.ClassifierPath), options);
    }

    /// <summary>An extractor on models already loaded (shared with an engine of the command line or the tests).</summary>
    internal static Extractor On(ModelSet models, ExtractorOptions? options = null)
    {
        options ??= new ExtractorOptions();
        Validate(options);
        return Create(models, options);
    }

    /// <summary>The same loaded models with other run options (threads, merge window, country hint); for tests and the command line.</summary>
    internal Extractor With(ExtractorOptions options)
    {
        Validate(options);
        return Create(_engine.Models, options);
    }

    internal ExtractorEngine Engine => _engine;

    private static void Validate(ExtractorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MergeWindow, nameof(options.MergeWindow));
    }

    private static Extractor Create(ModelSet models, ExtractorOptions options)
    {
        PlaceOptions? places = null;
        if (options.CountryHint is { } wanted)
            places = new PlaceOptions
            {
                CountryIso2 = models.CountryIso2(wanted)
                    ?? throw new ArgumentException(Diagnostics.Messages.CountryHintUnknown(wanted), nameof(options.CountryHint)),
            };
        return new Extractor(new ExtractorEngine(models, places), options);
    }

    /// <summary>
    /// The events one article reports, in text order. <paramref name="text"/> is the article's body; without a
    /// <paramref name="headline"/> its first line is taken as the headline, as for a <c>.txt</c> file.
    /// </summary>
    /// <param name="text">The article's text.</param>
    /// <param name="headline">The headline, if it is not the first line of <paramref name="text"/>.</param>
    /// <param name="published">
    /// The publication date; relative dates ("on Monday") are resolved against it. Null: a dateline in the text, if
    /// any, else relative dates stay unresolved (the record's <c>Tags</c> say so).
    /// </param>
    /// <param name="id">The article's id, which the event ids derive from; null: one derived from the text.</param>
    public IReadOnlyList<AcledRecord> Extract(string text, string? headline = null, DateOnly? published = null, string? id = null) =>
        Extract(Article.FromText(text, headline, published, id));

    /// <summary>The events one article reports, in text order.</summary>
    public IReadOnlyList<AcledRecord> Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _engine.Extract(article);
    }

    /// <summary>
    /// The records of many articles, streamed: articles are extracted in parallel (<see cref="ExtractorOptions.Threads"/>),
    /// records come out in input order (an article's records in text order), and reports of one event by articles
    /// close together are merged (<see cref="ExtractorOptions.MergeWindow"/>), exactly as the command line does.
    /// Articles are read as they are needed: memory does not grow with their number.
    /// </summary>
    /// <param name="articles">The articles, read lazily.</param>
    /// <param name="cancellationToken">Stops the extraction; enumeration then throws <see cref="OperationCanceledException"/>.</param>
    public IEnumerable<AcledRecord> ExtractMany(IEnumerable<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return Iterate(articles, cancellationToken);
    }

    private IEnumerable<AcledRecord> Iterate(IEnumerable<Article> articles, CancellationToken cancellationToken)
    {
        using var pipeline = new OrderedExtraction(this, cancellationToken);
        foreach (var article in articles)
        {
            pipeline.Start(article);
            while (pipeline.Full) foreach (var r in pipeline.TakeOldest().GetAwaiter().GetResult()) yield return r;
        }
        while (!pipeline.Empty) foreach (var r in pipeline.TakeOldest().GetAwaiter().GetResult()) yield return r;
        foreach (var r in pipeline.Finish()) yield return r;
    }

    /// <summary>
    /// <see cref="ExtractMany(IEnumerable{Article}, CancellationToken)"/> over an asynchronous stream of articles
    /// (a queue, a database cursor, a web API): the same parallelism, order and merging.
    /// </summary>
    /// <param name="articles">The articles, read as they arrive.</param>
    /// <param name="cancellationToken">Stops the extraction; enumeration then throws <see cref="OperationCanceledException"/>.</param>
    public IAsyncEnumerable<AcledRecord> ExtractMany(IAsyncEnumerable<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return IterateAsync(articles, cancellationToken);
    }

    private async IAsyncEnumerable<AcledRecord> IterateAsync(IAsyncEnumerable<Article> articles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var pipeline = new OrderedExtraction(this, cancellationToken);
        await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pipeline.Start(article);
            while (pipeline.Full) foreach (var r in await pipeline.TakeOldest().ConfigureAwait(false)) yield return r;
        }
        while (!pipeline.Empty) foreach (var r in await pipeline.TakeOldest().ConfigureAwait(false)) yield return r;
        foreach (var r in pipeline.Finish()) yield return r;
    }

    /// <summary>
    /// A reader for files, folders and JSON Lines (<c>.txt</c>, <c>.json</c>, <c>.jsonl</c>, <c>.html</c>): the
    /// command line's reader, with this extractor's noise cues, so page furniture above a headline is passed over.
    /// </summary>
    /// <param name="defaultPublished">Publication date for articles whose metadata and datelines give none.</param>
    public ArticleReader CreateReader(DateOnly? defaultPublished = null) => new(_engine.Models.ReaderOptions(defaultPublished));

    /// <summary>
    /// Articles in flight: at most a few per thread are being extracted at once, and their records are handed to the
    /// merge window in input order as the oldest completes.
    /// </summary>
    private sealed class OrderedExtraction : IDisposable
    {
        private readonly Extractor _owner;
        private readonly Queue<Task<IReadOnlyList<AcledRecord>>> _inFlight = new();
        private readonly CancellationTokenSource _stop;
        private readonly TaskScheduler _scheduler;
        private readonly int _limit;
        private readonly WindowMerger _merger;
        private readonly List<AcledRecord> _ready = new();
        private long _position;

        public OrderedExtraction(Extractor owner, CancellationToken cancellationToken)
        {
            _owner = owner;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            int threads = owner.Options.Threads;
            _scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
            // Enough queued work to keep every thread busy while the oldest article holds the output back.
            _limit = threads * 4;
            _merger = new WindowMerger(owner.Options.MergeWindow, p => _ready.Add(p.Record));
        }

        public bool Full => _inFlight.Count >= _limit;

        public bool Empty => _inFlight.Count == 0;

        /// <summary>Starts extracting an article on one of the threads.</summary>
        public void Start(Article article)
        {
            ArgumentNullException.ThrowIfNull(article);
            _stop.Token.ThrowIfCancellationRequested();
            var token = _stop.Token;
            _inFlight.Enqueue(Task.Factory.StartNew(() =>
            {
                token.ThrowIfCancellationRequested();
                return _owner._engine.Extract(article);
            }, token, TaskCreationOptions.None, _scheduler));
        }

        /// <summary>Waits for the oldest article and returns the records that leave the merge window with it.</summary>
        public async Task<IReadOnlyList<AcledRecord>> TakeOldest()
        {
            var records = await _inFlight.Dequeue().ConfigureAwait(false);
            _merger.Add(_position++, records);
            return Drain();
        }

        /// <summary>The records still in the merge window, after the last article.</summary>
        public IReadOnlyList<AcledRecord> Finish()
        {
            _merger.Finish();
            return Drain();
        }

        private List<AcledRecord> Drain()
        {
            var list = new List<AcledRecord>(_ready);
            _ready.Clear();
            return list;
        }

        public void Dispose()
        {
            // A caller that stops enumerating early leaves nothing running on its behalf.
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
