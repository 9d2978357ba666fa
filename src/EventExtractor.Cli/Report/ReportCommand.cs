using System.CommandLine;
using EventExtractor.Diagnostics;
using EventExtractor.Models;
using EventExtractor.Output;

namespace EventExtractor.Cli.Report;

/// <summary><c>eventextractor report EVENTS... -o report.html [--format html|text] [--title T] [--models DIR]</c>.</summary>
internal static class ReportCommand
{
    private const string Description =
        "Summarise event records: one self-contained HTML file (totals; counts by sub-event type, country, month and\n" +
        "actor; fatalities by month; a map with a point per event sized by fatalities; a sortable, filterable table),\n" +
        "or the same totals as text on the terminal (--format text).\n" +
        "\n" +
        "EVENTS may be JSON Lines (.jsonl), a JSON array (.json), ACLED CSV (.csv), SQLite (.db, .sqlite) as extract\n" +
        "writes them, or folders of such files (corpus/gold). The HTML file loads nothing from the network: its map\n" +
        "is drawn from Natural Earth outlines in models/, its style and script are inside it.\n" +
        "\n" +
        "Exit codes: 0 the report was written; 1 usage error.";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("EVENTS") { Description = "Record files or folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "HTML file to write.", HelpName = "FILE.html" };
        var format = new Option<string>("--format") { Description = "html (the default) or text.", HelpName = "FORMAT", DefaultValueFactory = _ => "html" };
        var title = new Option<string>("--title") { Description = "The report's title.", HelpName = "TITLE", DefaultValueFactory = _ => "Conflict events" };
        var models = new Option<string?>("--models") { Description = "Models folder (for the world map).", HelpName = "DIR" };
        var command = new Command("report", Description) { inputs, output, format, title, models };
        command.SetAction(parse => Execute(context, parse.GetValue(inputs) ?? [], parse.GetValue(output), parse.GetValue(format) ?? "html",
            parse.GetValue(title) ?? "Conflict events", parse.GetValue(models)));
        return command;
    }

    /// <summary>Runs <c>report</c>; usage problems propagate as <see cref="UsageException"/>.</summary>
    public static int Execute(CliContext context, IReadOnlyList<string> inputs, string? output, string format, string title, string? modelsOption)
    {
        var kind = format.Trim().ToLowerInvariant();
        if (kind is not ("html" or "text")) throw new UsageException(Messages.ReportUnknownFormat(format));
        if (kind == "html" && (output is null || output == "-")) throw new UsageException(Messages.ReportNeedsOutput);
        var events = ReportEvents.Read(inputs, context.Error);
        if (events.Count == 0) context.Error(Messages.ReportNoRecords);
        var summary = ReportSummary.Of(events);
        if (kind == "text")
        {
            context.Stdout.Write(summary.ToText());
            context.Stdout.Flush();
            return ExitCodes.Success;
        }

        WorldMap? map = null;
        try
        {
            map = WorldMap.Load(ModelDirectory.Locate(modelsOption));
        }
        catch (ModelException e)
        {
            context.Error(e.Message);
        }
        var html = ReportHtml.Render(summary, map, title);
        try
        {
            using var file = new AtomicFileWriter(output!);
            file.Writer.Write(html);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(output!, e.Message));
        }
        context.Stdout.WriteLine($"wrote {output}: {summary.Events.Count} events, {summary.Fatalities} fatalities, {summary.ByCountry.Count} countries");
        context.Stdout.Flush();
        return ExitCodes.Success;
    }
}
