using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Running;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Cli;

/// <summary>
/// <c>eventextractor extract INPUT... [-o OUTPUT] [--models DIR] [--published DATE] [--threads N] [--merge-window N]
/// [--shard K/N] [--resume] [--max-article-bytes N] [--quiet]</c>.
/// </summary>
internal static class ExtractCommand
{
    /// <summary>Exit code of a run stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedExitCode = 130;

    private const string Description =
        "Extract ACLED-style event records from news articles.\n" +
        "\n" +
        "Inputs: files, folders (read recursively, in name order), or - for JSON Lines on standard input.\n" +
        "  .txt          one article; the first line is the headline\n" +
        "  .html, .htm   a web page; the article text is taken from it\n" +
        "  .json         an article object {\"text\", \"title\", \"published\", \"source\", \"url\", \"id\"} or an array of them\n" +
        "  .jsonl        one article object per line\n" +
        "\n" +
        "Output (-o), chosen by extension:\n" +
        "  .csv          ACLED's 31 columns, with a header row\n" +
        "  .jsonl        one JSON object per record: the 31 ACLED columns, then article_id, weapons, injuries,\n" +
        "                confidence and evidence (where in the article each value was read)\n" +
        "  .json         the same objects in one JSON array\n" +
        "  -             JSON Lines on standard output (the default)\n" +
        "  .db, .sqlite  a SQLite database; postgres://user:password@host:port/database a PostgreSQL one: tables\n" +
        "                events, articles, evidence and event_articles, upserted by event id (a rerun refreshes them)\n" +
        "A file output appears only when the run completes: .jsonl and .csv are written to OUTPUT.partial with a\n" +
        "checkpoint in OUTPUT.progress, then renamed. Inputs that cannot be used are reported on standard error and\n" +
        "in OUTPUT.errors.jsonl; the other inputs are still processed. An input larger than --max-article-bytes\n" +
        "(default 8M) is reported and skipped. A file output may not be an input or lie inside an input folder.\n" +
        "\n" +
        "Large runs: articles stream from the inputs to the output with bounded memory, --threads at a time, and\n" +
        "the output is in input order whatever the number of threads. The same event reported by several articles\n" +
        "is merged into one record when the articles are fewer than --merge-window articles apart in the inputs\n" +
        "(default 500; 0 turns merging off); a record is written once no later article can merge into it.\n" +
        "--resume continues an interrupted .jsonl or .csv run (killed, crashed, Ctrl+C) into the same output: what\n" +
        "was written is kept and those articles are skipped; the result is what an uninterrupted run writes.\n" +
        "--shard K/N takes only the articles whose id falls in shard K of N (1-based; FNV-1a hash of the id, mod N)\n" +
        "and writes them unmerged as JSON Lines with an article_seq key; 'eventextractor merge' puts the N shard\n" +
        "outputs back together into exactly the output of a single run.\n" +
        "Progress goes to standard error when it is a terminal; a summary line ends every run (--quiet: neither).\n" +
        "\n" +
        "Exit codes: 0 all inputs processed; 2 some inputs rejected; 1 usage error or nothing could be done;\n" +
        "130 interrupted (continue with --resume).";

    /// <summary>Builds the command; its action writes through <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, folders, or - for JSON Lines on standard input.",
            Arity = ArgumentArity.ZeroOrMore, // checked by us, for a clearer message than the parser's
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output file (.csv, .jsonl, .json), database (.db, .sqlite, postgres://...) or - for JSON Lines on standard output.",
            HelpName = "OUTPUT",
            DefaultValueFactory = _ => RecordSinks.StandardOutput,
        };
        var models = new Option<string?>("--models")
        {
            Description = "Models folder (default: models/ beside the program, else in the current folder or a parent).",
            HelpName = "DIR",
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for articles whose date is not in their metadata or dateline.",
            HelpName = "DATE",
        };
        var threads = new Option<string?>("--threads")
        {
            Description = "Articles extracted in parallel (default: the number of cores).",
            HelpName = "N",
        };
        var window = new Option<string?>("--merge-window")
        {
            Description = "Merge the same event reported by articles fewer than N articles apart (default 500; 0: no merging).",
            HelpName = "N",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Extract only shard K of N (1-based, by article id), unmerged with positions, for 'eventextractor merge'.",
            HelpName = "K/N",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted run into the same .jsonl or .csv output (from OUTPUT.progress).",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "No progress and no summary line (problems are still reported).",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Event classifier model (from 'eventextractor train'); default: event-classifier.zip in the models folder.",
            HelpName = "MODEL",
        };
        var requireLocation = new Option<bool>("--require-location")
        {
            Description = "ACLED's strict rule: do not record an event that cannot be placed even in a country (default: record it, tagged).",
        };
        var country = new Option<string?>("--country")
        {
            Description = "The country an archive comes from (ISO code or name): ambiguous place names resolve there first.",
            HelpName = "ISO",
        };
        var maxArticleBytes = new Option<string?>("--max-article-bytes")
        {
            Description = "Largest input read as one article (a .txt/.html/.json file, a JSON Lines line); larger ones are reported and skipped (default 8M).",
            HelpName = "BYTES",
        };
        // Not for users: lets tests checkpoint often on small inputs.
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Hidden = true };

        var command = new Command("extract", Description) { inputs, output, models, model, published, threads, window, shard, resume, quiet, maxArticleBytes, requireLocation, country, checkpointEvery };
        command.SetAction(parse => Execute(context, new ExtractOptions(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(output) ?? RecordSinks.StandardOutput,
            parse.GetValue(models),
            parse.GetValue(published),
            parse.GetValue(quiet),
            parse.GetValue(threads),
            parse.GetValue(window),
            parse.GetValue(shard),
            parse.GetValue(resume),
            parse.GetValue(model),
            parse.GetValue(maxArticleBytes),
            parse.GetValue(requireLocation),
            parse.GetValue(country)),
            parse.GetValue(checkpointEvery) is int every and > 0 ? ExtractServices.Default with { CheckpointEvery = every } : null));
        return command;
    }

    /// <summary>
    /// What <c>extract</c> needs beyond its options: the engine's loading and the article reading. Replaceable so
    /// the command can be tested end to end without real models.
    /// </summary>
    /// <param name="LoadEngine">Loads the models folder and returns the extraction of one article (called from several threads).</param>
    /// <param name="Read">Reads the inputs (standard input for "-").</param>
    public sealed record ExtractServices(
        Func<string, Func<Article, IReadOnlyList<AcledRecord>>> LoadEngine,
        Func<ArticleReaderOptions, IReadOnlyList<string>, TextReader, IEnumerable<ReadOutcome>> Read)
    {
        /// <summary>The real engine and reader.</summary>
        public static ExtractServices Default { get; } = new(
            dir => ExtractorEngine.Load(dir).Extract,
            (options, inputs, stdin) => new ArticleReader(options).ReadAll(inputs, stdin));

        /// <summary>Loads the engine with another event classifier model (<c>--model</c>, may be null) or place options.</summary>
        public Func<string, string?, PlaceOptions, Func<Article, IReadOnlyList<AcledRecord>>> LoadEngineWith { get; init; } =
            (dir, model, places) => ExtractorEngine.Load(dir, model, places).Extract;

        /// <summary>Stops the run (as Ctrl+C does); none by default.</summary>
        public CancellationToken Cancellation { get; init; }

        /// <summary>Inputs per checkpoint (tests make it small).</summary>
        public int CheckpointEvery { get; init; } = 5000;
    }

    /// <summary>The parsed options of one <c>extract</c> run.</summary>
    public sealed record ExtractOptions(IReadOnlyList<string> Inputs, string Output, string? Models, string? Published, bool Quiet,
        string? Threads = null, string? MergeWindow = null, string? Shard = null, bool Resume = false, string? Model = null,
        string? MaxArticleBytes = null, bool RequireLocation = false, string? Country = null);

    /// <summary>
    /// Runs <c>extract</c>. Everything the user can get wrong is checked before the models are loaded, so a typo
    /// fails at once. Usage and model errors propagate as <see cref="UsageException"/> / <see cref="ModelException"/>.
    /// </summary>
    public static int Execute(CliContext context, ExtractOptions options, ExtractServices? services = null)
    {
        services ??= ExtractServices.Default;
        if (options.Inputs.Count == 0) throw new UsageException(Messages.NoInputs);
        // The parser hands unknown options to INPUT, which takes any token; a typo must not become a missing file.
        var unknown = options.Inputs.FirstOrDefault(i => i.Length > 1 && i[0] == '-');
        if (unknown is not null) throw new UsageException(Messages.UnknownOption(unknown));
        var published = ParsePublished(options.Published);
        var format = RecordSinks.FormatOf(options.Output);
        OutputPlacement.Check(options.Inputs, options.Output);
        long maxArticleBytes = ParseBytes(options.MaxArticleBytes);
        int threads = ParseCount(options.Threads, 1, Environment.ProcessorCount, Messages.BadThreads);
        int window = ParseCount(options.MergeWindow, 0, WindowMerger.DefaultWindow, Messages.BadMergeWindow);
        Shard? shard = null;
        if (options.Shard is not null)
        {
            if (!Running.Shard.TryParse(options.Shard, out var s)) throw new UsageException(Messages.BadShard(options.Shard));
            if (format != OutputFormat.JsonLines) throw new UsageException(Messages.ShardNeedsJsonLines);
            shard = s;
        }
        bool toStdout = RecordSinks.IsStandardOutput(options.Output);
        bool resumable = !toStdout && format is OutputFormat.JsonLines or OutputFormat.Csv;
        if (options.Resume && !resumable) throw new UsageException(Messages.ResumeNeedsFile);
        var modelsDir = ModelDirectory.Locate(options.Models);

        if (options.Model is not null && !File.Exists(options.Model)) throw new ModelException(Messages.ModelFileMissing(options.Model));
        var places = new PlaceOptions { RequireLocation = options.RequireLocation, CountryIso2 = options.Country };
        var extract = options.Model is null && places == new PlaceOptions() ? services.LoadEngine(modelsDir) : services.LoadEngineWith(modelsDir, options.Model, places);
        // The engine's noise cues (one model set) also let the reader pass over "Skip to main content" above a text
        // file's headline; a test's stand-in engine brings none.
        var cues = (extract.Target as ExtractorEngine)?.Models.NoiseCues;
        var digests = resumable ? new InputDigests() : null;
        var readerOptions = new ArticleReaderOptions
        {
            DefaultPublished = published,
            HeadlineCues = cues,
            MaxArticleBytes = maxArticleBytes,
            FileOpened = digests is null ? null : digests.Opened,
        };

        bool live = !options.Quiet && ReferenceEquals(context.Stderr, Console.Error) && !Console.IsErrorRedirected;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(services.Cancellation);
        ConsoleCancelEventHandler? onCtrlC = null;
        if (ReferenceEquals(context.Stderr, Console.Error))
        {
            // First Ctrl+C stops at the next article and saves a checkpoint; a second one kills as usual.
            onCtrlC = (_, e) =>
            {
                if (cancel.IsCancellationRequested) return;
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCtrlC;
        }
        // SIGTERM (kill, a scheduler stopping the job) is handled as Ctrl+C: a checkpoint, a message, exit 130.
        using var onTerm = ReferenceEquals(context.Stderr, Console.Error) && !OperatingSystem.IsWindows()
            ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                cancel.Cancel();
            })
            : null;
        try
        {
            using var progress = live ? new ProgressDisplay(options.Inputs, cancel.Token) : null;
            Action<string> say = progress is null ? line => { context.Stderr.WriteLine(line); context.Stderr.Flush(); } : progress.WriteLine;
            var runOptions = new ExtractionRunOptions
            {
                Threads = threads,
                MergeWindow = window,
                Shard = shard,
                Cancellation = cancel.Token,
                CheckpointEvery = services.CheckpointEvery,
                Progress = progress is null ? null : progress.Update,
            };
            RunSummary summary;
            try
            {
                summary = progress is null
                    ? RunOnce(context, options, services, readerOptions, extract, runOptions, format, resumable, modelsDir, say, digests)
                    : progress.Show(() => RunOnce(context, options, services, readerOptions, extract, runOptions, format, resumable, modelsDir, say, digests));
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                context.Error(resumable ? Messages.Interrupted(options.Output) : Messages.InterruptedNotResumable);
                return InterruptedExitCode;
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Input failures are the reader's to report; what escapes here is the output failing.
                throw new UsageException(Messages.OutputNotWritable(options.Output, e.Message));
            }
            if (!options.Quiet)
            {
                context.Stderr.WriteLine(summary.ToString());
                context.Stderr.Flush();
            }
            return summary.Clean ? ExitCodes.Success : ExitCodes.SomeInputsRejected;
        }
        finally
        {
            if (onCtrlC is not null) Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static RunSummary RunOnce(CliContext context, ExtractOptions options, ExtractServices services,
        ArticleReaderOptions readerOptions, Func<Article, IReadOnlyList<AcledRecord>> extract, ExtractionRunOptions runOptions,
        OutputFormat format, bool resumable, string modelsDir, Action<string> say, InputDigests? digests)
    {
        var outcomes = services.Read(readerOptions, options.Inputs, context.Stdin);
        if (resumable)
        {
            var settings = Settings(options, format, runOptions, modelsDir);
            var kind = runOptions.Shard is not null ? ResumableFormat.ShardLines
                : format == OutputFormat.Csv ? ResumableFormat.Csv : ResumableFormat.JsonLines;
            ResumableOutput file;
            try
            {
                file = ResumableOutput.Open(options.Output, kind, settings, options.Resume, digests);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException(Messages.OutputNotWritable(options.Output, e.Message));
            }
            using (file)
            {
                var run = new ExtractionRun(extract, file.Sink, p =>
                {
                    file.ReportProblem(p);
                    say(p.ToString());
                }, runOptions);
                var summary = run.Run(outcomes, file.ResumeFrom, file.Save);
                file.Commit();
                return summary;
            }
        }

        var errors = new ErrorReport(options.Output, TextWriter.Null);
        IRecordSink sink = runOptions.Shard is not null && RecordSinks.IsStandardOutput(options.Output)
            ? new ShardLinesSink(context.Stdout)
            : RecordSinks.Open(options.Output, context.Stdout);
        RunSummary result;
        using (sink)
        {
            var run = new ExtractionRun(extract, sink, p =>
            {
                errors.Report(p);
                say(p.ToString());
            }, runOptions);
            // Standard output readers (pipes, streaming jobs) get each batch as soon as it is complete.
            result = run.Run(outcomes, null, sink is TextRecordSink text ? _ => text.Flush() : null);
        }
        errors.Commit();
        return result;
    }

    /// <summary>What a resumed run must share with the run it continues.</summary>
    private static JObject Settings(ExtractOptions options, OutputFormat format, ExtractionRunOptions run, string modelsDir) => new()
    {
        ["format"] = format.ToString(),
        ["inputs"] = new JArray(options.Inputs.Select(i => i == ArticleReader.StandardInputArgument ? i : Path.GetFullPath(i))),
        ["models"] = Path.GetFullPath(modelsDir),
        ["published"] = options.Published,
        ["model"] = options.Model is null ? null : Path.GetFullPath(options.Model),
        ["require_location"] = options.RequireLocation,
        ["country"] = options.Country,
        ["merge_window"] = run.MergeWindow,
        ["shard"] = run.Shard?.ToString(),
    };

    /// <summary>Parses <c>--max-article-bytes</c>: bytes, or a number with K, M or G (binary units).</summary>
    private static long ParseBytes(string? value)
    {
        if (value is null) return ArticleReaderOptions.DefaultMaxArticleBytes;
        var text = value.Trim();
        long unit = 1;
        char suffix = text.Length > 0 ? char.ToUpperInvariant(text[^1]) : ' ';
        if (suffix is 'K' or 'M' or 'G')
        {
            unit = suffix switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            text = text[..^1];
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= long.MaxValue / unit)
            return n * unit;
        throw new UsageException(Messages.BadMaxArticleBytes(value));
    }

    private static int ParseCount(string? value, int min, int fallback, Func<string, string> message)
    {
        if (value is null) return fallback;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        throw new UsageException(message(value));
    }

    /// <summary>Parses <c>--published</c>: null when absent, else an ISO date (YYYY-MM-DD).</summary>
    /// <exception cref="UsageException">Not such a date.</exception>
    public static DateOnly? ParsePublished(string? value)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new UsageException(Messages.BadDateOption(value));
    }
}
