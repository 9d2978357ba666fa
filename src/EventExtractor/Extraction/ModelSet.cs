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
    private ModelSet(string directory, KnowledgeLoader.Loaded loaded, NoiseCues noiseCues, DiscourseCues discourseCues, NonEventCues nonEventCues,
        string? classifierPath, Task<(EventClassifierModel Model, string? LexiconHash)>? classifierModel)
    {
        Directory = directory;
        Loaded = loaded;
        NoiseCues = noiseCues;
        DiscourseCues = discourseCues;
        NonEventCues = nonEventCues;
        // Loaded when first asked for: the engine asks at once, training (which replaces it) never does.
        _classifier = new Lazy<IEventClassifier?>(() =>
        {
            if (classifierPath is null) return null;
            if (classifierModel is null) return EventClassifier.Load(directory, loaded.Knowledge, classifierPath);
            // The model file was read while the lexicons loaded.
            return EventClassifier.FromFile(classifierModel.GetAwaiter().GetResult(), loaded.Knowledge, classifierPath, directory);
        });
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
    /// folder's <see cref="EventClassifierModel.DefaultFileName"/> when it has one (refused when it was trained on other lexicons).
    /// </summary>
    /// <param name="directory">The models folder.</param>
    /// <param name="classifierPath">The event classifier's model file, if not the folder's.</param>
    /// <param name="readClassifier">False when the classifier will not be asked for (training replaces it): its
    /// model file is then not read while the lexicons load.</param>
    /// <exception cref="Models.ModelException">A model file is missing or cannot be used; the message names it.</exception>
    public static ModelSet Load(string directory, string? classifierPath = null, bool readClassifier = true)
    {
        var full = Path.GetFullPath(directory);
        var defaultClassifier = Path.Combine(full, EventClassifierModel.DefaultFileName);
        var classifier = classifierPath ?? (File.Exists(defaultClassifier) ? defaultClassifier : null);
        // Start-up counts in short runs, so what needs nothing of the lexicons is read on the other core while they
        // are loaded and indexed (the gazetteer too, in KnowledgeLoader.Load): the classifier's model file and the cues.
        var classifierModel = readClassifier && classifier is not null
            ? Task.Run(() => EventClassifier.ReadFile(full, classifier))
            : null;
        var cues = Task.Run(() => (NoiseCues.FromModels(full), DiscourseCues.Load(full), NonEventCues.Load(full)));
        var loaded = KnowledgeLoader.Load(full);
        var (noiseCues, discourseCues, nonEventCues) = cues.GetAwaiter().GetResult();
        return new ModelSet(full, loaded, noiseCues, discourseCues, nonEventCues, classifier, classifierModel);
    }

    /// <summary>The ISO2 code of a country given as an ISO2 or ISO3 code or by name, or null when the models know none such.</summary>
    public string? CountryIso2(string wanted)
    {
        var k = Knowledge;
        var c = k.CountryOfIso2(wanted) ?? k.CountryOfIso3(wanted)
            ?? k.Countries.FirstOrDefault(c => string.Equals(c.Name, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        return c is { Iso2.Length: 2 } ? c.Iso2 : null;
    }

    /// <summary>Reader options whose headline cues are this set's noise cues.</summary>
    public ArticleReaderOptions ReaderOptions(DateOnly? defaultPublished = null) =>
        new() { DefaultPublished = defaultPublished, HeadlineCues = NoiseCues };

    /// <summary>
    /// The document stages in order: paragraphs and noise, tokens, sentences, lexicon entities, places, dates, event
    /// mentions; then what neighbouring sentences add to the mentions, which of them report no conflict event, and the
    /// classifier's decided types. With <paramref name="classifierFeaturesOnly"/>, the stages up to the mentions: the
    /// classifier's features come from them, so it is trained and applied on the same analysis.
    /// </summary>
    public IStage[] Stages(PlaceOptions? places = null, bool classifierFeaturesOnly = false)
    {
        var k = Knowledge;
        var features = new IStage[]
        {
            new ParagraphClassifier(NoiseCues),
            new Tokenizer(),
            new SentenceSplitter(),
            new LexiconStage(k),
            new PlaceStage(k, Places, places),
            new DateStage(k),
            new MentionStage(k),
        };
        if (classifierFeaturesOnly) return features;
        IStage[] all = [.. features, new DiscourseStage(DiscourseCues), new EventContextStage(k, NonEventCues)];
        return Classifier is { } classifier ? [.. all, new EventTypeStage(classifier, k)] : all;
    }
}
