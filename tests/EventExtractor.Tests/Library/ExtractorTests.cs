using System.Runtime.CompilerServices;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Records;
using EventExtractor.Running;
using EventExtractor.Tests.Readme;

namespace EventExtractor.Tests.Library;

/// <summary>The library facade: what a data team calls from its own service.</summary>
public sealed class ExtractorTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private const string Report =
        "Gunmen killed five villagers and wounded three others in an attack on Gwoza in Borno State on Monday, police said.";

    private static readonly DateOnly Published = new(2024, 3, 6);

    private Extractor Extractor => fixture.Extractor;

    private static List<Article> CorpusArticles(int count)
    {
        var reader = new ArticleReader(new ArticleReaderOptions());
        var folder = Path.Combine(ReadmeExamplesTests.RepoRoot, "corpus", "articles");
        return reader.ReadAll([folder], null).Where(o => o.Article != null).Select(o => o.Article!).Take(count).ToList();
    }

    private static string Key(AcledRecord r) => string.Join("|", r.EventIdCnty, r.ArticleId, r.Source, r.SubEventType, r.Fatalities, r.Actor2);

    [Fact]
    public void A_text_with_a_headline_and_a_date_gives_its_event()
    {
        var records = Extractor.Extract(Report, headline: "Gunmen kill five in Borno village", published: Published);

        var r = Assert.Single(records);
        Assert.Equal("Attack", r.SubEventType);
        Assert.Equal("Nigeria", r.Country);
        Assert.Equal("2024-03-04", r.EventDate);
        Assert.Equal(5, r.Fatalities);
        Assert.NotEmpty(r.Evidence);
    }

    [Fact]
    public void The_same_text_gives_the_same_event_ids_and_an_explicit_id_is_used()
    {
        var first = Extractor.Extract(Report, published: Published);
        var again = Extractor.Extract(Report, published: Published);
        Assert.Equal(first.Select(r => r.EventIdCnty), again.Select(r => r.EventIdCnty));

        var named = Extractor.Extract(Report, published: Published, id: "feed-42");
        Assert.All(named, r => Assert.Equal("feed-42", r.ArticleId));
    }

    [Fact]
    public void Extract_of_an_article_is_the_engines_extraction()
    {
        var article = CorpusArticles(1)[0];
        var engine = new ExtractorEngine(Extractor.Engine.Models);
        Assert.Equal(engine.Extract(article).Select(Key), Extractor.Extract(article).Select(Key));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ExtractMany_without_merging_is_each_articles_records_in_input_order(int threads)
    {
        var articles = CorpusArticles(40);
        var expected = articles.SelectMany(a => Extractor.Extract(a)).Select(Key).ToList();
        var many = Extractor.With(new ExtractorOptions { Threads = threads, MergeWindow = 0 });

        Assert.Equal(expected, many.ExtractMany(articles).Select(Key).ToList());
    }

    [Fact]
    public void ExtractMany_merges_like_the_command_line_whatever_the_thread_count()
    {
        var articles = CorpusArticles(60);
        var expected = new List<AcledRecord>();
        var merger = new WindowMerger(WindowMerger.DefaultWindow, p => expected.Add(p.Record));
        for (int i = 0; i < articles.Count; i++) merger.Add(i, Extractor.Extract(articles[i]));
        merger.Finish();

        var one = Extractor.With(new ExtractorOptions { Threads = 1 });
        var four = Extractor.With(new ExtractorOptions { Threads = 4 });
        Assert.Equal(expected.Select(Key), one.ExtractMany(articles).Select(Key));
        Assert.Equal(expected.Select(Key), four.ExtractMany(articles).Select(Key));
    }

    [Fact]
    public async Task ExtractMany_over_an_async_stream_gives_what_the_synchronous_one_gives()
    {
        var articles = CorpusArticles(30);
        var expected = Extractor.ExtractMany(articles).Select(Key).ToList();

        var got = new List<string>();
        await foreach (var r in Extractor.ExtractMany(Slowly(articles))) got.Add(Key(r));

        Assert.Equal(expected, got);
    }

    private static async IAsyncEnumerable<Article> Slowly(IEnumerable<Article> articles, [EnumeratorCancellation] CancellationToken token = default)
    {
        foreach (var a in articles)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return a;
        }
    }

    [Fact]
    public void ExtractMany_reads_articles_lazily()
    {
        int read = 0;
        IEnumerable<Article> Endless()
        {
            var article = CorpusArticles(1)[0];
            for (int i = 0; ; i++)
            {
                read++;
                yield return article with { Id = "n" + i };
            }
        }

        var few = Extractor.With(new ExtractorOptions { Threads = 2, MergeWindow = 0 });
        Assert.Equal(5, few.ExtractMany(Endless()).Take(5).Count());
        Assert.True(read < 100, $"{read} articles read for 5 records");
    }

    [Fact]
    public void A_cancelled_ExtractMany_stops_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        var articles = CorpusArticles(30);
        int seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in Extractor.ExtractMany(articles.Select(a => { if (++seen == 10) cancel.Cancel(); return a; }), cancel.Token)) { }
        });
    }

    [Fact]
    public async Task A_cancelled_async_ExtractMany_stops_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Extractor.ExtractMany(Slowly(CorpusArticles(3)), cancel.Token)) { }
        });
    }

    [Fact]
    public void The_reader_is_the_command_lines_with_the_extractors_noise_cues()
    {
        var reader = Extractor.CreateReader(Published);
        var folder = Path.Combine(ReadmeExamplesTests.RepoRoot, "corpus", "examples");
        var outcomes = reader.ReadAll([folder], null).ToList();

        Assert.Contains(outcomes, o => o.Article is { Origin: var origin } && origin.EndsWith(".html", StringComparison.Ordinal));
        Assert.All(outcomes.Where(o => o.Article != null), o => Assert.NotNull(o.Article!.Published));
        Assert.Same(Extractor.Engine.Models.NoiseCues, reader.Options.HeadlineCues);
    }

    // "Victoria" is a Hong Kong district for the gazetteer, unless the articles are known to be about Cameroon.
    private const string NoCountryNamed = "Gunmen killed four farmers in an attack on the town of Victoria on Tuesday, residents said.";

    [Theory]
    [InlineData("CM")]
    [InlineData("cmr")]
    [InlineData("Cameroon")]
    public void A_country_hint_places_an_article_that_names_no_country(string hint)
    {
        Assert.All(Extractor.Extract(NoCountryNamed, published: Published), r => Assert.NotEqual("Cameroon", r.Country));

        var r = Assert.Single(Extractor.With(new ExtractorOptions { CountryHint = hint }).Extract(NoCountryNamed, published: Published));
        Assert.Equal("Cameroon", r.Country);
    }

    [Fact]
    public void Bad_options_and_missing_models_throw_library_exceptions()
    {
        Assert.Throws<ArgumentException>(() => Extractor.With(new ExtractorOptions { CountryHint = "Atlantis" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Load(new ExtractorOptions { Threads = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Load(new ExtractorOptions { MergeWindow = -1 }));
        var ex = Assert.Throws<ModelException>(() => Extractor.Load(new ExtractorOptions { ModelsDirectory = "/nonexistent/models" }));
        Assert.Contains("/nonexistent/models", ex.Message);
    }

    [Fact]
    public void Records_are_written_as_the_command_line_writes_them()
    {
        var records = Extractor.Extract(Report, headline: "Gunmen kill five in Borno village", published: Published);
        var csv = new StringWriter { NewLine = "\n" };
        var lines = new StringWriter { NewLine = "\n" };

        Assert.Equal(records.Count, EventExtractor.Output.RecordWriter.WriteCsv(records, csv));
        Assert.Equal(records.Count, EventExtractor.Output.RecordWriter.WriteJsonLines(records, lines));

        var expectedCsv = new StringWriter { NewLine = "\n" };
        using (var sink = new EventExtractor.Output.CsvRecordSink(expectedCsv)) { foreach (var r in records) sink.Write(r); sink.Commit(); }
        Assert.Equal(expectedCsv.ToString(), csv.ToString());
        Assert.StartsWith("event_id_cnty,", csv.ToString());
        Assert.Equal(records.Count, lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        csv.Write("still open");
    }
}
