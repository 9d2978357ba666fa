using EventExtractor.Extraction;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Learning;

/// <summary>What the classifier says about a span of text.</summary>
/// <param name="Type">The most likely sub-event type, <see cref="SubEventType.None"/> when the span most likely reports no event.</param>
/// <param name="Confidence">The probability of <paramref name="Type"/> (0..1).</param>
/// <param name="NoneProbability">The probability that the span reports no event (0..1).</param>
internal readonly record struct EventPrediction(SubEventType Type, float Confidence, float NoneProbability);

/// <summary>Classifies a span of an analysed document into a sub-event type (or None).</summary>
internal interface IEventClassifier
{
    /// <summary>
    /// Classifies tokens [<paramref name="firstToken"/>, +<paramref name="tokenCount"/>) of <paramref name="doc"/>:
    /// a sentence, a paragraph, or a whole short text. The document must have been through the tokenizer, sentence
    /// splitter and the lexicon, place and date stages. Thread-safe.
    /// </summary>
    EventPrediction Classify(Document doc, int firstToken, int tokenCount, TextPosition position);

    /// <summary>The whole document as the classifier was trained on it (a short text whole, an article by its headline and lede).</summary>
    EventPrediction ClassifyDocument(Document doc, out TrainingData.DocumentShape shape);
}

/// <summary>
/// The trained event classifier: one shared immutable <see cref="EventClassifierModel"/> and the feature extractor
/// it was trained with. Thread-safe; each thread reuses its own feature buffer, so a call allocates nothing once
/// the thread has classified a text of that size.
/// </summary>
internal sealed class EventClassifier : IEventClassifier
{
    [ThreadStatic] private static FeatureBuffer? t_buffer;

    /// <summary>Wraps a model. <paramref name="knowledge"/> must be given when the model was trained with it.</summary>
    /// <exception cref="ArgumentException">The model needs knowledge and none was given.</exception>
    public EventClassifier(EventClassifierModel model, ExtractionKnowledge? knowledge)
    {
        if (model.UsesKnowledge && knowledge == null)
            throw new ArgumentException("the model was trained with the lexicon knowledge; pass it", nameof(knowledge));
        Model = model;
        Features = new DocumentFeatureExtractor(model.Hasher, model.UsesKnowledge ? knowledge : null);
    }

    /// <summary>Loads <see cref="EventClassifierModel.DefaultFileName"/> from a models folder.</summary>
    public static EventClassifier Load(string modelsDir, ExtractionKnowledge? knowledge) =>
        new(EventClassifierModel.Load(Path.Combine(modelsDir, EventClassifierModel.DefaultFileName)), knowledge);

    public EventClassifierModel Model { get; }

    public IFeatureExtractor Features { get; }

    /// <summary>
    /// The prediction for a whole document as the classifier was trained on it: a short text whole, an article
    /// by its headline and lede. <paramref name="shape"/> says which.
    /// </summary>
    public EventPrediction ClassifyDocument(Document doc, out TrainingData.DocumentShape shape)
    {
        var buffer = t_buffer ??= new FeatureBuffer();
        shape = TrainingData.DocumentFeatures(doc, Features, buffer, out _);
        if (shape == TrainingData.DocumentShape.Empty) return new EventPrediction(SubEventType.None, 1f, 1f);
        var (type, confidence, none) = Model.Predict(buffer.Ids, buffer.Values);
        return new EventPrediction(type, confidence, none);
    }

    public EventPrediction Classify(Document doc, int firstToken, int tokenCount, TextPosition position)
    {
        var buffer = t_buffer ??= new FeatureBuffer();
        buffer.Clear();
        Features.Extract(doc, firstToken, tokenCount, position, buffer);
        var (type, confidence, none) = Model.Predict(buffer.Ids, buffer.Values);
        return new EventPrediction(type, confidence, none);
    }
}
