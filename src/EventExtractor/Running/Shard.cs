using System.Globalization;
using System.Text;

namespace EventExtractor.Running;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a run, chosen by article id: shard K of N (1-based, 1 ≤ K ≤ N) takes
/// the articles whose id hashes to K - 1 modulo N, with the 32-bit FNV-1a hash of the id's UTF-8 bytes. The split
/// depends only on the ids, so every shard can read the same inputs on a different machine and together they cover
/// each article exactly once. Input problems not tied to an article go to the shard of their input's name.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses "K/N" (1-based K).</summary>
    public static bool TryParse(string text, out Shard shard)
    {
        shard = default;
        var parts = text.Trim().Split('/');
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        if (n < 1 || k < 1 || k > n) return false;
        shard = new Shard(k, n);
        return true;
    }

    /// <summary>True when the article (or input) named <paramref name="id"/> belongs to this shard.</summary>
    public bool Takes(string id) => Count <= 1 || Hash(id) % (uint)Count == (uint)(Index - 1);

    /// <summary>32-bit FNV-1a of the UTF-8 bytes of <paramref name="id"/>.</summary>
    public static uint Hash(string id)
    {
        uint h = 2166136261;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
        foreach (var b in bytes)
        {
            h ^= b;
            h *= 16777619;
        }
        return h;
    }

    /// <summary>"K/N".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
