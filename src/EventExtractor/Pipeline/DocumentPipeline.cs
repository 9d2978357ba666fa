using EventExtractor.Text;

namespace EventExtractor.Pipeline;

/// <summary>
/// An ordered list of stages, checked when built: each stage's requirements must be provided by the
/// stages before it, so a mis-ordered pipeline fails at construction, not halfway through a batch.
/// </summary>
internal sealed class DocumentPipeline
{
    private readonly IStage[] _stages;

    public DocumentPipeline(IEnumerable<IStage> stages)
    {
        _stages = stages.ToArray();
        var have = Annotations.None;
        foreach (var s in _stages)
        {
            var missing = s.Requires & ~have;
            if (missing != Annotations.None)
                throw new InvalidOperationException($"Pipeline stage '{s.Name}' needs {missing}, which no earlier stage provides.");
            have |= s.Provides;
        }
        Provides = have;
    }

    /// <summary>Every layer the pipeline fills.</summary>
    public Annotations Provides { get; }

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Runs every stage over the document, in order.</summary>
    public Document Process(Document document)
    {
        foreach (var s in _stages)
        {
            s.Process(document);
            document.Done |= s.Provides;
        }
        return document;
    }
}
