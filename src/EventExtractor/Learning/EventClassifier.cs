using EventExtractor.Extraction;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Learning;

/// <summary>What the classifier says about a span of text.</summary>
/// <param name="Type">The most likely sub-event type, <see cref="SubEventType.None"/> when the span most likely reports no event.</param>
/// <param name="Confidence">The probability of <paramref name="Type"/> (0..1).</param>
/// <param name="NoneProbability">The probability that the span reports no event (0..1).</param>
internal readonly record struct EventPrediction(SubEventType Type, float Confidence, float NoneProbability);

/// <summary>
/// Classifies a span of an analysed document into a sub-event type (or None). Each method fills
/// <c>probabilities</c>, when given (one per <see cref="SubEventType"/>), with every class's probability.
/// </summary>
internal interface IEventClassifier
{
    /// <summary>
    /// Classifies tokens [<paramref name="firstToken"/>, +<paramref name="tokenCount"/>) of <paramref name="doc"/>:
    /// a sentence, a paragraph, or a whole short text. The document must have been through the stages up to the
    /// mention stage (the rules' mentions are features). Thread-safe.
    /// </summary>
    EventPrediction Classify(Document doc, int firstToken, int tokenCount, TextPosition position, Span<float> probabilities = default);

    /// <summary>The whole document as the classifier was trained on it (a short text whole, an article by its headline and lede).</summary>
    EventPrediction ClassifyDocument(Document doc, out TrainingData.DocumentShape shape, Span<float> probabilities = default);

    /// <summary>
    /// One sentence of an article in its context: the sentence's features (at <paramref name="position"/>) plus the
    /// headline's and lede's, which tell what the article is about.
    /// </summary>
    EventPrediction ClassifySentence(Document doc, int sentence, TextPosition position, Span<float> probabilities = default);
}

/// <summary>
/// The trained event classifier: one shared immutable <see cref="EventClassifierModel"/> and the feature extractor
/// it was trained with. Thread-safe; each thread reuses its own feature buffer, so a call allocates nothing once
/// the thread has classified a text of that size (for a linear model).
/// </summary>
internal sealed class EventClassifier : IEventClassifier
{
    [ThreadStatic] private static FeatureBuffer? t_buffer;
    [ThreadStatic] private static ContextCache? t_context;

    /// <summary>
    /// Wraps a model. <paramref name="knowledge"/> and the <paramref name="lexiconHash"/> of the lexicons it was loaded
    /// from must be given when the model was trained with knowledge.
    /// </summary>
    /// <exception cref="ArgumentException">The model needs knowledge and none was given.</exception>
    /// <exception cref="Models.ModelException">The model was trained on other lexicons.</exception>
    public EventClassifier(EventClassifierModel model, ExtractionKnowledge? knowledge, string? lexiconHash = null,
        string modelName = "the model", string modelsDir = "the models folder")
    {
        if (model.UsesKnowledge && knowledge == null)
            throw new ArgumentException("the model was trained with the lexicon knowledge; pass it", nameof(knowledge));
        if (model.UsesKnowledge) model.CheckLexicons(lexiconHash ?? "", modelName, modelsDir);
        Model = model;
        Features = new DocumentFeatureExtractor(model.Hasher, model.UsesKnowledge ? knowledge : null);
    }

    /// <summary>
    /// Loads a model file (<paramref name="modelPath"/>, else <see cref="EventClassifierModel.DefaultFileName"/> in the
    /// models folder) and checks it against the folder's lexicons.
    /// </summary>
    public static EventClassifier Load(string modelsDir, ExtractionKnowledge? knowledge, string? modelPath = null)
    {
        var path = modelPath ?? Path.Combine(modelsDir, EventClassifierModel.DefaultFileName);
        return FromFile(ReadFile(modelsDir, path), knowledge, path, modelsDir);
    }

    /// <summary>
    /// The first half of <see cref="Load"/>, which needs nothing of the lexicons and so can run while they load:
    /// the model file and, for a model whose features use them, the fingerprint of the folder's lexicons.
    /// </summary>
    public static (EventClassifierModel Model, string? LexiconHash) ReadFile(string modelsDir, string path)
    {
        var model = EventClassifierModel.Load(path);
        return (model, model.UsesKnowledge ? LexiconFingerprint.Of(modelsDir) : null);
    }

    /// <summary>The second half of <see cref="Load"/>: the classifier on a file <see cref="ReadFile"/> read, checked against the lexicons.</summary>
    public static EventClassifier FromFile((EventClassifierModel Model, string? LexiconHash) file, ExtractionKnowledge? knowledge, string path, string modelsDir) =>
        new(file.Model, knowledge, file.LexiconHash, path, modelsDir);

    public EventClassifierModel Model { get; }

    public IFeatureExtractor Features { get; }

    /// <summary>
    /// The prediction for a whole document as the classifier was trained on it: a short text whole, an article
    /// by its headline and lede. <paramref name="shape"/> says which.
    /// </summary>
    public EventPrediction ClassifyDocument(Document doc, out TrainingData.DocumentShape shape, Span<float> probabilities = default)
    {
        // The document's features are the context of its sentences (ClassifySentence): made once, they serve both,
        // and for a linear model one pass over their weights gives the document's probabilities and the sentences'
        // shared part of the scores.
        var context = t_context ??= new ContextCache();
        context.Document = null;
        shape = TrainingData.DocumentFeatures(doc, Features, context.Features, out _);
        context.Features.Compact();
        var ids = context.Features.Ids;
        var values = context.Features.Values;
        var result = new EventPrediction(SubEventType.None, 1f, 1f);
        if (shape == TrainingData.DocumentShape.Empty) context.Linear = Model.TryLinearPart(ids, values, context.Raw, out context.Squares);
        else
        {
            int c = Model.Classes.Count;
            Span<float> probs = probabilities.Length >= c ? probabilities[..c] : stackalloc float[c];
            context.Linear = Model.TryProbabilitiesAndLinearPart(ids, values, probs, context.Raw, out context.Squares);
            if (!context.Linear) Model.Probabilities(ids, values, probs);
            int best = Scoring.ArgMax(probs);
            result = new EventPrediction(Model.Classes[best], probs[best], probs[(int)SubEventType.None]);
        }
        context.Document = doc;
        context.Model = Model;
        return result;
    }

    public EventPrediction Classify(Document doc, int firstToken, int tokenCount, TextPosition position, Span<float> probabilities = default)
    {
        var buffer = t_buffer ??= new FeatureBuffer();
        buffer.Clear();
        Features.Extract(doc, firstToken, tokenCount, position, buffer);
        return Predict(buffer, probabilities);
    }

    public EventPrediction ClassifySentence(Document doc, int sentence, TextPosition position, Span<float> probabilities = default)
    {
        // The headline and lede are the same for every sentence of the document: their features, and for a linear
        // model their share of the scores, are made once per document and thread. Features all have the value 1,
        // so the two parts add up to the vector training saw.
        var context = t_context ??= new ContextCache();
        if (!ReferenceEquals(context.Document, doc) || !ReferenceEquals(context.Model, Model))
        {
            TrainingData.DocumentFeatures(doc, Features, context.Features, out _);
            context.Features.Compact();
            context.Linear = Model.TryLinearPart(context.Features.Ids, context.Features.Values, context.Raw, out context.Squares);
            context.Document = doc;
            context.Model = Model;
        }
        var buffer = t_buffer ??= new FeatureBuffer();
        var s = doc.Sentences[sentence];
        if (!context.Linear)
        {
            buffer.CopyFrom(context.Features);
            Features.Extract(doc, s.FirstToken, s.TokenCount, position, buffer);
            return Predict(buffer, probabilities);
        }
        buffer.Clear();
        Features.Extract(doc, s.FirstToken, s.TokenCount, position, buffer);
        buffer.Compact();
        int c = Model.Classes.Count;
        Span<float> probs = probabilities.Length >= c ? probabilities[..c] : stackalloc float[c];
        Model.ProbabilitiesOfSum(context.Features.Ids, context.Features.Values, context.Raw, context.Squares, buffer.Ids, buffer.Values, probs);
        int best = Scoring.ArgMax(probs);
        return new EventPrediction(Model.Classes[best], probs[best], probs[(int)SubEventType.None]);
    }

    /// <summary>One thread's headline-and-lede features of the document it classifies sentences of.</summary>
    private sealed class ContextCache
    {
        public Document? Document;
        public EventClassifierModel? Model;
        public readonly FeatureBuffer Features = new();
        public readonly float[] Raw = new float[EventClassifierModel.AllClasses.Count];
        public float Squares;
        public bool Linear;
    }

    private EventPrediction Predict(FeatureBuffer buffer, Span<float> probabilities)
    {
        buffer.Compact();
        var (type, confidence, none) = Model.Predict(buffer.Ids, buffer.Values, probabilities);
        return new EventPrediction(type, confidence, none);
    }
}
