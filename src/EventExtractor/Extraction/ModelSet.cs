using EventExtractor.Ingestion;
using EventExtractor.Learning;
using EventExtractor.Lexicons;
using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Everything one models folder holds, loaded once and shared: the lexicon knowledge and gazetteer, the noise cues
/// (used both by the paragraph stage and by the article reader to pass over page furniture above a headline), and
/// the event classifier. The engine, the article reader and every command take their models from one instance, and
/// the document stages are listed here only. Immutable and thread-safe after loading.
/// </summary>
internal sealed class ModelSet
{
    private ModelSet(string directory, KnowledgeLoader.Loaded loaded, NoiseCues noiseCues, DiscourseCues discourseCues, NonEventCues nonEventCues, string? classifierPath)
    {
        Directory = directory;
        Loaded = loaded;
        NoiseCues = noiseCues;
        DiscourseCues = discourseCues;
        NonEventCues = nonEventCues;
        // Loaded when first asked for: the engine asks at once, training (which replaces it) never does.
        _classifier = new Lazy<IEventClassifier?>(() =>
            classifierPath is null ? null : new EventClassifier(EventClassifierModel.Load(classifierPath), loaded.Knowledge));
    }

    private readonly Lazy<IEventClassifier?> _classifier;

    /// <summary>The models folder, as a full path.</summary>
    public string Directory { get; }

    /// <summary>Lexicon knowledge, gazetteer lookup and lexicon tables.</summary>
    public KnowledgeLoader.Loaded Loaded { get; }

    /// <summary>The lexicon knowledge the stages match against.</summary>
    public ExtractionKnowledge Knowledge => Loaded.Knowledge;

    /// <summary>The gazetteer as the stages use it.</summary>
    public IPlaceLookup Places => Loaded.Places;

    /// <summary>The patterns that mark captions, bylines, promotions and boilerplate.</summary>
    public NoiseCues NoiseCues { get; }

    /// <summary>The cues by which a sentence refers back to an event told before ("The attack took place near X").</summary>
    public DiscourseCues DiscourseCues { get; }

    /// <summary>The cues that show a mention reports no conflict event (a total, a drill, a fiction ...).</summary>
    public NonEventCues NonEventCues { get; }

    /// <summary>The event classifier the mentions consult, if the folder (or an explicit model file) has one.</summary>
    public IEventClassifier? Classifier => _classifier.Value;

    /// <summary>
    /// Loads a models folder; the event classifier from <paramref name="classifierPath"/> when given, else the
    /// folder's event-classifier.bin when it has one.
    /// </summary>
    /// <exception cref="Models.ModelException">A model file is missing or cannot be used; the message names it.</exception>
    public static ModelSet Load(string directory, string? classifierPath = null)
    {
        var full = Path.GetFullPath(directory);
        var defaultClassifier = Path.Combine(full, EventClassifierModel.DefaultFileName);
        var classifier = classifierPath ?? (File.Exists(defaultClassifier) ? defaultClassifier : null);
        return new ModelSet(full, KnowledgeLoader.Load(full), NoiseCues.FromModels(full), DiscourseCues.Load(full), NonEventCues.Load(full), classifier);
    }

    /// <summary>Reader options whose headline cues are this set's noise cues.</summary>
    public ArticleReaderOptions ReaderOptions(DateOnly? defaultPublished = null) =>
        new() { DefaultPublished = defaultPublished, HeadlineCues = NoiseCues };

    /// <summary>
    /// The document stages in order: paragraphs and noise, tokens, sentences, lexicon entities, places, dates, and,
    /// with <paramref name="mentions"/>, event mentions and what neighbouring sentences add to them. The classifier's features come from the stages before
    /// mentions, so it is trained and applied on the same analysis.
    /// </summary>
    public IStage[] Stages(bool mentions = true)
    {
        var k = Knowledge;
        var analysis = new IStage[]
        {
            new ParagraphClassifier(NoiseCues),
            new Tokenizer(),
            new SentenceSplitter(),
            new LexiconStage(k),
            new PlaceStage(k, Places),
            new DateStage(k),
        };
        return mentions ? [.. analysis, new MentionStage(k, Classifier), new DiscourseStage(DiscourseCues), new EventContextStage(k, NonEventCues)] : analysis;
    }
}
