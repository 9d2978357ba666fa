using System.Buffers.Binary;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Models;
using EventExtractor.Records;

namespace EventExtractor.Learning;

/// <summary>
/// A trained linear multiclass model over hashed features: one weight per (feature bucket, class) and a bias per
/// class. Immutable and thread-safe. Only buckets that carry a weight are stored (a row of one weight per class),
/// so a model trained on a few thousand texts is small although the hash space has 2^20 buckets.
/// </summary>
/// <remarks>
/// File format (all numbers little-endian):
/// <code>
/// "EECL"  magic
/// uint16  format version (1), uint16 flags (bit 0: trained with lexicon knowledge)
/// int32   bucket bits (bucket count = 2^bits), int32 feature-set version
/// float32 softmax temperature
/// int32   class count C; C times: int32 UTF-8 byte length, UTF-8 class name ("None" or an ACLED sub-event name)
/// C x float32 bias
/// int32   row count R; R times: int32 bucket (strictly increasing), C x float32 weights
/// "EEND"  uint32 FNV-1a checksum of every byte before "EEND"
/// </code>
/// </remarks>
internal sealed class EventClassifierModel
{
    /// <summary>The default model's file name in the models folder.</summary>
    public const string DefaultFileName = "event-classifier.bin";

    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "EECL"u8;
    private static ReadOnlySpan<byte> EndMagic => "EEND"u8;

    private readonly int[] _rowOfBucket; // -1: no weights for that bucket
    private readonly int[] _buckets;
    private readonly float[] _weights; // rows x classes
    private readonly float[] _bias;
    private readonly SubEventType[] _classes;

    /// <summary>Builds a model; <paramref name="buckets"/> strictly increasing, <paramref name="weights"/> row-major (rows x classes).</summary>
    public EventClassifierModel(int bucketBits, int featureSetVersion, bool usesKnowledge, float temperature,
        IReadOnlyList<SubEventType> classes, float[] bias, int[] buckets, float[] weights)
    {
        Hasher = new FeatureHasher(bucketBits);
        FeatureSetVersion = featureSetVersion;
        UsesKnowledge = usesKnowledge;
        if (!(temperature > 0) || !float.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature));
        Temperature = temperature;
        _classes = classes.ToArray();
        if (_classes.Length < 2) throw new ArgumentException("at least two classes", nameof(classes));
        if (_classes.Distinct().Count() != _classes.Length) throw new ArgumentException("duplicate class", nameof(classes));
        if (bias.Length != _classes.Length) throw new ArgumentException("one bias per class", nameof(bias));
        if (weights.Length != buckets.Length * _classes.Length) throw new ArgumentException("rows x classes weights", nameof(weights));
        _bias = bias;
        _buckets = buckets;
        _weights = weights;
        _rowOfBucket = new int[Hasher.BucketCount];
        Array.Fill(_rowOfBucket, -1);
        for (int r = 0; r < buckets.Length; r++)
        {
            if ((uint)buckets[r] >= (uint)Hasher.BucketCount || (r > 0 && buckets[r] <= buckets[r - 1]))
                throw new ArgumentException("buckets must be in range and strictly increasing", nameof(buckets));
            _rowOfBucket[buckets[r]] = r;
        }
    }

    /// <summary>The hash space the model's features live in.</summary>
    public FeatureHasher Hasher { get; }

    /// <summary>The <see cref="DocumentFeatureExtractor.FeatureSetVersion"/> it was trained with.</summary>
    public int FeatureSetVersion { get; }

    /// <summary>True when it was trained with lexicon knowledge (and should be used with it).</summary>
    public bool UsesKnowledge { get; }

    /// <summary>Scores are divided by this before the softmax (fitted on the training data).</summary>
    public float Temperature { get; }

    /// <summary>The classes, in score order.</summary>
    public IReadOnlyList<SubEventType> Classes => _classes;

    /// <summary>How many buckets carry weights.</summary>
    public int RowCount => _buckets.Length;

    /// <summary>The same weights with another softmax temperature.</summary>
    public EventClassifierModel WithTemperature(float temperature) =>
        new(Hasher.BucketBits, FeatureSetVersion, UsesKnowledge, temperature, _classes, _bias, _buckets, _weights);

    /// <summary>Raw class scores of a feature vector into <paramref name="scores"/> (length = class count).</summary>
    public void Score(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> scores)
    {
        int c = _classes.Length;
        scores[..c].Clear();
        float norm = Scoring.Norm(values);
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if ((uint)id >= (uint)_rowOfBucket.Length) continue;
            int row = _rowOfBucket[id];
            if (row < 0) continue;
            float v = values[i] * norm;
            var w = _weights.AsSpan(row * c, c);
            for (int k = 0; k < c; k++) scores[k] += w[k] * v;
        }
        // The bias is a constant feature, normalized with the others: unscaled it would outweigh every word.
        for (int k = 0; k < c; k++) scores[k] += _bias[k] * norm;
    }

    /// <summary>
    /// The most likely class of a feature vector and its probability, plus the probability of
    /// <see cref="SubEventType.None"/> (0 when the model has no None class). <paramref name="probabilities"/>, when
    /// given (length = class count), receives every class's probability. Allocation-free.
    /// </summary>
    public (SubEventType Type, float Confidence, float NoneProbability) Predict(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities = default)
    {
        int c = _classes.Length;
        Span<float> scores = stackalloc float[c];
        Span<float> probs = probabilities.Length >= c ? probabilities[..c] : stackalloc float[c];
        Score(ids, values, scores);
        Scoring.Softmax(scores, Temperature, probs);
        int best = Scoring.ArgMax(scores);
        float none = 0;
        for (int k = 0; k < c; k++) if (_classes[k] == SubEventType.None) none = probs[k];
        return (_classes[best], probs[best], none);
    }

    /// <summary>Predicts from a buffer of features.</summary>
    public (SubEventType Type, float Confidence, float NoneProbability) Predict(FeatureBuffer features) => Predict(features.Ids, features.Values);

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
    public void Save(Stream stream)
    {
        using var ms = new MemoryStream();
        var b = new byte[8];
        ms.Write(Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(b, FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), (ushort)(UsesKnowledge ? 1 : 0));
        ms.Write(b, 0, 4);
        WriteInt(ms, Hasher.BucketBits);
        WriteInt(ms, FeatureSetVersion);
        WriteFloat(ms, Temperature);
        WriteInt(ms, _classes.Length);
        foreach (var cls in _classes)
        {
            var name = Encoding.UTF8.GetBytes(ClassName(cls));
            WriteInt(ms, name.Length);
            ms.Write(name);
        }
        foreach (var x in _bias) WriteFloat(ms, x);
        WriteInt(ms, _buckets.Length);
        int c = _classes.Length;
        for (int r = 0; r < _buckets.Length; r++)
        {
            WriteInt(ms, _buckets[r]);
            for (int k = 0; k < c; k++) WriteFloat(ms, _weights[r * c + k]);
        }
        uint sum = Checksum(ms.GetBuffer().AsSpan(0, (int)ms.Length));
        ms.Write(EndMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(b, sum);
        ms.Write(b, 0, 4);
        ms.Position = 0;
        ms.CopyTo(stream);
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

    /// <summary>Reads a model; <see cref="ModelException"/> (with the reason only) on a wrong magic, version, or a damaged file.</summary>
    public static EventClassifierModel Load(Stream stream)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var data = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        if (data.Length < 4 || !data[..4].SequenceEqual(Magic)) throw new ModelException(Messages.ClassifierBadMagic);
        var r = new SpanReader(data.ToArray());
        r.Skip(4);
        int version = r.UInt16();
        int flags = r.UInt16();
        if (version != FormatVersion) throw new ModelException(Messages.ClassifierBadVersion(version, FormatVersion));
        int bits = r.Int();
        int featureSet = r.Int();
        if (bits is < 1 or > 30) throw new ModelException(Messages.ClassifierCorrupt);
        if (featureSet != DocumentFeatureExtractor.FeatureSetVersion)
            throw new ModelException(Messages.ClassifierFeatureSet(featureSet, DocumentFeatureExtractor.FeatureSetVersion));
        float temperature = r.Float();
        int classCount = r.Int();
        if (classCount is < 2 or > 256) throw new ModelException(Messages.ClassifierCorrupt);
        var classes = new SubEventType[classCount];
        for (int i = 0; i < classCount; i++)
        {
            int len = r.Int();
            if (len is < 0 or > 200) throw new ModelException(Messages.ClassifierCorrupt);
            var name = Encoding.UTF8.GetString(r.Bytes(len));
            if (!TryParseClass(name, out classes[i])) throw new ModelException(Messages.ClassifierUnknownClass(name));
        }
        var bias = new float[classCount];
        for (int i = 0; i < classCount; i++) bias[i] = r.Float();
        int rows = r.Int();
        if (rows < 0 || (long)rows * (4 + 4L * classCount) > data.Length) throw new ModelException(Messages.ClassifierTruncated);
        var buckets = new int[rows];
        var weights = new float[rows * classCount];
        for (int i = 0; i < rows; i++)
        {
            buckets[i] = r.Int();
            for (int k = 0; k < classCount; k++) weights[i * classCount + k] = r.Float();
        }
        int bodyEnd = r.Position;
        if (!r.Bytes(4).SequenceEqual(EndMagic)) throw new ModelException(Messages.ClassifierCorrupt);
        uint sum = (uint)r.Int();
        if (r.Position != data.Length) throw new ModelException(Messages.ClassifierCorrupt);
        if (sum != Checksum(data[..bodyEnd])) throw new ModelException(Messages.ClassifierChecksum);
        try
        {
            return new EventClassifierModel(bits, featureSet, (flags & 1) != 0, temperature, classes, bias, buckets, weights);
        }
        catch (ArgumentException)
        {
            throw new ModelException(Messages.ClassifierCorrupt);
        }
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261;
        foreach (var x in data) { h ^= x; h *= 16777619; }
        return h;
    }

    private static void WriteInt(Stream s, int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, v);
        s.Write(b);
    }

    private static void WriteFloat(Stream s, float v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, v);
        s.Write(b);
    }

    /// <summary>Reads little-endian values; running past the end is a truncated file.</summary>
    private sealed class SpanReader(byte[] data)
    {
        public int Position { get; private set; }

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || Position + n > data.Length) throw new ModelException(Messages.ClassifierTruncated);
            var s = data.AsSpan(Position, n);
            Position += n;
            return s;
        }

        public void Skip(int n) => Take(n);
        public ReadOnlySpan<byte> Bytes(int n) => Take(n);
        public int UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));
    }
}
