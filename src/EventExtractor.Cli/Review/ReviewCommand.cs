using System.CommandLine;
using System.Globalization;
using System.Net;
using EventExtractor.Diagnostics;
using EventExtractor.Models;

namespace EventExtractor.Cli.Review;

/// <summary><c>eventextractor review INPUT... [--gold DIR] [--port N] [--host ADDRESS] [--model M] [--models DIR]</c>.</summary>
internal static class ReviewCommand
{
    /// <summary>The port when none is given.</summary>
    public const int DefaultPort = 5180;

    private const string Description =
        "Review the extractor's records in a web page on this machine and save them as gold records.\n" +
        "\n" +
        "The articles (INPUT, as for extract) are extracted at start; the page lists them, shows each with its records'\n" +
        "evidence highlighted and lets you accept, correct or reject each record and add missed events. Each reviewed\n" +
        "article is saved at once under --gold DIR in the corpus's layout (articles/, gold/; review/ keeps the\n" +
        "decisions), so 'eventextractor train DIR' and 'eventextractor eval --gold DIR' read it as they read corpus/.\n" +
        "The server listens on 127.0.0.1 only unless --host says otherwise; stop it with Ctrl+C.\n" +
        "\n" +
        "Exit codes: 0 stopped by Ctrl+C; 1 usage error.";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files or folders of articles.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string>("--gold") { Description = "Gold folder to write.", HelpName = "DIR", DefaultValueFactory = _ => "review-gold" };
        var port = new Option<string>("--port") { Description = "Port to listen on (0: any free port).", HelpName = "N", DefaultValueFactory = _ => DefaultPort.ToString(CultureInfo.InvariantCulture) };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but 127.0.0.1 opens the page to others.", HelpName = "ADDRESS", DefaultValueFactory = _ => "127.0.0.1" };
        var model = new Option<string?>("--model") { Description = "Event classifier model file.", HelpName = "MODEL" };
        var models = new Option<string?>("--models") { Description = "Models folder.", HelpName = "DIR" };
        var command = new Command("review", Description) { inputs, gold, port, host, model, models };
        command.SetAction(parse => Execute(context, parse.GetValue(inputs) ?? [], parse.GetValue(gold) ?? "review-gold",
            parse.GetValue(port)!, parse.GetValue(host)!, parse.GetValue(model), parse.GetValue(models), CancellationToken.None));
        return command;
    }

    /// <summary>Runs the review server until Ctrl+C or <paramref name="stop"/>.</summary>
    public static int Execute(CliContext context, IReadOnlyList<string> inputs, string goldFolder, string portText, string hostText,
        string? modelPath, string? modelsOption, CancellationToken stop)
    {
        if (!int.TryParse(portText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            throw new UsageException(Messages.ReviewBadPort(portText));
        var host = hostText.Trim() == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(hostText.Trim(), out var ip) ? ip : throw new UsageException(Messages.ReviewBadHost(hostText));
        if (modelPath != null && !File.Exists(modelPath)) throw new UsageException(Messages.EvalSourceNotFound(modelPath));
        var modelsDir = ModelDirectory.Locate(modelsOption);

        ReviewSession session;
        try
        {
            session = ReviewSession.Load(inputs, goldFolder, modelsDir, modelPath, context.Error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.ReviewGoldNotWritable(goldFolder, e.Message));
        }
        if (session.Articles.Count == 0) throw new UsageException(Messages.ReviewNoArticles);
        if (!IPAddress.IsLoopback(host)) context.Error(Messages.ReviewWideHost(host.ToString()));

        return Serve(context, session, host, port, stop).GetAwaiter().GetResult();
    }

    private static async Task<int> Serve(CliContext context, ReviewSession session, IPAddress host, int port, CancellationToken stop)
    {
        await using var server = await ReviewServer.StartAsync(session, host, port);
        int n = session.Articles.Count;
        context.Stdout.WriteLine($"Reviewing {n} article{(n == 1 ? "" : "s")} at {server.Address}");
        context.Stdout.WriteLine($"Gold records go to {session.Store.Folder}; press Ctrl+C to stop.");
        context.Stdout.Flush();
        await server.WaitForShutdownAsync(stop);
        return ExitCodes.Success;
    }
}
