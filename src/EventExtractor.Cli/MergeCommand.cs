using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Running;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor merge SHARD... [-o OUTPUT] [--merge-window N] [--quiet]</c>.</summary>
internal static class MergeCommand
{
    private const string Description =
        "Merge the outputs of 'extract --shard K/N' runs back into the output of a single run.\n" +
        "\n" +
        "SHARD: the JSON Lines written by each shard (files, or - for standard input), in any order. The records are\n" +
        "put back in input order by their article_seq and the same event reported by several articles is merged as\n" +
        "a single run merges it (--merge-window must be that of the single run to reproduce; default 500). The\n" +
        "result is byte for byte the output of 'extract' over the same inputs without --shard.\n" +
        "Output (-o) as for extract: .csv, .jsonl, .json, or - for JSON Lines on standard output (the default).\n" +
        "\n" +
        "Exit codes: 0 merged; 1 usage error or an input that is not a shard output.";

    /// <summary>Builds the command; its action writes through <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("SHARD") { Description = "Shard outputs (.jsonl), or - for standard input.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output file (.csv, .jsonl, .json) or - for JSON Lines on standard output.",
            HelpName = "OUTPUT",
            DefaultValueFactory = _ => RecordSinks.StandardOutput,
        };
        var window = new Option<string?>("--merge-window") { Description = "The single run's merge window (default 500; 0: no merging).", HelpName = "N" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line at the end." };
        var command = new Command("merge", Description) { inputs, output, window, quiet };
        command.SetAction(parse => Execute(context, parse.GetValue(inputs) ?? [], parse.GetValue(output) ?? RecordSinks.StandardOutput,
            parse.GetValue(window), parse.GetValue(quiet)));
        return command;
    }

    /// <summary>Runs <c>merge</c>; usage problems propagate as <see cref="UsageException"/>.</summary>
    public static int Execute(CliContext context, IReadOnlyList<string> inputs, string output, string? window, bool quiet)
    {
        if (inputs.Count == 0) throw new UsageException(Messages.NoInputs);
        var unknown = inputs.FirstOrDefault(i => i.Length > 1 && i[0] == '-');
        if (unknown is not null) throw new UsageException(Messages.UnknownOption(unknown));
        int w = WindowMerger.DefaultWindow;
        if (window is not null && (!int.TryParse(window.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out w) || w < 0))
            throw new UsageException(Messages.BadMergeWindow(window));
        RecordSinks.FormatOf(output);
        OutputPlacement.Check(inputs, output);
        foreach (var input in inputs)
            if (input != "-" && !File.Exists(input)) throw new UsageException(Messages.EvalSourceNotFound(input));

        var clock = Stopwatch.StartNew();
        var readers = new List<(string, TextReader)>();
        try
        {
            foreach (var input in inputs)
                readers.Add(input == "-" ? ("<stdin>", context.Stdin) : (input, new StreamReader(input)));
            int written;
            using (var sink = RecordSinks.Open(output, context.Stdout))
            {
                written = ShardMerge.Merge(readers, sink, w);
            }
            if (!quiet)
            {
                context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{written} {(written == 1 ? "event" : "events")} from {inputs.Count} {(inputs.Count == 1 ? "shard" : "shards")}, {clock.Elapsed.TotalSeconds:0.0} s"));
                context.Stderr.Flush();
            }
            return ExitCodes.Success;
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(output, e.Message));
        }
        finally
        {
            foreach (var (name, reader) in readers)
                if (name != "<stdin>") reader.Dispose();
        }
    }
}
