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
}
