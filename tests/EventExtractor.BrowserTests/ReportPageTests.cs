using EventExtractor.Cli;
using EventExtractor.Cli.Report;
using EventExtractor.Tests.Review;
using Microsoft.Playwright;

namespace EventExtractor.BrowserTests;

/// <summary>The report of the corpus's gold records, written once, and a browser.</summary>
public sealed class ReportPageFixture : IAsyncLifetime
{
    public IBrowser Browser { get; private set; } = null!;
    public string ReportPath { get; private set; } = "";
    internal ReportSummary Summary { get; private set; } = null!;
    private IPlaywright? _playwright;
    private DirectoryInfo? _temp;

    public async Task InitializeAsync()
    {
        if (BrowserTests.Browser.SkipReason != null) return;
        _temp = Directory.CreateTempSubdirectory("ee-report-page-");
        var gold = Path.Combine(ReviewTestServer.RepoRoot, "corpus", "gold");
        ReportPath = Path.Combine(_temp.FullName, "report.html");
        var stderr = new StringWriter();
        int exit = EventExtractor.Cli.Program.Run(["report", gold, "-o", ReportPath, "--title", "Corpus gold events"], TextReader.Null, new StringWriter(), stderr);
        if (exit != 0) throw new InvalidOperationException("report failed: " + stderr);
        Summary = ReportSummary.Of(ReportEvents.Read([gold], _ => { }));
        (_playwright, Browser) = await BrowserTests.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        _temp?.Delete(recursive: true);
    }
}

/// <summary>
/// The report opened from disk in a real browser: it loads nothing from the network, its inline script runs under its
/// own Content-Security-Policy (sorting and filtering work, no violation is reported), the map has a point per event
/// with coordinates, and it renders (screenshot).
/// </summary>
public sealed class ReportPageTests(ReportPageFixture fixture) : IClassFixture<ReportPageFixture>
{
    private const int Width = 1280, Height = 1400;

    private async Task<(IPage Page, List<string> Requests, List<string> Errors)> OpenAsync()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height } });
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(fixture.ReportPath).AbsoluteUri);
        return (page, requests, errors);
    }

    [BrowserFact]
    public async Task TheReportShowsTotalsAMapAndATableThatSortsAndFiltersWithoutTheNetwork()
    {
        var (page, requests, errors) = await OpenAsync();
        var s = fixture.Summary;
        await Assertions.Expect(page.Locator("#totals .card").First).ToContainTextAsync(s.Events.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(s.Mapped, await page.Locator("#map circle").CountAsync());
        Assert.True(await page.Locator("#map path").CountAsync() > 100);
        await Assertions.Expect(page.Locator("#events tbody tr")).ToHaveCountAsync(s.Events.Count);

        // Sorting by fatalities (click): the most deadly first.
        await page.ClickAsync("#events th[data-key='fatalities']");
        var top = await page.Locator("#events tbody tr >> nth=0 >> td.n").TextContentAsync();
        Assert.Equal(s.Events.Max(e => e.Fatalities).ToString(System.Globalization.CultureInfo.InvariantCulture), top);

        // Filtering by sub-event type and by text.
        var (type, count) = s.BySubEventType[0];
        await page.SelectOptionAsync("#filter-type", type);
        await Assertions.Expect(page.Locator("#shown")).ToHaveTextAsync($"{count} of {s.Events.Count} events");
        await Assertions.Expect(page.Locator("#events tbody tr:not(.hidden)")).ToHaveCountAsync(count);
        await page.SelectOptionAsync("#filter-type", "");
        var (country, inCountry) = s.ByCountry[0];
        await page.FillAsync("#filter", country);
        var shown = await page.Locator("#events tbody tr:not(.hidden)").CountAsync();
        Assert.InRange(shown, inCountry, s.Events.Count - 1);

        Assert.All(requests, u => Assert.StartsWith("file:", u));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task TheReportRenders()
    {
        var (page, _, errors) = await OpenAsync();
        await Assertions.Expect(page.Locator("#map svg")).ToBeVisibleAsync();
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "report.png") });
        Browser.AssertRendered(png, Width, Height);
        var box = await page.Locator("#map svg").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 150 }, "the map should have a real size");
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
