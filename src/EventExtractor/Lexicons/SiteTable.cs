using EventExtractor.Diagnostics;

namespace EventExtractor.Lexicons;

/// <summary>One row of <c>sites.tsv</c>.</summary>
/// <param name="Phrase">The phrase as written ("Ain al-Asad air base").</param>
/// <param name="Kind">What it is (base, airport, district, zone, camp, crossing, square ...).</param>
/// <param name="Location">ACLED's location name for events there.</param>
/// <param name="Iso2">Country.</param>
/// <param name="Latitude">WGS84, 4 decimals.</param>
/// <param name="Longitude">WGS84, 4 decimals.</param>
internal sealed record Site(string Phrase, string Kind, string Location, string Iso2, double Latitude, double Longitude);

/// <summary>
/// Named sites that news names instead of a town. A phrase may be listed once per city ("Tahrir Square" in Cairo
/// and in Baghdad); such rows differ in <see cref="Site.Location"/> and the extractor prefers the one whose
/// town or country the article mentions.
/// </summary>
internal sealed class SiteTable
{
    /// <summary>The file's name inside the models folder.</summary>
    public const string FileName = "sites.tsv";

    private static readonly string[] Columns = ["phrase", "kind", "location", "iso2", "latitude", "longitude"];

    private readonly Dictionary<string, int[]> _byPhrase;

    private SiteTable(List<Site> rows, Dictionary<string, int[]> byPhrase)
    {
        Rows = rows;
        _byPhrase = byPhrase;
    }

    /// <summary>All rows in file order.</summary>
    public IReadOnlyList<Site> Rows { get; }

    /// <summary>Loads <c>sites.tsv</c> from a models folder.</summary>
    public static SiteTable Load(string modelsDir, CountryTable countries) =>
        FromRows(TsvReader.Read(Path.Combine(modelsDir, FileName), Columns), countries);

    /// <summary>Parses TSV text (for tests and tools).</summary>
    public static SiteTable Parse(TextReader reader, CountryTable countries, string fileName = FileName) =>
        FromRows(TsvReader.Read(reader, fileName, Columns), countries);

    private static SiteTable FromRows(IReadOnlyList<TsvRow> tsv, CountryTable countries)
    {
        var rows = new List<Site>(tsv.Count);
        var byPhrase = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var r in tsv)
        {
            var phrase = r.Required(0);
            var kind = r.Required(1);
            var location = r.Required(2);
            var iso2 = r.Required(3).ToUpperInvariant();
            if (countries.ByIso2(iso2) == null) throw r.Error(Messages.ModelUnknownCountry("iso2", iso2));
            double lat = r.Double(4), lon = r.Double(5);
            if (lat is < -90 or > 90) throw r.Bad(4, "a latitude between -90 and 90");
            if (lon is < -180 or > 180) throw r.Bad(5, "a longitude between -180 and 180");
            var key = LexiconText.Normalize(phrase);
            if (!byPhrase.TryGetValue(key, out var list)) byPhrase[key] = list = new List<int>();
            bool same = false;
            foreach (var other in list)
            {
                var o = rows[other];
                if (o.Location != location || o.Iso2 != iso2) continue;
                // A spelling variant that normalizes alike ("Baghdad Airport") is harmless; one phrase meaning two
                // different places in one town is not.
                if (o.Latitude == lat && o.Longitude == lon) same = true;
                else throw r.Error(Messages.ModelDuplicate($"site '{key}' in {location} with other coordinates"));
            }
            var site = new Site(phrase, kind, location, iso2, lat, lon);
            if (!same) list.Add(rows.Count);
            rows.Add(site);
        }
        return new SiteTable(rows, byPhrase.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Every site a phrase may name (several when it is ambiguous between cities).</summary>
    public IReadOnlyList<Site> Find(string phrase) =>
        _byPhrase.TryGetValue(LexiconText.Normalize(phrase), out var rows) ? rows.Select(i => Rows[i]).ToArray() : [];

    /// <summary>Normalized phrases with their row index; an ambiguous phrase appears once per site.</summary>
    public IEnumerable<(string Phrase, int Row)> Phrases()
    {
        foreach (var (phrase, rows) in _byPhrase)
            foreach (var r in rows) yield return (phrase, r);
    }
}
