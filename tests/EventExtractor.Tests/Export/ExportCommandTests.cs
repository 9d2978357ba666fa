using EventExtractor.Cli;
using EventExtractor.Diagnostics;
using EventExtractor.Tests.Extraction;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Export;

/// <summary><c>export</c> end to end: outputs, bad inputs and exit codes (the engine loaded once, by the fixture).</summary>
[Collection("engine")]
public sealed class ExportCommandTests : IDisposable
{
    private readonly EngineFixture _engine;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ee-export-tests-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _stdout = new() { NewLine = "\n" };
    private readonly StringWriter _stderr = new() { NewLine = "\n" };

    public ExportCommandTests(EngineFixture engine)
    {
        _engine = engine;
        Directory.CreateDirectory(_dir);
        var a = ExportFixtures.Article();
        File.WriteAllText(Path.Combine(_dir, "good.txt"), a.Text);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    private int Execute(string format, string output, params string[] inputs) =>
        ExportCommand.Execute(new CliContext(new StringReader(""), _stdout, _stderr),
            new ExportCommand.ExportOptions(inputs, format, output, _engine.ModelsDir, null, Quiet: false),
            _engine.Engine.Analyse);

    [Fact]
    public void A_clean_run_writes_conll_and_exits_0()
    {
        var output = In("out.conll");
        int code = Execute("conll", output, In("good.txt"));

        Assert.Equal(ExitCodes.Success, code);
        var (docs, sentences) = ExportFixtures.ParseConll(File.ReadAllText(output));
        Assert.Equal(["good"], docs);
        Assert.NotEmpty(sentences);
        Assert.False(File.Exists(output + ".errors.jsonl"));
        Assert.Contains("1 article,", _stderr.ToString());
    }

    [Fact]
    public void Bad_inputs_are_reported_the_rest_is_written_and_the_exit_code_is_2()
    {
        File.WriteAllText(In("empty.txt"), "");
        File.WriteAllText(In("bad.jsonl"), "{\"id\": \"x\", \"text\": \"Gunmen attacked a village.\"}\nnot json\n");
        var output = In("out.jsonl");

        int code = Execute("spans", output, In("empty.txt"), In("bad.jsonl"), In("missing.txt"), In("good.txt"));

        Assert.Equal(ExitCodes.SomeInputsRejected, code);
        var ids = File.ReadAllLines(output).Select(l => (string?)JObject.Parse(l)["id"]).ToList();
        Assert.Equal(["x", "good"], ids);
        var errors = File.ReadAllLines(output + ".errors.jsonl").Select(JObject.Parse).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => (string?)e["reason"] == Messages.EmptyFile);
        Assert.Contains(errors, e => (int)e["line"]! == 2);
        Assert.Contains(errors, e => (string?)e["reason"] == Messages.InputNotFound);
        Assert.Contains("empty.txt: " + Messages.EmptyFile, _stderr.ToString());
    }

    [Fact]
    public void Standard_output_gets_the_lines_and_no_errors_file()
    {
        int code = Execute("spans", "-", In("good.txt"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("good", (string?)JObject.Parse(_stdout.ToString().Split('\n')[0])["id"]);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("--format", "iob")]
    [InlineData("--published", "yesterday")]
    public void A_bad_option_value_is_a_usage_error_and_writes_nothing(string option, string value)
    {
        var output = In("out.conll");
        var args = new List<string> { "export", In("good.txt"), "-o", output, "--models", _engine.ModelsDir };
        if (option != "--format") args.AddRange(["--format", "conll"]);
        args.AddRange([option, value]);
        var stderr = new StringWriter();

        int code = Program.Run(args.ToArray(), new StringReader(""), new StringWriter(), stderr);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(value, stderr.ToString());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_format_or_output_is_a_usage_error()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.UsageError, Program.Run(["export", In("good.txt"), "-o", In("x.conll")], new StringReader(""), new StringWriter(), stderr));
        Assert.Equal(ExitCodes.UsageError, Program.Run(["export", In("good.txt"), "--format", "spans"], new StringReader(""), new StringWriter(), stderr));
        Assert.Equal(2, stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void An_unwritable_output_is_a_usage_error_and_leaves_no_file()
    {
        var output = Path.Combine(_dir, "no-such-folder", "out.conll");
        var e = Assert.Throws<UsageException>(() => Execute("conll", output, In("good.txt")));
        Assert.Contains("cannot write", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "no-such-folder")));
    }
}
