using System.Text.RegularExpressions;
using EventExtractor.Cli;
using EventExtractor.Cli.Report;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Report;

/// <summary>
/// <c>eventextractor report</c>: totals and breakdowns from JSON Lines, CSV and SQLite records, one self-contained HTML
/// file whose inline style and script are the only ones its Content-Security-Policy allows, and values shown as text.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("ee-report-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_temp.FullName, name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JObject Record(string date, string type, string country, int fatalities, double? lat, double? lon, string actor1 = "Rioters (Kenya)", string notes = "") => new()
    {
        ["event_id_cnty"] = $"X{date}{type.Length}",
        ["event_date"] = date,
        ["sub_event_type"] = type,
        ["actor1"] = actor1,
        ["actor2"] = "Civilians (Kenya)",
        ["country"] = country,
        ["location"] = "Nairobi",
        ["latitude"] = lat,
        ["longitude"] = lon,
        ["fatalities"] = fatalities,
        ["notes"] = notes,
        ["article_id"] = "art-" + date,
    };

    private string WriteJsonLines(params JObject[] records)
    {
        var path = PathOf("events.jsonl");
        File.WriteAllLines(path, records.Select(r => r.ToString(Newtonsoft.Json.Formatting.None)));
        return path;
    }

    [Fact]
    public void TextFormatPrintsTotalsAndCounts()
    {
        var input = WriteJsonLines(
            Record("2024-01-05", "Mob violence", "Kenya", 2, -1.28, 36.82),
            Record("2024-03-09", "Mob violence", "Kenya", 0, null, null),
            Record("2024-03-10", "Attack", "Uganda", 5, 0.31, 32.58));
        var (exit, output, err) = Run("report", input, "--format", "text");
        Assert.True(exit == 0, err);
        Assert.Matches(@"events\s+3\n", output);
        Assert.Matches(@"fatalities\s+7\n", output);
        Assert.Matches(@"countries\s+2\n", output);
        Assert.Matches(@"dates\s+2024-01-05 to 2024-03-10\n", output);
        Assert.Matches(@"with coordinates\s+2\n", output);
        Assert.Matches(@"\s2\s+Mob violence\n", output);
        // Every month between the first and the last, the empty one too.
        Assert.Matches(@"2024-02\s+0\s+0\n", output);
        Assert.Matches(@"2024-03\s+2\s+5\n", output);
    }

    [Fact]
    public void HtmlReportIsSelfContainedAndItsCspAllowsOnlyItsOwnInlineStyleAndScript()
    {
        var input = WriteJsonLines(
            Record("2024-01-05", "Mob violence", "Kenya", 2, -1.28, 36.82, notes: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"),
            Record("2024-03-10", "Attack", "Uganda", 5, 0.31, 32.58, actor1: "\"quoted\" <b>actor</b>"));
        var output = PathOf("report.html");
        var (exit, stdout, err) = Run("report", input, "-o", output, "--title", "Test <report>");
        Assert.True(exit == 0, err);
        Assert.Contains("2 events", stdout);
        var html = File.ReadAllText(output);

        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'", csp);
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        Assert.Single(scripts);
        Assert.Single(styles);
        Assert.Contains($"script-src '{ReportHtml.Hash(scripts[0].Groups[1].Value)}'", csp);
        Assert.Contains($"style-src '{ReportHtml.Hash(styles[0].Groups[1].Value)}'", csp);
        // Nothing is loaded from anywhere: no src, href or url() pointing out of the file.
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""?(https?:)?//", html);
        Assert.DoesNotContain("url(", html);

        // Record values are text: the markup in them is encoded, never live.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("&quot;quoted&quot; &lt;b&gt;actor&lt;/b&gt;", html);
        Assert.Contains("<title>Test &lt;report&gt;</title>", html);
        Assert.Equal(2, Regex.Matches(html, "<circle ").Count);
        Assert.Equal(2, Regex.Matches(html, "<tr data-type=").Count);
        Assert.True(Regex.Matches(html, "<path d=\"M").Count > 100, "the map should draw the countries");
    }

    [Fact]
    public void TheSameRecordsGiveTheSameReport()
    {
        var input = WriteJsonLines(Record("2024-01-05", "Attack", "Kenya", 1, -1.28, 36.82));
        Assert.Equal(0, Run("report", input, "-o", PathOf("a.html")).Exit);
        Assert.Equal(0, Run("report", input, "-o", PathOf("b.html")).Exit);
        Assert.Equal(File.ReadAllBytes(PathOf("a.html")), File.ReadAllBytes(PathOf("b.html")));
    }

    [Fact]
    public void CsvAndSqliteOutputsOfExtractReportTheSameTotals()
    {
        var articles = Path.Combine(ReviewTestServerRoot(), "corpus", "articles");
        var inputs = new[] { Path.Combine(articles, "a-02.json"), Path.Combine(articles, "a-07.json") };
        Assert.Equal(0, Run(["extract", .. inputs, "-o", PathOf("e.csv"), "-q"]).Exit);
        Assert.Equal(0, Run(["extract", .. inputs, "-o", PathOf("e.db"), "-q"]).Exit);
        Assert.Equal(0, Run(["extract", .. inputs, "-o", PathOf("e.jsonl"), "-q"]).Exit);
        var fromJson = Run("report", PathOf("e.jsonl"), "--format", "text");
        Assert.Equal(0, fromJson.Exit);
        Assert.Matches(@"events\s+[1-9]", fromJson.Out);
        var fromCsv = Run("report", PathOf("e.csv"), "--format", "text");
        var fromDb = Run("report", PathOf("e.db"), "--format", "text");
        Assert.True(fromDb.Exit == 0, fromDb.Err);
        // CSV has no article ids; the database orders by date: the totals agree all the same.
        string Totals(string text) => string.Join("\n", text.Split('\n').Where(l => l.StartsWith("events") || l.StartsWith("fatalities") || l.StartsWith("countries")));
        Assert.Equal(Totals(fromJson.Out), Totals(fromCsv.Out));
        Assert.Equal(Totals(fromJson.Out), Totals(fromDb.Out));
    }

    [Fact]
    public void UsageProblemsGetOneLineAndExitCodeOne()
    {
        var input = WriteJsonLines(Record("2024-01-05", "Attack", "Kenya", 1, null, null));
        var noOutput = Run("report", input);
        Assert.Equal(1, noOutput.Exit);
        Assert.Contains("needs -o FILE.html", noOutput.Err);
        var badFormat = Run("report", input, "--format", "pdf", "-o", PathOf("x.pdf"));
        Assert.Equal(1, badFormat.Exit);
        Assert.Contains("--format 'pdf'", badFormat.Err);
        File.WriteAllText(PathOf("notes.txt"), "hello");
        var unknown = Run("report", PathOf("notes.txt"), "--format", "text");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("cannot tell what", unknown.Err);
        Assert.DoesNotContain("   at ", unknown.Err);
    }

    private static string ReviewTestServerRoot() => Review.ReviewTestServer.RepoRoot;
}
