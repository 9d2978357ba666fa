namespace EventExtractor.Tests.Library;

/// <summary>One <see cref="Extractor"/> per test process: loading the models takes about a second.</summary>
public sealed class ExtractorFixture
{
    private static readonly Lazy<Extractor> Shared = new(() => Extractor.Load());

    public Extractor Extractor => Shared.Value;
}
