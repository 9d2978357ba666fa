using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Models;

namespace EventExtractor.Geo;

/// <summary>
/// Layout constants of the gazetteer file (models/README.md, "gazetteer.bin"), shared by the reader, the C#
/// writer and, by hand, tools/gazetteer/build.mjs.
/// </summary>
internal static class GazetteerFormat
{
    /// <summary>The four bytes every (uncompressed) gazetteer starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "EEGZ"u8;

    /// <summary>The format version this build reads and writes.</summary>
    public const ushort Version = 1;

    public const int HeaderSize = 32;
    public const int EntrySize = 60;
    public const int KeySize = 12;
}

/// <summary>
/// The place-name gazetteer: GeoNames populated places (cities500) plus admin1 regions, with a sorted index of
/// normalized names. The file is read into one byte array and used in place (no per-entry objects at load), so
/// loading costs little more than reading and un-gzipping the file; <see cref="Get"/> cuts strings on demand.
/// Immutable after <see cref="Load"/>, so one instance can be shared by threads.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>File name of the gazetteer inside the models folder.</summary>
    public const string FileName = "gazetteer.bin";

    /// <summary>File name of the admin1 spelling table inside the models folder.</summary>
    public const string AdminNamesFileName = "admin-names.tsv";

    private readonly byte[] _data;
    private readonly int _entryCount, _altCount, _keyCount, _postingCount;
    private readonly int _entryOff, _altOff, _keyOff, _postOff, _strOff, _strLen;
    private readonly AdminNames _adminNames;
    private readonly Dictionary<long, string> _admin1Acled = new();
    /// <summary>Each entry's feature code as an index into <see cref="_featureNames"/>: read per candidate, so no dictionary lookup.</summary>
    private readonly ushort[] _featureOf;
    private readonly string[] _featureNames;
    private readonly bool[] _featureIsDistrict;
    private readonly Dictionary<string, GeoPosting[]> _extraKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeoPosting[]>.AlternateLookup<ReadOnlySpan<char>> _extraLookup;

    private Gazetteer(byte[] data, string source, AdminNames adminNames)
    {
        _data = data;
        _adminNames = adminNames;
        if (data.Length < GazetteerFormat.HeaderSize || !data.AsSpan(0, 4).SequenceEqual(GazetteerFormat.Magic))
            throw new ModelException(Messages.ModelFileBad(source, Messages.GazetteerBadMagic));
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4));
        if (version != GazetteerFormat.Version)
            throw new ModelException(Messages.ModelFileBad(source, Messages.GazetteerBadVersion(version, GazetteerFormat.Version)));
        _entryCount = I32(8);
        _altCount = I32(12);
        _keyCount = I32(16);
        _postingCount = I32(20);
        _strLen = I32(24);
        MaxNameWords = Math.Max(1, I32(28));
        long entryOff = GazetteerFormat.HeaderSize;
        long altOff = entryOff + (long)_entryCount * GazetteerFormat.EntrySize;
        long keyOff = altOff + (long)_altCount * 4;
        long postOff = keyOff + (long)_keyCount * GazetteerFormat.KeySize;
        long strOff = postOff + (long)_postingCount * 4;
        if (_entryCount < 0 || _altCount < 0 || _keyCount < 0 || _postingCount < 0 || _strLen < 1
            || strOff + _strLen != data.Length)
            throw new ModelException(Messages.ModelFileBad(source, Messages.GazetteerTruncated));
        (_entryOff, _altOff, _keyOff, _postOff, _strOff) = ((int)entryOff, (int)altOff, (int)keyOff, (int)postOff, (int)strOff);

        // Admin1 names in ACLED spelling, once per (country, name) rather than per entry; region entries are also
        // indexed under their ACLED spelling so "Ninewa" finds the Nineveh region.
        _featureOf = new ushort[_entryCount];
        var featureIndexes = new Dictionary<int, ushort>();
        var featureNames = new List<string>();
        for (int id = 0; id < _entryCount; id++)
        {
            int e = EntryOffset(id);
            int featureRef = I32(e + 28);
            if (!featureIndexes.TryGetValue(featureRef, out var featureIndex))
            {
                featureIndex = checked((ushort)featureNames.Count);
                featureIndexes[featureRef] = featureIndex;
                // Interned: the resolver compares codes with literals, which then match by reference.
                featureNames.Add(string.Intern(ReadString(featureRef)));
            }
            _featureOf[id] = featureIndex;
            int a1Ref = I32(e + 36);
            if (a1Ref == 0) continue;
            long key = ((long)a1Ref << 16) | ((long)data[e + 24] << 8) | data[e + 25];
            if (!_admin1Acled.TryGetValue(key, out var acled))
            {
                string iso2 = Encoding.ASCII.GetString(data, e + 24, 2);
                acled = _adminNames.ToAcled(iso2, ReadString(a1Ref));
                _admin1Acled[key] = acled;
            }
            if (data[e + 26] != 0) AddExtraKeys(id, acled);
        }
        _extraLookup = _extraKeys.GetAlternateLookup<ReadOnlySpan<char>>();
        _featureNames = [.. featureNames];
        _featureIsDistrict = [.. featureNames.Select(f => f == "ADM2")];
        _countryIndex = new Lazy<CountryIndex>(() => new CountryIndex(this));
        _findCache = new ThreadLocal<FindCache>(() => new FindCache());
    }

    /// <summary>Number of entries; ids run from 0 to Count - 1.</summary>
    public int Count => _entryCount;

    /// <summary>The longest indexed name in words: a matcher need not try longer token runs.</summary>
    public int MaxNameWords { get; }

    /// <summary>The admin1 spelling table in use.</summary>
    public AdminNames AdminNames => _adminNames;

    /// <summary>
    /// Loads a gazetteer file (gzip-compressed or not). ACLED admin1 spellings come from
    /// <paramref name="adminNames"/>, else from admin-names.tsv beside the file when present.
    /// A missing, foreign, truncated or wrong-version file gives a <see cref="ModelException"/>.
    /// </summary>
    public static Gazetteer Load(string path, AdminNames? adminNames = null)
    {
        if (!File.Exists(path)) throw new ModelException(Messages.ModelFileMissing(path));
        if (adminNames == null)
        {
            var tsv = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", AdminNamesFileName);
            adminNames = File.Exists(tsv) ? AdminNames.Load(tsv) : AdminNames.Empty;
        }
        byte[] raw;
        try { raw = File.ReadAllBytes(path); }
        catch (IOException ex) { throw new ModelException(Messages.ModelFileBad(path, ex.Message)); }
        catch (UnauthorizedAccessException ex) { throw new ModelException(Messages.ModelFileBad(path, ex.Message)); }
        return FromBytes(raw, path, adminNames);
    }

    /// <summary>Reads a gazetteer from bytes (gzip-compressed or not); <paramref name="source"/> names it in errors.</summary>
    public static Gazetteer FromBytes(byte[] bytes, string source, AdminNames? adminNames = null)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try { bytes = Gunzip(bytes); }
            catch (InvalidDataException) { throw new ModelException(Messages.ModelFileBad(source, Messages.GazetteerTruncated)); }
        }
        return new Gazetteer(bytes, source, adminNames ?? AdminNames.Empty);
    }

    private static byte[] Gunzip(byte[] packed)
    {
        // The gzip trailer holds the uncompressed size (mod 2^32): size the buffer once instead of growing it.
        int expected = packed.Length >= 18 ? BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(packed.Length - 4)) : 0;
        using var input = new GZipStream(new MemoryStream(packed, writable: false), CompressionMode.Decompress);
        if (expected > 0)
        {
            var result = new byte[expected];
            int read = 0, n;
            while (read < expected && (n = input.Read(result, read, expected - read)) > 0) read += n;
            if (read == expected && input.ReadByte() < 0) return result;
            throw new InvalidDataException();
        }
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The entry with the given id.</summary>
    public GeoEntry Get(int id)
    {
        if ((uint)id >= (uint)_entryCount) throw new ArgumentOutOfRangeException(nameof(id));
        int e = EntryOffset(id);
        string a1Geo = ReadString(I32(e + 36));
        var alts = new string[I32(e + 56)];
        int altStart = I32(e + 52);
        for (int i = 0; i < alts.Length; i++) alts[i] = ReadString(I32(_altOff + (altStart + i) * 4));
        return new GeoEntry(
            Id: id,
            GeonameId: I32(e),
            Name: ReadString(I32(e + 8)),
            NativeName: ReadString(I32(e + 4)),
            CountryIso2: CountryOf(id),
            Admin1: Admin1Of(id),
            Admin2: AdminNames.CleanDistrict(ReadString(I32(e + 44))),
            Latitude: I32(e + 12) / 10000.0,
            Longitude: I32(e + 16) / 10000.0,
            Population: I32(e + 20),
            FeatureCode: FeatureCodeOf(id),
            ParentId: I32(e + 48),
            IsAdmin1Region: _data[e + 26] != 0)
        {
            Admin1Code = ReadString(I32(e + 32)),
            Admin1GeoNames = a1Geo,
            AlternateNames = alts,
        };
    }

    /// <summary>
    /// The postings (entry id and match kind) of a normalized name (see <see cref="GeoNormalizer"/>); empty when
    /// the name is unknown. Allocates nothing.
    /// </summary>
    public GeoPostings Find(ReadOnlySpan<char> normalizedName)
    {
        if (normalizedName.IsEmpty) return default;
        // The same few thousand names (and capitalised non-names) come back article after article: a hash lookup
        // per thread spares the binary search over the file's keys.
        var cache = _findCache.Value!;
        if (cache.TryGet(normalizedName, out var cached)) return cached;
        var postings = Search(normalizedName);
        cache.Add(normalizedName, postings);
        return postings;
    }

    /// <summary>The postings of a normalized name by binary search over the sorted keys.</summary>
    private GeoPostings Search(ReadOnlySpan<char> normalizedName)
    {
        _extraLookup.TryGetValue(normalizedName, out var extra);
        int maxBytes = normalizedName.Length * 3;
        Span<byte> utf8 = maxBytes <= 768 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        int len = Encoding.UTF8.GetBytes(normalizedName, utf8);
        var key = utf8[..len];
        int lo = 0, hi = _keyCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int k = _keyOff + mid * GazetteerFormat.KeySize;
            int cmp = StringBytes(I32(k)).SequenceCompareTo(key);
            if (cmp == 0) return new GeoPostings(this, I32(k + 4), I32(k + 8), extra);
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        return new GeoPostings(this, 0, 0, extra);
    }

    /// <summary>
    /// The postings of every name whose transliteration skeleton (<see cref="GeoNormalizer.Skeleton"/>) equals that
    /// of <paramref name="normalizedName"/>; empty when the skeleton is too short to mean anything. Allocates nothing.
    /// </summary>
    public GeoPostings FindSkeleton(ReadOnlySpan<char> normalizedName)
    {
        if (normalizedName.Length < GeoNormalizer.MinSkeletonLength || normalizedName.Length > 256) return default;
        Span<char> key = stackalloc char[normalizedName.Length + 1];
        key[0] = GeoNormalizer.SkeletonMark;
        int n = GeoNormalizer.Skeleton(normalizedName, key[1..]);
        if (n < GeoNormalizer.MinSkeletonLength) return default;
        return Find(key[..(n + 1)]);
    }

    /// <summary>Distinct entry ids indexed under a normalized name (convenience over <see cref="Find"/>).</summary>
    public IReadOnlyList<int> Candidates(string normalizedName)
    {
        var postings = Find(normalizedName);
        var ids = new List<int>(postings.Count);
        for (int i = 0; i < postings.Count; i++)
            if (!ids.Contains(postings[i].Id)) ids.Add(postings[i].Id);
        return ids;
    }

    /// <summary>Ids of all entries in a country, ascending.</summary>
    public IEnumerable<int> ByCountry(string iso2) => IdsInCountry(iso2).ToArray();

    /// <summary>
    /// Ids of all entries in a country, ascending, without allocating: the index is built on first use by one scan
    /// of the entries, so loading costs nothing more.
    /// </summary>
    internal ReadOnlySpan<int> IdsInCountry(ReadOnlySpan<char> iso2)
    {
        if (iso2.Length != 2 || iso2[0] > 0xff || iso2[1] > 0xff) return default;
        return _countryIndex.Value.Ids((byte)iso2[0], (byte)iso2[1]);
    }

    private readonly Lazy<CountryIndex> _countryIndex;

    /// <summary>Entry ids grouped by country, each group ascending.</summary>
    private sealed class CountryIndex
    {
        private readonly Dictionary<int, int[]> _ids = new();

        public CountryIndex(Gazetteer g)
        {
            var lists = new Dictionary<int, List<int>>();
            for (int id = 0; id < g._entryCount; id++)
            {
                int e = g.EntryOffset(id);
                int key = (g._data[e + 24] << 8) | g._data[e + 25];
                if (!lists.TryGetValue(key, out var list)) lists[key] = list = new List<int>();
                list.Add(id);
            }
            foreach (var (key, list) in lists) _ids[key] = [.. list];
        }

        public ReadOnlySpan<int> Ids(byte c0, byte c1) => _ids.TryGetValue((c0 << 8) | c1, out var ids) ? ids : default;
    }

    private readonly ThreadLocal<FindCache> _findCache;

    /// <summary>
    /// One thread's postings of the names it has looked up. Bounded: when full it starts again, so a long run over
    /// ever new words holds no more than this many.
    /// </summary>
    private sealed class FindCache
    {
        public const int Capacity = 50_000;
        private readonly Dictionary<string, GeoPostings> _map = new(StringComparer.Ordinal);

        private readonly Dictionary<string, GeoPostings>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public FindCache() => _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count => _map.Count;

        public bool TryGet(ReadOnlySpan<char> name, out GeoPostings postings) => _lookup.TryGetValue(name, out postings);

        public void Add(ReadOnlySpan<char> name, GeoPostings postings)
        {
            if (_map.Count >= Capacity) _map.Clear();
            _lookup[name] = postings;
        }
    }

    /// <summary>The admin1 region entry of a country whose GeoNames or ACLED name matches, or -1.</summary>
    public int FindAdmin1Region(string iso2, string name)
    {
        var postings = Find(GeoNormalizer.Normalize(name));
        for (int i = 0; i < postings.Count; i++)
        {
            int id = postings[i].Id;
            if (IsAdmin1Region(id) && CountryIs(id, iso2)) return id;
        }
        return -1;
    }

    /// <summary>
    /// The fewest letter edits between a normalized name and any name of an entry (own, ASCII, alternates), spaces
    /// ignored. Decodes the entry's names on the stack: meant for the few candidates of a skeleton match, allocates nothing.
    /// </summary>
    public int SpellingDistance(int id, ReadOnlySpan<char> normalizedName)
    {
        int e = EntryOffset(id);
        int best = Distance(I32(e + 4), normalizedName, int.MaxValue);
        best = Distance(I32(e + 8), normalizedName, best);
        int altStart = I32(e + 52), altCount = I32(e + 56);
        for (int i = 0; i < altCount; i++) best = Distance(I32(_altOff + (altStart + i) * 4), normalizedName, best);
        return best == int.MaxValue ? normalizedName.Length : best;
    }

    /// <summary>The smaller of <paramref name="best"/> and the edits to one stored name (whole, or less its last word); no allocation.</summary>
    private int Distance(int stringRef, ReadOnlySpan<char> name, int best)
    {
        if (stringRef == 0) return best;
        var bytes = StringBytes(stringRef);
        if (bytes.Length > 256) return best;
        Span<char> raw = stackalloc char[bytes.Length];
        int rawLength = Encoding.UTF8.GetChars(bytes, raw);
        Span<char> other = stackalloc char[rawLength * GeoNormalizer.MaxExpansion];
        var normalized = other[..GeoNormalizer.Normalize(raw[..rawLength], other)];
        best = Math.Min(best, GeoNormalizer.EditDistance(name, normalized));
        // "Tel Afar District", "Telfair County": the name less its generic last word.
        int sp = normalized.LastIndexOf(' ');
        if (sp > 0) best = Math.Min(best, GeoNormalizer.EditDistance(name, normalized[..sp]));
        return best;
    }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) =>
        DistanceKm(lat1, lon1, CosLatitude(lat1), lat2, lon2);

    /// <summary>The cosine of a latitude, as <see cref="DistanceKm(double, double, double, double, double)"/> takes it.</summary>
    public static double CosLatitude(double latitude) => Math.Cos(latitude * Radians);

    /// <summary>
    /// <see cref="DistanceKm(double, double, double, double)"/> with the first point's <see cref="CosLatitude"/>
    /// given: one point measured against many computes it once. The same figures to the last bit.
    /// </summary>
    public static double DistanceKm(double lat1, double lon1, double cosLat1, double lat2, double lon2)
    {
        double dLat = (lat2 - lat1) * Radians, dLon = (lon2 - lon1) * Radians;
        double sinLat = Math.Sin(dLat / 2), sinLon = Math.Sin(dLon / 2);
        double h = sinLat * sinLat + cosLat1 * Math.Cos(lat2 * Radians) * sinLon * sinLon;
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private const double Radians = Math.PI / 180;

    // ---- field access without building a GeoEntry (for ranking many candidates)

    internal int PopulationOf(int id) => I32(EntryOffset(id) + 20);
    internal double LatitudeOf(int id) => I32(EntryOffset(id) + 12) / 10000.0;
    internal double LongitudeOf(int id) => I32(EntryOffset(id) + 16) / 10000.0;
    internal bool IsAdmin1Region(int id) => _data[EntryOffset(id) + 26] != 0;
    internal bool IsDistrict(int id) => _featureIsDistrict[_featureOf[id]];
    internal int ParentOf(int id) => I32(EntryOffset(id) + 48);
    internal string FeatureCodeOf(int id) => _featureNames[_featureOf[id]];
    internal string NameOf(int id) => ReadString(I32(EntryOffset(id) + 8));

    internal bool CountryIs(int id, string iso2)
    {
        int e = EntryOffset(id);
        return iso2.Length == 2 && _data[e + 24] == iso2[0] && _data[e + 25] == iso2[1];
    }

    internal string CountryOf(int id)
    {
        int e = EntryOffset(id);
        return string.Create(2, (_data[e + 24], _data[e + 25]), static (s, c) => { s[0] = (char)c.Item1; s[1] = (char)c.Item2; });
    }

    internal string Admin1Of(int id)
    {
        int e = EntryOffset(id);
        int a1Ref = I32(e + 36);
        if (a1Ref == 0) return "";
        long key = ((long)a1Ref << 16) | ((long)_data[e + 24] << 8) | _data[e + 25];
        return _admin1Acled[key];
    }

    internal GeoPosting PostingAt(int index)
    {
        int v = I32(_postOff + index * 4);
        return new GeoPosting(v >>> 2, (GeoMatchKind)(v & 3));
    }

    private void AddExtraKeys(int id, string acledName)
    {
        foreach (var spelling in new[] { acledName, AdminNames.StripGenericSuffix(acledName) })
        {
            string key = GeoNormalizer.Normalize(spelling);
            if (key.Length == 0) continue;
            var posting = new GeoPosting(id, GeoMatchKind.Name);
            _extraKeys[key] = _extraKeys.TryGetValue(key, out var list)
                ? (list.Contains(posting) ? list : [.. list, posting])
                : [posting];
        }
    }

    private int EntryOffset(int id) => _entryOff + id * GazetteerFormat.EntrySize;

    private int I32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(offset, 4));

    private ReadOnlySpan<byte> StringBytes(int stringRef)
    {
        int p = _strOff + stringRef;
        int len = 0, shift = 0;
        byte b;
        do
        {
            b = _data[p++];
            len |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return _data.AsSpan(p, len);
    }

    private string ReadString(int stringRef) => stringRef == 0 ? "" : Encoding.UTF8.GetString(StringBytes(stringRef));
}

/// <summary>
/// The postings of one name: a range of the file's posting list plus, for admin1 regions, postings added from
/// their ACLED spelling. A small struct; enumerate with an index or foreach without allocating.
/// </summary>
internal readonly struct GeoPostings
{
    private readonly Gazetteer? _gazetteer;
    private readonly int _start, _count;
    private readonly GeoPosting[]? _extra;

    internal GeoPostings(Gazetteer gazetteer, int start, int count, GeoPosting[]? extra)
    {
        _gazetteer = gazetteer;
        _start = start;
        _count = count;
        _extra = extra;
    }

    /// <summary>Number of postings (an entry may appear twice, once from each source).</summary>
    public int Count => _count + (_extra?.Length ?? 0);

    /// <summary>True when the name is not indexed.</summary>
    public bool IsEmpty => Count == 0;

    public GeoPosting this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return index < _count ? _gazetteer!.PostingAt(_start + index) : _extra![index - _count];
        }
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Allocation-free enumerator.</summary>
    public struct Enumerator(GeoPostings postings)
    {
        private int _i = -1;
        public readonly GeoPosting Current => postings[_i];
        public bool MoveNext() => ++_i < postings.Count;
    }
}
