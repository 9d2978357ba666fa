using System.CommandLine;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Models;

namespace EventExtractor.Cli;

/// <summary><c>eventextractor classify [--model MODEL] [--models DIR] INPUT.jsonl</c>: the classifier on snippets.</summary>
internal static class ClassifyCommand
{
    private const string Description =
        "Classify short texts with the event classifier and, when they carry labels, score it.\n" +
        "\n" +
        "INPUT.jsonl has {\"text\": ..., \"label\": ...} lines; the label (an ACLED sub-event type, or None) is optional.\n" +
        "Each line prints: line number, predicted class, its probability, the probability of None, and the label.\n" +
        "With labels, the figures follow: accuracy, support-weighted F1 (all classes, and the 25 types only) and the\n" +
        "fraction of non-events rejected.\n" +
        "\n" +
        "Exit codes: 0 done; 2 some lines were skipped (reported on standard error); 1 usage error.";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("INPUT.jsonl") { Description = "Snippets to classify." };
        var model = new Option<string?>("--model") { Description = $"Model file (default: {EventClassifierModel.DefaultFileName} in the models folder).", HelpName = "MODEL" };
        var models = new Option<string?>("--models") { Description = "Models folder (lexicons and gazetteer for the features).", HelpName = "DIR" };
        var command = new Command("classify", Description) { input, model, models };
        command.SetAction(parse => Execute(context, parse.GetValue(input)!, parse.GetValue(model), parse.GetValue(models)));
        return command;
    }

    /// <summary>Runs <c>classify</c>.</summary>
    public static int Execute(CliContext context, string input, string? modelPath, string? modelsOption)
    {
        if (!File.Exists(input)) throw new UsageException(Messages.EvalSourceNotFound(input));
        if (!string.Equals(Path.GetExtension(input), ".jsonl", StringComparison.OrdinalIgnoreCase))
            throw new UsageException(Messages.ClassifyNeedsJsonLines(input));
        var modelsDir = ModelDirectory.Locate(modelsOption);
        var path = modelPath ?? Path.Combine(modelsDir, EventClassifierModel.DefaultFileName);
        var model = EventClassifierModel.Load(path);
        var lexicons = model.UsesKnowledge ? LexiconFingerprint.Of(modelsDir) : null;
        if (lexicons != null) model.CheckLexicons(lexicons, path, modelsDir); // before the (slow) analyzer load
        var analyzer = model.UsesKnowledge ? TextAnalyzer.Load(modelsDir) : TextAnalyzer.Plain();
        var classifier = new EventClassifier(model, analyzer.Knowledge, lexicons, path, modelsDir);

        List<LabelledText> texts;
        int skipped = 0;
        using (var reader = new StreamReader(input))
            texts = TrainingData.ReadJsonLines(reader, input, labelRequired: false, warning =>
            {
                skipped++;
                context.Error(warning);
            });

        var o = context.Stdout;
        var scores = new ClassificationScores();
        var inv = CultureInfo.InvariantCulture;
        foreach (var t in texts)
        {
            var doc = analyzer.Analyse(t.Text, t.Source);
            var p = classifier.Classify(doc, 0, doc.TokenCount, TextPosition.Whole);
            var gold = t.Label is { } g ? EventClassifierModel.ClassName(g) : "";
            o.WriteLine(string.Create(inv, $"{t.Source}\t{EventClassifierModel.ClassName(p.Type)}\t{p.Confidence:0.000}\t{p.NoneProbability:0.000}\t{gold}"));
            if (t.Label is { } label) scores.Add(label, p.Type);
        }
        if (scores.Count > 0) o.Write(scores.ToText());
        o.Flush();
        return skipped > 0 ? ExitCodes.SomeInputsRejected : ExitCodes.Success;
    }
}
