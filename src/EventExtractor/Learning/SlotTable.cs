using System.Numerics;

namespace EventExtractor.Learning;

/// <summary>
/// The slot of each feature bucket a model knows (slot i is the i-th smallest bucket of its vocabulary), found in
/// one or two memory reads instead of a binary search over the whole vocabulary: scoring looks up every feature of
/// every span, and a binary search over tens of thousands of buckets misses the cache at most of its steps.
/// For a hash space of up to 2^<see cref="MaxRankBits"/> buckets, a bit per bucket with a running count every 64
/// buckets (the slot is the count of buckets below: 256 KB for 2^20 buckets, which stays in the cache); beyond, an
/// open-addressing hash table. Immutable and thread-safe.
/// </summary>
internal sealed class SlotTable
{
    /// <summary>The largest hash space (log2) served by the bit table; a larger one gets a hash table.</summary>
    public const int MaxRankBits = 24;

    private const int Empty = -1;

    // Bit table: block b of 64 buckets is [2b] = the bits of the buckets present, [2b + 1] = the buckets present below it.
    private readonly ulong[]? _blocks;
    private readonly int _bucketCount;

    // Hash table: entry e is [2e] = bucket (-1 when empty), [2e + 1] = its slot.
    private readonly int[]? _entries;
    private readonly int _mask;
    private readonly int _shift;

    /// <summary>
    /// A table of <paramref name="vocabulary"/>, strictly increasing buckets in [0, <paramref name="bucketCount"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A bucket is out of range or the buckets are not strictly increasing.</exception>
    public SlotTable(ReadOnlySpan<int> vocabulary, int bucketCount)
    {
        if (bucketCount <= 0) throw new ArgumentOutOfRangeException(nameof(bucketCount));
        for (int i = 0; i < vocabulary.Length; i++)
            if ((uint)vocabulary[i] >= (uint)bucketCount || (i > 0 && vocabulary[i] <= vocabulary[i - 1]))
                throw new ArgumentException($"bucket {vocabulary[i]} at {i} is out of range or out of order", nameof(vocabulary));
        Count = vocabulary.Length;
        _bucketCount = bucketCount;
        if (bucketCount <= 1 << MaxRankBits)
        {
            _blocks = new ulong[2 * ((bucketCount + 63) / 64)];
            foreach (int bucket in vocabulary) _blocks[2 * (bucket >> 6)] |= 1UL << (bucket & 63);
            ulong below = 0;
            for (int b = 0; b < _blocks.Length; b += 2)
            {
                _blocks[b + 1] = below;
                below += (ulong)BitOperations.PopCount(_blocks[b]);
            }
            return;
        }
        int bits = 2;
        while ((1 << bits) < vocabulary.Length * 2) bits++;
        _mask = (1 << bits) - 1;
        _shift = 32 - bits;
        _entries = new int[2 << bits];
        Array.Fill(_entries, Empty);
        for (int slot = 0; slot < vocabulary.Length; slot++)
        {
            int e = Start(vocabulary[slot]);
            while (_entries[2 * e] != Empty) e = (e + 1) & _mask;
            _entries[2 * e] = vocabulary[slot];
            _entries[2 * e + 1] = slot;
        }
    }

    /// <summary>How many buckets the table holds.</summary>
    public int Count { get; }

    /// <summary>The slot of <paramref name="bucket"/>, -1 when the vocabulary does not have it.</summary>
    public int SlotOf(int bucket)
    {
        if ((uint)bucket >= (uint)_bucketCount) return -1;
        if (_blocks is { } blocks)
        {
            int b = 2 * (bucket >> 6);
            ulong present = blocks[b];
            ulong bit = 1UL << (bucket & 63);
            if ((present & bit) == 0) return -1;
            return (int)blocks[b + 1] + BitOperations.PopCount(present & (bit - 1));
        }
        var entries = _entries!;
        int e = Start(bucket);
        while (true)
        {
            int key = entries[2 * e];
            if (key == bucket) return entries[2 * e + 1];
            if (key == Empty) return -1;
            e = (e + 1) & _mask;
        }
    }

    // Fibonacci hashing (the top bits of the product) spreads runs of consecutive buckets over the table.
    private int Start(int bucket) => (int)(((uint)bucket * 0x9E3779B1u) >> _shift);
}
