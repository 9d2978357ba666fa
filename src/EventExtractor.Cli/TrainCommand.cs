using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor train INPUT... -o MODEL [--epochs N] [--models DIR] [--split S]</c>.</summary>
internal static class TrainCommand
{
    private const string Description =
        "Train the event classifier (sub-event type or None for a span of text) and write it to MODEL.\n" +
        "\n" +
        "INPUT may be:\n" +
        "  a corpus folder  articles/ + gold/ (and splits.tsv), or its articles/ folder: a short report gives one\n" +
        "                   example (the whole text, the first gold type, None when the gold is empty); a full article\n" +
        "                   gives its headline + first paragraph (first gold type) and up to three later sentences\n" +
        "                   without a trigger word (None)\n" +
        "  .csv             an ACLED export: text from 'notes', class from 'sub_event_type'\n" +
        "  .jsonl           {\"text\": ..., \"label\": ...} lines; label an ACLED sub-event type, or None\n" +
        "\n" +
        "With --split, only corpus items of that split are trained on; the dev items (when training on another split)\n" +
        "are scored. Training is deterministic: the same inputs and options give the same file, byte for byte.\n" +
        "\n" +
        "Exit codes: 0 the model was written; 1 usage error.";

    private static readonly string[] SplitNames = ["train", "dev", "test"];

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Corpus folders, ACLED .csv files, .jsonl files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", HelpName = "MODEL", Required = true };
        var epochs = new Option<string>("--epochs") { Description = "Passes over the data.", HelpName = "N", DefaultValueFactory = _ => "10" };
        var models = new Option<string?>("--models") { Description = "Models folder (lexicons and gazetteer for the features).", HelpName = "DIR" };
        var split = new Option<string?>("--split") { Description = "Train only on corpus items of this split (train, dev or test).", HelpName = "SPLIT" };
        var command = new Command("train", Description) { inputs, output, epochs, models, split };
        command.SetAction(parse => Execute(context, parse.GetValue(inputs) ?? [], parse.GetValue(output)!,
            parse.GetValue(epochs) ?? "10", parse.GetValue(models), parse.GetValue(split)));
        return command;
    }

    /// <summary>Runs <c>train</c>; usage problems propagate as <see cref="UsageException"/>.</summary>
    public static int Execute(CliContext context, IReadOnlyList<string> inputs, string output, string epochsText, string? modelsOption, string? splitOption)
    {
        if (!int.TryParse(epochsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int epochs) || epochs is < 1 or > 1000)
            throw new UsageException(Messages.TrainBadEpochs(epochsText));
        string? split = null;
        if (splitOption != null)
        {
            split = splitOption.Trim().ToLowerInvariant();
            if (!SplitNames.Contains(split)) throw new UsageException(Messages.EvalBadSplit(splitOption));
        }
        // Check every input before the (slow) model load.
        var kinds = new List<(string Path, string Kind)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = TrainingData.FindCorpus(input) ?? throw new UsageException(Messages.TrainUnknownInput(input));
                // A review's gold folder has no splits.tsv: its items keep the split the corpus gives them, else train.
                if (split != null && !File.Exists(Path.Combine(root, "splits.tsv")) && !TrainingData.IsReviewFolder(root))
                    throw new UsageException(Messages.TrainNoSplitsFile(input));
                kinds.Add((root, "corpus"));
            }
            else if (File.Exists(input))
            {
                var ext = Path.GetExtension(input).ToLowerInvariant();
                kinds.Add((input, ext switch
                {
                    ".csv" => "acled",
                    ".jsonl" => "jsonl",
                    _ => throw new UsageException(Messages.TrainUnknownInput(input)),
                }));
            }
            else throw new UsageException(Messages.EvalSourceNotFound(input));
        }
        if (split != null && !kinds.Any(k => k.Kind == "corpus")) throw new UsageException(Messages.TrainSplitWithoutCorpus);

        var analyzer = TextAnalyzer.Load(ModelDirectory.Locate(modelsOption));
        var features = new DocumentFeatureExtractor(new FeatureHasher(), analyzer.Knowledge);
        var train = new List<LabelledExample>();
        var dev = new List<LabelledExample>();
        var buffer = new FeatureBuffer();
        // Corpus items by id: a later input's item (a reviewed article) replaces an earlier one's (the corpus's).
        var corpusItems = new List<CorpusItemExamples>();
        var corpusIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var knownSplits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, kind) in kinds)
        {
            switch (kind)
            {
                case "corpus":
                    bool hasSplits = File.Exists(Path.Combine(path, "splits.tsv"));
                    foreach (var item in TrainingData.ReadCorpus(path, analyzer, features, context.Error))
                    {
                        var itemSplit = item.Split ?? (hasSplits ? null : knownSplits.GetValueOrDefault(item.Id, "train"));
                        if (itemSplit != null) knownSplits.TryAdd(item.Id, itemSplit);
                        var placed = item with { Split = itemSplit };
                        if (corpusIndex.TryGetValue(item.Id, out int at)) corpusItems[at] = placed;
                        else { corpusIndex[item.Id] = corpusItems.Count; corpusItems.Add(placed); }
                    }
                    break;
                case "acled":
                    var rows = TrainingData.ReadAcledCsv(path, out int noText, out int unknown);
                    if (noText + unknown > 0) context.Error(Messages.TrainSkippedRows(path, noText, unknown));
                    AddTexts(rows, analyzer, features, buffer, train);
                    break;
                default:
                    using (var reader = new StreamReader(path))
                        AddTexts(TrainingData.ReadJsonLines(reader, path, labelRequired: true, context.Error), analyzer, features, buffer, train);
                    break;
            }
        }
        foreach (var item in corpusItems)
        {
            if (split == null || item.Split == split) train.AddRange(item.Examples);
            else if (item.Split == "dev") dev.AddRange(item.Examples);
        }
        if (train.Count == 0) throw new UsageException(Messages.TrainNoExamples);
        var distinct = train.Select(e => e.Label).Distinct().ToList();
        if (distinct.Count < 2) throw new UsageException(Messages.TrainOneClass(EventClassifierModel.ClassName(distinct[0])));

        var trainer = new AveragedPerceptronTrainer(new PerceptronOptions { Epochs = epochs });
        var model = trainer.Train(train, features.Hasher, features.UsesKnowledge, dev.Count > 0 ? dev : null);

        try
        {
            model.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(output, e.Message));
        }

        var o = context.Stdout;
        o.WriteLine($"training examples per class ({train.Count}):");
        foreach (var g in train.GroupBy(e => e.Label).OrderBy(g => (int)g.Key))
            o.WriteLine($"  {EventClassifierModel.ClassName(g.Key),-36} {g.Count(),5}");
        o.WriteLine("training set:");
        o.Write(Indent(Score(model, train).ToText()));
        if (dev.Count > 0)
        {
            o.WriteLine("dev set:");
            o.Write(Indent(Score(model, dev).ToText()));
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {model.RowCount} weighted features x {model.Classes.Count} classes, {new FileInfo(output).Length} bytes, temperature {model.Temperature:0.###}"));
        o.Flush();
        return ExitCodes.Success;
    }

    private static void AddTexts(IEnumerable<LabelledText> texts, TextAnalyzer analyzer, IFeatureExtractor features, FeatureBuffer buffer, List<LabelledExample> into)
    {
        foreach (var t in texts)
            into.Add(new LabelledExample(TrainingData.Featurize(t.Text, t.Source, analyzer, features, buffer), t.Label ?? SubEventType.None, t.Source));
    }

    /// <summary>The model's figures on labelled examples.</summary>
    public static ClassificationScores Score(EventClassifierModel model, IEnumerable<LabelledExample> examples)
    {
        var scores = new ClassificationScores();
        foreach (var e in examples) scores.Add(e.Label, model.Predict(e.Features.Ids, e.Features.Values).Type);
        return scores;
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : "  " + l + "\n")).TrimEnd('\n') + "\n";
}
