using System.CommandLine;
using EventExtractor.Diagnostics;
using EventExtractor.Export;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Output;
using EventExtractor.Text;

namespace EventExtractor.Cli;

/// <summary>
/// <c>eventextractor export INPUT... --format conll|spans -o OUTPUT [--models DIR] [--published DATE] [-q]</c>:
/// the extractor's annotations as training data for entity and event models.
/// </summary>
internal static class ExportCommand
{
    private const string Description =
        "Write the extractor's annotations as training data for NER / event models.\n" +
        "\n" +
        "Inputs: as for extract (files, folders, or - for JSON Lines on standard input).\n" +
        "Labels: ACTOR, LOC (places, sites, countries named as places), WEAPON, DATE, TRIGGER (the word an event\n" +
        "mention was read from). Captions, bylines, promotions and boilerplate are left out. Overlapping entities:\n" +
        "the longest wins.\n" +
        "\n" +
        "Formats (--format):\n" +
        "  conll   one 'token<TAB>tag' line per token (BIO tags: O, B-LABEL, I-LABEL), a blank line after each\n" +
        "          sentence; each article starts with '-DOCSTART- ID' and a blank line\n" +
        "  spans   JSON Lines, one article per line: {\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"label\"}]};\n" +
        "          text is the headline and body paragraphs joined by blank lines; offsets count code points\n" +
        "\n" +
        "The output file appears only when the run completes. Exit codes: 0 all inputs processed; 2 some inputs\n" +
        "rejected (see standard error and OUTPUT.errors.jsonl); 1 usage error.";

    /// <summary>Builds the command; its action writes through <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, folders, or - for JSON Lines on standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "conll or spans.",
            HelpName = "FORMAT",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output file, or - for standard output.",
            HelpName = "OUTPUT",
            Required = true,
        };
        var models = new Option<string?>("--models") { Description = "Models folder.", HelpName = "DIR" };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for articles whose date is not in their metadata or dateline.",
            HelpName = "DATE",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line at the end." };

        var command = new Command("export", Description) { inputs, format, output, models, published, quiet };
        command.SetAction(parse => Execute(context, new ExportOptions(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(format) ?? "",
            parse.GetValue(output) ?? TrainingWriters.StandardOutput,
            parse.GetValue(models),
            parse.GetValue(published),
            parse.GetValue(quiet))));
        return command;
    }

    /// <summary>The parsed options of one <c>export</c> run.</summary>
    public sealed record ExportOptions(IReadOnlyList<string> Inputs, string Format, string Output, string? Models, string? Published, bool Quiet);

    /// <summary>
    /// Runs <c>export</c>. <paramref name="analyser"/> replaces the engine's document analysis (tests pass an
    /// engine already loaded); by default the models folder is loaded. Usage and model errors propagate as
    /// <see cref="UsageException"/> / <see cref="ModelException"/>.
    /// </summary>
    public static int Execute(CliContext context, ExportOptions options, Func<Article, Document>? analyser = null)
    {
        if (options.Inputs.Count == 0) throw new UsageException(Messages.NoInputs);
        var unknown = options.Inputs.FirstOrDefault(i => i.Length > 1 && i[0] == '-');
        if (unknown is not null) throw new UsageException(Messages.UnknownOption(unknown));
        var format = TrainingWriters.ParseFormat(options.Format);
        var published = ExtractCommand.ParsePublished(options.Published);
        var modelsDir = ModelDirectory.Locate(options.Models);

        // One model set for the analysis and the reader; a test's analyser brings none, then the folder's cues serve.
        var engine = analyser is null ? ExtractorEngine.Load(modelsDir) : null;
        analyser ??= engine!.Analyse;
        var errors = new ErrorReport(options.Output, context.Stderr);
        var cues = engine?.Models.NoiseCues ?? (File.Exists(Path.Combine(modelsDir, NoiseCues.FileName)) ? NoiseCues.FromModels(modelsDir) : null);
        var reader = new ArticleReader(new ArticleReaderOptions { DefaultPublished = published, HeadlineCues = cues });

        ExportSummary summary;
        try
        {
            using var writer = TrainingWriters.Open(format, options.Output, context.Stdout);
            summary = new ExportRun(analyser, writer, errors.Report).Run(reader.ReadAll(options.Inputs, context.Stdin));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(options.Output, e.Message));
        }
        errors.Commit();
        if (!options.Quiet) context.Stderr.WriteLine(summary.ToString());
        return summary.Clean ? ExitCodes.Success : ExitCodes.SomeInputsRejected;
    }
}
