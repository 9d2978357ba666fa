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

    /// <summary>
    /// An article from its text, as a library caller has it: the headline, when given, becomes the first line of
    /// <see cref="Text"/>; without one the text's first line is the headline, as for a <c>.txt</c> file. A
    /// publication date, when not given, is looked for in a dateline, as the article reader does.
    /// </summary>
    /// <param name="text">The article's body (or headline line, blank line, body).</param>
    /// <param name="headline">The headline, if it is not the text's first line.</param>
    /// <param name="published">The publication date, if known.</param>
    /// <param name="id">The article's id, which event ids derive from; null: one derived from the text, stable across runs.</param>
    /// <param name="source">The outlet, for the records' <c>source</c>; null: the id.</param>
    /// <param name="url">The article's address, if known.</param>
    public static Article FromText(string text, string? headline = null, DateOnly? published = null, string? id = null,
        string? source = null, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = TextDecoder.NormalizeNewlines(text).Trim();
        var title = string.IsNullOrWhiteSpace(headline) ? null : headline.Trim();
        var full = title is null ? body : body.Length == 0 ? title : title + "\n\n" + body;
        id ??= "text-" + StableHash(full).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        var (date, from) = PublicationDateFinder.Resolve(published, full, null);
        return new Article(id, title ?? FirstLine(full), full, date, source, url, TextOrigin) { PublishedFrom = from };
    }

    /// <summary>How an article made by <see cref="FromText"/> is named in messages.</summary>
    internal const string TextOrigin = "<text>";

    private static string? FirstLine(string text)
    {
        int nl = text.IndexOf('\n');
        var line = (nl < 0 ? text : text[..nl]).Trim();
        return line.Length == 0 ? null : line;
    }

    // FNV-1a over the text: the same text always gets the same id, so its events keep their ids.
    private static ulong StableHash(string text)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in text) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}

/// <summary>Where an article's publication date came from.</summary>
public enum PublishedDateSource
{
    /// <summary>No publication date is known.</summary>
    None,
    /// <summary>From the article's metadata (a JSON <c>published</c> field, an HTML meta tag).</summary>
    Metadata,
    /// <summary>From a dateline near the top or bottom of the text ("Updated: October 31, 2021").</summary>
    Dateline,
    /// <summary>The default the caller gave (<c>--published</c>, <see cref="ArticleReaderOptions.DefaultPublished"/>).</summary>
    CommandLine,
}
