using EventExtractor.Lexicons;
using EventExtractor.Models;

namespace EventExtractor.Tests.Lexicons;

/// <summary>Loads the real models folder once for all lexicon tests.</summary>
public sealed class LexiconFixture
{
    public LexiconFixture()
    {
        Dir = ModelDirectory.Locate();
        Lexicon = Lexicon.Load(Dir);
    }

    public string Dir { get; }
    internal Lexicon Lexicon { get; }
}

[CollectionDefinition("lexicon")]
public sealed class LexiconCollection : ICollectionFixture<LexiconFixture>;
