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

    private readonly PlaceOptions? _places;

    /// <summary>Builds the engine on models already loaded (shared with the article reader and other commands).</summary>
    /// <param name="models">The loaded models.</param>
    /// <param name="places">How places are resolved (the archive's country first, whether an event needs a place).</param>
    public ExtractorEngine(ModelSet models, PlaceOptions? places = null)
    {
        Models = models;
        _places = places;
        var loaded = models.Loaded;
        var k = loaded.Knowledge;
        Classifier = models.Classifier;
        _pipeline = new DocumentPipeline(models.Stages(places));
        _assembler = new EventAssembler(k, loaded.Places, places);
        var terms = loaded.Lexicon.Terms;
        _records = new RecordBuilder(k, terms.StateForceName);
        Pipeline = _pipeline;
    }

    /// <summary>The models the engine runs on.</summary>
    public ModelSet Models { get; }

    /// <summary>The document pipeline, for tools that want the annotations (export, diagnostics).</summary>
    public DocumentPipeline Pipeline { get; }

    /// <summary>The event classifier that decides the mentions' types, if any.</summary>
    public IEventClassifier? Classifier { get; }

    /// <summary>
    /// Loads every model and lexicon from <paramref name="modelsDir"/>; the event classifier from
    /// <paramref name="modelPath"/> when given, else the folder's <see cref="EventClassifierModel.DefaultFileName"/> when
    /// it has one. A classifier trained on other lexicons is refused (<see cref="Models.ModelException"/>).
    /// </summary>
    /// <paramref name="places"/> sets how places are resolved and whether an event needs one; its country may be
    /// an ISO2 or ISO3 code or a country's name (an unknown one gives a <see cref="Diagnostics.UsageException"/>).
    public static ExtractorEngine Load(string modelsDir, string? modelPath = null, PlaceOptions? places = null)
    {
        var models = ModelSet.Load(modelsDir, modelPath);
        if (places?.CountryIso2 is { } country)
            places = places with { CountryIso2 = models.CountryIso2(country) ?? throw new Diagnostics.UsageException(Diagnostics.Messages.UnknownCountry(country)) };
        return new(models, places);
    }

    /// <summary>Runs the document stages only.</summary>
    public Document Analyse(Article article) => _pipeline.Process(new Document(article));

    /// <summary>The event records one article reports, in text order.</summary>
    public IReadOnlyList<AcledRecord> Extract(Article article) => Records(Analyse(article));

    /// <summary>The event records of a document the stages have analysed, in text order.</summary>
    public IReadOnlyList<AcledRecord> Records(Document doc)
    {
        var article = doc.Article;
        var events = _assembler.Assemble(doc);
        var records = new List<AcledRecord>(events.Count);
        var articleHash = EventIds.ArticleHash(article.Id);
        foreach (var e in events)
        {
            var r = _records.Build(doc, e);
            // Two events of one article with the same key (no date, no place) still get ids of their own.
            int occurrence = 0;
            foreach (var earlier in records)
                if (RecordBuilder.SameEventKey(earlier, r)) occurrence++;
            // The key's parts (RecordBuilder.EventKey), hashed as joined: the key itself is never built.
            r.EventIdCnty = EventIds.Derive(r.EventIdCnty, articleHash, [r.SubEventType, r.EventDate, r.Location, r.Actor1, r.Actor2], occurrence);
            records.Add(r);
        }
        return records;
    }
}
