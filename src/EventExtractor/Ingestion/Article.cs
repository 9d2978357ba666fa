namespace EventExtractor.Ingestion;

/// <summary>
/// One news article as read from an input, before any analysis. The text is the article's body with the
/// headline as its first line; everything later (tokens, entities, events) points into <see cref="Text"/>.
/// </summary>
/// <param name="Id">Stable identifier: the file name without extension, or the <c>id</c> field of a JSON article.</param>
/// <param name="Title">Headline, if known.</param>
/// <param name="Text">Headline line, a blank line, then the body; never null.</param>
/// <param name="Published">Publication date from metadata, a dateline, or the user's <c>--published</c>.</param>
/// <param name="Source">Outlet name, if known.</param>
/// <param name="Url">Address of the article, if known.</param>
/// <param name="Origin">Where it came from, for messages: a path, or <c>path:line</c> for JSON Lines.</param>
public sealed record Article(
    string Id,
    string? Title,
    string Text,
    DateOnly? Published,
    string? Source,
    string? Url,
    string Origin)
{
    /// <summary>How the publication date was found: metadata, dateline, option, or none.</summary>
    public PublishedDateSource PublishedFrom { get; init; } = PublishedDateSource.None;
}

/// <summary>Where an article's publication date came from.</summary>
public enum PublishedDateSource
{
    None,
    Metadata,
    Dateline,
    CommandLine,
}
