using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// Where the records of a run go. Nothing is final until <see cref="Commit"/>: a sink that is disposed without a
/// commit discards what it was given (a file sink leaves the previous output untouched), so a failed run never
/// leaves half a file behind.
/// </summary>
internal interface IRecordSink : IDisposable
{
    /// <summary>Adds one record, after those already written.</summary>
    void Write(AcledRecord record);

    /// <summary>Finishes the output (closing brackets, flushing) and makes it visible at its final path.</summary>
    void Commit();
}

/// <summary>
/// A sink that keeps a list of the articles a run processed, those that gave no record too, so that "processed,
/// nothing found" can be told from "never processed" (the databases' <c>articles</c> table).
/// </summary>
internal interface IArticleLedger
{
    /// <summary>Told of each article the run processed, in input order, before its records (if any) are written.</summary>
    /// <param name="articleId">The article id.</param>
    /// <param name="source">The article's outlet, or its id when it names none (as its records' <c>source</c>).</param>
    void ArticleProcessed(string articleId, string source);
}
