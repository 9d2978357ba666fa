using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EventExtractor.Geo;

/// <summary>One place to write with <see cref="GazetteerWriter"/>; fields as in GeoNames.</summary>
internal sealed record GazetteerPlace(
    int GeonameId,
    string Name,
    string AsciiName,
    double Latitude,
    double Longitude,
    string CountryIso2,
    string FeatureCode,
    int Population,
    string Admin1Code = "",
    string Admin1Name = "",
    string Admin2Code = "",
    string Admin2Name = "",
    int ParentIndex = -1,
    bool IsAdmin1Region = false)
{
    /// <summary>Alternate names (already filtered: the writer only removes ones equal after normalization).</summary>
    public IReadOnlyList<string> AlternateNames { get; init; } = [];
}

/// <summary>
/// Writes the gazetteer format from C# (small gazetteers for tests and tools). The real file is built by
/// tools/gazetteer/build.mjs with the same layout and indexing rules; ids are the positions in the input list.
/// </summary>
internal static class GazetteerWriter
{
    private static readonly string[] RegionSuffixes =
        ["governorate", "province", "region", "oblast", "state", "department", "county", "district", "division", "prefecture", "municipality"];

    // Mirrors DISTRICT_PREFIX / DISTRICT_SUFFIX of build.mjs.
    private static readonly string[] DistrictPrefixes =
        ["qada", "qadaa", "qadha", "qadhaa", "kaza", "nahiyat", "district of", "distrito de", "distrito", "departement de", "municipio de", "municipio", "kreis", "landkreis", "tehsil", "tahsil", "wuleswali", "woluswali"];
    private static readonly string[] DistrictSuffixes =
        ["sub district", "subdistrict", "district", "tehsil", "tahsil", "taluk", "county", "municipality", "department", "prefecture", "lga", "local government area", "woreda"];

    /// <summary>A district's normalized name less one generic prefix and one generic suffix ("qada samarra" -> "samarra").</summary>
    private static string DistrictCore(string key)
    {
        foreach (var prefix in DistrictPrefixes)
        {
            if (key.Length > prefix.Length + 1 && key.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                key = key[(prefix.Length + 1)..];
                break;
            }
        }
        foreach (var suffix in DistrictSuffixes)
        {
            if (key.Length > suffix.Length + 1 && key.EndsWith(" " + suffix, StringComparison.Ordinal))
                return key[..^(suffix.Length + 1)];
        }
        return key;
    }

    /// <summary>The uncompressed file bytes for <paramref name="places"/>.</summary>
    public static byte[] ToBytes(IReadOnlyList<GazetteerPlace> places)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0); // offset 0: the empty string
        var stringRefs = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        int Str(string s)
        {
            if (stringRefs.TryGetValue(s, out int r)) return r;
            r = (int)strings.Length;
            byte[] utf8 = Encoding.UTF8.GetBytes(s);
            uint n = (uint)utf8.Length;
            do
            {
                byte b = (byte)(n & 0x7f);
                n >>= 7;
                if (n != 0) b |= 0x80;
                strings.WriteByte(b);
            } while (n != 0);
            strings.Write(utf8);
            stringRefs[s] = r;
            return r;
        }

        var postings = new SortedDictionary<string, SortedDictionary<int, int>>(Comparer<string>.Create(CompareUtf8));
        void AddKey(string key, int id, GeoMatchKind kind)
        {
            if (key.Length == 0) return;
            if (!postings.TryGetValue(key, out var m)) postings[key] = m = new SortedDictionary<int, int>();
            if (!m.TryGetValue(id, out int prev) || (int)kind < prev) m[id] = (int)kind;
        }

        int maxWords = 1;
        var keptAlternates = new List<string>[places.Count];
        for (int id = 0; id < places.Count; id++)
        {
            var p = places[id];
            var own = new List<string>();
            foreach (var n in new[] { p.Name, p.AsciiName })
            {
                string k = GeoNormalizer.Normalize(n);
                if (k.Length > 0 && !own.Contains(k)) own.Add(k);
            }
            var seen = new HashSet<string>(own, StringComparer.Ordinal);
            var kept = keptAlternates[id] = new List<string>();
            var nameKeys = new List<(string, GeoMatchKind)>();
            foreach (var k in own) nameKeys.Add((k, GeoMatchKind.Name));
            foreach (var a in p.AlternateNames)
            {
                string k = GeoNormalizer.Normalize(a);
                if (k.Length == 0 || !seen.Add(k)) continue;
                kept.Add(a);
                nameKeys.Add((k, GeoMatchKind.Alternate));
            }
            if (p.IsAdmin1Region)
            {
                foreach (var k in own)
                {
                    foreach (var suffix in RegionSuffixes)
                    {
                        if (k.Length > suffix.Length + 1 && k.EndsWith(" " + suffix, StringComparison.Ordinal))
                        {
                            nameKeys.Add((k[..^(suffix.Length + 1)], GeoMatchKind.Name));
                            break;
                        }
                    }
                }
            }
            if (p.FeatureCode == "ADM2")
            {
                foreach (var k in own)
                {
                    string bare = DistrictCore(k);
                    if (bare.Length > 0 && bare != k) nameKeys.Add((bare, GeoMatchKind.Name));
                }
            }
            foreach (var (k, kind) in nameKeys)
            {
                AddKey(k, id, kind);
                if (GeoNormalizer.TryStripArticle(k, out var bare)) AddKey(bare.ToString(), id, GeoMatchKind.WithoutArticle);
                var skeleton = new char[k.Length];
                int sn = GeoNormalizer.Skeleton(k, skeleton);
                if (sn >= GeoNormalizer.MinSkeletonLength) AddKey(GeoNormalizer.SkeletonMark + new string(skeleton, 0, sn), id, GeoMatchKind.Skeleton);
                maxWords = Math.Max(maxWords, GeoNormalizer.WordCount(k));
            }
        }

        var entries = new byte[places.Count * GazetteerFormat.EntrySize];
        var altRefs = new List<int>();
        for (int id = 0; id < places.Count; id++)
        {
            var p = places[id];
            var e = entries.AsSpan(id * GazetteerFormat.EntrySize, GazetteerFormat.EntrySize);
            BinaryPrimitives.WriteInt32LittleEndian(e, p.GeonameId);
            BinaryPrimitives.WriteInt32LittleEndian(e[4..], Str(p.Name));
            BinaryPrimitives.WriteInt32LittleEndian(e[8..], Str(p.AsciiName));
            BinaryPrimitives.WriteInt32LittleEndian(e[12..], (int)Math.Round(p.Latitude * 10000, MidpointRounding.AwayFromZero));
            BinaryPrimitives.WriteInt32LittleEndian(e[16..], (int)Math.Round(p.Longitude * 10000, MidpointRounding.AwayFromZero));
            BinaryPrimitives.WriteInt32LittleEndian(e[20..], p.Population);
            if (p.CountryIso2.Length != 2) throw new ArgumentException($"country code '{p.CountryIso2}' is not two letters");
            e[24] = (byte)p.CountryIso2[0];
            e[25] = (byte)p.CountryIso2[1];
            e[26] = p.IsAdmin1Region ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(e[28..], Str(p.FeatureCode));
            BinaryPrimitives.WriteInt32LittleEndian(e[32..], Str(p.Admin1Code));
            BinaryPrimitives.WriteInt32LittleEndian(e[36..], Str(p.Admin1Name));
            BinaryPrimitives.WriteInt32LittleEndian(e[40..], Str(p.Admin2Code));
            BinaryPrimitives.WriteInt32LittleEndian(e[44..], Str(p.Admin2Name));
            BinaryPrimitives.WriteInt32LittleEndian(e[48..], p.ParentIndex);
            BinaryPrimitives.WriteInt32LittleEndian(e[52..], altRefs.Count);
            BinaryPrimitives.WriteInt32LittleEndian(e[56..], keptAlternates[id].Count);
            foreach (var a in keptAlternates[id]) altRefs.Add(Str(a));
        }

        var keys = new byte[postings.Count * GazetteerFormat.KeySize];
        var postingList = new List<int>();
        int ki = 0;
        foreach (var (key, ids) in postings)
        {
            var k = keys.AsSpan(ki++ * GazetteerFormat.KeySize);
            BinaryPrimitives.WriteInt32LittleEndian(k, Str(key));
            BinaryPrimitives.WriteInt32LittleEndian(k[4..], postingList.Count);
            BinaryPrimitives.WriteInt32LittleEndian(k[8..], ids.Count);
            foreach (var (id, kind) in ids) postingList.Add(id * 4 + kind);
        }

        var output = new MemoryStream();
        Span<byte> header = stackalloc byte[GazetteerFormat.HeaderSize];
        header.Clear();
        GazetteerFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], GazetteerFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], places.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], altRefs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], postings.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], postingList.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], (int)strings.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], maxWords);
        output.Write(header);
        output.Write(entries);
        WriteInts(output, altRefs);
        output.Write(keys);
        WriteInts(output, postingList);
        strings.Position = 0;
        strings.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Writes <paramref name="places"/> to <paramref name="path"/>, gzip-compressed when <paramref name="gzip"/>.</summary>
    public static void Write(string path, IReadOnlyList<GazetteerPlace> places, bool gzip = true)
    {
        byte[] bytes = ToBytes(places);
        using var file = File.Create(path);
        if (!gzip)
        {
            file.Write(bytes);
            return;
        }
        using var z = new GZipStream(file, CompressionLevel.SmallestSize);
        z.Write(bytes);
    }

    private static void WriteInts(Stream s, List<int> values)
    {
        Span<byte> b = stackalloc byte[4];
        foreach (int v in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            s.Write(b);
        }
    }

    // Keys are sorted by their UTF-8 bytes, which is what the reader's binary search compares.
    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
