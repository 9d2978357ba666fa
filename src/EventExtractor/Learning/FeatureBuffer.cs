namespace EventExtractor.Learning;

/// <summary>
/// A reusable list of (feature id, value) pairs for one example, plus the scratch space feature extraction needs.
/// Grows to the largest example seen and is then reused: extraction into a warm buffer allocates nothing. Not
/// thread-safe; use one per thread (<see cref="EventClassifier"/> keeps one per thread).
/// </summary>
internal sealed class FeatureBuffer
{
    private int[] _ids;
    private float[] _values;
    private byte[] _marks = new byte[64];
    private bool _unitValues = true; // every value is 1 (as every feature's is): compaction sorts the ids alone
    private int[] _sortScratch = [];

    public FeatureBuffer(int capacity = 256)
    {
        _ids = new int[Math.Max(capacity, 4)];
        _values = new float[_ids.Length];
    }

    /// <summary>How many features the buffer holds.</summary>
    public int Count { get; private set; }

    /// <summary>The feature ids, first <see cref="Count"/> valid; a feature may occur more than once (its values add).</summary>
    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    /// <summary>The feature values, parallel to <see cref="Ids"/>.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>Replaces the features with a copy of <paramref name="other"/>'s.</summary>
    public void CopyFrom(FeatureBuffer other)
    {
        Clear();
        for (int i = 0; i < other.Count; i++) Add(other._ids[i], other._values[i]);
    }

    /// <summary>Empties the buffer (keeps its storage).</summary>
    public void Clear()
    {
        Count = 0;
        _unitValues = true;
    }

    /// <summary>Adds one feature.</summary>
    public void Add(int id, float value = 1f)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _values, _ids.Length);
        }
        _ids[Count] = id;
        _values[Count] = value;
        _unitValues &= value == 1f;
        Count++;
    }

    /// <summary>
    /// Sorts the features by id and adds up the values of a repeated id, so that they form a sparse vector (strictly
    /// increasing ids, as ML.NET's vectors need). Training and prediction both compact, so they see the same vector.
    /// Allocation-free.
    /// </summary>
    public void Compact()
    {
        var ids = _ids.AsSpan(0, Count);
        var values = _values.AsSpan(0, Count);
        if (_unitValues)
        {
            // Sorting the ids alone is much faster than sorting pairs; a repeated id's value is its count, as the
            // sums of ones below would give (exactly: small integers).
            SortIds(ids, ref _sortScratch);
            int m = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                if (m > 0 && ids[m - 1] == ids[i]) values[m - 1] += 1f;
                else
                {
                    ids[m] = ids[i];
                    values[m] = 1f;
                    m++;
                }
            }
            Count = m;
            _unitValues = m == ids.Length;
            return;
        }
        ids.Sort(values);
        int n = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            if (n > 0 && ids[n - 1] == ids[i]) values[n - 1] += values[i];
            else
            {
                ids[n] = ids[i];
                values[n] = values[i];
                n++;
            }
        }
        Count = n;
    }

    /// <summary>
    /// Sorts non-negative ids (feature buckets) by their bytes, least significant first: no comparisons, so none of
    /// the mispredicted branches that dominate sorting a hundred random ids. Short spans and negative ids use the
    /// ordinary sort. <paramref name="scratch"/> grows to the span's length and is reused.
    /// </summary>
    internal static void SortIds(Span<int> ids, ref int[] scratch)
    {
        int any = 0;
        foreach (int id in ids) any |= id;
        if (ids.Length < RadixSortMinimum || any < 0)
        {
            ids.Sort();
            return;
        }
        if (scratch.Length < ids.Length) scratch = new int[Math.Max(ids.Length, scratch.Length * 2)];
        Span<int> starts = stackalloc int[256];
        Span<int> from = ids, to = scratch.AsSpan(0, ids.Length);
        for (int shift = 0; shift < 32 && (any >>> shift) != 0; shift += 8)
        {
            starts.Clear();
            foreach (int id in from) starts[(id >>> shift) & 0xFF]++;
            int sum = 0;
            for (int d = 0; d < starts.Length; d++)
            {
                int n = starts[d];
                starts[d] = sum;
                sum += n;
            }
            foreach (int id in from) to[starts[(id >>> shift) & 0xFF]++] = id;
            var t = from;
            from = to;
            to = t;
        }
        if (from != ids) from.CopyTo(ids);
    }

    /// <summary>Below this many ids, the ordinary sort is as fast as clearing the radix sort's counts.</summary>
    private const int RadixSortMinimum = 32;

    /// <summary>A compacted copy of the features, for keeping an example after the buffer is reused (training only).</summary>
    public FeatureVector ToVector()
    {
        Compact();
        return new(Ids.ToArray(), Values.ToArray());
    }

    /// <summary>Per-token scratch of at least <paramref name="length"/> bytes, for extractors.</summary>
    internal Span<byte> Marks(int length)
    {
        if (_marks.Length < length) _marks = new byte[Math.Max(length, _marks.Length * 2)];
        var span = _marks.AsSpan(0, length);
        span.Clear();
        return span;
    }
}

/// <summary>An example's features, kept: strictly increasing ids and their values.</summary>
internal sealed record FeatureVector(int[] Ids, float[] Values)
{
    /// <summary>The factor every score of this vector is multiplied by: 1 / its L2 norm (1 when empty).</summary>
    public float Norm => Scoring.Norm(Values);
}

/// <summary>How a feature vector turns into class scores; shared by the trainer and the model so they agree.</summary>
internal static class Scoring
{
    /// <summary>1 / the L2 norm of the values, so long and short texts score on one scale; 1 for no features.</summary>
    public static float Norm(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values) sum += (double)v * v;
        return sum > 0 ? (float)(1.0 / Math.Sqrt(sum)) : 1f;
    }

    /// <summary>Softmax of <paramref name="scores"/> / <paramref name="temperature"/> into <paramref name="probabilities"/>.</summary>
    public static void Softmax(ReadOnlySpan<float> scores, float temperature, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        foreach (var s in scores) if (s > max) max = s;
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double e = Math.Exp((scores[i] - max) / temperature);
            probabilities[i] = (float)e;
            sum += e;
        }
        for (int i = 0; i < scores.Length; i++) probabilities[i] = (float)(probabilities[i] / sum);
    }

    /// <summary>
    /// Probabilities at another temperature: each raised to 1 / <paramref name="temperature"/> and normalized again,
    /// which is the softmax of the log-probabilities divided by the temperature.
    /// </summary>
    public static void Sharpen(Span<float> probabilities, float temperature)
    {
        double sum = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i] > 0 ? Math.Exp(Math.Log(probabilities[i]) / temperature) : 0;
            probabilities[i] = (float)p;
            sum += p;
        }
        if (sum > 0) for (int i = 0; i < probabilities.Length; i++) probabilities[i] = (float)(probabilities[i] / sum);
    }

    /// <summary>Index of the largest score; the lowest index wins a tie, so predictions never depend on anything else.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }
}
