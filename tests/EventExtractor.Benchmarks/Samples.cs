using EventExtractor.Ingestion;

namespace EventExtractor.Benchmarks;

/// <summary>Where the checkout is, and the sample article every benchmark uses.</summary>
public static class Samples
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<Article> FirstArticle = new(() =>
    {
        var (id, title, text, published) = new ArticleMaker(CorpusDir).Make(0);
        return new Article(id, title, title + "\n\n" + text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            "Benchmark Wire", null, "<benchmark>");
    });

    /// <summary>The checkout's root: the folder holding EventExtractor.sln, above the binary or the current folder.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string ModelsDir => Path.Combine(RepositoryRoot, "models");

    public static string CorpusDir => Path.Combine(RepositoryRoot, "corpus");

    /// <summary>Generated article 0 (about 4 KB), as the reader would give it: headline, blank line, body.</summary>
    public static Article Article => FirstArticle.Value;

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("EventExtractor.sln not found above " + AppContext.BaseDirectory + "; run from the checkout");
    }
}
