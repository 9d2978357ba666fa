using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// The real models, loaded once for every test that needs them: the engine, and the knowledge on its own for
/// tests that drive a single stage or reader.
/// </summary>
public sealed class EngineFixture
{
    // One load per test process, shared with theory data that needs the pipeline (its stage count).
    private static readonly Lazy<string> Dir = new(FindModels);
    private static readonly Lazy<ExtractorEngine> SharedEngine = new(() => ExtractorEngine.Load(Dir.Value));
    // The engine's own model set: the gazetteer and lexicons are loaded once per test process.
    private static readonly Lazy<KnowledgeLoader.Loaded> SharedLoaded = new(() => SharedEngine.Value.Models.Loaded);

    /// <summary>The engine, for theory data built before any fixture exists.</summary>
    internal static ExtractorEngine SharedInstance => SharedEngine.Value;

    public string ModelsDir => Dir.Value;
    internal ExtractorEngine Engine => SharedEngine.Value;
    internal KnowledgeLoader.Loaded Loaded => SharedLoaded.Value;
    internal ExtractionKnowledge Knowledge => Loaded.Knowledge;

    /// <summary>The checkout's models/ folder: the directory holding EventExtractor.sln, walking up from the binary.</summary>
    public static string FindModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln")))
                return Path.Combine(dir.FullName, "models");
        return Models.ModelDirectory.Locate();
    }

    /// <summary>An article whose text is a headline line, a blank line, then the body.</summary>
    public static Article Article(string body, string? published = "2021-03-17", string headline = "News report", string id = "t1", string? source = null) =>
        new(id, headline, headline + "\n\n" + body, published == null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), source, null, "<test>");

    public IReadOnlyList<AcledRecord> Extract(string body, string? published = "2021-03-17", string headline = "News report", string id = "t1") =>
        Engine.Extract(Article(body, published, headline, id));

    /// <summary>The one record an article gives; fails with what was found otherwise.</summary>
    public AcledRecord Single(string body, string? published = "2021-03-17", string headline = "News report")
    {
        var records = Extract(body, published, headline);
        Assert.True(records.Count == 1, $"expected one record, got {records.Count}: {Describe(records)}");
        return records[0];
    }

    public static string Describe(IEnumerable<AcledRecord> records) =>
        string.Join(" || ", records.Select(r => $"{r.EventDate} {r.SubEventType} | {r.Actor1} / {r.Actor2} | {r.Location} gp{r.GeoPrecision} | fat {r.Fatalities}"));

    /// <summary>The Date entities of a document: their text, resolved day (null when unresolved) and precision.</summary>
    internal static List<(string Text, DateOnly? Day, DatePrecision Precision)> Dates(Document doc) =>
        doc.Entities.Where(e => e.Label == EntityLabel.Date)
            .OrderBy(e => e.FirstToken)
            .Select(e => (doc.Cut(e.FirstToken, e.TokenCount), e.Ref == DateStage.Unresolved ? (DateOnly?)null : DateOnly.FromDayNumber(e.Ref), (DatePrecision)e.Value))
            .ToList();
}

[CollectionDefinition("engine")]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
