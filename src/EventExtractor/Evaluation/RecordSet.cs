namespace EventExtractor.Evaluation;

/// <summary>The records of one gold or predicted source, grouped by article.</summary>
internal sealed class RecordSet
{
    /// <summary>Creates a set; <paramref name="articles"/> is copied in ordinal id order.</summary>
    /// <param name="source">The path it was read from (for the report).</param>
    /// <param name="articles">Records by article id; an article with no records is an article that reports no event.</param>
    /// <param name="hasArticleIds">False when the source named no articles, so all its records are one article.</param>
    public RecordSet(string source, IEnumerable<KeyValuePair<string, List<EvalRecord>>> articles, bool hasArticleIds)
    {
        Source = source;
        var sorted = new SortedDictionary<string, IReadOnlyList<EvalRecord>>(StringComparer.Ordinal);
        foreach (var (id, records) in articles) sorted[id] = records;
        Articles = sorted;
        HasArticleIds = hasArticleIds;
    }

    /// <summary>Where the records were read from.</summary>
    public string Source { get; }

    /// <summary>Records by article id, in ordinal id order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EvalRecord>> Articles { get; }

    /// <summary>
    /// False when the source is a file whose records carry no article id: they were all put in one article named
    /// after the file, and the evaluation then compares the two sides as one article.
    /// </summary>
    public bool HasArticleIds { get; }

    /// <summary>Number of records over all articles.</summary>
    public int RecordCount => Articles.Values.Sum(r => r.Count);
}
