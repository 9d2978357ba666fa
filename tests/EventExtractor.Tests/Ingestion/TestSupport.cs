using System.Text;
using EventExtractor.Ingestion;
using EventExtractor.Models;

namespace EventExtractor.Tests.Ingestion;

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ee-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The classifier built from the repository's models folder, shared by tests (it is immutable).</summary>
internal static class Shared
{
    private static readonly Lazy<ParagraphClassifier> LazyClassifier =
        new(() => ParagraphClassifier.FromModels(ModelDirectory.Locate()));

    public static ParagraphClassifier Classifier => LazyClassifier.Value;

    public static List<ReadOutcome> Read(IReadOnlyList<string> inputs, TextReader? stdin = null, DateOnly? defaultDate = null) =>
        new ArticleReader(new ArticleReaderOptions { DefaultPublished = defaultDate }).ReadAll(inputs, stdin).ToList();
}
