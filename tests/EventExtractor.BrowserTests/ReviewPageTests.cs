using System.Text.RegularExpressions;
using EventExtractor.Tests.Review;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace EventExtractor.BrowserTests;

/// <summary>One review server and one browser for the review page's tests.</summary>
public sealed class ReviewPageFixture : IAsyncLifetime
{
    public ReviewTestServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (BrowserTests.Browser.SkipReason != null) return;
        Server = await ReviewTestServer.StartAsync();
        (_playwright, Browser) = await BrowserTests.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server != null) await Server.DisposeAsync();
    }
}

/// <summary>
/// The review page in a real browser (Chromium driven by Playwright): correcting, rejecting and adding records with the
/// keyboard and the mouse, the gold file they produce, an article made of markup that must stay text, two tabs on one
/// article, the key list, and a screenshot. Each test works on its own article.
/// </summary>
public sealed class ReviewPageTests(ReviewPageFixture fixture) : IClassFixture<ReviewPageFixture>
{
    private const int Width = 1400, Height = 1000;

    private async Task<IPage> OpenAsync(string id)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height } });
        await page.GotoAsync(fixture.Server.Address + "#/" + id);
        await Assertions.Expect(page.Locator("#article-meta")).ToContainTextAsync(id);
        return page;
    }

    private static Task ExpectMessage(IPage page, string text) =>
        Assertions.Expect(page.Locator("#message")).ToContainTextAsync(text);

    /// <summary>Selects characters [start, end) of the article text, as a person dragging over the words would.</summary>
    private static Task SelectTextAsync(IPage page, int start, int end) => page.EvaluateAsync(@"([start, end]) => {
        const box = document.getElementById('article-text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let at = 0, node;
        while ((node = walker.nextNode())) {
            const len = node.textContent.length;
            if (start >= at && start <= at + len) range.setStart(node, start - at);
            if (end >= at && end <= at + len) { range.setEnd(node, end - at); break; }
            at += len;
        }
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
    }", new[] { start, end });

    [BrowserFact]
    public async Task CorrectingRejectingAndAddingFromSelectedTextAreSavedAsGold()
    {
        const string id = "b-04";
        var page = await OpenAsync(id);
        var cards = page.Locator("#records .record");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        int extracted = await cards.CountAsync();
        Assert.True(extracted >= 2, $"{id} should give at least two records, gave {extracted}");

        // Correct the first record's fatalities, leave the field (Escape) and accept with the key: saved as corrected.
        await page.FillAsync("#r0-fatalities", "17");
        // And its place, searched in the gazetteer: choosing a result fills admin1, country and coordinates.
        await page.FillAsync("#r0-location", "Basra");
        await page.Locator("#r0-location").PressAsync("Enter");
        var result = page.Locator("[data-index='0'] .places button", new PageLocatorOptions { HasTextString = "Iraq" }).First;
        await result.ClickAsync();
        await Assertions.Expect(page.Locator("#r0-country")).ToHaveValueAsync("Iraq");
        await page.Locator("#r0-fatalities").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("a");
        await ExpectMessage(page, "Record 1 corrected");
        // The accept moved on to the second record: reject it with the key.
        await page.Keyboard.PressAsync("x");
        await ExpectMessage(page, "Record 2 rejected");
        await Assertions.Expect(cards.Nth(1)).ToHaveClassAsync(new Regex(@"\brejected\b"));

        // Add a missed event from words selected in the text.
        var text = await page.Locator("#article-text").TextContentAsync() ?? "";
        var sentenceEnd = text.IndexOf('.', text.IndexOf('\n') + 1);
        int start = text.IndexOf('\n') + 2, end = sentenceEnd > start ? sentenceEnd : Math.Min(text.Length, start + 40);
        var words = text[start..end];
        await SelectTextAsync(page, start, end);
        await page.Keyboard.PressAsync("e");
        await ExpectMessage(page, "Event added from the selection");
        await Assertions.Expect(cards).ToHaveCountAsync(extracted + 1);
        var added = $"#r{extracted}";
        await Assertions.Expect(page.Locator(added + "-sub_event_type")).ToBeFocusedAsync();
        await page.SelectOptionAsync(added + "-sub_event_type", "Looting/property destruction");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(added + "-sub_event_type").EvaluateAsync("e => e.closest('.record').querySelector('button.accept').click()");
        await ExpectMessage(page, $"Record {extracted + 1} added");
        // Its words are highlighted as the added event's evidence.
        Assert.Equal(words, await page.EvaluateAsync<string>(@"i => Array.from(document.querySelectorAll('#article-text .ev'))
            .filter(s => s.dataset.records.split(' ').includes(String(i))).map(s => s.textContent).join('')", extracted));
        Assert.True(await page.Locator("#article-text .f-notes").CountAsync() > 0);
        await Assertions.Expect(page.Locator("#article-status")).ToHaveTextAsync(extracted > 2 ? "not reviewed" : "corrected");

        // Accept whatever is left, then the gold file holds the corrected, accepted and added records, not the rejected one.
        for (int i = 2; i < extracted; i++)
        {
            await page.Locator($"#r{i}-notes").EvaluateAsync("e => e.closest('.record').querySelector('button.accept').click()");
            await ExpectMessage(page, $"Record {i + 1} accepted");
        }
        await Assertions.Expect(page.Locator("#article-status")).ToHaveTextAsync("corrected");
        var gold = File.ReadAllLines(fixture.Server.Session.Store.GoldPath(id)).Select(JObject.Parse).ToList();
        Assert.Equal(extracted, gold.Count);
        Assert.Equal(17, (int)gold[0]["fatalities"]!);
        Assert.Equal("Basra", (string)gold[0]["location"]!);
        Assert.Equal("Iraq", (string)gold[0]["country"]!);
        Assert.Equal(368, (int)gold[0]["iso"]!);
        Assert.InRange((double)gold[0]["latitude"]!, 30.0, 31.0);
        Assert.Equal("Looting/property destruction", (string)gold[^1]["sub_event_type"]!);
        Assert.Equal("Strategic developments", (string)gold[^1]["event_type"]!);
        Assert.Equal(words.Trim(), (string)gold[^1]["notes"]!);
        var review = JObject.Parse(File.ReadAllText(Path.Combine(fixture.Server.GoldFolder, "review", id + ".json")));
        Assert.Equal(["corrected", "rejected"], review["records"]!.Take(2).Select(r => (string)r["decision"]!));
        Assert.Equal("added", (string)review["records"]!.Last()["decision"]!);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task AnArticleOfScriptTagsAndEventHandlersIsShownAsTextAndRunsNothing()
    {
        var page = await fixture.Browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(fixture.Server.Address + "#/" + ReviewTestServer.HostileId);
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync(ReviewTestServer.HostileTitle);
        await Assertions.Expect(page.Locator("#article-text")).ToContainTextAsync("<script>window.__pwned = 'text'</script><svg onload=");
        await Assertions.Expect(page.Locator("#article-meta")).ToContainTextAsync("<b onmouseover=");
        // The list shows the title as text too.
        await Assertions.Expect(page.Locator($"#article-list button[data-id='{ReviewTestServer.HostileId}']")).ToContainTextAsync("<script>");

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Equal(0, await page.Locator("script:not([src]), #main img, #main svg, #main a, #article-list img").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.DoesNotContain(requests, u => !u.StartsWith(fixture.Server.Address, StringComparison.Ordinal));
        // Hovering and saving do not bring it to life either.
        await page.HoverAsync("#article-text");
        await page.Keyboard.PressAsync("a");
        await ExpectMessage(page, "Saved");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        var saved = JObject.Parse(File.ReadAllText(Path.Combine(fixture.Server.GoldFolder, "articles", ReviewTestServer.HostileId + ".json")));
        Assert.Equal(ReviewTestServer.HostileTitle, (string)saved["title"]!);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task TwoTabsOnOneArticleNeverLoseAnEditSilently()
    {
        const string id = "a-01";
        var first = await OpenAsync(id);
        var second = await OpenAsync(id);
        await first.Keyboard.PressAsync("a");
        await ExpectMessage(first, "Saved (version 1");
        await second.Keyboard.PressAsync("x");
        await Assertions.Expect(second.Locator("#conflict")).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator("#conflict-text")).ToContainTextAsync("saved elsewhere");
        await ExpectMessage(second, "Not saved");
        // The first tab's save stands; reloading shows it.
        Assert.Single(File.ReadAllLines(fixture.Server.Session.Store.GoldPath(id)));
        await second.ClickAsync("#reload-button");
        await Assertions.Expect(second.Locator("#conflict")).ToBeHiddenAsync();
        await Assertions.Expect(second.Locator("#records .record").First).ToHaveClassAsync(new Regex(@"\baccepted\b"));
        // The list filters by status.
        await second.SelectOptionAsync("#f-status", "accepted");
        await Assertions.Expect(second.Locator("#article-list button")).ToHaveCountAsync(
            Directory.GetFiles(Path.Combine(fixture.Server.GoldFolder, "review")).Count(f => File.ReadAllText(f).Contains("\"status\": \"accepted\"")));
        await Assertions.Expect(second.Locator($"#article-list button[data-id='{id}']")).ToBeVisibleAsync();
        await first.CloseAsync();
        await second.CloseAsync();
    }

    [BrowserFact]
    public async Task QuestionMarkListsTheKeysAndJAndKMoveThroughRecordsAndArticles()
    {
        var page = await OpenAsync("a-02");
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#help")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#help")).ToContainTextAsync("reject the current record");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#help")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#records .record").First).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        int count = await page.Locator("#records .record").CountAsync();
        for (int i = 1; i < count; i++) await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#records .record").Last).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#article-meta")).ToContainTextAsync("a-07");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("#article-meta")).ToContainTextAsync("a-02");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task TheReviewPageRenders()
    {
        var page = await OpenAsync("a-08");
        await Assertions.Expect(page.Locator("#article-text .ev").First).ToBeVisibleAsync();
        await page.HoverAsync("#article-text .f-sub_event_type >> nth=0");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "review.png") });
        Browser.AssertRendered(png, Width, Height);
        // Evidence is coloured by field and names its field on hover.
        Assert.Matches(@"record \d+: sub-event type", await page.Locator("#article-text .f-sub_event_type >> nth=0").GetAttributeAsync("title") ?? "");
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator("#article-text .f-location >> nth=0").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.CloseAsync();
    }
}
