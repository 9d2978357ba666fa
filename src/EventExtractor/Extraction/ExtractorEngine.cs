using EventExtractor.Ingestion;
using EventExtractor.Records;

namespace EventExtractor.Extraction;

/// <summary>
/// The whole extraction for one article: document analysis, event mentions, assembly into records.
/// Loaded once from a models folder; immutable and thread-safe afterwards (one article per call).
/// </summary>
public sealed class ExtractorEngine
{
    /// <summary>Loads every model and lexicon from <paramref name="modelsDir"/>.</summary>
    public static ExtractorEngine Load(string modelsDir) => throw new NotImplementedException();

    /// <summary>The event records one article reports, in text order.</summary>
    public IReadOnlyList<AcledRecord> Extract(Article article) => throw new NotImplementedException();
}
