using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Learning;

/// <summary>
/// Maps features to bucket ids in [0, <see cref="BucketCount"/>) without a vocabulary: a feature is a namespace
/// (what kind of feature: word, bigram, trigger type ...) and one or two 64-bit keys (words hashed by
/// <see cref="WordKey.Hash"/>, so the same normalization as the lexicons), mixed with MurmurHash3's 64-bit
/// finalizer. Pure arithmetic: nothing is allocated, and the ids do not depend on the process, the platform or
/// the order features are seen in, which is what makes a saved model usable by another process.
/// </summary>
internal sealed class FeatureHasher
{
    /// <summary>The default bucket count, 2^20.</summary>
    public const int DefaultBucketBits = 20;

    /// <summary>A hasher with 2^<paramref name="bucketBits"/> buckets (1 to 30).</summary>
    public FeatureHasher(int bucketBits = DefaultBucketBits)
    {
        if (bucketBits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bucketBits), "between 1 and 30");
        BucketBits = bucketBits;
    }

    /// <summary>log2 of the bucket count.</summary>
    public int BucketBits { get; }

    /// <summary>How many feature ids there are.</summary>
    public int BucketCount => 1 << BucketBits;

    /// <summary>The bucket of a feature with one key.</summary>
    public int Bucket(FeatureKind kind, ulong key) => Fold(Mix(Mix((ulong)kind * 0x9E3779B97F4A7C15UL) ^ key));

    /// <summary>The bucket of a feature with two keys (order-sensitive: "a b" and "b a" differ).</summary>
    public int Bucket(FeatureKind kind, ulong first, ulong second) =>
        Fold(Mix(Mix(Mix((ulong)kind * 0x9E3779B97F4A7C15UL) ^ first) + second));

    /// <summary>The bucket of a feature given as text (normalized like lexicon words, one word or several).</summary>
    public int Bucket(FeatureKind kind, ReadOnlySpan<char> word) => Bucket(kind, WordKey.Hash(word));

    /// <summary>MurmurHash3's fmix64: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }

    private int Fold(ulong h) => (int)(h >> (64 - BucketBits));
}

/// <summary>
/// The namespaces of hashed features. The numbers are part of the model format (they seed the hash): never
/// renumber; add new kinds at the end and bump <see cref="DocumentFeatureExtractor.FeatureSetVersion"/>.
/// </summary>
internal enum FeatureKind : ushort
{
    Word = 1,
    Bigram = 2,
    /// <summary>A bigram over the token sequence with entity spans replaced by their label.</summary>
    ShapeBigram = 3,
    Number = 4,
    EntityLabel = 5,
    TriggerText = 6,
    TriggerType = 7,
    TriggerClass = 8,
    WeaponText = 9,
    WeaponHint = 10,
    CueText = 11,
    CueEffect = 12,
    ActorKind = 13,
    ActorInter = 14,
    /// <summary>A trigger with the label of the entity right before or after it.</summary>
    TriggerContext = 15,
    Position = 16,
    Length = 17,
    Quoted = 18,
    /// <summary>The sub-event type of a mention the rules found in the span.</summary>
    RuleType = 19,
    /// <summary>A flag of a rule mention (the bit), with its type.</summary>
    RuleFlag = 20,
    /// <summary>The rules found trigger words in the span but no event (threat, plan, denial, habit, quoted claim).</summary>
    RuleNoEvent = 21,
}
