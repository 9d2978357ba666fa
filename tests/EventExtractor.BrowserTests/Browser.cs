using Microsoft.Playwright;

namespace EventExtractor.BrowserTests;

/// <summary>
/// The installed Chromium the browser tests drive, named by <see cref="Variable"/> (Playwright's own browser download
/// cannot work here). Outside CI a missing browser skips the tests with the reason; in CI (CI=true) they fail instead,
/// saying what is missing. .ci/run installs Debian's chromium and sets the variable.
/// </summary>
public static class Browser
{
    /// <summary>The environment variable with the browser's path.</summary>
    public const string Variable = "EVENTEXTRACTOR_TEST_CHROMIUM";

    /// <summary>The configured browser path, or null.</summary>
    public static string? ConfiguredPath => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : null;

    /// <summary>True under CI, where a missing browser is a failure.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests skip, or null when they run.</summary>
    public static string? SkipReason => ConfiguredPath is null && !InCi
        ? $"no browser: set {Variable}=/usr/bin/chromium (.ci/run installs Debian's chromium and sets it)"
        : null;

    /// <summary>Chromium as the closed network and a root user need it: no sandbox, no GPU, no background traffic.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    /// <summary>Starts Playwright and the browser.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = ConfiguredPath ?? throw new InvalidOperationException(
            $"the browser tests need Chromium: set {Variable} to its path (.ci/run installs Debian's chromium and sets it)");
        if (!File.Exists(path)) throw new InvalidOperationException($"{Variable} names '{path}', which does not exist");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Arguments });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: EVENTEXTRACTOR_SCREENSHOTS, else screenshots/ beside the tests.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("EVENTEXTRACTOR_SCREENSHOTS") is { Length: > 0 } f
                ? f : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>
    /// Checks that a screenshot shows a rendered page: a PNG of the viewport's size, not a near-empty image (a blank
    /// or failed page compresses to a few kilobytes).
    /// </summary>
    public static void AssertRendered(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG file");
        int w = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int h = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.Equal(width, w);
        Assert.True(h >= height, $"the screenshot is {h} pixels high, less than the {height} of the viewport");
        Assert.True(png.Length > 40_000, $"the screenshot has only {png.Length} bytes: the page looks blank");
    }
}

/// <summary>A test that needs the browser: skipped with the reason when none is configured outside CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.SkipReason is { } reason) Skip = reason;
    }
}
