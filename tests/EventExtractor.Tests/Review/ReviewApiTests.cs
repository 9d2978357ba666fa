using System.Net;
using System.Text;
using EventExtractor.Cli;
using EventExtractor.Cli.Review;
using EventExtractor.Learning;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Review;

/// <summary>One review server for the API tests.</summary>
public sealed class ReviewApiFixture : IAsyncLifetime
{
    public ReviewTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ReviewTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The review page's HTTP API, in process against a real server on 127.0.0.1: headers, the anti-forgery token,
/// gold files in the corpus's format, refused stale saves, filters, clear errors, and train and eval reading the
/// gold folder. Each test that saves uses its own article.
/// </summary>
public sealed class ReviewApiTests(ReviewApiFixture fixture) : IClassFixture<ReviewApiFixture>
{
    private readonly ReviewTestServer _server = fixture.Server;

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(_server.Address) };

    private static async Task<JObject> JsonOf(HttpResponseMessage response) => JObject.Parse(await response.Content.ReadAsStringAsync());

    private static async Task<string> TokenFor(HttpClient client) => (string)(await JsonOf(await client.GetAsync("/api/token")))["token"]!;

    private static async Task<HttpResponseMessage> Save(HttpClient client, string id, JObject body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/" + id) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        if (token != null) request.Headers.Add(ReviewServer.TokenHeader, token);
        return await client.SendAsync(request);
    }

    /// <summary>The article as the page loads it, with every record accepted.</summary>
    private static async Task<JObject> AllAccepted(HttpClient client, string id)
    {
        var article = await JsonOf(await client.GetAsync("/api/articles/" + id));
        var records = (JArray)article["records"]!;
        foreach (var r in records) r["decision"] = "accepted";
        return new JObject { ["version"] = article["version"], ["records"] = records };
    }

    [Fact]
    public async Task ThePageAndItsAssetsComeWithAStrictContentSecurityPolicyAndNoInlineScript()
    {
        using var client = NewClient();
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var html = await page.Content.ReadAsStringAsync();
        // Every script is a file the program serves: no inline code, no address elsewhere.
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=""/assets/)", html);
        Assert.DoesNotContain("http", html);
        var js = await client.GetAsync("/assets/review.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("innerHTML", await js.Content.ReadAsStringAsync());
        Assert.Equal("text/css", (await client.GetAsync("/assets/review.css")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ASaveWithoutTheAntiForgeryTokenIsRefusedWithAClearMessage()
    {
        using var client = NewClient();
        var body = await AllAccepted(client, "a-01");
        var response = await Save(client, "a-01", body, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery token", (string)(await JsonOf(response))["error"]!);
        response = await Save(client, "a-01", body, token: "forged");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(_server.Session.Store.GoldPath("a-01")));
    }

    [Fact]
    public async Task AcceptedRecordsAreWrittenAsGoldInTheCorpusFormatAndTheArticleBeside()
    {
        using var client = NewClient();
        var token = await TokenFor(client);
        var body = await AllAccepted(client, "a-02");
        int count = ((JArray)body["records"]!).Count;
        var response = await Save(client, "a-02", body, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonOf(response);
        Assert.Equal(1, (int)answer["version"]!);
        Assert.Equal("accepted", (string)answer["status"]!);

        var lines = File.ReadAllLines(Path.Combine(_server.GoldFolder, "gold", "a-02.jsonl"));
        Assert.Equal(count, lines.Length);
        foreach (var line in lines)
            Assert.Equal(GoldRecord.Keys, JObject.Parse(line).Properties().Select(p => p.Name));
        var article = JObject.Parse(File.ReadAllText(Path.Combine(_server.GoldFolder, "articles", "a-02.json")));
        var original = JObject.Parse(File.ReadAllText(Path.Combine(ReviewTestServer.RepoRoot, "corpus", "articles", "a-02.json")));
        Assert.Equal((string)original["title"]!, (string)article["title"]!);
        Assert.Equal((string)original["text"]!, (string)article["text"]!);
        // No temporary file is left behind.
        Assert.Empty(Directory.GetFiles(_server.GoldFolder, "*.tmp-*", SearchOption.AllDirectories));

        var reloaded = await JsonOf(await client.GetAsync("/api/articles/a-02"));
        Assert.Equal(1, (int)reloaded["version"]!);
        Assert.All(reloaded["records"]!, r => Assert.Equal("accepted", (string)r["decision"]!));
    }

    [Fact]
    public async Task CorrectionsRejectionsAndAddedEventsShapeTheGoldAndTheStatus()
    {
        using var client = NewClient();
        var token = await TokenFor(client);
        var body = await AllAccepted(client, "a-07");
        var records = (JArray)body["records"]!;
        Assert.True(records.Count >= 2, "a-07 should give at least two records");
        records[0]["record"]!["fatalities"] = 41;
        records[0]["record"]!["sub_event_type"] = "Armed clash";
        records[0]["decision"] = "corrected";
        records[1]["decision"] = "rejected";
        records.Add(new JObject
        {
            ["decision"] = "added",
            ["origin"] = "added",
            ["record"] = new JObject { ["sub_event_type"] = "Mob violence", ["event_date"] = "2020-01-02", ["country"] = "nigeria", ["inter1"] = "rioters" },
            ["evidence"] = new JArray(new JObject { ["field"] = "notes", ["text"] = "x", ["start"] = 0, ["end"] = 1 }),
        });
        var answer = await JsonOf(await Save(client, "a-07", body, token));
        Assert.Equal("corrected", (string)answer["status"]!);

        var gold = File.ReadAllLines(_server.Session.Store.GoldPath("a-07")).Select(JObject.Parse).ToList();
        Assert.Equal(records.Count - 1, gold.Count);
        Assert.Equal(41, (int)gold[0]["fatalities"]!);
        // What follows from a choice is derived: the event type from the sub-event type, the ISO code from the country.
        Assert.Equal("Battles", (string)gold[0]["event_type"]!);
        var added = gold[^1];
        Assert.Equal("Riots", (string)added["event_type"]!);
        Assert.Equal("Nigeria", (string)added["country"]!);
        Assert.Equal(566, (int)added["iso"]!);
        Assert.Equal("Rioters only", (string)added["interaction"]!);

        var list = await JsonOf(await client.GetAsync("/api/articles?status=corrected"));
        Assert.Contains(list["articles"]!, a => (string)a["id"]! == "a-07");
        list = await JsonOf(await client.GetAsync("/api/articles?type=" + Uri.EscapeDataString("Mob violence")));
        Assert.Contains(list["articles"]!, a => (string)a["id"]! == "a-07");
        list = await JsonOf(await client.GetAsync("/api/articles?from=2020-01-02&to=2020-01-02"));
        Assert.Contains(list["articles"]!, a => (string)a["id"]! == "a-07");
    }

    [Fact]
    public async Task ASecondSaveFromAStaleVersionIsRefusedAndSaysSo()
    {
        using var tab1 = NewClient();
        using var tab2 = NewClient();
        var body1 = await AllAccepted(tab1, "a-08");
        var body2 = await AllAccepted(tab2, "a-08");
        Assert.Equal(HttpStatusCode.OK, (await Save(tab1, "a-08", body1, await TokenFor(tab1))).StatusCode);
        ((JArray)body2["records"]!)[0]["decision"] = "rejected";
        var refused = await Save(tab2, "a-08", body2, await TokenFor(tab2));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var answer = await JsonOf(refused);
        Assert.Contains("saved elsewhere", (string)answer["error"]!);
        Assert.Equal(1, (int)answer["version"]!);
        // The first save stands.
        Assert.Equal(((JArray)body1["records"]!).Count, File.ReadAllLines(_server.Session.Store.GoldPath("a-08")).Length);
    }

    [Fact]
    public async Task ConfirmingAnArticleWithoutEventsWritesAnEmptyGoldFile()
    {
        using var client = NewClient();
        var article = await JsonOf(await client.GetAsync("/api/articles/" + ReviewTestServer.QuietId));
        Assert.Empty((JArray)article["records"]!);
        var response = await Save(client, ReviewTestServer.QuietId, new JObject { ["version"] = 0, ["records"] = new JArray() }, await TokenFor(client));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", File.ReadAllText(_server.Session.Store.GoldPath(ReviewTestServer.QuietId)));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"records\": []}", "'version'")]
    [InlineData("{\"version\": 0, \"records\": [{\"decision\": \"accepted\", \"record\": {\"sub_event_type\": \"Picnic\"}}]}", "record 1: 'sub_event_type' 'Picnic'")]
    [InlineData("{\"version\": 0, \"records\": [{\"decision\": \"maybe\", \"record\": {}}]}", "'decision' 'maybe'")]
    [InlineData("{\"version\": 0, \"records\": [{\"decision\": \"accepted\", \"record\": {\"sub_event_type\": \"Attack\", \"latitude\": 123}}]}", "'latitude' '123'")]
    public async Task BadSavesGetAClearErrorAndNoStackTrace(string body, string expected)
    {
        using var client = NewClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/b-04") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ReviewServer.TokenHeader, await TokenFor(client));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, (string)JObject.Parse(text)["error"]!);
        Assert.DoesNotContain("   at ", text);
        Assert.False(File.Exists(_server.Session.Store.GoldPath("b-04")));
    }

    [Fact]
    public async Task UnknownArticlesBadFiltersAndForeignHostsGetClearErrors()
    {
        using var client = NewClient();
        var missing = await client.GetAsync("/api/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no article 'no-such-article'", (string)(await JsonOf(missing))["error"]!);
        var filter = await client.GetAsync("/api/articles?status=done");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("filter 'status'", (string)(await JsonOf(filter))["error"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nothing/here")).StatusCode);
        var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        foreign.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
    }

    [Fact]
    public async Task TheFormsGetPlacesFromTheGazetteerAndActorsFromTheLexicons()
    {
        using var client = NewClient();
        var places = (JArray)(await JsonOf(await client.GetAsync("/api/places?q=Maiduguri")))["places"]!;
        var place = places.First(p => (string)p["country"]! == "Nigeria");
        Assert.Equal("Borno", (string)place["admin1"]!);
        Assert.InRange((double)place["latitude"]!, 11.5, 12.1);
        var actors = (JArray)(await JsonOf(await client.GetAsync("/api/actors?q=" + Uri.EscapeDataString("Military Forces of Nig"))))["actors"]!;
        Assert.Contains(actors, a => ((string)a!).StartsWith("Military Forces of Nigeria", StringComparison.Ordinal));
        var meta = await JsonOf(await client.GetAsync("/api/meta"));
        Assert.Equal(25, ((JArray)meta["subEventTypes"]!).Count);
    }

    [Fact]
    public async Task TrainAndEvalReadTheGoldFolderAsTheyReadTheCorpus()
    {
        using var client = NewClient();
        var token = await TokenFor(client);
        foreach (var id in new[] { "c-002", ReviewTestServer.HostileId })
        {
            var body = await AllAccepted(client, id);
            foreach (var r in (JArray)body["records"]!)
                if ((string?)r["record"]!["sub_event_type"] is null or "") r["decision"] = "rejected";
            Assert.Equal(HttpStatusCode.OK, (await Save(client, id, body, token)).StatusCode);
        }
        Assert.Equal(_server.GoldFolder, TrainingData.FindCorpus(_server.GoldFolder));

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(["eval", "--gold", _server.GoldFolder, "--pred", Path.Combine(_server.GoldFolder, "gold")], TextReader.Null, stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("F1", stdout.ToString());

        // The corpus plus the review folder, split by the corpus's splits: what the loop review-train-extract runs.
        var model = Path.Combine(_server.Root, "model.bin");
        exit = Program.Run(["train", Path.Combine(ReviewTestServer.RepoRoot, "corpus"), _server.GoldFolder, "--split", "train", "--epochs", "1", "-o", model],
            TextReader.Null, stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.True(new FileInfo(model).Length > 0);
    }
}
