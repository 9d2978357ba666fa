using EventExtractor.Running;

namespace EventExtractor;

/// <summary>
/// How an <see cref="Extractor"/> is loaded and runs. Every property has a default that matches the
/// <c>eventextractor extract</c> command, so <c>new ExtractorOptions()</c> gives the command's output.
/// </summary>
public sealed record ExtractorOptions
{
    /// <summary>
    /// The models folder (gazetteer, lexicons, cues, event classifier). Null: the <c>models/</c> folder the
    /// EventExtractor package copies beside the application's binary, else one beside the library, else a
    /// <c>models/</c> folder in the current directory or one of its parents.
    /// </summary>
    public string? ModelsDirectory { get; init; }

    /// <summary>An event classifier model file (from <c>eventextractor train</c>) instead of the models folder's own.</summary>
    public string? ClassifierPath { get; init; }

    /// <summary>
    /// How many articles <see cref="Extractor.ExtractMany(IEnumerable{Ingestion.Article}, CancellationToken)"/>
    /// extracts at once, one per thread (an article is never split across threads). Default: the processor count.
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many consecutive articles of one <c>ExtractMany</c> call may merge their reports of the same event (same
    /// sub-event type, place, day and actor 1) into one record listing every source. Default 500; 0 turns merging off.
    /// </summary>
    public int MergeWindow { get; init; } = WindowMerger.DefaultWindow;

    /// <summary>
    /// The country the articles are most likely about (ISO 3166 alpha-2 or alpha-3 code, or the name, as in
    /// <c>"NG"</c>, <c>"NGA"</c> or <c>"Nigeria"</c>): place names of an article that names no country are looked
    /// up there first. Null: the country is guessed from the places the article names.
    /// </summary>
    public string? CountryHint { get; init; }
}
