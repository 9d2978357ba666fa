using EventExtractor.Text;

namespace EventExtractor.Pipeline;

/// <summary>Annotation layers a stage needs or adds; checked when a pipeline is built.</summary>
[Flags]
internal enum Annotations
{
    None = 0,
    Paragraphs = 1 << 0,
    Noise = 1 << 1,
    Tokens = 1 << 2,
    Sentences = 1 << 3,
    Places = 1 << 4,
    Actors = 1 << 5,
    Weapons = 1 << 6,
    Dates = 1 << 7,
    Counts = 1 << 8,
    Triggers = 1 << 9,
    Mentions = 1 << 10,
    /// <summary>Places and dates that mentions take from neighbouring sentences.</summary>
    Discourse = 1 << 11,
    /// <summary>Which mentions report no conflict event (disasters, ordinary crime, recalled history, threats ...), and why.</summary>
    EventContext = 1 << 12,
    /// <summary>The sub-event type decided for each mention, with its probability (<see cref="Document.MentionTypes"/>).</summary>
    EventTypes = 1 << 13,
}

/// <summary>
/// One step of document analysis. A stage reads the layers it <see cref="Requires"/> and fills the ones it
/// <see cref="Provides"/>; it never changes what an earlier stage made.
/// Stages are immutable after construction and safe to share across threads (one document per call).
/// </summary>
internal interface IStage
{
    /// <summary>Short name for messages.</summary>
    string Name { get; }

    /// <summary>Layers that must exist before this stage runs.</summary>
    Annotations Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    Annotations Provides { get; }

    /// <summary>Analyses one document in place.</summary>
    void Process(Document document);
}
