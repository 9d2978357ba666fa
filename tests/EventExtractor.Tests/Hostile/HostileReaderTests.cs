using System.Diagnostics;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Tests.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Hostile;

/// <summary>Inputs a hostile but fair tester feeds the reader: pipes, deep nesting, huge inputs, odd JSON, odd names.</summary>
public sealed class HostileReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Reads on another thread: a reader that blocks for ever fails the test instead of hanging it (a guard, not a timing check).</summary>
    internal static List<ReadOutcome> Read(ArticleReaderOptions options, params string[] inputs)
    {
        var task = Task.Run(() => new ArticleReader(options).ReadAll(inputs, new StringReader("")).ToList());
        Assert.True(task.Wait(TimeSpan.FromMinutes(2)), "the reader never finished");
        return task.Result;
    }

    private static List<ReadOutcome> Read(params string[] inputs) => Read(new ArticleReaderOptions(), inputs);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void A_fifo_in_a_folder_or_named_directly_is_reported_and_never_opened()
    {
        if (!OperatingSystem.IsLinux()) return;
        File.WriteAllText(_temp.File("a.txt"), "Headline\n\nThe body of the article.");
        var fifo = _temp.File("pipe.jsonl");
        MakeFifo(fifo);

        var outcomes = Read(_temp.Path, fifo);

        Assert.Equal(["a"], outcomes.Where(o => o.Article is not null).Select(o => o.Article!.Id));
        var problems = outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(new InputProblem(fifo, 0, Messages.NotARegularFile), p));
    }

    private static string Nested(int depth, string inner) =>
        "<html><head><title>Report</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + inner +
        string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

    private static int DivDepth(string html)
    {
        int depth = 0, max = 0;
        for (int i = html.IndexOf('<'); i >= 0; i = html.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(html, i, "<div>", 0, 5) == 0) max = Math.Max(max, ++depth);
            else if (string.CompareOrdinal(html, i, "</div>", 0, 6) == 0) depth--;
        }
        return max;
    }

    [Fact]
    public void A_page_of_100000_nested_elements_is_flattened_and_keeps_its_text()
    {
        // 1.1 MB: parsed as it is, this page takes the HTML parser minutes (its cost grows with depth squared).
        var html = Nested(100_000, "<p>Gunmen attacked the village at dawn.</p>");

        var flat = HtmlNesting.Flatten(html);

        Assert.Equal(HtmlNesting.MaxDepth, DivDepth(flat));
        Assert.Equal("Gunmen attacked the village at dawn.", HtmlArticleExtractor.Extract(html).Body);
    }

    [Fact]
    public void Ordinary_pages_are_not_touched_by_the_nesting_limit()
    {
        var html = Nested(40, "<p>Text.</p><script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 500)) + "';</script><!-- <div><div> -->");
        Assert.Same(html, HtmlNesting.Flatten(html));
        // Elements left open that need no end tag (p, li, td) do not count as nesting.
        var lists = "<body>" + string.Concat(Enumerable.Repeat("<li>item", 2000)) + "</body>";
        Assert.Same(lists, HtmlNesting.Flatten(lists));
    }

    [Fact]
    public void Inputs_larger_than_the_article_limit_are_reported_and_skipped()
    {
        var options = new ArticleReaderOptions { MaxArticleBytes = 1000 };
        File.WriteAllText(_temp.File("big.txt"), "Headline\n\n" + new string('x', 2000));
        File.WriteAllText(_temp.File("big.html"), "<p>" + new string('x', 2000) + "</p>");
        File.WriteAllText(_temp.File("lines.jsonl"),
            new JObject { ["text"] = new string('y', 2000) }.ToString(Newtonsoft.Json.Formatting.None) + "\n{\"text\": \"A short one.\"}\n");

        var outcomes = Read(options, _temp.Path);

        Assert.Equal(["lines-2"], outcomes.Where(o => o.Article is not null).Select(o => o.Article!.Id));
        Assert.Equal(
        [
            new InputProblem(_temp.File("big.html"), 0, Messages.ArticleTooLarge(2007, 1000)),
            new InputProblem(_temp.File("big.txt"), 0, Messages.ArticleTooLarge(2010, 1000)),
            new InputProblem(_temp.File("lines.jsonl"), 1, Messages.ArticleTooLarge(2011, 1000)),
        ], outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!));
    }

    [Fact]
    public void The_default_article_limit_is_a_few_megabytes()
    {
        Assert.InRange(new ArticleReaderOptions().MaxArticleBytes, 1L << 20, 16L << 20);
    }

    [Theory]
    [InlineData("{\"text\": 42}", "a number")]
    [InlineData("{\"text\": 4.5}", "a number")]
    [InlineData("{\"text\": true}", "a boolean")]
    [InlineData("{\"text\": {\"en\": \"x\"}}", "an object")]
    public void A_text_that_is_not_a_string_is_rejected(string line, string what)
    {
        File.WriteAllText(_temp.File("a.jsonl"), line + "\n");
        var outcome = Assert.Single(Read(_temp.File("a.jsonl")));
        Assert.Null(outcome.Article);
        Assert.Equal(Messages.TextNotAString(what), outcome.Problem!.Reason);
    }

    [Fact]
    public void An_empty_folder_is_reported()
    {
        var empty = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(Path.Combine(empty, "sub"));
        File.WriteAllText(Path.Combine(empty, "notes.md"), "not an article");
        var outcome = Assert.Single(Read(empty));
        Assert.Equal(new InputProblem(empty, 0, Messages.EmptyFolder), outcome.Problem);
    }

    [Fact]
    public void Names_with_newlines_and_escape_codes_are_printed_on_one_harmless_line()
    {
        var problem = new InputProblem("evil\nname\u001b[31m.json", 3, "bad\rreason");
        Assert.Equal("evil\\nname\\x1b[31m.json:3: bad\\rreason", problem.ToString());
    }
}
