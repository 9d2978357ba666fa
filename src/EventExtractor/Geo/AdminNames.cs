using EventExtractor.Diagnostics;
using EventExtractor.Models;

namespace EventExtractor.Geo;

/// <summary>
/// ACLED's spelling of admin1 names (models/admin-names.tsv: <c>iso2  geonames_admin1_name  acled_admin1_name</c>).
/// A name without a row keeps its GeoNames spelling less a generic suffix ACLED drops ("Borno State" -> "Borno",
/// "Donetsk Oblast" -> "Donetsk"); a row that maps a name to itself keeps the suffix ("Free State").
/// </summary>
internal sealed class AdminNames
{
    /// <summary>Suffixes ACLED does not write after an admin1 name.</summary>
    private static readonly string[] GenericSuffixes =
    [
        " Governorate", " Province", " province", " Region", " region", " Oblast", " oblast", " State", " state",
        " Department", " County", " county", " District", " Division", " Prefecture", " Municipality",
    ];

    private readonly Dictionary<(string Iso2, string Name), string> _map = new();

    /// <summary>An empty table: only the suffix rule applies.</summary>
    public static AdminNames Empty { get; } = new();

    /// <summary>All rows, as (iso2, GeoNames name, ACLED name).</summary>
    public IEnumerable<(string Iso2, string GeoNamesName, string AcledName)> Rows =>
        _map.Select(kv => (kv.Key.Iso2, kv.Key.Name, kv.Value));

    /// <summary>Reads models/admin-names.tsv; a malformed line gives a <see cref="ModelException"/>.</summary>
    public static AdminNames Load(string path)
    {
        if (!File.Exists(path)) throw new ModelException(Messages.ModelFileMissing(path));
        var names = new AdminNames();
        int lineNo = 0;
        bool header = true;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var cols = line.Split('\t');
            if (cols.Length != 3 || cols[0].Length != 2 || cols[1].Length == 0 || cols[2].Length == 0)
                throw new ModelException(Messages.ModelFileBad(path,
                    Messages.TsvBadLine(lineNo, "expected iso2, GeoNames name and ACLED name separated by tabs")));
            names._map[(cols[0], cols[1])] = cols[2];
        }
        return names;
    }

    /// <summary>Adds or replaces one mapping (for tests and tools).</summary>
    public void Add(string iso2, string geonamesName, string acledName) => _map[(iso2, geonamesName)] = acledName;

    /// <summary>ACLED's spelling of a GeoNames admin1 name.</summary>
    public string ToAcled(string iso2, string geonamesName)
    {
        if (geonamesName.Length == 0) return geonamesName;
        if (_map.TryGetValue((iso2, geonamesName), out var acled)) return acled;
        return StripGenericSuffix(geonamesName);
    }

    /// <summary>Words GeoNames' admin2 table puts before a district's name ("Qaḑā’ Sāmarrā’", "Qeza-î Ṟuwandiz").</summary>
    private static readonly string[] DistrictPrefixes = ["Qaḑā’ ", "Qaḑā' ", "Qada ", "Qadaa ", "Qadha ", "Qeza-î ", "Qeza-i ", "Kaza ", "District of "];

    /// <summary>
    /// A district's name as ACLED writes admin2: without a generic prefix or suffix and in plain Latin letters
    /// ("Qaḑā’ Sāmarrā’" -> "Samarra", "Tel Afar District" -> "Tel Afar", "Lashkar Gāh" -> "Lashkar Gah").
    /// </summary>
    public static string CleanDistrict(string name)
    {
        foreach (var p in DistrictPrefixes)
        {
            if (name.Length > p.Length && name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                name = name[p.Length..];
                break;
            }
        }
        return StripGenericSuffix(Latin(name));
    }

    /// <summary>Diacritics dropped and transliteration marks removed, case kept; other scripts left as they are.</summary>
    private static string Latin(string name)
    {
        bool plain = true;
        foreach (char c in name) if (c >= 128) { plain = false; break; }
        if (plain) return name;
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (char c in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            var cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) continue;
            if (c is '’' or '‘' or 'ʿ' or 'ʾ' or 'ʻ' or 'ʼ') continue;
            sb.Append(c);
        }
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>Drops one generic suffix (" Governorate", " Province", " District" ...) when a name remains.</summary>
    public static string StripGenericSuffix(string name)
    {
        foreach (var s in GenericSuffixes)
        {
            if (name.Length > s.Length && name.EndsWith(s, StringComparison.Ordinal))
                return name[..^s.Length];
        }
        return name;
    }
}
