using System.Diagnostics;
using EventExtractor.Cli;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Records;
using EventExtractor.Tests.Cli;
using EventExtractor.Tests.Extraction;
using EventExtractor.Tests.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Hostile;

/// <summary>The command line against hostile uses and a new user's mistakes.</summary>
public sealed class HostileCommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string WriteArticles(string name, int count)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, string.Concat(Enumerable.Range(1, count).Select(i =>
            new JObject { ["id"] = $"a{i}", ["text"] = $"Article number {i}." }.ToString(Newtonsoft.Json.Formatting.None) + "\n")));
        return path;
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("merge")]
    public void An_output_naming_an_input_is_refused_and_the_input_kept(string command)
    {
        var input = WriteArticles("articles.jsonl", 2);
        var before = File.ReadAllBytes(input);

        var (code, _, stderr) = CliRunner.Run(command, input, "-o", input);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(Messages.OutputIsInput(input), stderr);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void An_output_inside_an_input_folder_is_refused()
    {
        WriteArticles("articles.jsonl", 1);
        var output = _temp.File("events.jsonl");
        var (code, _, stderr) = CliRunner.Run("extract", _temp.Path, "-o", output);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(Messages.OutputInsideInput(output, _temp.Path), stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_output_that_is_a_folder_is_refused_before_anything_is_read()
    {
        var folder = _temp.File("out.json");
        Directory.CreateDirectory(folder);
        var services = new ExtractCommand.ExtractServices(
            _ => throw new InvalidOperationException("the engine must not be loaded"),
            (_, _, _) => throw new InvalidOperationException("the inputs must not be read"));
        var e = Assert.Throws<UsageException>(() => ExtractCommand.Execute(
            new CliContext(new StringReader(""), TextWriter.Null, TextWriter.Null),
            new ExtractCommand.ExtractOptions(["in.jsonl"], folder, null, null, true), services));
        Assert.Equal(Messages.OutputIsFolder(folder), e.Message);
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion()
    {
        var (code, _, stderr) = CliRunner.Run("extrct", "x.json");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("eventextractor: unknown command 'extrct'; did you mean 'extract'?\n", stderr);
        var (_, _, far) = CliRunner.Run("frobnicate");
        Assert.StartsWith("eventextractor: unknown command 'frobnicate' (the commands are extract, ", far);
    }

    [Fact]
    public void The_top_level_help_is_short_and_extract_help_names_the_databases()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.InRange(stdout.Split('\n').Length, 8, 25);
        foreach (var command in new[] { "extract", "explain", "eval", "train", "classify", "merge", "export" })
            Assert.Contains("  " + command + " ", stdout);

        var extract = CliRunner.Run("extract", "--help").Stdout;
        Assert.Contains(".db, .sqlite", extract);
        Assert.Contains("postgres://", extract);
        Assert.Contains("--max-article-bytes", extract);
    }

    [Fact]
    public void Classify_on_a_json_file_is_a_usage_error()
    {
        var path = _temp.File("articles.json");
        File.WriteAllText(path, "{\n  \"text\": \"Gunmen attacked.\",\n  \"label\": \"Attack\"\n}\n");
        var (code, stdout, stderr) = CliRunner.Run("classify", path);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal($"eventextractor: {Messages.ClassifyNeedsJsonLines(path)}\n", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Explain_on_a_missing_file_exits_2()
    {
        var missing = _temp.File("nosuch.json");
        var (code, _, stderr) = CliRunner.Run("explain", missing, "--models", EngineFixture.FindModels());
        Assert.Equal(ExitCodes.SomeInputsRejected, code);
        Assert.Contains(Messages.InputNotFound, stderr);
    }

    /// <summary>A run over real files with a fake engine: each article gives one record, all with the same id.</summary>
    private int Extract(string input, string output, bool resume, CancellationTokenSource? stopAt2 = null)
    {
        var models = _temp.File("models");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, ModelDirectory.Marker), "models\n");
        var services = new ExtractCommand.ExtractServices(
            _ => article =>
            {
                if (article.Id == "a2") stopAt2?.Cancel();
                return [new AcledRecord { EventIdCnty = "NGA00000007", ArticleId = article.Id, Notes = article.Text }];
            },
            ExtractCommand.ExtractServices.Default.Read)
        {
            Cancellation = stopAt2?.Token ?? default,
            CheckpointEvery = 1,
        };
        return ExtractCommand.Execute(new CliContext(new StringReader(""), TextWriter.Null, TextWriter.Null),
            new ExtractCommand.ExtractOptions([input], output, models, null, true, Threads: "1", Resume: resume), services);
    }

    [Fact]
    public void Resume_refuses_an_input_that_changed_since_the_interrupted_run()
    {
        var input = WriteArticles("articles.jsonl", 3);
        var output = _temp.File("out") + "/events.jsonl";
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using (var stop = new CancellationTokenSource())
            Assert.Equal(ExtractCommand.InterruptedExitCode, Extract(input, output, resume: false, stop));

        // Same size, other content, as an editor saving over the file would leave it.
        File.WriteAllText(input, File.ReadAllText(input).Replace("number 1", "NUMBER 1"));
        File.SetLastWriteTimeUtc(input, DateTime.UtcNow.AddMinutes(5));

        var e = Assert.Throws<UsageException>(() => Extract(input, output, resume: true));
        Assert.Equal(Messages.ResumeInputChanged(Path.GetFullPath(input), "its content changed"), e.Message);
    }

    [Fact]
    public void A_resumed_run_keeps_ids_unique_across_the_interruption()
    {
        var input = WriteArticles("articles.jsonl", 3);
        var outputs = _temp.File("out");
        Directory.CreateDirectory(outputs);
        var whole = Path.Combine(outputs, "whole.jsonl");
        Assert.Equal(ExitCodes.Success, Extract(input, whole, resume: false));

        var resumed = Path.Combine(outputs, "resumed.jsonl");
        using (var stop = new CancellationTokenSource())
            Assert.Equal(ExtractCommand.InterruptedExitCode, Extract(input, resumed, resume: false, stop));
        File.SetLastWriteTimeUtc(input, DateTime.UtcNow.AddMinutes(5)); // touched, not changed: resuming is fine
        Assert.Equal(ExitCodes.Success, Extract(input, resumed, resume: true));

        var ids = File.ReadAllLines(whole).Select(l => JObject.Parse(l).Value<string>("event_id_cnty")).ToList();
        Assert.Equal(["NGA00000007", "NGA00000008", "NGA00000009"], ids);
        Assert.Equal(File.ReadAllText(whole), File.ReadAllText(resumed));
        // The checkpoint and the digests of the inputs go once the run is complete.
        Assert.Equal(["resumed.jsonl", "whole.jsonl"], Directory.GetFiles(outputs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
