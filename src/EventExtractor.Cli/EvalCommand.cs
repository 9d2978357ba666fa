using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Evaluation;
using EventExtractor.Output;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor eval --gold GOLD --pred PRED [--split S] [--splits FILE] [--km 25] [--json OUT]</c>.</summary>
internal static class EvalCommand
{
    private const string Description =
        "Compare predicted event records with gold records and print the figures.\n" +
        "\n" +
        "GOLD and PRED may each be:\n" +
        "  a folder      <article_id>.jsonl files, one record per line; an empty file is an article with no event\n" +
        "                (or a corpus folder with such a gold/ folder: corpus/, a review's gold folder)\n" +
        "  .jsonl/.json  records with our keys (event_date, sub_event_type, location, latitude, ..., article_id)\n" +
        "  .csv          an ACLED export (31 columns), optionally with an article_id column\n" +
        "A file whose records have no article_id is one article; then all records of both sides are compared as\n" +
        "one article. A record whose article_id names several articles (\"a-01; a-02\") counts in each.\n" +
        "\n" +
        "A predicted record matches a gold one (one to one, best first) when the sub-event type is the same, the\n" +
        "places are within --km (or, without coordinates, have the same name) and the dates at most a day apart.\n" +
        "Pairs where only the type or only the place differs count as \"found\" for the per-field figures.\n" +
        "Only gold articles are evaluated; predicted articles not among them are ignored (counted on standard error).\n" +
        "\n" +
        "Exit codes: 0 the report was printed; 1 usage error.";

    private static readonly string[] SplitNames = ["train", "dev", "test"];

    /// <summary>Builds the command; its action writes through <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "Gold records: folder, .jsonl, .json or .csv.", HelpName = "GOLD", Required = true };
        var pred = new Option<string>("--pred") { Description = "Predicted records: folder, .jsonl, .json or .csv.", HelpName = "PRED", Required = true };
        var split = new Option<string?>("--split") { Description = "Evaluate only the gold articles of this split (train, dev or test).", HelpName = "SPLIT" };
        var splits = new Option<string?>("--splits")
        {
            Description = "Splits file: 'id<TAB>split' lines (default: splits.tsv beside a gold folder).",
            HelpName = "FILE",
        };
        var km = new Option<string>("--km")
        {
            Description = "Places this many kilometres apart or closer agree.",
            HelpName = "KM",
            DefaultValueFactory = _ => "25",
        };
        var json = new Option<string?>("--json") { Description = "Also write all figures to this JSON file.", HelpName = "OUT.json" };

        var command = new Command("eval", Description) { gold, pred, split, splits, km, json };
        command.SetAction(parse => Execute(context, new EvalOptions(
            parse.GetValue(gold)!, parse.GetValue(pred)!, parse.GetValue(split), parse.GetValue(splits),
            parse.GetValue(km) ?? "25", parse.GetValue(json))));
        return command;
    }

    /// <summary>The parsed options of one <c>eval</c> run.</summary>
    public sealed record EvalOptions(string Gold, string Pred, string? Split, string? Splits, string Km, string? Json);

    /// <summary>Runs <c>eval</c>: usage problems propagate as <see cref="UsageException"/>.</summary>
    public static int Execute(CliContext context, EvalOptions options)
    {
        var km = ParseKm(options.Km);
        string? split = null;
        if (options.Split is not null)
        {
            split = options.Split.Trim().ToLowerInvariant();
            if (!SplitNames.Contains(split)) throw new UsageException(Messages.EvalBadSplit(options.Split));
        }
        else if (options.Splits is not null)
        {
            throw new UsageException(Messages.EvalSplitsWithoutSplit);
        }

        string? splitsFile = null;
        IReadOnlyDictionary<string, string>? splitMap = null;
        if (split is not null)
        {
            splitsFile = options.Splits ?? DefaultSplitsFile(options.Gold) ?? throw new UsageException(Messages.EvalNoSplitsFile);
            if (!File.Exists(splitsFile)) throw new UsageException(Messages.EvalSourceNotFound(splitsFile));
            splitMap = RecordSetReader.ReadSplits(splitsFile, context.Error);
        }

        var reader = new RecordSetReader(context.Error);
        var goldSet = reader.Read(options.Gold);
        var predSet = reader.Read(options.Pred);
        var report = EvaluationReport.Evaluate(goldSet, predSet,
            new EvaluationOptions { Km = km, Split = split, Splits = splitMap, SplitsFile = splitsFile }, context.Error);

        if (options.Json is not null) WriteJson(options.Json, report.ToJson());
        context.Stdout.Write(report.ToText());
        context.Stdout.Flush();
        return ExitCodes.Success;
    }

    /// <summary>splits.tsv in the folder that holds a gold folder (corpus/gold → corpus/splits.tsv), if there is one.</summary>
    public static string? DefaultSplitsFile(string gold)
    {
        if (!Directory.Exists(gold)) return null;
        var records = Path.GetFullPath(RecordSetReader.GoldFolderOf(gold));
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(records));
        if (parent is null) return null;
        var candidate = Path.Combine(parent, "splits.tsv");
        return File.Exists(candidate) ? candidate : null;
    }

    private static double ParseKm(string value)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km > 0 && double.IsFinite(km))
            return km;
        throw new UsageException(Messages.EvalBadKm(value));
    }

    private static void WriteJson(string path, string text)
    {
        try
        {
            using var file = new AtomicFileWriter(path);
            file.Writer.Write(text);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(path, e.Message));
        }
    }
}
