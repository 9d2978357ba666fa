using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Records;
using Microsoft.ML.Data;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor train INPUT... -o MODEL [--trainer T] [--cv K] [--models DIR] [--split S]</c>.</summary>
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
        "The model is ML.NET's (--trainer: lbfgs = LbfgsMaximumEntropy, the default; sdca = SdcaMaximumEntropy;\n" +
        "lightgbm = LightGbm) over the extractor's features, saved as an ML.NET model zip with the feature set, the\n" +
        "label set and a hash of the lexicons in the models folder; extraction refuses it with other lexicons.\n" +
        "With --split, only corpus items of that split are trained on; the dev items (when training on another split)\n" +
        "are scored and calibrate the probabilities. --cv K adds a K-fold cross-validation of the training data.\n" +
        "ML.NET's metrics are printed: micro/macro accuracy, log-loss, and per class precision, recall and log-loss.\n" +
        "Training is deterministic: the same inputs and options give the same file, byte for byte.\n" +
        "\n" +
        "Exit codes: 0 the model was written; 1 usage error.";

    private static readonly string[] SplitNames = ["train", "dev", "test"];

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Corpus folders, ACLED .csv files, .jsonl files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", HelpName = "MODEL", Required = true };
        var trainer = new Option<string>("--trainer") { Description = "lbfgs (LbfgsMaximumEntropy), sdca (SdcaMaximumEntropy) or lightgbm.", HelpName = "T", DefaultValueFactory = _ => "lbfgs" };
        var cv = new Option<string?>("--cv") { Description = "Also cross-validate the training data in K folds and print ML.NET's metrics.", HelpName = "K" };
        var models = new Option<string?>("--models") { Description = "Models folder (lexicons and gazetteer for the features).", HelpName = "DIR" };
        var split = new Option<string?>("--split") { Description = "Train only on corpus items of this split (train, dev or test).", HelpName = "SPLIT" };
        var command = new Command("train", Description) { inputs, output, trainer, cv, models, split };
        command.SetAction(parse => Execute(context, parse.GetValue(inputs) ?? [], parse.GetValue(output)!,
            parse.GetValue(trainer) ?? "lbfgs", parse.GetValue(cv), parse.GetValue(models), parse.GetValue(split)));
        return command;
    }

    /// <summary>Runs <c>train</c>; usage problems propagate as <see cref="UsageException"/>.</summary>
    public static int Execute(CliContext context, IReadOnlyList<string> inputs, string output, string trainerText, string? cvText,
        string? modelsOption, string? splitOption)
    {
        var trainerKind = trainerText.Trim().ToLowerInvariant() switch
        {
            "lbfgs" or "lbfgsmaximumentropy" => TrainerKind.LbfgsMaximumEntropy,
            "sdca" or "sdcamaximumentropy" => TrainerKind.SdcaMaximumEntropy,
            "lightgbm" => TrainerKind.LightGbm,
            _ => throw new UsageException(Messages.TrainBadTrainer(trainerText)),
        };
        int folds = 0;
        if (cvText != null && (!int.TryParse(cvText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out folds) || folds is < 2 or > 100))
            throw new UsageException(Messages.TrainBadFolds(cvText));
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

        var modelsDir = ModelDirectory.Locate(modelsOption);
        var analyzer = TextAnalyzer.Load(modelsDir);
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

        var learner = new EventClassifierTrainer(new TrainerOptions { Trainer = trainerKind });
        var model = learner.Train(train, features.Hasher, features.UsesKnowledge, LexiconFingerprint.Of(modelsDir), dev.Count > 0 ? dev : null);

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
        o.WriteLine($"training set ({trainerKind}):");
        o.Write(Indent(MetricsText(EventClassifierTrainer.Evaluate(model, train))));
        if (dev.Count > 0)
        {
            o.WriteLine("dev set:");
            o.Write(Indent(MetricsText(EventClassifierTrainer.Evaluate(model, dev))));
        }
        if (folds > 0)
        {
            var results = learner.CrossValidate(train, folds);
            o.WriteLine($"cross-validation, {folds} folds of the training data (ML.NET):");
            for (int i = 0; i < results.Count; i++) o.WriteLine("  " + Summary($"fold {i + 1}", results[i]));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  mean     micro accuracy {results.Average(r => r.MicroAccuracy):0.000}, macro accuracy {results.Average(r => r.MacroAccuracy):0.000}, log-loss {results.Average(r => r.LogLoss):0.000}"));
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {model.Metadata.Trainer}, {model.VocabularySize} features x {model.Classes.Count} classes, {new FileInfo(output).Length} bytes, temperature {model.Temperature:0.###}"));
        o.Flush();
        return ExitCodes.Success;
    }

    private static string Summary(string name, MulticlassClassificationMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-8} micro accuracy {m.MicroAccuracy:0.000}, macro accuracy {m.MacroAccuracy:0.000}, log-loss {m.LogLoss:0.000}, log-loss reduction {m.LogLossReduction:0.000}");

    /// <summary>ML.NET's metrics (overall and per class) and our accuracy / weighted F1 lines.</summary>
    public static string MetricsText(ClassifierMetrics metrics)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = metrics.MlNet;
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(Summary("ML.NET", m));
        sb.AppendLine(inv, $"{"class",-36} {"gold",5} {"pred",5} {"precision",9} {"recall",7} {"log-loss",8}");
        var s = metrics.Scores;
        foreach (var t in EventClassifierModel.AllClasses)
        {
            int gold = s.Support(t), pred = s.PredictedCount(t);
            if (gold + pred == 0) continue;
            int k = (int)t;
            string precision = k < m.ConfusionMatrix.PerClassPrecision.Count && pred > 0 ? m.ConfusionMatrix.PerClassPrecision[k].ToString("0.000", inv) : "-";
            string recall = k < m.ConfusionMatrix.PerClassRecall.Count && gold > 0 ? m.ConfusionMatrix.PerClassRecall[k].ToString("0.000", inv) : "-";
            string logLoss = k < m.PerClassLogLoss.Count && gold > 0 ? m.PerClassLogLoss[k].ToString("0.000", inv) : "-";
            sb.AppendLine(inv, $"{EventClassifierModel.ClassName(t),-36} {gold,5} {pred,5} {precision,9} {recall,7} {logLoss,8}");
        }
        var lines = s.ToText().Split('\n');
        foreach (var line in lines[^3..]) if (line.Length > 0) sb.AppendLine(line);
        return sb.ToString();
    }

    private static void AddTexts(IEnumerable<LabelledText> texts, TextAnalyzer analyzer, IFeatureExtractor features, FeatureBuffer buffer, List<LabelledExample> into)
    {
        foreach (var t in texts)
            into.Add(new LabelledExample(TrainingData.Featurize(t.Text, t.Source, analyzer, features, buffer), t.Label ?? SubEventType.None, t.Source));
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : "  " + l + "\n")).TrimEnd('\n') + "\n";
}
