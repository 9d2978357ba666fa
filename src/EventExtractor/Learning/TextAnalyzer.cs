using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Learning;

/// <summary>
/// Analyses texts for the classifier the way the extractor does before it looks for events: paragraphs, tokens,
/// sentences, lexicon entities, places, dates and the rules' event mentions (whose types and flags are features):
/// every stage before the event-type stage, which the classifier serves.
/// </summary>
internal sealed class TextAnalyzer
{
    private readonly DocumentPipeline _pipeline;

    private TextAnalyzer(DocumentPipeline pipeline, ExtractionKnowledge? knowledge)
    {
        _pipeline = pipeline;
        Knowledge = knowledge;
    }

    /// <summary>The lexicon knowledge the entities come from; null for <see cref="Plain"/>.</summary>
    public ExtractionKnowledge? Knowledge { get; }

    /// <summary>The full analysis with every lexicon and the gazetteer of a models folder.</summary>
    public static TextAnalyzer Load(string modelsDir) => Load(ModelSet.Load(modelsDir, readClassifier: false));

    /// <summary>The analysis the classifier's features come from, on models already loaded: the extractor's stages up to mention finding.</summary>
    public static TextAnalyzer Load(ModelSet models) => new(new DocumentPipeline(models.Stages(classifierFeaturesOnly: true)), models.Knowledge);

    /// <summary>Paragraphs (no noise cues), tokens and sentences only, no models (for tests and knowledge-free models).</summary>
    public static TextAnalyzer Plain() => new(new DocumentPipeline(
    [
        new ParagraphClassifier(NoiseCues.Parse(new StringReader("kind\tpattern\n"), "(no noise cues)")),
        new Tokenizer(),
        new SentenceSplitter(),
    ]), null);

    /// <summary>Analyses an article.</summary>
    public Document Analyse(Article article) => _pipeline.Process(new Document(article));

    /// <summary>Analyses a bare text (a snippet, an ACLED note).</summary>
    public Document Analyse(string text, string id) => Analyse(new Article(id, null, text, null, null, null, id));
}
