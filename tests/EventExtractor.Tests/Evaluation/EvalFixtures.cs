using EventExtractor.Evaluation;

namespace EventExtractor.Tests.Evaluation;

/// <summary>Hand-made records and temp folders for the evaluation tests.</summary>
internal static class EvalFixtures
{
    /// <summary>Degrees of latitude per kilometre on the haversine sphere.</summary>
    public const double DegreesPerKm = 180.0 / (Math.PI * 6371.0088);

    public static EvalRecord Rec(string type = "Armed clash", string date = "2024-03-10", double? lat = 10.0, double? lon = 20.0,
        string location = "Alpha", int? fatalities = 0, string article = "a1") => new()
    {
        ArticleId = article,
        SubEventType = type,
        EventDate = date.Length == 0 ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Latitude = lat,
        Longitude = lon,
        Location = location,
        Fatalities = fatalities,
    };

    /// <summary>The same record moved <paramref name="km"/> kilometres north.</summary>
    public static EvalRecord North(EvalRecord r, double km)
    {
        var copy = r.Copy();
        copy.Latitude = r.Latitude + km * DegreesPerKm;
        return copy;
    }

    public static RecordSet Set(string source, params EvalRecord[] records) =>
        new(source, records.GroupBy(r => r.ArticleId).Select(g => new KeyValuePair<string, List<EvalRecord>>(g.Key, g.ToList())), hasArticleIds: true);

    public static RecordSet Set(string source, IEnumerable<string> emptyArticles, params EvalRecord[] records) =>
        new(source, records.GroupBy(r => r.ArticleId).Select(g => new KeyValuePair<string, List<EvalRecord>>(g.Key, g.ToList()))
            .Concat(emptyArticles.Select(id => new KeyValuePair<string, List<EvalRecord>>(id, new()))), hasArticleIds: true);
}

/// <summary>A fresh folder under the system temp folder, removed on dispose.</summary>
internal sealed class EvalTempDir : IDisposable
{
    public EvalTempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ee-eval-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
