using EventExtractor.Records;

namespace EventExtractor.Learning;

/// <summary>One training or test example: its features and its class.</summary>
/// <param name="Features">The hashed features.</param>
/// <param name="Label">The class; <see cref="SubEventType.None"/> for text that reports no event.</param>
/// <param name="Source">Where it came from, for messages ("corpus a-01 lede", "notes.csv:12").</param>
internal sealed record LabelledExample(FeatureVector Features, SubEventType Label, string Source);

/// <summary>Settings of <see cref="AveragedPerceptronTrainer"/>.</summary>
internal sealed record PerceptronOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the example shuffling; the same seed and data give the same model, bit for bit.</summary>
    public ulong Seed { get; init; } = 20240601;
}

/// <summary>
/// Trains an <see cref="EventClassifierModel"/> with the multiclass averaged perceptron (Collins 2002; the learner
/// of many taggers): on each mistake the true class's weights gain the example's features and the predicted class's
/// lose them; the model keeps the average of the weights over all steps, which generalises far better than the last
/// weights. Deterministic: the class order is fixed (every <see cref="SubEventType"/>), examples are shuffled by a
/// seeded SplitMix64 each epoch, features are indexed in sorted id order, and nothing runs in parallel.
/// </summary>
internal sealed class AveragedPerceptronTrainer(PerceptronOptions? options = null)
{
    /// <summary>The settings in force.</summary>
    public PerceptronOptions Options { get; } = options ?? new PerceptronOptions();

    /// <summary>The 26 classes every model has, in <see cref="SubEventType"/> order (None first).</summary>
    public static IReadOnlyList<SubEventType> AllClasses { get; } = Enum.GetValues<SubEventType>().OrderBy(t => (int)t).ToArray();

    /// <summary>
    /// Trains on <paramref name="examples"/> (in the order given; shuffled deterministically). The softmax
    /// temperature is fitted on <paramref name="calibration"/> when given. Without one it is fitted by a held-out
    /// half: a model trained on the even-numbered examples is calibrated on the odd-numbered ones (the training set
    /// itself is usually separable, and would push the temperature towards zero and every probability towards 1).
    /// </summary>
    public EventClassifierModel Train(IReadOnlyList<LabelledExample> examples, FeatureHasher hasher, bool usesKnowledge,
        IReadOnlyList<LabelledExample>? calibration = null)
    {
        if (calibration is { Count: > 0 }) return TrainOnce(examples, hasher, usesKnowledge, calibration);
        var even = examples.Where((_, i) => i % 2 == 0).ToList();
        var odd = examples.Where((_, i) => i % 2 == 1).ToList();
        float temperature = 1f;
        if (even.Count > 0 && odd.Count > 0)
            temperature = TrainOnce(even, hasher, usesKnowledge, odd).Temperature;
        var model = TrainOnce(examples, hasher, usesKnowledge, null);
        return model.WithTemperature(temperature);
    }

    private EventClassifierModel TrainOnce(IReadOnlyList<LabelledExample> examples, FeatureHasher hasher, bool usesKnowledge,
        IReadOnlyList<LabelledExample>? calibration)
    {
        if (examples.Count == 0) throw new ArgumentException("no examples", nameof(examples));
        if (Options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one epoch");
        var classes = AllClasses;
        int c = classes.Count;

        // Local rows for the buckets the data uses, in id order; the last row is the bias (a constant feature, normalized like the rest).
        var used = new SortedSet<int>();
        foreach (var e in examples) foreach (var id in e.Features.Ids) used.Add(id);
        var buckets = used.ToArray();
        var rowOf = new Dictionary<int, int>(buckets.Length);
        for (int i = 0; i < buckets.Length; i++) rowOf[buckets[i]] = i;
        int biasRow = buckets.Length;
        int rows = buckets.Length + 1;

        var local = new (int[] Rows, float[] Values, int Label, float Norm)[examples.Count];
        for (int i = 0; i < examples.Count; i++)
        {
            var f = examples[i].Features;
            float norm = f.Norm;
            var r = new int[f.Ids.Length];
            var v = new float[f.Ids.Length];
            for (int j = 0; j < r.Length; j++) { r[j] = rowOf[f.Ids[j]]; v[j] = f.Values[j] * norm; }
            local[i] = (r, v, (int)examples[i].Label, norm);
        }

        var w = new double[rows * c];
        var u = new double[rows * c]; // sum of (step * update): average = w - u / steps
        var scores = new double[c];
        var order = Enumerable.Range(0, local.Length).ToArray();
        var rng = new SplitMix64(Options.Seed);
        long step = 1;
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = (int)(rng.Next() % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (int idx in order)
            {
                var (r, v, gold, bv) = local[idx];
                Array.Clear(scores);
                for (int k = 0; k < c; k++) scores[k] = w[biasRow * c + k] * bv;
                for (int j = 0; j < r.Length; j++)
                {
                    int b = r[j] * c;
                    for (int k = 0; k < c; k++) scores[k] += w[b + k] * v[j];
                }
                int guess = 0;
                for (int k = 1; k < c; k++) if (scores[k] > scores[guess]) guess = k;
                if (guess != gold)
                {
                    for (int j = 0; j < r.Length; j++)
                    {
                        int b = r[j] * c;
                        w[b + gold] += v[j]; u[b + gold] += step * v[j];
                        w[b + guess] -= v[j]; u[b + guess] -= step * v[j];
                    }
                    w[biasRow * c + gold] += bv; u[biasRow * c + gold] += step * bv;
                    w[biasRow * c + guess] -= bv; u[biasRow * c + guess] -= step * bv;
                }
                step++;
            }
        }

        // Averaged weights; rows that end up all zero are dropped (they change no score).
        var keptBuckets = new List<int>();
        var keptWeights = new List<float>();
        for (int row = 0; row < buckets.Length; row++)
        {
            bool any = false;
            int start = keptWeights.Count;
            for (int k = 0; k < c; k++)
            {
                float a = (float)(w[row * c + k] - u[row * c + k] / step);
                keptWeights.Add(a);
                any |= a != 0;
            }
            if (any) keptBuckets.Add(buckets[row]);
            else keptWeights.RemoveRange(start, c);
        }
        var bias = new float[c];
        for (int k = 0; k < c; k++) bias[k] = (float)(w[biasRow * c + k] - u[biasRow * c + k] / step);

        var draft = new EventClassifierModel(hasher.BucketBits, DocumentFeatureExtractor.FeatureSetVersion, usesKnowledge, 1f,
            classes, bias, keptBuckets.ToArray(), keptWeights.ToArray());
        return calibration is { Count: > 0 } ? draft.WithTemperature(FitTemperature(draft, calibration)) : draft;
    }

    /// <summary>
    /// The temperature, from a fixed grid, that minimises the negative log-likelihood of <paramref name="data"/>:
    /// perceptron scores have no scale of their own, and a probability is only useful (as a threshold for the
    /// extractor) when it roughly means what it says.
    /// </summary>
    private static float FitTemperature(EventClassifierModel model, IReadOnlyList<LabelledExample> data)
    {
        int c = model.Classes.Count;
        var all = new float[data.Count * c];
        Span<float> scores = stackalloc float[c];
        for (int i = 0; i < data.Count; i++)
        {
            model.Score(data[i].Features.Ids, data[i].Features.Values, scores);
            scores.CopyTo(all.AsSpan(i * c, c));
        }
        float best = 1f;
        double bestLoss = double.MaxValue;
        for (int g = -20; g <= 20; g++)
        {
            float t = (float)Math.Pow(10, g / 10.0); // 0.01 .. 100
            double loss = 0;
            for (int i = 0; i < data.Count; i++)
            {
                var s = all.AsSpan(i * c, c);
                double max = double.NegativeInfinity;
                foreach (var x in s) max = Math.Max(max, x / t);
                double z = 0;
                foreach (var x in s) z += Math.Exp(x / t - max);
                int gold = IndexOf(model.Classes, data[i].Label);
                loss += Math.Log(z) + max - s[gold] / t;
            }
            if (loss < bestLoss - 1e-9) { bestLoss = loss; best = t; }
        }
        return best;
    }

    private static int IndexOf(IReadOnlyList<SubEventType> classes, SubEventType t)
    {
        for (int i = 0; i < classes.Count; i++) if (classes[i] == t) return i;
        return 0;
    }

    /// <summary>SplitMix64 (Steele et al.): tiny, fast, and the same sequence on every platform and runtime.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
