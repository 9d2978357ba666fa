using System.Net;
using EventExtractor.Cli.Review;
using EventExtractor.Models;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Review;

/// <summary>
/// A review server for tests: a few corpus articles (several with more than one record), an article whose title
/// and text are made of script tags and event handlers, and one that reports no event, in a temporary folder with
/// its own gold folder; served in-process on 127.0.0.1 at a free port. One per test class.
/// </summary>
public sealed class ReviewTestServer : IAsyncDisposable
{
    /// <summary>Corpus articles copied into the inputs.</summary>
    public static readonly string[] CorpusArticles = ["a-01", "a-02", "a-07", "a-08", "b-04", "c-002"];

    /// <summary>The id of the article made of markup.</summary>
    public const string HostileId = "x-hostile";

    /// <summary>The id of the article without an event.</summary>
    public const string QuietId = "n-quiet";

    /// <summary>The hostile article's title: markup that would run if it were ever treated as HTML.</summary>
    public const string HostileTitle = "<script>window.__pwned = 'title'</script><img src=x onerror=\"window.__pwned='img'\"> Gunmen attack market";

    private ReviewTestServer(string root, ReviewSession session, ReviewServer server)
    {
        Root = root;
        Session = session;
        Server = server;
    }

    /// <summary>The temporary folder (inputs/ and gold/).</summary>
    public string Root { get; }

    /// <summary>The gold folder the server writes.</summary>
    public string GoldFolder => Path.Combine(Root, "gold");

    /// <summary>The session served.</summary>
    internal ReviewSession Session { get; }

    /// <summary>The running server.</summary>
    internal ReviewServer Server { get; }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string Address => Server.Address;

    /// <summary>Makes the inputs, loads the session and starts the server.</summary>
    public static async Task<ReviewTestServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("ee-review-").FullName;
        var inputs = Path.Combine(root, "inputs");
        Directory.CreateDirectory(inputs);
        var corpus = Path.Combine(RepoRoot, "corpus", "articles");
        foreach (var id in CorpusArticles) File.Copy(Path.Combine(corpus, id + ".json"), Path.Combine(inputs, id + ".json"));
        File.WriteAllText(Path.Combine(inputs, HostileId + ".json"), new JObject
        {
            ["id"] = HostileId,
            ["title"] = HostileTitle,
            ["published"] = "2024-05-02",
            ["source"] = "<b onmouseover=\"window.__pwned='source'\">Test Wire</b>",
            ["text"] = "Gunmen killed three people at a market in Maiduguri, Borno State, Nigeria, on Wednesday, police said.\n" +
                       "<script>window.__pwned = 'text'</script><svg onload=\"window.__pwned='svg'\"></svg><a href=\"javascript:window.__pwned='link'\">click</a>\n" +
                       "Residents said the attackers fled on motorcycles.",
        }.ToString());
        File.WriteAllText(Path.Combine(inputs, QuietId + ".json"), new JObject
        {
            ["id"] = QuietId,
            ["title"] = "Farmers welcome early rains",
            ["published"] = "2024-04-10",
            ["text"] = "Farmers across the valley said the early rains would help this year's maize harvest.\n" +
                       "The agriculture ministry expects prices at local markets to fall by the end of the season.",
        }.ToString());
        var session = ReviewSession.Load([inputs], Path.Combine(root, "gold"), ModelDirectory.Locate(null), null, _ => { });
        var server = await ReviewServer.StartAsync(session, IPAddress.Loopback, 0);
        return new ReviewTestServer(root, session, server);
    }

    /// <summary>The repository root (where EventExtractor.sln is).</summary>
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
