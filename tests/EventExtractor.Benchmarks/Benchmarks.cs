using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EventExtractor.Extraction;
using EventExtractor.Geo;
using EventExtractor.Ingestion;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>Adds the tokens-per-second column (the sample's token count over the mean).</summary>
public sealed class SampleConfig : ManualConfig
{
    public SampleConfig() => AddColumn(new TokensPerSecondColumn(() => SampleDocument.TokenCount));
}

/// <summary>The sample article analysed up to sentences once, for the stages that start from there.</summary>
public static class SampleDocument
{
    private static readonly Lazy<Document> Doc = new(() =>
    {
        var paragraphs = ParagraphClassifier.FromModels(Samples.ModelsDir);
        return new DocumentPipeline([paragraphs, new Tokenizer(), new SentenceSplitter()]).Process(new Document(Samples.Article));
    });

    internal static Document Analysed => Doc.Value;

    public static int TokenCount => Doc.Value.TokenCount;
}

/// <summary>Tokenizer and sentence splitter on the 4 KB sample.</summary>
[MemoryDiagnoser]
[Config(typeof(SampleConfig))]
public class TokenizerBenchmarks
{
    private readonly Tokenizer _tokenizer = new();
    private readonly SentenceSplitter _splitter = new();
    private Article _article = null!;
    private Paragraph[] _paragraphs = [];
    private Token[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _article = Samples.Article;
        _paragraphs = SampleDocument.Analysed.Paragraphs;
        _buffer = new Token[SampleDocument.TokenCount * 2];
    }

    /// <summary>Tokens only, into a reused buffer: the tokenizer's own cost (allocates nothing).</summary>
    [Benchmark(Baseline = true)]
    public int Tokenize() => _tokenizer.Tokenize(_article.Text, ref _buffer);

    /// <summary>Tokens and sentences of a fresh document, as the pipeline runs them.</summary>
    [Benchmark]
    public int TokenizeAndSplit()
    {
        var doc = new Document(_article) { Paragraphs = _paragraphs };
        _tokenizer.Process(doc);
        _splitter.Process(doc);
        return doc.Sentences.Length;
    }
}

/// <summary>Lexicon matching (actors, weapons, triggers, countries, cues) over the sample's tokens.</summary>
[MemoryDiagnoser]
[Config(typeof(SampleConfig))]
public class LexiconBenchmarks
{
    private LexiconStage _stage = null!;
    private Document _analysed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stage = new LexiconStage(KnowledgeLoader.Load(Samples.ModelsDir).Knowledge);
        _analysed = SampleDocument.Analysed;
    }

    [Benchmark]
    public int MatchLexicons()
    {
        // A fresh document sharing the sample's tokens and sentences, so each operation starts with no entities.
        var doc = new Document(_analysed.Article)
        {
            Paragraphs = _analysed.Paragraphs,
            Tokens = _analysed.Tokens,
            TokenCount = _analysed.TokenCount,
            Sentences = _analysed.Sentences,
        };
        _stage.Process(doc);
        return doc.Entities.Count;
    }
}

/// <summary>Gazetteer lookups on a mix of names: towns, provinces, an "al-" spelling, lower case, unknown words.</summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    /// <summary>The names looked up per operation.</summary>
    public static readonly string[] Names =
    [
        "Baghdad", "Mosul", "al-Mosul", "Maiduguri", "Borno", "Kidal", "Goma", "Aleppo", "Kabul", "Mogadishu",
        "Springfield", "Paris", "Konduga", "Khartoum", "Tripoli", "erbil", "North Kivu", "Monday", "Xyzzyville", "Police",
    ];

    private GeoResolver _resolver = null!;
    private string[] _normalized = [];

    [GlobalSetup]
    public void Setup()
    {
        _resolver = new GeoResolver(Gazetteer.Load(Path.Combine(Samples.ModelsDir, Gazetteer.FileName)));
        _normalized = Names.Select(n => GeoNormalizer.Normalize(n)).ToArray();
    }

    /// <summary>Gazetteer.Find of the 20 normalized names (the index lookup alone).</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int Find()
    {
        int found = 0;
        foreach (var name in _normalized) found += _resolver.Gazetteer.Find(name).Count;
        return found;
    }

    /// <summary>GeoResolver.Resolve of the 20 names as written (normalizing, lookup, ranking).</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int Resolve()
    {
        int found = 0;
        foreach (var name in Names) if (_resolver.Resolve(name) is not null) found++;
        return found;
    }

    /// <summary>Other romanisations and non-places after a locative: exact lookups that fail, then skeletons.</summary>
    public static readonly string[] Romanisations =
    [
        "Tikreet", "Mosoul", "Sinjaar", "Deir Ezzor", "Dair al-Zour", "Peshawer", "Kandahaar", "Lashkargah", "Maidugiri", "Tal Afar",
        "Nassiriya", "Jalalabaad", "Kismaayo", "Beledweyne", "Raqqah", "Hodeidah", "Xyzzyville", "Twitter", "Police", "Baghdad",
    ];

    private static readonly GeoContext Locative = new() { PreferredCountries = ["IQ"], AllowSkeleton = true, Locative = true };

    /// <summary>GeoResolver.Resolve of 20 names after "in" in an Iraqi story: skeleton matching where no spelling matches.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int ResolveRomanisations()
    {
        int found = 0;
        foreach (var name in Romanisations) if (_resolver.Resolve(name, Locative) is not null) found++;
        return found;
    }
}

/// <summary>The whole extraction of the 4 KB sample: document stages, events, records.</summary>
[MemoryDiagnoser]
[Config(typeof(SampleConfig))]
public class EngineBenchmarks
{
    private ExtractorEngine _engine = null!;
    private Article _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = ExtractorEngine.Load(Samples.ModelsDir);
        _article = Samples.Article;
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<AcledRecord> Extract() => _engine.Extract(_article);

    [Benchmark]
    public object Analyse() => _engine.Analyse(_article);
}
