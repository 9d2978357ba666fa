using EventExtractor.Cli;
using EventExtractor.Cli.Review;

namespace EventExtractor.Tests.Review;

/// <summary><c>eventextractor review</c>'s options: the address printed on start, usage errors.</summary>
public sealed class ReviewCommandTests
{
    private static string Article => Path.Combine(ReviewTestServer.RepoRoot, "corpus", "articles", "a-01.json");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(["review", .. args], TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--port", "http", "--port 'http' is not a port number")]
    [InlineData("--port", "70000", "--port '70000' is not a port number")]
    [InlineData("--host", "example.org", "--host 'example.org' is not an IP address")]
    [InlineData("--model", "no-such-model.bin", "'no-such-model.bin': no such file or folder")]
    public void BadOptionsAreOneLineUsageErrors(string option, string value, string expected)
    {
        var (exit, _, err) = Run(Article, option, value);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void InputsWithoutArticlesAreAUsageError()
    {
        var empty = Directory.CreateTempSubdirectory("ee-review-empty-");
        try
        {
            var (exit, _, err) = Run(empty.FullName, "--gold", Path.Combine(empty.FullName, "gold"));
            Assert.Equal(ExitCodes.UsageError, exit);
            Assert.Contains("no article could be read", err);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheServerPrintsItsLoopbackAddressAndStopsWhenAsked()
    {
        var temp = Directory.CreateTempSubdirectory("ee-review-cmd-");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var stop = new CancellationTokenSource();
            stop.Cancel();
            int exit = ReviewCommand.Execute(new CliContext(TextReader.Null, stdout, stderr), [Article], Path.Combine(temp.FullName, "gold"),
                "0", "127.0.0.1", null, null, stop.Token);
            Assert.Equal(ExitCodes.Success, exit);
            Assert.Matches(@"Reviewing 1 article at http://127\.0\.0\.1:\d+/", stdout.ToString());
            Assert.Equal("", stderr.ToString());
            Assert.True(Directory.Exists(Path.Combine(temp.FullName, "gold", "gold")));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
