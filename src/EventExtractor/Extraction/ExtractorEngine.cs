using EventExtractor.Ingestion;
using EventExtractor.Learning;
using EventExtractor.Lexicons;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// The whole extraction for one article: document analysis (paragraphs and noise, tokens, sentences,
/// lexicons, places, dates, mentions), assembly into events, and records. Loaded once from a models folder;
/// immutable and thread-safe afterwards (one article per call).
/// </summary>
internal sealed class ExtractorEngine
{
    private readonly DocumentPipeline _pipeline;
    private readonly EventAssembler _assembler;
    private readonly RecordBuilder _records;

    private readonly string? _countryHint;

    /// <summary>Builds the engine on models already loaded (shared with the article reader and other commands).</summary>
    /// <param name="models">The loaded models.</param>
    /// <param name="countryHint">ISO2 code of the country places are looked up in first when an article names none.</param>
    public ExtractorEngine(ModelSet models, string? countryHint = null)
    {
        Models = models;
        _countryHint = countryHint;
        var loaded = models.Loaded;
        var k = loaded.Knowledge;
        Classifier = models.Classifier;
        _pipeline = new DocumentPipeline(models.Stages());
        _assembler = new EventAssembler(k, loaded.Places);
        var terms = loaded.Lexicon.Terms;
        _records = new RecordBuilder(k, terms.StateForceName);
        Pipeline = _pipeline;
    }

    /// <summary>The models the engine runs on.</summary>
    public ModelSet Models { get; }

    /// <summary>The document pipeline, for tools that want the annotations (export, diagnostics).</summary>
    public DocumentPipeline Pipeline { get; }

    /// <summary>The event classifier the mentions consult, if any.</summary>
    public IEventClassifier? Classifier { get; }

    /// <summary>
    /// Loads every model and lexicon from <paramref name="modelsDir"/>; the event classifier from
    /// <paramref name="modelPath"/> when given, else the folder's event-classifier.bin when it has one.
    /// </summary>
    public static ExtractorEngine Load(string modelsDir, string? modelPath = null) => new(ModelSet.Load(modelsDir, modelPath));

    /// <summary>Runs the document stages only.</summary>
    public Document Analyse(Article article) => _pipeline.Process(new Document(article) { CountryHint = _countryHint });

    /// <summary>The event records one article reports, in text order.</summary>
    public IReadOnlyList<AcledRecord> Extract(Article article)
    {
        var doc = Analyse(article);
        var events = _assembler.Assemble(doc);
        var records = new List<AcledRecord>(events.Count);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var r = _records.Build(doc, e);
            // Two events of one article with the same key (no date, no place) still get ids of their own.
            var key = RecordBuilder.EventKey(r);
            int occurrence = occurrences.GetValueOrDefault(key);
            occurrences[key] = occurrence + 1;
            r.EventIdCnty = EventIds.Derive(r.EventIdCnty, article.Id, key, occurrence);
            records.Add(r);
        }
        return records;
    }
}
