using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EventExtractor.Diagnostics;
using EventExtractor.Models;
using EventExtractor.Records;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Learning;

/// <summary>What a model file says about itself, beside ML.NET's model: checked when it is loaded.</summary>
internal sealed record EventClassifierMetadata
{
    /// <summary>The <see cref="EventClassifierModel.FormatVersion"/> it was written in.</summary>
    public int FormatVersion { get; init; } = EventClassifierModel.FormatVersion;

    /// <summary>The <see cref="DocumentFeatureExtractor.FeatureSetVersion"/> its features were made with.</summary>
    public int FeatureSetVersion { get; init; } = DocumentFeatureExtractor.FeatureSetVersion;

    /// <summary>log2 of the feature hash space.</summary>
    public int BucketBits { get; init; } = FeatureHasher.DefaultBucketBits;

    /// <summary>True when the features came from the lexicons (trigger types, cue effects, actor kinds, the rules' mentions).</summary>
    public bool UsesKnowledge { get; init; }

    /// <summary>The <see cref="LexiconFingerprint"/> of the lexicons the features came from; empty without knowledge.</summary>
    public string LexiconHash { get; init; } = "";

    /// <summary>The label set, in ML.NET key order: "None", then the codebook's 25 sub-event names.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The ML.NET trainer that fitted it.</summary>
    public string Trainer { get; init; } = "";

    /// <summary>Log-probabilities are divided by this before they are normalized again (fitted on held-out data).</summary>
    public float Temperature { get; init; } = 1f;

    /// <summary>Training examples per label.</summary>
    public IReadOnlyDictionary<string, int> TrainingExamples { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// A trained event classifier: an ML.NET multiclass model over the project's hashed features, the vocabulary of
/// feature buckets it was trained on (ML.NET's vector slot i is bucket <c>Vocabulary[i]</c>), and its metadata.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The file is ML.NET's model zip (what <c>MLContext.Model.Save</c> writes, loadable by <c>MLContext.Model.Load</c>)
/// with three more entries: <c>EventExtractor/metadata.json</c> (<see cref="EventClassifierMetadata"/>),
/// <c>EventExtractor/vocabulary.bin</c> (int32 count, then that many int32 buckets, strictly increasing) and, for a
/// linear model (the maximum-entropy trainers), <c>EventExtractor/linear.bin</c>: the same model's weights
/// (int32 slots, int32 classes, slots x classes float32 weights, classes x float32 biases; little-endian), read from
/// ML.NET's model parameters when it is saved. Extraction scores linear models from those weights directly — the
/// same sums and softmax ML.NET computes, without loading ML.NET or a prediction engine per thread; other models go
/// through ML.NET's prediction engine, one per thread. Every entry has a fixed time stamp, so the same model always
/// gives the same bytes.
/// </remarks>
internal sealed class EventClassifierModel
{
    /// <summary>The default model's file name in the models folder.</summary>
    public const string DefaultFileName = "event-classifier.zip";

    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 2;

    private const string EntryPrefix = "EventExtractor/";
    private const string MetadataEntry = EntryPrefix + "metadata.json";
    private const string VocabularyEntry = EntryPrefix + "vocabulary.bin";
    private const string LinearEntry = EntryPrefix + "linear.bin";

    /// <summary>Every entry's time stamp: a zip stores one per entry, and the time of saving would make every file differ.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int[] _vocabulary; // strictly increasing
    private readonly SlotTable _slots; // a bucket's slot, in one or two reads of a table that stays in the cache
    private readonly float[]? _weights; // slots x classes
    private readonly float[]? _bias;
    private readonly SubEventType[] _classes;
    private readonly IReadOnlyList<(string Name, byte[] Bytes)> _mlnetEntries;
    private readonly Lazy<MlNetScorer> _scorer;

    private EventClassifierModel(EventClassifierMetadata metadata, int[] vocabulary, IReadOnlyList<(string, byte[])> mlnetEntries,
        float[]? weights, float[]? bias)
    {
        Metadata = metadata;
        Hasher = new FeatureHasher(metadata.BucketBits);
        _classes = AllClasses.ToArray();
        _vocabulary = vocabulary;
        for (int i = 0; i < vocabulary.Length; i++)
            if ((uint)vocabulary[i] >= (uint)Hasher.BucketCount || (i > 0 && vocabulary[i] <= vocabulary[i - 1]))
                throw new ModelException(Messages.ClassifierCorrupt);
        _slots = new SlotTable(vocabulary, Hasher.BucketCount);
        if (weights != null && (bias == null || bias.Length != _classes.Length || weights.Length != vocabulary.Length * _classes.Length))
            throw new ModelException(Messages.ClassifierCorrupt);
        _weights = weights;
        _bias = bias;
        _mlnetEntries = mlnetEntries;
        _scorer = new Lazy<MlNetScorer>(() => new MlNetScorer(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The 26 classes every model has, in ML.NET key order (<see cref="SubEventType"/> order, None first).</summary>
    public static IReadOnlyList<SubEventType> AllClasses { get; } = Enum.GetValues<SubEventType>().OrderBy(t => (int)t).ToArray();

    /// <summary>The file's metadata.</summary>
    public EventClassifierMetadata Metadata { get; }

    /// <summary>The hash space the model's features live in.</summary>
    public FeatureHasher Hasher { get; }

    /// <summary>The <see cref="DocumentFeatureExtractor.FeatureSetVersion"/> it was trained with.</summary>
    public int FeatureSetVersion => Metadata.FeatureSetVersion;

    /// <summary>True when it was trained with lexicon knowledge (and must be used with the same lexicons).</summary>
    public bool UsesKnowledge => Metadata.UsesKnowledge;

    /// <summary>The softmax temperature fitted on held-out data.</summary>
    public float Temperature => Metadata.Temperature;

    /// <summary>The classes, in score order.</summary>
    public IReadOnlyList<SubEventType> Classes => _classes;

    /// <summary>How many feature buckets the model knows (ML.NET's feature vector length).</summary>
    public int VocabularySize => _vocabulary.Length;

    /// <summary>True when the model is linear and scored from its weights.</summary>
    public bool IsLinear => _weights != null;

    /// <summary>
    /// Builds a model from a trained ML.NET transformer: saves it through ML.NET and, for a maximum-entropy model,
    /// keeps its weights for direct scoring.
    /// </summary>
    internal static EventClassifierModel FromTrained(MLContext ml, ITransformer transformer, DataViewSchema inputSchema,
        EventClassifierMetadata metadata, int[] vocabulary)
    {
        var entries = new List<(string, byte[])>();
        using (var ms = new MemoryStream())
        {
            ml.Model.Save(transformer, inputSchema, ms);
            ms.Position = 0;
            using var zip = new ZipArchive(ms, ZipArchiveMode.Read);
            foreach (var e in zip.Entries) entries.Add((e.FullName, ReadEntry(e)));
        }
        float[]? weights = null, bias = null;
        if (transformer is ISingleFeaturePredictionTransformer<object> { Model: MaximumEntropyModelParameters me })
        {
            int c = AllClasses.Count;
            VBuffer<float>[] rows = [];
            me.GetWeights(ref rows, out int classCount);
            if (classCount != c) throw new InvalidOperationException($"the trained model has {classCount} classes, not {c}");
            weights = new float[vocabulary.Length * c];
            for (int k = 0; k < c; k++)
                foreach (var (slot, w) in rows[k].Items()) weights[slot * c + k] = w;
            bias = me.GetBiases().ToArray();
        }
        return new EventClassifierModel(metadata with { Labels = AllClasses.Select(ClassName).ToArray() }, vocabulary, entries, weights, bias);
    }

    /// <summary>The same model with another temperature.</summary>
    public EventClassifierModel WithTemperature(float temperature)
    {
        if (!(temperature > 0) || !float.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature));
        return new(Metadata with { Temperature = temperature }, _vocabulary, _mlnetEntries, _weights, _bias);
    }

    /// <summary>
    /// Refuses to run on lexicons other than those the model was trained on: <see cref="ModelException"/> naming
    /// the model and the models folder. Models trained without knowledge run anywhere.
    /// </summary>
    public void CheckLexicons(string lexiconHash, string modelName, string modelsDir)
    {
        if (UsesKnowledge && !string.Equals(Metadata.LexiconHash, lexiconHash, StringComparison.Ordinal))
            throw new ModelException(Messages.ClassifierOtherLexicons(modelName, modelsDir, Metadata.LexiconHash, lexiconHash));
    }

    /// <summary>
    /// Every class's probability for a compacted feature vector (<see cref="FeatureBuffer.Compact"/>: ids strictly increasing), into
    /// <paramref name="probabilities"/> (length = class count). Allocation-free for linear models.
    /// </summary>
    public void Probabilities(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        int c = _classes.Length;
        var probs = probabilities[..c];
        float norm = Scoring.Norm(values);
        if (_weights != null)
        {
            // ML.NET's maximum-entropy score: the bias plus the dot product, per class; then the softmax.
            Span<float> scores = stackalloc float[c];
            _bias.AsSpan().CopyTo(scores);
            var slots = SlotsOf(ids);
            for (int i = 0; i < ids.Length; i++)
            {
                int slot = slots[i];
                if (slot < 0) continue;
                AddScaled(_weights.AsSpan(slot * c, c), values[i] * norm, scores);
            }
            Scoring.Softmax(scores, Temperature, probs);
            return;
        }
        _scorer.Value.Probabilities(ids, values, norm, probs);
        if (Temperature != 1f) Scoring.Sharpen(probs, Temperature);
    }

    /// <summary>
    /// The linear part of a compacted vector's scores, unnormalized and without the bias (Σ value × weight per class),
    /// and the sum of its squared values; false for a model that is not linear. With
    /// <see cref="ProbabilitiesOfSum"/> it scores many vectors that share one part (a sentence with its article's
    /// headline and lede) by reading the shared part's weights once.
    /// </summary>
    public bool TryLinearPart(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> raw, out float squares)
    {
        squares = 0;
        if (_weights == null) return false;
        int c = _classes.Length;
        raw[..c].Clear();
        double sq = 0;
        var slots = SlotsOf(ids);
        for (int i = 0; i < ids.Length; i++)
        {
            sq += (double)values[i] * values[i];
            int slot = slots[i];
            if (slot < 0) continue;
            AddScaled(_weights.AsSpan(slot * c, c), values[i], raw);
        }
        squares = (float)sq;
        return true;
    }

    /// <summary>
    /// <see cref="Probabilities"/> and <see cref="TryLinearPart"/> of one compacted vector in one pass over its
    /// weights, each the same as its own call gives; false (and nothing filled) for a model that is not linear. A
    /// document's probabilities and the shared part of its sentences' scores come from the same features.
    /// </summary>
    public bool TryProbabilitiesAndLinearPart(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities,
        Span<float> raw, out float squares)
    {
        squares = 0;
        if (_weights == null) return false;
        int c = _classes.Length;
        float norm = Scoring.Norm(values);
        Span<float> scores = stackalloc float[c];
        _bias.AsSpan().CopyTo(scores);
        raw[..c].Clear();
        double sq = 0;
        var slots = SlotsOf(ids);
        for (int i = 0; i < ids.Length; i++)
        {
            sq += (double)values[i] * values[i];
            int slot = slots[i];
            if (slot < 0) continue;
            var w = _weights.AsSpan(slot * c, c);
            AddScaled(w, values[i] * norm, scores);
            AddScaled(w, values[i], raw);
        }
        squares = (float)sq;
        Scoring.Softmax(scores, Temperature, probabilities[..c]);
        return true;
    }

    [ThreadStatic] private static int[]? t_slots;
    private static float s_touched;

    /// <summary>
    /// The slot of each id (-1 when unknown), in a per-thread buffer valid until the next call. Each known row of
    /// weights is read on the way (the rows are megabytes, mostly not in the cache), so that the rows' loads overlap
    /// one another instead of each waiting for the sums of the previous one.
    /// </summary>
    private ReadOnlySpan<int> SlotsOf(ReadOnlySpan<int> ids)
    {
        var buffer = t_slots;
        if (buffer == null || buffer.Length < ids.Length) t_slots = buffer = new int[Math.Max(256, ids.Length * 2)];
        var weights = _weights!;
        int c = _classes.Length;
        float touched = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            int slot = _slots.SlotOf(ids[i]);
            buffer[i] = slot;
            if (slot >= 0) touched += weights[slot * c] + weights[slot * c + c - 1];
        }
        s_touched = touched; // kept, so that the reads are not optimized away
        return buffer.AsSpan(0, ids.Length);
    }

    /// <summary>
    /// <paramref name="into"/>[k] += <paramref name="row"/>[k] × <paramref name="factor"/>, a product and a sum rounded
    /// as the scalar loop rounds them (no fused multiply-add), so vector and scalar give the same scores.
    /// </summary>
    internal static void AddScaled(ReadOnlySpan<float> row, float factor, Span<float> into)
    {
        if (into.Length < row.Length) throw new ArgumentException("shorter than the row", nameof(into));
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var f = Vector256.Create(factor);
            ref float r = ref MemoryMarshal.GetReference(row);
            ref float d = ref MemoryMarshal.GetReference(into);
            for (; k <= row.Length - Vector256<float>.Count; k += Vector256<float>.Count)
            {
                var product = Vector256.Multiply(Vector256.LoadUnsafe(ref r, (nuint)k), f);
                Vector256.Add(Vector256.LoadUnsafe(ref d, (nuint)k), product).StoreUnsafe(ref d, (nuint)k);
            }
        }
        for (; k < row.Length; k++) into[k] += row[k] * factor;
    }

    /// <summary>
    /// The probabilities of the sum of two compacted vectors, the first given by its <see cref="TryLinearPart"/>
    /// (only its ids and values are needed besides, for the norm of the sum): what <see cref="Probabilities"/> gives
    /// for the summed vector, up to float rounding. Linear models only.
    /// </summary>
    public void ProbabilitiesOfSum(ReadOnlySpan<int> firstIds, ReadOnlySpan<float> firstValues, ReadOnlySpan<float> firstRaw, float firstSquares,
        ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        int c = _classes.Length;
        Span<float> raw = stackalloc float[c];
        if (!TryLinearPart(ids, values, raw, out float squares)) throw new InvalidOperationException("not a linear model");
        // |a + b|^2 = |a|^2 + |b|^2 + 2 a.b, a.b over the ids both vectors have (both are sorted).
        double cross = 0;
        for (int i = 0, j = 0; i < firstIds.Length && j < ids.Length;)
        {
            if (firstIds[i] < ids[j]) i++;
            else if (firstIds[i] > ids[j]) j++;
            else cross += (double)firstValues[i++] * values[j++];
        }
        double total = firstSquares + squares + 2 * cross;
        float norm = total > 0 ? (float)(1.0 / Math.Sqrt(total)) : 1f;
        Span<float> scores = stackalloc float[c];
        for (int k = 0; k < c; k++) scores[k] = _bias![k] + (firstRaw[k] + raw[k]) * norm;
        Scoring.Softmax(scores, Temperature, probabilities[..c]);
    }

    /// <summary>
    /// The most likely class of a compacted feature vector and its probability, plus the probability of
    /// <see cref="SubEventType.None"/>. <paramref name="probabilities"/>, when given (length = class count), receives
    /// every class's probability.
    /// </summary>
    public (SubEventType Type, float Confidence, float NoneProbability) Predict(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities = default)
    {
        int c = _classes.Length;
        Span<float> probs = probabilities.Length >= c ? probabilities[..c] : stackalloc float[c];
        Probabilities(ids, values, probs);
        int best = Scoring.ArgMax(probs);
        return (_classes[best], probs[best], probs[(int)SubEventType.None]);
    }

    /// <summary>Predicts from a buffer of features (compacted first).</summary>
    public (SubEventType Type, float Confidence, float NoneProbability) Predict(FeatureBuffer features)
    {
        features.Compact();
        return Predict(features.Ids, features.Values);
    }

    /// <summary>ML.NET's own probabilities (its prediction engine, without the temperature): what the direct scoring of a linear model must equal.</summary>
    public void MlNetProbabilities(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities) =>
        _scorer.Value.Probabilities(ids, values, Scoring.Norm(values), probabilities);

    /// <summary>ML.NET's transformer, loaded from the model's entries (for evaluation with ML.NET's metrics).</summary>
    internal ITransformer LoadTransformer(MLContext ml)
    {
        using var ms = new MemoryStream();
        WriteZip(ms, includeOwn: false);
        ms.Position = 0;
        return ml.Model.Load(ms, out _);
    }

    /// <summary>The ML.NET slot of a feature bucket, -1 when the model does not know it.</summary>
    internal int SlotOf(int bucket) => _slots.SlotOf(bucket);

    /// <summary>The name a class has in files: "None" or the codebook's sub-event name.</summary>
    public static string ClassName(SubEventType t) => t == SubEventType.None ? "None" : AcledTaxonomy.Name(t);

    /// <summary>Parses a class name as <see cref="ClassName"/> writes it (case-insensitive); false when unknown.</summary>
    public static bool TryParseClass(string? name, out SubEventType type)
    {
        type = SubEventType.None;
        if (name == null) return false;
        var n = name.Trim();
        if (n.Length == 0 || n.Equals("None", StringComparison.OrdinalIgnoreCase)) return true;
        type = AcledTaxonomy.ParseSubEvent(n);
        return type != SubEventType.None;
    }

    /// <summary>Writes the model; the same model always gives the same bytes.</summary>
    public void Save(Stream stream) => WriteZip(stream, includeOwn: true);

    private void WriteZip(Stream stream, bool includeOwn)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in _mlnetEntries) AddEntry(zip, name, bytes);
            if (includeOwn)
            {
                AddEntry(zip, MetadataEntry, System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(Metadata, Formatting.Indented) + "\n"));
                AddEntry(zip, VocabularyEntry, VocabularyBytes());
                if (_weights != null) AddEntry(zip, LinearEntry, LinearBytes());
            }
        }
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    private byte[] VocabularyBytes()
    {
        var b = new byte[4 + 4 * _vocabulary.Length];
        BinaryPrimitives.WriteInt32LittleEndian(b, _vocabulary.Length);
        for (int i = 0; i < _vocabulary.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 + 4 * i), _vocabulary[i]);
        return b;
    }

    private byte[] LinearBytes()
    {
        int c = _classes.Length;
        var b = new byte[8 + 4 * (_weights!.Length + c)];
        BinaryPrimitives.WriteInt32LittleEndian(b, _vocabulary.Length);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), c);
        int at = 8;
        foreach (var w in _weights) { BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(at), w); at += 4; }
        foreach (var w in _bias!) { BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(at), w); at += 4; }
        return b;
    }

    /// <summary>Writes the model to a file atomically: a temporary file in the same folder, renamed over the target.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.tmp-{Environment.ProcessId}";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Save(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads a model file; <see cref="ModelException"/> names the file and the problem.</summary>
    public static EventClassifierModel Load(string path)
    {
        if (!File.Exists(path)) throw new ModelException(Messages.ModelFileMissing(path));
        try
        {
            using var file = File.OpenRead(path);
            return Load(file);
        }
        catch (ModelException e)
        {
            throw new ModelException(Messages.ModelFileBad(path, e.Message));
        }
        catch (IOException e)
        {
            throw new ModelException(Messages.ModelFileBad(path, e.Message));
        }
    }

    /// <summary>Reads a model; <see cref="ModelException"/> (with the reason only) when it is no model of ours, of another version, or damaged.</summary>
    public static EventClassifierModel Load(Stream stream)
    {
        // A file (a stream that can seek, from its start) is read in place; another stream is copied first.
        using var ms = stream.CanSeek && stream.Position == 0 ? null : new MemoryStream();
        if (ms != null)
        {
            stream.CopyTo(ms);
            ms.Position = 0;
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(ms ?? stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ModelException(Messages.ClassifierBadMagic);
        }
        using (zip)
        {
            try
            {
                var metaEntry = zip.GetEntry(MetadataEntry) ?? throw new ModelException(Messages.ClassifierNoMetadata);
                var meta = ReadMetadata(System.Text.Encoding.UTF8.GetString(ReadEntry(metaEntry)));
                if (meta.FormatVersion != FormatVersion) throw new ModelException(Messages.ClassifierBadVersion(meta.FormatVersion, FormatVersion));
                if (meta.FeatureSetVersion != DocumentFeatureExtractor.FeatureSetVersion)
                    throw new ModelException(Messages.ClassifierFeatureSet(meta.FeatureSetVersion, DocumentFeatureExtractor.FeatureSetVersion));
                if (meta.BucketBits is < 1 or > 30) throw new ModelException(Messages.ClassifierCorrupt);
                if (meta.Labels.Count != AllClasses.Count) throw new ModelException(Messages.ClassifierLabels(meta.Labels.Count, AllClasses.Count));
                for (int i = 0; i < meta.Labels.Count; i++)
                {
                    if (!TryParseClass(meta.Labels[i], out var t)) throw new ModelException(Messages.ClassifierUnknownClass(meta.Labels[i]));
                    if (t != AllClasses[i]) throw new ModelException(Messages.ClassifierLabels(meta.Labels.Count, AllClasses.Count));
                }
                if (!(meta.Temperature > 0) || !float.IsFinite(meta.Temperature)) throw new ModelException(Messages.ClassifierCorrupt);

                var vocabEntry = zip.GetEntry(VocabularyEntry) ?? throw new ModelException(Messages.ClassifierCorrupt);
                var vb = ReadEntry(vocabEntry);
                if (vb.Length < 4) throw new ModelException(Messages.ClassifierTruncated);
                int n = BinaryPrimitives.ReadInt32LittleEndian(vb);
                if (n < 0 || vb.Length != 4 + 4L * n) throw new ModelException(Messages.ClassifierTruncated);
                var vocabulary = new int[n];
                for (int i = 0; i < n; i++) vocabulary[i] = BinaryPrimitives.ReadInt32LittleEndian(vb.AsSpan(4 + 4 * i));

                float[]? weights = null, bias = null;
                if (zip.GetEntry(LinearEntry) is { } linearEntry)
                {
                    var lb = ReadEntry(linearEntry);
                    int c = AllClasses.Count;
                    if (lb.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(lb) != n || BinaryPrimitives.ReadInt32LittleEndian(lb.AsSpan(4)) != c
                        || lb.Length != 8 + 4L * (n * (long)c + c))
                        throw new ModelException(Messages.ClassifierTruncated);
                    weights = new float[n * c];
                    bias = new float[c];
                    ReadSingles(lb.AsSpan(8, 4 * weights.Length), weights);
                    ReadSingles(lb.AsSpan(8 + 4 * weights.Length, 4 * c), bias);
                }

                var mlnet = new List<(string, byte[])>();
                foreach (var e in zip.Entries)
                    if (!e.FullName.StartsWith(EntryPrefix, StringComparison.Ordinal)) mlnet.Add((e.FullName, ReadEntry(e)));
                if (mlnet.Count == 0) throw new ModelException(Messages.ClassifierCorrupt);
                return new EventClassifierModel(meta, vocabulary, mlnet, weights, bias);
            }
            catch (InvalidDataException)
            {
                throw new ModelException(Messages.ClassifierChecksum);
            }
        }
    }

    /// <summary>
    /// The metadata as Newtonsoft's serializer reads it into <see cref="EventClassifierMetadata"/> (names matched
    /// ignoring case, a missing one left at its default, values converted as the serializer converts them), read
    /// from the parsed tree by name: the serializer's reflection over the type cost more than the rest of loading.
    /// </summary>
    private static EventClassifierMetadata ReadMetadata(string json)
    {
        try
        {
            if (JToken.Parse(json) is not JObject o) throw new ModelException(Messages.ClassifierCorrupt);
            var meta = new EventClassifierMetadata();
            if (Property(o, nameof(meta.FormatVersion)) is { } formatVersion) meta = meta with { FormatVersion = (int)formatVersion };
            if (Property(o, nameof(meta.FeatureSetVersion)) is { } featureSet) meta = meta with { FeatureSetVersion = (int)featureSet };
            if (Property(o, nameof(meta.BucketBits)) is { } bucketBits) meta = meta with { BucketBits = (int)bucketBits };
            if (Property(o, nameof(meta.UsesKnowledge)) is { } usesKnowledge) meta = meta with { UsesKnowledge = (bool)usesKnowledge };
            if (Property(o, nameof(meta.LexiconHash)) is { } lexiconHash) meta = meta with { LexiconHash = (string?)lexiconHash ?? throw Corrupt() };
            if (Property(o, nameof(meta.Labels)) is { } labels)
                meta = meta with { Labels = (labels as JArray ?? throw Corrupt()).Select(l => (string?)l ?? throw Corrupt()).ToList() };
            if (Property(o, nameof(meta.Trainer)) is { } trainer) meta = meta with { Trainer = (string?)trainer ?? throw Corrupt() };
            if (Property(o, nameof(meta.Temperature)) is { } temperature) meta = meta with { Temperature = (float)temperature };
            if (Property(o, nameof(meta.TrainingExamples)) is { } examples)
            {
                var counts = new Dictionary<string, int>();
                foreach (var p in examples as JObject ?? throw Corrupt()) counts[p.Key] = (int)(p.Value ?? throw Corrupt());
                meta = meta with { TrainingExamples = counts };
            }
            return meta;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw Corrupt();
        }

        static ModelException Corrupt() => new(Messages.ClassifierCorrupt);

        static JToken? Property(JObject o, string name) =>
            o.GetValue(name, StringComparison.Ordinal) ?? o.GetValue(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Little-endian float32s into <paramref name="into"/>: one copy on a little-endian machine.</summary>
    private static void ReadSingles(ReadOnlySpan<byte> bytes, Span<float> into)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(into);
            return;
        }
        for (int i = 0; i < into.Length; i++) into[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        if (entry.Length > 0 && entry.Length <= Array.MaxLength)
        {
            // Its size is known: read straight into an array of that size, not through a growing stream and a copy.
            var bytes = new byte[entry.Length];
            int n = s.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (n < bytes.Length) return bytes[..n];
            int extra = s.ReadByte(); // the end, where the checksum is verified
            if (extra < 0) return bytes;
            using var more = new MemoryStream();
            more.Write(bytes);
            more.WriteByte((byte)extra);
            s.CopyTo(more);
            return more.ToArray();
        }
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>ML.NET's prediction engine over the model, one per thread (engines are not thread-safe).</summary>
    private sealed class MlNetScorer
    {
        private readonly int _slots;
        private readonly EventClassifierModel _model;
        private readonly ThreadLocal<PredictionEngine<MlNetRow, MlNetScore>> _engines;

        public MlNetScorer(EventClassifierModel model)
        {
            _model = model;
            _slots = model._vocabulary.Length;
            var ml = new MLContext(seed: 1);
            var transformer = model.LoadTransformer(ml);
            var schema = MlNetRow.Schema(_slots);
            _engines = new ThreadLocal<PredictionEngine<MlNetRow, MlNetScore>>(
                () => ml.Model.CreatePredictionEngine<MlNetRow, MlNetScore>(transformer, inputSchemaDefinition: schema));
        }

        public void Probabilities(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, float norm, Span<float> probabilities)
        {
            var slots = new List<int>(ids.Length);
            var vals = new List<float>(ids.Length);
            for (int i = 0; i < ids.Length; i++)
            {
                int slot = _model.SlotOf(ids[i]);
                if (slot < 0) continue;
                slots.Add(slot);
                vals.Add(values[i] * norm);
            }
            var row = new MlNetRow { Features = new VBuffer<float>(_slots, slots.Count, vals.ToArray(), slots.ToArray()) };
            var score = _engines.Value!.Predict(row).Score ?? [];
            probabilities.Clear();
            for (int k = 0; k < Math.Min(score.Length, probabilities.Length); k++) probabilities[k] = score[k];
        }
    }
}

/// <summary>One example as ML.NET sees it: the feature vector over the model's vocabulary and the label's key (class + 1).</summary>
internal sealed class MlNetRow
{
    public VBuffer<float> Features;
    public uint Label;

    /// <summary>The schema with the vector length and the label's key range filled in.</summary>
    public static SchemaDefinition Schema(int slots)
    {
        var def = SchemaDefinition.Create(typeof(MlNetRow));
        def[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        def[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), EventClassifierModel.AllClasses.Count);
        return def;
    }
}

/// <summary>ML.NET's output row: a probability per class.</summary>
internal sealed class MlNetScore
{
    public float[]? Score { get; set; }
}
