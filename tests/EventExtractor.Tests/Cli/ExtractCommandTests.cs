using EventExtractor.Cli;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Records;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Cli;

/// <summary><c>extract</c> end to end, with a fake engine and reader in place of the real ones.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ee-extract-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _models;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly List<string> _loadedFrom = new();
    private DateOnly? _readerDefaultPublished;

    public ExtractCommandTests()
    {
        _models = Path.Combine(_dir, "models");
        Directory.CreateDirectory(_models);
        File.WriteAllText(Path.Combine(_models, ModelDirectory.Marker), "models\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Article Article(string id) => new(id, null, "text of " + id, null, null, null, id + ".txt");

    private ExtractCommand.ExtractServices Fakes(params ReadOutcome[] outcomes) => new(
        dir =>
        {
            _loadedFrom.Add(dir);
            return a => a.Id == "quiet" ? [] : [new AcledRecord { EventIdCnty = "X" + a.Id, ArticleId = a.Id }];
        },
        (options, inputs, stdin) =>
        {
            _readerDefaultPublished = options.DefaultPublished;
            return outcomes;
        });

    private int Execute(string output, bool quiet, string? published, ExtractCommand.ExtractServices services) =>
        ExtractCommand.Execute(new CliContext(new StringReader(""), _stdout, _stderr),
            new ExtractCommand.ExtractOptions(["in"], output, _models, published, quiet), services);

    [Fact]
    public void A_clean_run_writes_the_file_and_a_summary_and_exits_0()
    {
        var output = Path.Combine(_dir, "out.csv");
        int code = Execute(output, quiet: false, "2024-05-01",
            Fakes(new ReadOutcome(Article("1"), null), new ReadOutcome(Article("quiet"), null)));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(new[] { _models }, _loadedFrom);
        Assert.Equal(new DateOnly(2024, 5, 1), _readerDefaultPublished);
        var lines = File.ReadAllText(output).Split('\n');
        Assert.Equal(3, lines.Length); // header, one record, final newline
        Assert.StartsWith("X1,", lines[1]);
        Assert.False(File.Exists(output + ".errors.jsonl"));
        Assert.Matches(@"^2 articles, 1 event, 0 inputs rejected, \d+\.\d s\n$", _stderr.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", _stdout.ToString());
    }

    [Fact]
    public void Rejected_inputs_give_exit_2_an_errors_file_and_stderr_lines()
    {
        var output = Path.Combine(_dir, "out.json");
        var problem = new InputProblem("broken.json", 0, Messages.MalformedJson("unexpected end"));
        int code = Execute(output, quiet: true, null,
            Fakes(new ReadOutcome(null, problem), new ReadOutcome(Article("2"), null)));

        Assert.Equal(ExitCodes.SomeInputsRejected, code);
        Assert.Null(_readerDefaultPublished);
        Assert.Equal("X2", JArray.Parse(File.ReadAllText(output))[0]["event_id_cnty"]!.Value<string>());
        var error = JObject.Parse(File.ReadAllText(output + ".errors.jsonl"));
        Assert.Equal("broken.json", error["input"]!.Value<string>());
        // --quiet drops the summary, not the problems.
        Assert.Equal(problem + "\n", _stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Standard_output_gets_json_lines()
    {
        int code = Execute("-", quiet: true, null, Fakes(new ReadOutcome(Article("a"), null), new ReadOutcome(Article("b"), null)));
        Assert.Equal(ExitCodes.Success, code);
        var lines = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "Xa", "Xb" }, lines.Select(l => JObject.Parse(l)["event_id_cnty"]!.Value<string>()).ToArray());
        Assert.Equal(new[] { "models" }, Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void Engine_load_failure_leaves_no_output()
    {
        var output = Path.Combine(_dir, "out.jsonl");
        var services = Fakes() with { LoadEngine = _ => throw new ModelException(Messages.ModelFileMissing("countries.tsv")) };
        var e = Assert.Throws<ModelException>(() => Execute(output, quiet: false, null, services));
        Assert.Equal(Messages.ModelFileMissing("countries.tsv"), e.Message);
        Assert.False(File.Exists(output));
    }

    private int Execute(ExtractCommand.ExtractOptions options, ExtractCommand.ExtractServices services) =>
        ExtractCommand.Execute(new CliContext(new StringReader(""), _stdout, _stderr), options, services);

    [Theory]
    [InlineData("-", null)]
    [InlineData("out.json", null)]
    [InlineData("out.csv", "1/2")]
    public void Resume_and_shard_need_an_output_they_can_use(string output, string? shard)
    {
        var path = output == "-" ? "-" : Path.Combine(_dir, output);
        var options = new ExtractCommand.ExtractOptions(["in"], path, _models, null, true, Shard: shard, Resume: shard is null);
        var e = Assert.Throws<UsageException>(() => Execute(options, Fakes()));
        Assert.Equal(shard is null ? Messages.ResumeNeedsFile : Messages.ShardNeedsJsonLines, e.Message);
        Assert.Empty(_loadedFrom); // refused before the models are loaded
    }

    [Theory]
    [InlineData("0", null, null)]
    [InlineData("x", null, null)]
    [InlineData(null, "-1", null)]
    [InlineData(null, null, "3/2")]
    public void Bad_threads_window_or_shard_are_usage_errors(string? threads, string? window, string? shard)
    {
        var options = new ExtractCommand.ExtractOptions(["in"], "-", _models, null, true, threads, window, shard);
        var e = Assert.Throws<UsageException>(() => Execute(options, Fakes()));
        Assert.Equal(threads is not null ? Messages.BadThreads(threads) : window is not null ? Messages.BadMergeWindow(window) : Messages.BadShard(shard!), e.Message);
    }

    [Fact]
    public void A_cancelled_run_exits_130_and_resume_finishes_it_like_an_uninterrupted_run()
    {
        var articles = Enumerable.Range(0, 60).Select(i => new ReadOutcome(Article("n" + i), null)).ToArray();
        var reference = Path.Combine(_dir, "ref.jsonl");
        Assert.Equal(ExitCodes.Success, Execute(new ExtractCommand.ExtractOptions(["in"], reference, _models, null, true), Fakes(articles)));

        var output = Path.Combine(_dir, "out.jsonl");
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        var stopping = Fakes(articles) with
        {
            LoadEngine = _ => a =>
            {
                if (Interlocked.Increment(ref seen) == 25) cancel.Cancel();
                return [new AcledRecord { EventIdCnty = "X" + a.Id, ArticleId = a.Id }];
            },
            Cancellation = cancel.Token,
            CheckpointEvery = 5,
        };
        Assert.Equal(ExtractCommand.InterruptedExitCode, Execute(new ExtractCommand.ExtractOptions(["in"], output, _models, null, false), stopping));
        Assert.Contains(Messages.Interrupted(output), _stderr.ToString());
        Assert.False(File.Exists(output));
        Assert.True(File.Exists(output + ".progress"));

        _stderr.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, Execute(new ExtractCommand.ExtractOptions(["in"], output, _models, null, false, Resume: true), Fakes(articles)));
        Assert.Equal(File.ReadAllText(reference), File.ReadAllText(output));
        Assert.Equal(new[] { "models", "out.jsonl", "ref.jsonl" }, Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order().ToArray());
        // Standard error is not a terminal here: the summary line, no progress display.
        Assert.Matches(@"^60 articles, 60 events, 0 inputs rejected, \d+\.\d s\n$", _stderr.ToString().ReplaceLineEndings("\n"));
    }
}
