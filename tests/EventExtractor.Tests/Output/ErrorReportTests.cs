using EventExtractor.Diagnostics;
using EventExtractor.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Output;

public class ErrorReportTests
{
    private static readonly InputProblem Missing = new("news/a.txt", 0, Messages.InputNotFound);
    private static readonly InputProblem BadLine = new("feed.jsonl", 12, Messages.MissingText);

    [Fact]
    public void Each_problem_goes_to_stderr_at_once_as_one_line()
    {
        var stderr = new StringWriter();
        var report = new ErrorReport("-", stderr);
        report.Report(Missing);
        Assert.Equal("news/a.txt: no such file or folder\n", stderr.ToString().ReplaceLineEndings("\n"));
        report.Report(BadLine);
        Assert.EndsWith($"feed.jsonl:12: {Messages.MissingText}\n", stderr.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(2, report.Problems.Count);
    }

    [Fact]
    public void Commit_writes_one_json_object_per_problem_beside_the_output()
    {
        using var temp = new TempFolder();
        var output = temp.File("out.csv");
        var report = new ErrorReport(output, new StringWriter());
        report.Report(Missing);
        report.Report(BadLine);
        Assert.Empty(temp.Names()); // nothing before the end of the run
        report.Commit();

        Assert.Equal(output + ".errors.jsonl", report.ErrorsPath);
        var lines = File.ReadAllText(report.ErrorsPath!).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        var first = JObject.Parse(lines[0]);
        Assert.Equal(new[] { "input", "line", "reason" }, first.Properties().Select(p => p.Name).ToArray());
        Assert.Equal("news/a.txt", first["input"]!.Value<string>());
        Assert.Equal(0, first["line"]!.Value<int>());
        Assert.Equal(12, JObject.Parse(lines[1])["line"]!.Value<int>());
        Assert.Equal(new[] { "out.csv.errors.jsonl" }, temp.Names());
    }

    [Fact]
    public void No_problems_means_no_errors_file_and_a_stale_one_is_removed()
    {
        using var temp = new TempFolder();
        var output = temp.File("out.json");
        File.WriteAllText(ErrorReport.PathFor(output), "{\"stale\":true}\n");
        new ErrorReport(output, new StringWriter()).Commit();
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Standard_output_has_no_errors_file()
    {
        var report = new ErrorReport("-", new StringWriter());
        report.Report(Missing);
        report.Commit();
        Assert.Null(report.ErrorsPath);
        Assert.False(File.Exists("-.errors.jsonl"));
    }
}
