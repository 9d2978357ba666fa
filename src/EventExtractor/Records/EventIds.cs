using System.Globalization;

namespace EventExtractor.Records;

/// <summary>
/// ACLED-style event ids (ISO3 letters and an 8-digit number) and what keeps them unique. An id is derived from the
/// article id and the event's key (the k-th event of an article with the same key adds k), so a rerun gives every
/// event the id it had; when two events of a run still get one id (two articles whose hashes meet), the later one
/// takes the next free number (<see cref="Next"/>), in output order, so reruns of the same input agree.
/// </summary>
internal static class EventIds
{
    /// <summary>Digits of the number part.</summary>
    public const int Digits = 8;

    private const ulong Modulus = 100_000_000UL;

    /// <summary>The id of the <paramref name="occurrence"/>-th event (0-based) of an article with the key <paramref name="key"/>.</summary>
    public static string Derive(string iso3, string articleId, string key, int occurrence) =>
        Derive(iso3, ArticleHash(articleId), [key], occurrence);

    /// <summary>The hash state <see cref="Derive(string, ulong, ReadOnlySpan{string}, int)"/> starts from for one article's events.</summary>
    public static ulong ArticleHash(string articleId) => Fold(Fold(OffsetBasis, articleId), KeySeparator);

    /// <summary>
    /// The id of the <paramref name="occurrence"/>-th event of an article whose key is <paramref name="keyParts"/> joined
    /// by <see cref="KeySeparator"/>: the same id as for the joined key, without building it (one string per event, the id).
    /// </summary>
    /// <param name="iso3">The country letters of the id.</param>
    /// <param name="articleHash">The article's <see cref="ArticleHash"/>.</param>
    /// <param name="keyParts">The parts of the event's key, in order.</param>
    /// <param name="occurrence">How many events of the article had the same key before this one.</param>
    public static string Derive(string iso3, ulong articleHash, ReadOnlySpan<string> keyParts, int occurrence)
    {
        ulong h = articleHash;
        for (int i = 0; i < keyParts.Length; i++)
        {
            if (i > 0) h = Fold(h, KeySeparator);
            h = Fold(h, keyParts[i]);
        }
        // The first event with a key keeps the id earlier versions gave it, so stored databases stay valid.
        if (occurrence > 0)
        {
            Span<char> number = stackalloc char[11];
            occurrence.TryFormat(number, out int written, default, CultureInfo.InvariantCulture);
            h = Fold(Fold(h, "\u001f#"), number[..written]);
        }
        Span<char> digits = stackalloc char[Digits];
        (h % Modulus).TryFormat(digits, out _, "D8", CultureInfo.InvariantCulture);
        return string.Concat(iso3.AsSpan(), digits);
    }

    /// <summary>What joins the parts of an event's key.</summary>
    public const string KeySeparator = "\u001f";

    private const ulong OffsetBasis = 14695981039346656037UL;

    /// <summary>FNV-1a over the UTF-16 units of <paramref name="s"/>, continuing from <paramref name="h"/>.</summary>
    private static ulong Fold(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    /// <summary>The id after <paramref name="id"/>: the number plus one (wrapping within its digits); an id without a number gets "-2".</summary>
    public static string Next(string id)
    {
        int digits = 0;
        while (digits < id.Length && char.IsAsciiDigit(id[^(digits + 1)])) digits++;
        if (digits == 0 || digits > 18) return id + "-2";
        var prefix = id[..^digits];
        ulong n = ulong.Parse(id.AsSpan(id.Length - digits), NumberStyles.None, CultureInfo.InvariantCulture);
        ulong mod = 1;
        for (int i = 0; i < digits; i++) mod *= 10;
        return prefix + ((n + 1) % mod).ToString("D" + digits, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The event ids a run has handed out, so that no two records of the run share one. Compact: an ISO3 + 8-digit id is
/// kept as one 64-bit number, anything else as text.
/// </summary>
internal sealed class EventIdSet
{
    private readonly HashSet<long> _packed = new();
    private readonly HashSet<string> _other = new(StringComparer.Ordinal);

    /// <summary>Ids claimed so far.</summary>
    public int Count => _packed.Count + _other.Count;

    /// <summary>True when <paramref name="id"/> was claimed.</summary>
    public bool Contains(string id) => TryPack(id, out var p) ? _packed.Contains(p) : _other.Contains(id);

    /// <summary>Claims <paramref name="id"/>; false when it was claimed already.</summary>
    public bool Add(string id) => TryPack(id, out var p) ? _packed.Add(p) : _other.Add(id);

    /// <summary>Gives <paramref name="record"/> an id of its own: its id, or the next free one after it.</summary>
    public void Claim(AcledRecord record)
    {
        var id = record.EventIdCnty;
        while (!Add(id)) id = EventIds.Next(id);
        record.EventIdCnty = id;
    }

    private static bool TryPack(string id, out long packed)
    {
        packed = 0;
        if (id.Length != 3 + EventIds.Digits) return false;
        long letters = 0;
        for (int i = 0; i < 3; i++)
        {
            char c = id[i];
            if (c is < 'A' or > 'Z') return false;
            letters = letters * 26 + (c - 'A');
        }
        long n = 0;
        for (int i = 3; i < id.Length; i++)
        {
            char c = id[i];
            if (!char.IsAsciiDigit(c)) return false;
            n = n * 10 + (c - '0');
        }
        packed = letters * 100_000_000L + n;
        return true;
    }
}
