using EventExtractor.Cli;
using EventExtractor.Diagnostics;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Evaluation;

/// <summary><c>eval</c> through the whole command line, in-process.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly EvalTempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Tests.Cli.CliRunner.Run(args);

    private const string Attack = """{"article_id":"a-01","event_date":"2024-03-10","sub_event_type":"Attack","location":"Alpha","latitude":10.0,"longitude":20.0,"fatalities":2}""";
    private const string Clash = """{"article_id":"a-02","event_date":"2024-03-11","sub_event_type":"Armed clash","location":"Beta","latitude":12.0,"longitude":21.0,"fatalities":0}""";

    private (string Gold, string Pred) Files()
    {
        var gold = _dir.Write("gold.jsonl", Attack + "\n" + Clash + "\n");
        var pred = _dir.Write("pred.jsonl", Attack + "\n" + Clash.Replace("Armed clash", "Attack") + "\n" +
            """{"article_id":"elsewhere","sub_event_type":"Attack"}""" + "\n");
        return (gold, pred);
    }

    [Fact]
    public void Eval_prints_the_report_and_exits_0()
    {
        var (gold, pred) = Files();
        var json = Path.Combine(_dir.Path, "figures.json");
        var (code, stdout, stderr) = Run("eval", "--gold", gold, "--pred", pred, "--json", json);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\n  precision  0.500 (1/2)\n", stdout);
        Assert.Contains("\n  recall     0.500 (1/2)\n", stdout);
        Assert.Equal($"eventextractor: {Messages.EvalIgnoredPredArticles(1, 1)}\n", stderr);
        var figures = JObject.Parse(File.ReadAllText(json));
        Assert.Equal(1, figures["events_found"]!["type_differs"]!.Value<int>());
    }

    [Fact]
    public void Split_uses_the_splits_file_beside_a_gold_folder()
    {
        _dir.Write("corpus/gold/a-01.jsonl", Attack + "\n");
        _dir.Write("corpus/gold/a-02.jsonl", "");
        _dir.Write("corpus/splits.tsv", "a-01\ttrain\na-02\tdev\n");
        var pred = _dir.Write("pred.jsonl", Attack + "\n" + Attack.Replace("a-01", "a-02") + "\n");

        var (code, stdout, _) = Run("eval", "--gold", Path.Combine(_dir.Path, "corpus", "gold"), "--pred", pred, "--split", "dev");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("1 article (0 with events, 1 without), 0 records", stdout);
        Assert.Contains("\n  precision  0.000 (0/1)\n", stdout);
        Assert.Matches(@"\n  without gold events, left empty +0\.000 \(0/1\)\n", stdout);
    }

    [Theory]
    [InlineData("--km", "-3")]
    [InlineData("--km", "far")]
    [InlineData("--split", "holdout")]
    public void Bad_option_values_are_one_line_usage_errors(string option, string value)
    {
        var (gold, pred) = Files();
        var (code, stdout, stderr) = Run("eval", "--gold", gold, "--pred", pred, option, value);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("", stdout);
        var message = option == "--km" ? Messages.EvalBadKm(value) : Messages.EvalBadSplit(value);
        Assert.Equal($"eventextractor: {message}\n", stderr);
    }

    [Fact]
    public void A_missing_gold_option_or_file_is_a_usage_error()
    {
        var (_, pred) = Files();
        var r = Run("eval", "--pred", pred);
        Assert.Equal(ExitCodes.UsageError, r.Code);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));

        var missing = Path.Combine(_dir.Path, "missing.jsonl");
        r = Run("eval", "--gold", missing, "--pred", pred);
        Assert.Equal(ExitCodes.UsageError, r.Code);
        Assert.Equal($"eventextractor: {Messages.EvalSourceNotFound(missing)}\n", r.Stderr);
    }

    [Fact]
    public void Split_without_a_splits_file_is_a_usage_error()
    {
        var (gold, pred) = Files();
        var r = Run("eval", "--gold", gold, "--pred", pred, "--split", "dev");
        Assert.Equal(ExitCodes.UsageError, r.Code);
        Assert.Equal($"eventextractor: {Messages.EvalNoSplitsFile}\n", r.Stderr);
    }
}
