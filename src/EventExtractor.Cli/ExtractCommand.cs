using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Running;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor extract INPUT... [-o OUTPUT] [--models DIR] [--published DATE] [--quiet]</c>.</summary>
public static class ExtractCommand
{
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
        "A file output appears only when the run completes. Inputs that cannot be used are reported on standard\n" +
        "error and in OUTPUT.errors.jsonl; the other inputs are still processed.\n" +
        "\n" +
        "Exit codes: 0 all inputs processed; 2 some inputs rejected; 1 usage error or nothing could be done.";

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
            Description = "Output file (.csv, .jsonl, .json) or - for JSON Lines on standard output.",
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
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "No summary line at the end (problems are still reported).",
        };

        var command = new Command("extract", Description) { inputs, output, models, published, quiet };
        command.SetAction(parse => Execute(context, new ExtractOptions(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(output) ?? RecordSinks.StandardOutput,
            parse.GetValue(models),
            parse.GetValue(published),
            parse.GetValue(quiet))));
        return command;
    }

    /// <summary>
    /// What <c>extract</c> needs beyond its options: the engine's loading and the article reading. Replaceable so
    /// the command can be tested end to end without real models.
    /// </summary>
    /// <param name="LoadEngine">Loads the models folder and returns the extraction of one article.</param>
    /// <param name="Read">Reads the inputs (standard input for "-").</param>
    /// <param name="NewMerger">The run's cross-article merger; null results write records unmerged.</param>
    public sealed record ExtractServices(
        Func<string, Func<Article, IReadOnlyList<AcledRecord>>> LoadEngine,
        Func<ArticleReaderOptions, IReadOnlyList<string>, TextReader, IEnumerable<ReadOutcome>> Read,
        Func<RunMerger?> NewMerger)
    {
        /// <summary>The real engine, reader and merger.</summary>
        public static ExtractServices Default { get; } = new(
            dir => ExtractorEngine.Load(dir).Extract,
            (options, inputs, stdin) => new ArticleReader(options).ReadAll(inputs, stdin),
            () => new RunMerger());
    }

    /// <summary>The parsed options of one <c>extract</c> run.</summary>
    public sealed record ExtractOptions(IReadOnlyList<string> Inputs, string Output, string? Models, string? Published, bool Quiet);

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
        RecordSinks.FormatOf(options.Output);
        var modelsDir = ModelDirectory.Locate(options.Models);

        var extract = services.LoadEngine(modelsDir);
        var errors = new ErrorReport(options.Output, context.Stderr);
        // The noise cues also let the reader pass over "Skip to main content" above a text file's headline.
        var cues = File.Exists(Path.Combine(modelsDir, NoiseCues.FileName)) ? NoiseCues.FromModels(modelsDir) : null;
        var readerOptions = new ArticleReaderOptions { DefaultPublished = published, HeadlineCues = cues };

        RunSummary summary;
        using (var sink = RecordSinks.Open(options.Output, context.Stdout))
        {
            var run = new ExtractionRun(extract, services.NewMerger(), sink, errors.Report);
            try
            {
                summary = run.Run(services.Read(readerOptions, options.Inputs, context.Stdin));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Input failures are the reader's to report; what escapes here is the output failing.
                throw new UsageException(Messages.OutputNotWritable(options.Output, e.Message));
            }
        }
        errors.Commit();

        if (!options.Quiet)
        {
            context.Stderr.WriteLine(summary.ToString());
        }
        return summary.Clean ? ExitCodes.Success : ExitCodes.SomeInputsRejected;
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
