using EventExtractor.Tests.Extraction;

namespace EventExtractor.Tests.Library;

/// <summary>
/// One <see cref="Extractor"/> per test process, on the models the engine tests share (loading them takes about a
/// second); <see cref="Extractor.Load"/> itself is run by the README example and the error tests.
/// </summary>
public sealed class ExtractorFixture
{
    private static readonly Lazy<Extractor> Shared = new(() => Extractor.On(EngineFixture.SharedInstance.Models));

    public Extractor Extractor => Shared.Value;
}
