using EventExtractor.Tests.Cli;
using EventExtractor.Cli;
using EventExtractor.Diagnostics;
using EventExtractor.Models;
using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Tests.Learning;

/// <summary>The train and classify commands run in-process on tiny temporary data.</summary>
public sealed class LearningCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ee-learn-cli-").FullName;
    private readonly string _models = ModelDirectory.Locate();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);

    private string WriteJsonl(string name, IEnumerable<(string Text, SubEventType? Label)> rows)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, rows.Select(r => r.Label is { } l
            ? JsonConvert.SerializeObject(new { text = r.Text, label = l == SubEventType.None ? "None" : AcledTaxonomy.Name(l) })
            : JsonConvert.SerializeObject(new { text = r.Text })));
        return path;
    }

    [Fact]
    public void Train_then_classify_end_to_end()
    {
        var train = WriteJsonl("train.jsonl", LearningTestData.Train.Select(t => (t.Text, (SubEventType?)t.Label)));
        var csv = Path.Combine(_dir, "acled.csv");
        File.WriteAllText(csv, "sub_event_type,notes\nPeaceful protest,\"On 2 June, workers marched peacefully, asking for pay.\"\nAttack,\n");
        var model = Path.Combine(_dir, "m.zip");

        var (code, stdout, stderr) = Run("train", train, csv, "-o", model, "--models", _models);
        Assert.Equal(0, code);
        Assert.Equal($"eventextractor: {Messages.TrainSkippedRows(csv, 1, 0)}\n", stderr);
        Assert.Contains("training examples per class (16):", stdout);
        Assert.Matches(@"Peaceful protest\s+6\n", stdout);
        Assert.Contains("accuracy 1.000", stdout);
        Assert.True(File.Exists(model));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));

        // The same command again: the same bytes.
        var first = File.ReadAllBytes(model);
        Assert.Equal(0, Run("train", train, csv, "-o", model, "--models", _models).Code);
        Assert.Equal(first, File.ReadAllBytes(model));

        var held = WriteJsonl("held.jsonl", LearningTestData.Held.Select(t => (t.Text, (SubEventType?)t.Label)).Append(("Drones bombed a camp.", null)));
        (code, stdout, stderr) = Run("classify", "--model", model, "--models", _models, held);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n');
        Assert.Matches($@"^{Regex(held)}:1\tPeaceful protest\t[01]\.\d{{3}}\t[01]\.\d{{3}}\tPeaceful protest$", lines[0]);
        Assert.Matches(@"\tAir/drone strike\t", lines[1]);
        Assert.Matches(@"\tNone\t.*\tNone$", lines[2]);
        Assert.Matches(@":4\tAir/drone strike\t[01]\.\d{3}\t[01]\.\d{3}\t$", lines[3]);
        Assert.Contains("items 3, accuracy 1.000, weighted F1 1.000 (all classes), 1.000 (25 types)", stdout);
        Assert.Contains("non-events rejected: 1.000 (1 of 1)", stdout);
    }

    private static string Regex(string s) => System.Text.RegularExpressions.Regex.Escape(s);

    [Fact]
    public void Train_usage_errors()
    {
        var model = Path.Combine(_dir, "m.zip");
        var txt = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(txt, "x");
        Assert.Equal($"eventextractor: {Messages.TrainUnknownInput(txt)}\n", Run("train", txt, "-o", model, "--models", _models).Stderr);
        var one = WriteJsonl("one.jsonl", [("Teachers marched.", SubEventType.PeacefulProtest)]);
        Assert.Equal($"eventextractor: {Messages.TrainBadTrainer("perceptron")}\n", Run("train", one, "-o", model, "--trainer", "perceptron").Stderr);
        Assert.Equal($"eventextractor: {Messages.TrainBadFolds("1")}\n", Run("train", one, "-o", model, "--cv", "1").Stderr);
        Assert.Equal($"eventextractor: {Messages.TrainSplitWithoutCorpus}\n", Run("train", one, "-o", model, "--split", "train").Stderr);
        Assert.Equal($"eventextractor: {Messages.TrainOneClass("Peaceful protest")}\n", Run("train", one, "-o", model, "--models", _models).Stderr);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Classify_with_a_corrupt_model_is_a_clear_error()
    {
        var model = Path.Combine(_dir, "bad.zip");
        File.WriteAllBytes(model, "EECL\u0001\0"u8.ToArray());
        var input = WriteJsonl("in.jsonl", [("Teachers marched.", null)]);
        var (code, stdout, stderr) = Run("classify", "--model", model, "--models", _models, input);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("", stdout);
        Assert.Equal($"eventextractor: {Messages.ModelFileBad(model, Messages.ClassifierBadMagic)}\n", stderr);
    }
}
