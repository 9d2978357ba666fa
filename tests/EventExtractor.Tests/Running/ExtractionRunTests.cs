using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Running;

namespace EventExtractor.Tests.Running;

public class ExtractionRunTests
{
    /// <summary>Keeps what it is given, and whether it was committed.</summary>
    private sealed class ListSink : IRecordSink
    {
        public List<AcledRecord> Written { get; } = new();
        public bool Committed { get; private set; }
        public void Write(AcledRecord record)
        {
            Assert.False(Committed, "written after commit");
            Written.Add(record);
        }
        public void Commit() => Committed = true;
        public void Dispose() { }
    }

    private static Article Article(string id) => new(id, null, id + " text", null, null, null, "in/" + id + ".txt");

    private static AcledRecord Record(string id) => new() { EventIdCnty = id, ArticleId = id };

    private static ReadOutcome Ok(string id) => new(Article(id), null);

    private static ReadOutcome Bad(string input) => new(null, new InputProblem(input, 0, Messages.EmptyFile));

    /// <summary>a: two records; b: none; c: throws; d: one record.</summary>
    private static IReadOnlyList<AcledRecord> FakeExtract(Article article) => article.Id switch
    {
        "a" => [Record("a1"), Record("a2")],
        "b" => [],
        "c" => throw new InvalidOperationException("index out of range at token 7"),
        "d" => [Record("d1")],
        _ => throw new ArgumentException(article.Id),
    };

    [Fact]
    public void Records_are_written_in_input_order_and_the_sink_committed()
    {
        var sink = new ListSink();
        var problems = new List<InputProblem>();
        var summary = new ExtractionRun(FakeExtract, sink, problems.Add)
            .Run([Ok("a"), Bad("in/empty.txt"), Ok("b"), Ok("d")]);

        Assert.Equal(new[] { "a1", "a2", "d1" }, sink.Written.Select(r => r.EventIdCnty).ToArray());
        Assert.True(sink.Committed);
        Assert.Equal(3, summary.ArticlesRead);
        Assert.Equal(2, summary.ArticlesWithEvents);
        Assert.Equal(3, summary.RecordsWritten);
        Assert.Equal(1, summary.Problems);
        Assert.False(summary.Clean);
        Assert.Equal(new[] { new InputProblem("in/empty.txt", 0, Messages.EmptyFile) }, problems);
    }

    [Fact]
    public void An_article_whose_extraction_throws_is_reported_and_the_run_goes_on()
    {
        var sink = new ListSink();
        var problems = new List<InputProblem>();
        var summary = new ExtractionRun(FakeExtract, sink, problems.Add).Run([Ok("c"), Ok("d")]);

        var problem = Assert.Single(problems);
        Assert.Equal("in/c.txt", problem.Input);
        Assert.Equal(Messages.ExtractionFailed("index out of range at token 7"), problem.Reason);
        Assert.DoesNotContain(" at EventExtractor", problem.Reason); // no stack trace
        Assert.Equal(new[] { "d1" }, sink.Written.Select(r => r.EventIdCnty).ToArray());
        Assert.True(sink.Committed);
        Assert.Equal(2, summary.ArticlesRead);
        Assert.Equal(1, summary.Problems);
    }

    [Fact]
    public void A_clean_run_has_no_problems()
    {
        var sink = new ListSink();
        var summary = new ExtractionRun(FakeExtract, sink, p => Assert.Fail(p.ToString())).Run([Ok("b")]);
        Assert.True(summary.Clean);
        Assert.Empty(sink.Written);
        Assert.True(sink.Committed);
        Assert.Equal(0, summary.ArticlesWithEvents);
    }

    [Fact]
    public void Summary_line_reads_like_a_sentence()
    {
        Assert.Equal("12 articles, 9 events, 1 input rejected, 0.4 s",
            new RunSummary(12, 7, 9, 1, TimeSpan.FromMilliseconds(400)).ToString());
        Assert.Equal("1 article, 1 event, 0 inputs rejected, 12.0 s",
            new RunSummary(1, 1, 1, 0, TimeSpan.FromSeconds(12)).ToString());
    }
}
