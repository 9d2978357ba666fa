using EventExtractor.Records;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace EventExtractor.Learning;

/// <summary>One training or test example: its features and its class.</summary>
/// <param name="Features">The hashed features, compacted.</param>
/// <param name="Label">The class; <see cref="SubEventType.None"/> for text that reports no event.</param>
/// <param name="Source">Where it came from, for messages ("corpus a-01 lede", "notes.csv:12").</param>
internal sealed record LabelledExample(FeatureVector Features, SubEventType Label, string Source);

/// <summary>The ML.NET multiclass trainers the classifier can be fitted with.</summary>
internal enum TrainerKind
{
    /// <summary>Maximum entropy (multinomial logistic regression) by L-BFGS: the default (best on the dev split).</summary>
    LbfgsMaximumEntropy,
    /// <summary>Maximum entropy by stochastic dual coordinate ascent.</summary>
    SdcaMaximumEntropy,
    /// <summary>Gradient-boosted trees (LightGBM).</summary>
    LightGbm,
}

/// <summary>Settings of <see cref="EventClassifierTrainer"/>.</summary>
internal sealed record TrainerOptions
{
    /// <summary>The ML.NET trainer.</summary>
    public TrainerKind Trainer { get; init; } = TrainerKind.LbfgsMaximumEntropy;

    /// <summary>L2 regularization of the maximum-entropy trainers (features are L2-normalized, so weights must grow large).</summary>
    /// <remarks>1e-4 was best of 1e-4, 1e-3 and 1e-2 on the held-out notes; ML.NET's defaults (L1 1, L2 1) learn almost nothing here.</remarks>
    public float L2Regularization { get; init; } = 1e-4f;

    /// <summary>Seed of ML.NET's context (shuffling, folds, tree sampling): the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20240601;
}

/// <summary>ML.NET's figures for a model on labelled examples, plus ours (accuracy, weighted F1 and the confusion).</summary>
internal sealed record ClassifierMetrics(MulticlassClassificationMetrics MlNet, ClassificationScores Scores);

/// <summary>
/// Trains an <see cref="EventClassifierModel"/> with one of ML.NET's multiclass trainers over the project's hashed
/// features. The feature buckets the training data uses become the vocabulary (ML.NET's vector slots, in bucket
/// order); each example is one sparse vector, L2-normalized so that long and short texts score on one scale.
/// Deterministic: one thread, a seeded context, examples in the order given, and a model file with fixed entry times.
/// </summary>
internal sealed class EventClassifierTrainer(TrainerOptions? options = null)
{
    /// <summary>The settings in force.</summary>
    public TrainerOptions Options { get; } = options ?? new TrainerOptions();

    /// <summary>
    /// Trains on <paramref name="examples"/>. The softmax temperature is fitted on <paramref name="calibration"/> when
    /// given; without one, on a held-out half (a model trained on the even-numbered examples is calibrated on the
    /// odd-numbered ones; the training set itself is nearly separable and would make every probability near 1).
    /// </summary>
    public EventClassifierModel Train(IReadOnlyList<LabelledExample> examples, FeatureHasher hasher, bool usesKnowledge,
        string lexiconHash, IReadOnlyList<LabelledExample>? calibration = null)
    {
        if (examples.Count == 0) throw new ArgumentException("no examples", nameof(examples));
        var metadata = new EventClassifierMetadata
        {
            BucketBits = hasher.BucketBits,
            UsesKnowledge = usesKnowledge,
            LexiconHash = usesKnowledge ? lexiconHash : "",
            Trainer = Options.Trainer.ToString(),
            TrainingExamples = examples.GroupBy(e => e.Label).OrderBy(g => (int)g.Key)
                .ToDictionary(g => EventClassifierModel.ClassName(g.Key), g => g.Count()),
        };
        var model = TrainOnce(examples, metadata);
        IReadOnlyList<LabelledExample>? heldOut = calibration is { Count: > 0 } ? calibration : null;
        var calibrated = model;
        if (heldOut == null)
        {
            var even = examples.Where((_, i) => i % 2 == 0).ToList();
            var odd = examples.Where((_, i) => i % 2 == 1).ToList();
            if (even.Select(e => e.Label).Distinct().Count() >= 2 && odd.Count > 0)
            {
                calibrated = TrainOnce(even, metadata);
                heldOut = odd;
            }
        }
        return heldOut == null ? model : model.WithTemperature(FitTemperature(calibrated, heldOut));
    }

    private EventClassifierModel TrainOnce(IReadOnlyList<LabelledExample> examples, EventClassifierMetadata metadata)
    {
        var vocabulary = Vocabulary(examples);
        var ml = Context();
        var data = ToDataView(ml, examples, vocabulary);
        var transformer = Estimator(ml).Fit(data);
        return EventClassifierModel.FromTrained(ml, transformer, data.Schema, metadata, vocabulary);
    }

    /// <summary>
    /// K-fold cross-validation with ML.NET (folds drawn by the seeded context): ML.NET's metrics of each fold's model
    /// on the fold it did not see.
    /// </summary>
    public IReadOnlyList<MulticlassClassificationMetrics> CrossValidate(IReadOnlyList<LabelledExample> examples, int folds)
    {
        var ml = Context();
        var data = ToDataView(ml, examples, Vocabulary(examples));
        return ml.MulticlassClassification.CrossValidate(data, Estimator(ml), folds, seed: Options.Seed)
            .Select(r => r.Metrics).ToList();
    }

    /// <summary>ML.NET's metrics of <paramref name="model"/> (without its temperature) and our scores, on labelled examples.</summary>
    public static ClassifierMetrics Evaluate(EventClassifierModel model, IReadOnlyList<LabelledExample> examples)
    {
        var ml = new MLContext(seed: 1);
        var transformer = model.LoadTransformer(ml);
        var rows = examples.Select(e => Row(e, model.VocabularySize, model.SlotOf));
        var data = ml.Data.LoadFromEnumerable(rows, MlNetRow.Schema(model.VocabularySize));
        var metrics = ml.MulticlassClassification.Evaluate(transformer.Transform(data));
        var scores = new ClassificationScores();
        foreach (var e in examples) scores.Add(e.Label, model.Predict(e.Features.Ids, e.Features.Values).Type);
        return new ClassifierMetrics(metrics, scores);
    }

    private MLContext Context()
    {
        var ml = new MLContext(seed: Options.Seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        return ml;
    }

    private IEstimator<ITransformer> Estimator(MLContext ml) => Options.Trainer switch
    {
        TrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L2Regularization = Options.L2Regularization }),
        TrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options { NumberOfThreads = 1, Seed = Options.Seed, Silent = true }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = Options.L2Regularization,
                // ML.NET's default L1 of 1 zeroes nearly every weight of L2-normalized sparse text features.
                L1Regularization = 0f,
            }),
    };

    /// <summary>Every bucket the examples use, in increasing order.</summary>
    private static int[] Vocabulary(IReadOnlyList<LabelledExample> examples)
    {
        var used = new HashSet<int>();
        foreach (var e in examples) foreach (var id in e.Features.Ids) used.Add(id);
        var vocabulary = used.ToArray();
        Array.Sort(vocabulary);
        return vocabulary;
    }

    private static IDataView ToDataView(MLContext ml, IReadOnlyList<LabelledExample> examples, int[] vocabulary)
    {
        var slotOf = new Dictionary<int, int>(vocabulary.Length);
        for (int i = 0; i < vocabulary.Length; i++) slotOf[vocabulary[i]] = i;
        // Materialized, so that every pass of the trainer sees the same rows without rebuilding them.
        var rows = examples.Select(e => Row(e, vocabulary.Length, b => slotOf.TryGetValue(b, out var s) ? s : -1)).ToList();
        return ml.Data.LoadFromEnumerable(rows, MlNetRow.Schema(vocabulary.Length));
    }

    private static MlNetRow Row(LabelledExample e, int slots, Func<int, int> slotOf)
    {
        float norm = e.Features.Norm;
        var indices = new List<int>(e.Features.Ids.Length);
        var values = new List<float>(e.Features.Ids.Length);
        for (int i = 0; i < e.Features.Ids.Length; i++)
        {
            int slot = slotOf(e.Features.Ids[i]);
            if (slot < 0) continue;
            indices.Add(slot);
            values.Add(e.Features.Values[i] * norm);
        }
        return new MlNetRow
        {
            Features = new VBuffer<float>(slots, indices.Count, values.ToArray(), indices.ToArray()),
            Label = (uint)e.Label,
        };
    }

    /// <summary>
    /// The temperature, from a fixed grid, that minimises the negative log-likelihood of <paramref name="data"/>:
    /// a record's confidence is this probability, and it should mean what it says (see eval's reliability table).
    /// </summary>
    private static float FitTemperature(EventClassifierModel model, IReadOnlyList<LabelledExample> data)
    {
        int c = model.Classes.Count;
        var raw = model.WithTemperature(1f);
        var logs = new double[data.Count * c];
        Span<float> p = stackalloc float[c];
        for (int i = 0; i < data.Count; i++)
        {
            raw.Probabilities(data[i].Features.Ids, data[i].Features.Values, p);
            for (int k = 0; k < c; k++) logs[i * c + k] = Math.Log(Math.Max(p[k], 1e-30f));
        }
        float best = 1f;
        double bestLoss = double.MaxValue;
        for (int g = -20; g <= 20; g++)
        {
            float t = (float)Math.Pow(10, g / 20.0); // 0.1 .. 10
            double loss = 0;
            for (int i = 0; i < data.Count; i++)
            {
                var s = logs.AsSpan(i * c, c);
                double max = double.NegativeInfinity;
                foreach (var x in s) max = Math.Max(max, x / t);
                double z = 0;
                foreach (var x in s) z += Math.Exp(x / t - max);
                loss += Math.Log(z) + max - s[(int)data[i].Label] / t;
            }
            if (loss < bestLoss - 1e-9) { bestLoss = loss; best = t; }
        }
        return best;
    }
}
