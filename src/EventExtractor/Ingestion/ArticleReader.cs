using EventExtractor.Diagnostics;

namespace EventExtractor.Ingestion;

/// <summary>Options for reading articles.</summary>
public sealed class ArticleReaderOptions
{
    /// <summary>Publication date used when neither metadata nor a dateline gives one (<c>--published</c>).</summary>
    public DateOnly? DefaultPublished { get; init; }
}

/// <summary>One result of reading: an article, or a problem with an input (never both).</summary>
public readonly record struct ReadOutcome(Article? Article, InputProblem? Problem);

/// <summary>
/// Reads articles from files, folders (recursively, in ordinal path order), and JSON Lines on standard input
/// ("-"), lazily, one article at a time. Bad inputs become <see cref="InputProblem"/>s; reading goes on.
/// </summary>
public sealed class ArticleReader(ArticleReaderOptions options)
{
    public ArticleReaderOptions Options { get; } = options;

    /// <summary>Reads every input in order; <paramref name="standardInput"/> is used for "-".</summary>
    public IEnumerable<ReadOutcome> ReadAll(IReadOnlyList<string> inputs, TextReader? standardInput) =>
        throw new NotImplementedException();
}
