using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Tests.Learning;

public sealed class ModelTests
{
    private static readonly Lazy<EventClassifierModel> Model = new(() => LearningTestData.TrainPlain());

    [Fact]
    public void Perceptron_learns_a_separable_set_and_generalises_to_new_wording()
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
            Assert.Equal(p.Type == SubEventType.None, p.NoneProbability >= 0.5f || p.NoneProbability == p.Confidence);
        }
        Assert.Equal(26, model.Classes.Count);
        // Calibrated on a held-out half, not on the (separable) training set, which would give the grid's floor.
        Assert.True(model.Temperature > 0.011f, $"temperature {model.Temperature}");
        Assert.Equal(SubEventType.None, model.Classes[0]);
    }

    [Fact]
    public void One_epoch_is_not_the_same_model_as_ten()
    {
        Assert.NotEqual(LearningTestData.Bytes(LearningTestData.TrainPlain(1)), LearningTestData.Bytes(Model.Value));
    }

    [Fact]
    public void Two_trainings_on_the_same_data_give_identical_bytes()
    {
        Assert.Equal(LearningTestData.Bytes(LearningTestData.TrainPlain()), LearningTestData.Bytes(LearningTestData.TrainPlain()));
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_predictions_and_bytes()
    {
        var model = Model.Value;
        var bytes = LearningTestData.Bytes(model);
        Assert.Equal("EECL"u8.ToArray(), bytes[..4]);
        var loaded = EventClassifierModel.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, LearningTestData.Bytes(loaded));
        Assert.Equal(model.Temperature, loaded.Temperature);
        Assert.Equal(model.Classes, loaded.Classes);
        var analyzer = TextAnalyzer.Plain();
        var fx = new DocumentFeatureExtractor(loaded.Hasher, null);
        var examples = LearningTestData.Featurize(LearningTestData.Held.Concat(LearningTestData.Train), analyzer, fx);
        Span<float> a = stackalloc float[26], b = stackalloc float[26];
        foreach (var e in examples)
        {
            Assert.Equal(model.Predict(e.Features.Ids, e.Features.Values, a), loaded.Predict(e.Features.Ids, e.Features.Values, b));
            Assert.True(a.SequenceEqual(b));
        }
    }

    [Fact]
    public void Saving_to_a_file_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("ee-model-");
        try
        {
            var path = Path.Combine(dir.FullName, "m.bin");
            Model.Value.Save(path);
            Assert.Equal(["m.bin"], Directory.GetFiles(dir.FullName).Select(Path.GetFileName));
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

        var magic = (byte[])good.Clone();
        magic[0] = (byte)'X';
        Assert.Equal(Messages.ClassifierBadMagic, LoadError(magic));
        Assert.Equal(Messages.ClassifierBadMagic, LoadError("EEGZ"u8.ToArray()));
        Assert.Equal(Messages.ClassifierBadMagic, LoadError([]));

        var version = (byte[])good.Clone();
        version[4] = 9;
        Assert.Equal(Messages.ClassifierBadVersion(9, EventClassifierModel.FormatVersion), LoadError(version));

        Assert.Equal(Messages.ClassifierTruncated, LoadError(good[..(good.Length / 2)]));
        Assert.Equal(Messages.ClassifierTruncated, LoadError(good[..10]));

        var flipped = (byte[])good.Clone();
        flipped[good.Length - 20] ^= 0x40; // a weight
        Assert.Equal(Messages.ClassifierChecksum, LoadError(flipped));

        Assert.Equal(Messages.ClassifierCorrupt, LoadError([.. good, 0]));
    }

    [Fact]
    public void Loading_a_file_names_it_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ee-bad-{Guid.NewGuid():N}.bin");
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
        var m = Model.Value;
        var bytes = LearningTestData.Bytes(m);
        var withKnowledge = new EventClassifierModel(m.Hasher.BucketBits, m.FeatureSetVersion, true, m.Temperature, m.Classes,
            new float[26], [], []);
        Assert.Throws<ArgumentException>(() => new EventClassifier(withKnowledge, null));
        Assert.NotEmpty(bytes);
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
