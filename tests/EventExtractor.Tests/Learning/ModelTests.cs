using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Tests.Learning;

public sealed class ModelTests
{
    private static readonly Lazy<EventClassifierModel> Model = new(() => LearningTestData.TrainPlain());

    [Fact]
    public void The_model_learns_a_separable_set_and_generalises_to_new_wording()
    {
        var model = Model.Value;
        var analyzer = TextAnalyzer.Plain();
        var classifier = new EventClassifier(model, null);
        foreach (var (text, label) in LearningTestData.Train.Concat(LearningTestData.Held))
        {
            var doc = analyzer.Analyse(text, "t");
            var p = classifier.Classify(doc, 0, doc.TokenCount, TextPosition.Whole);
            Assert.True(label == p.Type, $"'{text}': expected {label}, got {p.Type}");
            Assert.InRange(p.Confidence, 0f, 1f);
        }
        Assert.Equal(26, model.Classes.Count);
        Assert.Equal(SubEventType.None, model.Classes[0]);
        Assert.True(model.IsLinear);
    }

    [Fact]
    public void Direct_scoring_gives_ml_nets_probabilities()
    {
        var model = Model.Value.WithTemperature(1f);
        var analyzer = TextAnalyzer.Plain();
        var fx = new DocumentFeatureExtractor(model.Hasher, null);
        var examples = LearningTestData.Featurize(LearningTestData.Held.Concat(LearningTestData.Train), analyzer, fx);
        Span<float> ours = stackalloc float[26], theirs = stackalloc float[26];
        foreach (var e in examples)
        {
            model.Probabilities(e.Features.Ids, e.Features.Values, ours);
            model.MlNetProbabilities(e.Features.Ids, e.Features.Values, theirs);
            for (int k = 0; k < 26; k++) Assert.Equal(theirs[k], ours[k], 5);
        }
    }

    [Fact]
    public void Scoring_a_vector_in_two_parts_gives_the_probabilities_of_their_sum()
    {
        var model = Model.Value;
        var analyzer = TextAnalyzer.Plain();
        var fx = new DocumentFeatureExtractor(model.Hasher, null);
        var examples = LearningTestData.Featurize(LearningTestData.Train, analyzer, fx);
        Span<float> raw = stackalloc float[26], split = stackalloc float[26], whole = stackalloc float[26];
        for (int i = 0; i + 1 < examples.Count; i++)
        {
            var a = examples[i].Features;
            var b = examples[i + 1].Features;
            Assert.True(model.TryLinearPart(a.Ids, a.Values, raw, out float squares));
            model.ProbabilitiesOfSum(a.Ids, a.Values, raw, squares, b.Ids, b.Values, split);
            var sum = new FeatureBuffer();
            for (int j = 0; j < a.Ids.Length; j++) sum.Add(a.Ids[j], a.Values[j]);
            for (int j = 0; j < b.Ids.Length; j++) sum.Add(b.Ids[j], b.Values[j]);
            sum.Compact();
            model.Probabilities(sum.Ids, sum.Values, whole);
            for (int k = 0; k < 26; k++) Assert.True(Math.Abs(whole[k] - split[k]) < 1e-5, $"{whole[k]} vs {split[k]}"); // float rounding only
        }
    }

    [Fact]
    public void Probabilities_and_linear_part_in_one_pass_are_exactly_those_of_separate_calls()
    {
        var model = Model.Value;
        var analyzer = TextAnalyzer.Plain();
        var fx = new DocumentFeatureExtractor(model.Hasher, null);
        var examples = LearningTestData.Featurize(LearningTestData.Train.Concat(LearningTestData.Held), analyzer, fx);
        Span<float> probs = stackalloc float[26], raw = stackalloc float[26], probs1 = stackalloc float[26], raw1 = stackalloc float[26];
        foreach (var e in examples)
        {
            Assert.True(model.TryProbabilitiesAndLinearPart(e.Features.Ids, e.Features.Values, probs1, raw1, out float squares1));
            model.Probabilities(e.Features.Ids, e.Features.Values, probs);
            Assert.True(model.TryLinearPart(e.Features.Ids, e.Features.Values, raw, out float squares));
            Assert.Equal(squares, squares1);
            for (int k = 0; k < 26; k++)
            {
                Assert.Equal(probs[k], probs1[k]);
                Assert.Equal(raw[k], raw1[k]);
            }
        }
    }

    [Fact]
    public void The_other_trainers_train_save_and_load()
    {
        foreach (var kind in new[] { TrainerKind.SdcaMaximumEntropy, TrainerKind.LightGbm })
        {
            var model = LearningTestData.TrainPlain(kind);
            Assert.Equal(kind.ToString(), model.Metadata.Trainer);
            Assert.Equal(kind != TrainerKind.LightGbm, model.IsLinear);
            if (kind == TrainerKind.LightGbm) continue; // trees need more than 15 examples to split
            var analyzer = TextAnalyzer.Plain();
            var classifier = new EventClassifier(model, null);
            foreach (var (text, label) in LearningTestData.Train)
            {
                var doc = analyzer.Analyse(text, "t");
                Assert.Equal(label, classifier.Classify(doc, 0, doc.TokenCount, TextPosition.Whole).Type);
            }
        }
    }

    [Fact]
    public void Two_trainings_on_the_same_data_give_identical_bytes()
    {
        Assert.Equal(LearningTestData.Bytes(LearningTestData.TrainPlain()), LearningTestData.Bytes(LearningTestData.TrainPlain()));
        Assert.Equal(LearningTestData.Bytes(LearningTestData.TrainPlain(TrainerKind.SdcaMaximumEntropy)),
            LearningTestData.Bytes(LearningTestData.TrainPlain(TrainerKind.SdcaMaximumEntropy)));
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_predictions_and_bytes()
    {
        foreach (var model in new[] { Model.Value, LearningTestData.TrainPlain(TrainerKind.LightGbm) })
        {
            var bytes = LearningTestData.Bytes(model);
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
            var loaded = EventClassifierModel.Load(new MemoryStream(bytes));
            Assert.Equal(bytes, LearningTestData.Bytes(loaded));
            Assert.Equal(model.Metadata.Temperature, loaded.Metadata.Temperature);
            Assert.Equal(model.Metadata.Labels, loaded.Metadata.Labels);
            Assert.Equal(model.Metadata.Trainer, loaded.Metadata.Trainer);
            var analyzer = TextAnalyzer.Plain();
            var fx = new DocumentFeatureExtractor(loaded.Hasher, null);
            var examples = LearningTestData.Featurize(LearningTestData.Held.Concat(LearningTestData.Train), analyzer, fx);
            var a = new float[26];
            var b = new float[26];
            foreach (var e in examples)
            {
                Assert.Equal(model.Predict(e.Features.Ids, e.Features.Values, a), loaded.Predict(e.Features.Ids, e.Features.Values, b));
                Assert.True(a.SequenceEqual(b));
            }
        }
    }

    [Fact]
    public void The_file_is_an_ml_net_model()
    {
        var bytes = LearningTestData.Bytes(Model.Value);
        var ml = new Microsoft.ML.MLContext();
        var transformer = ml.Model.Load(new MemoryStream(bytes), out var schema);
        Assert.NotNull(transformer);
        Assert.Equal("Features", schema["Features"].Name);
    }

    [Fact]
    public void Saving_to_a_file_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("ee-model-");
        try
        {
            var path = Path.Combine(dir.FullName, "m.zip");
            Model.Value.Save(path);
            Assert.Equal(["m.zip"], Directory.GetFiles(dir.FullName).Select(Path.GetFileName));
            Assert.Equal(LearningTestData.Bytes(Model.Value), File.ReadAllBytes(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string LoadError(byte[] bytes) =>
        Assert.Throws<ModelException>(() => EventClassifierModel.Load(new MemoryStream(bytes))).Message;

    [Fact]
    public void Damaged_files_give_clear_errors()
    {
        var good = LearningTestData.Bytes(Model.Value);
        Assert.Equal(Messages.ClassifierBadMagic, LoadError("EEGZ"u8.ToArray()));
        Assert.Equal(Messages.ClassifierBadMagic, LoadError([]));
        Assert.Equal(Messages.ClassifierBadMagic, LoadError(good[..(good.Length / 2)]));

        Assert.Equal(Messages.ClassifierNoMetadata, LoadError(LearningTestData.Rewrite(good, "EventExtractor/metadata.json", null)));
        var meta = System.Text.Encoding.UTF8.GetString(LearningTestData.Entry(good, "EventExtractor/metadata.json"));
        Assert.Equal(Messages.ClassifierBadVersion(9, EventClassifierModel.FormatVersion),
            LoadError(LearningTestData.Rewrite(good, "EventExtractor/metadata.json", meta.Replace("\"FormatVersion\": 2", "\"FormatVersion\": 9"))));
        Assert.Equal(Messages.ClassifierFeatureSet(1, DocumentFeatureExtractor.FeatureSetVersion),
            LoadError(LearningTestData.Rewrite(good, "EventExtractor/metadata.json",
                meta.Replace($"\"FeatureSetVersion\": {DocumentFeatureExtractor.FeatureSetVersion}", "\"FeatureSetVersion\": 1"))));
        Assert.Equal(Messages.ClassifierUnknownClass("Picnic"),
            LoadError(LearningTestData.Rewrite(good, "EventExtractor/metadata.json", meta.Replace("\"Grenade\"", "\"Picnic\""))));
        Assert.Equal(Messages.ClassifierTruncated, LoadError(LearningTestData.Rewrite(good, "EventExtractor/vocabulary.bin", "\u0005\0\0\0")));
    }

    [Fact]
    public void Metadata_is_read_as_the_serializer_reads_it()
    {
        var good = LearningTestData.Bytes(Model.Value);
        var meta = System.Text.Encoding.UTF8.GetString(LearningTestData.Entry(good, "EventExtractor/metadata.json"));
        var loaded = EventClassifierModel.Load(new MemoryStream(good)).Metadata;
        Assert.Equal(Model.Value.Metadata.Temperature, loaded.Temperature);
        Assert.Equal(Model.Value.Metadata.TrainingExamples, loaded.TrainingExamples);
        Assert.Equal(Model.Value.Metadata.Labels, loaded.Labels);
        Assert.Equal(Model.Value.Metadata with { Labels = loaded.Labels, TrainingExamples = loaded.TrainingExamples }, loaded);

        // Names in another case, and a missing name (its default), as Newtonsoft's serializer allows.
        var other = meta.Replace("\"Trainer\"", "\"trainer\"").Replace("\"BucketBits\": 20,", "");
        var relaxed = EventClassifierModel.Load(new MemoryStream(LearningTestData.Rewrite(good, "EventExtractor/metadata.json", other))).Metadata;
        Assert.Equal(loaded.Trainer, relaxed.Trainer);
        Assert.Equal(FeatureHasher.DefaultBucketBits, relaxed.BucketBits);

        foreach (var bad in new[] { "[]", "null", "{", meta.Replace("\"FormatVersion\": 2", "\"FormatVersion\": \"two\""),
                     meta.Replace("\"Labels\": [", "\"Labels\": 3, \"x\": [") })
            Assert.Equal(Messages.ClassifierCorrupt, LoadError(LearningTestData.Rewrite(good, "EventExtractor/metadata.json", bad)));
    }

    [Fact]
    public void Loading_a_file_names_it_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ee-bad-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "not a model");
        try
        {
            var e = Assert.Throws<ModelException>(() => EventClassifierModel.Load(path));
            Assert.Equal(Messages.ModelFileBad(path, Messages.ClassifierBadMagic), e.Message);
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Throws<ModelException>(() => EventClassifierModel.Load(path));
        Assert.Equal(Messages.ModelFileMissing(path), missing.Message);
    }

    [Fact]
    public void A_knowledge_model_refuses_to_run_without_knowledge()
    {
        var knowledge = LearningTestData.WithKnowledge(Model.Value, "abc");
        Assert.Throws<ArgumentException>(() => new EventClassifier(knowledge, null));
    }

    [Fact]
    public void A_model_trained_on_other_lexicons_is_refused_with_a_clear_message()
    {
        var model = LearningTestData.WithKnowledge(Model.Value, "0123456789abcdef");
        var e = Assert.Throws<ModelException>(() => model.CheckLexicons("fedcba9876543210", "m.zip", "models"));
        Assert.Equal(Messages.ClassifierOtherLexicons("m.zip", "models", "0123456789abcdef", "fedcba9876543210"), e.Message);
        Assert.Contains("retrain", e.Message);
        model.CheckLexicons("0123456789abcdef", "m.zip", "models"); // the same lexicons: accepted
        LearningTestData.WithKnowledge(Model.Value, "").WithTemperature(1f); // the plain model runs anywhere
        Model.Value.CheckLexicons("anything", "m.zip", "models");
    }

    [Fact]
    public void The_lexicon_hash_follows_every_lexicon_file()
    {
        var dir = Directory.CreateTempSubdirectory("ee-lex-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "triggers.tsv"), "phrase\ttype\tflags\nbombed\tAir/drone strike\t\n");
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not a lexicon");
            var first = LexiconFingerprint.Of(dir.FullName);
            Assert.Equal(64, first.Length);
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "changed, still not a lexicon");
            Assert.Equal(first, LexiconFingerprint.Of(dir.FullName));
            File.WriteAllText(Path.Combine(dir.FullName, "triggers.tsv"), "phrase\ttype\tflags\r\nbombed\tAir/drone strike\t\r\n");
            Assert.Equal(first, LexiconFingerprint.Of(dir.FullName)); // line endings do not count
            File.AppendAllText(Path.Combine(dir.FullName, "triggers.tsv"), "shelled\tShelling/artillery/missile attack\t\n");
            Assert.NotEqual(first, LexiconFingerprint.Of(dir.FullName));
            var second = LexiconFingerprint.Of(dir.FullName);
            File.WriteAllText(Path.Combine(dir.FullName, "weapons.tsv"), "phrase\n");
            Assert.NotEqual(second, LexiconFingerprint.Of(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_default_model_loads_with_the_shipped_lexicons()
    {
        var models = ModelDirectory.Locate();
        var classifier = EventClassifier.Load(models, EventExtractor.Extraction.KnowledgeLoader.Load(models).Knowledge);
        Assert.True(classifier.Model.UsesKnowledge);
        Assert.Equal(DocumentFeatureExtractor.FeatureSetVersion, classifier.Model.FeatureSetVersion);
    }

    [Fact]
    public void Classifier_is_thread_safe()
    {
        var classifier = new EventClassifier(Model.Value, null);
        var analyzer = TextAnalyzer.Plain();
        var docs = LearningTestData.Train.Select(t => analyzer.Analyse(t.Text, "t")).ToArray();
        var expected = docs.Select(d => classifier.Classify(d, 0, d.TokenCount, TextPosition.Whole)).ToArray();
        var got = new EventPrediction[8][];
        Parallel.For(0, 8, i => got[i] = docs.Select(d => classifier.Classify(d, 0, d.TokenCount, TextPosition.Whole)).ToArray());
        foreach (var g in got) Assert.Equal(expected, g);
    }

    [Fact]
    public void Scores_compute_accuracy_weighted_f1_and_rejections()
    {
        var s = new ClassificationScores();
        s.Add(SubEventType.None, SubEventType.None);
        s.Add(SubEventType.None, SubEventType.Attack);
        s.Add(SubEventType.Attack, SubEventType.Attack);
        s.Add(SubEventType.Attack, SubEventType.Attack);
        s.Add(SubEventType.Grenade, SubEventType.None);
        Assert.Equal(0.6, s.Accuracy, 6);
        // None F1 2*1/(2+2)=0.5 (support 2); Attack 2*2/(2+3)=0.8 (2); Grenade 0 (1).
        Assert.Equal((2 * 0.5 + 2 * 0.8) / 5, s.WeightedF1, 6);
        Assert.Equal(2 * 0.8 / 3, s.WeightedF1Events, 6);
        Assert.Equal(0.5, s.NoneRejected, 6);
    }
}
