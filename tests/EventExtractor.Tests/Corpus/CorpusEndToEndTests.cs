using EventExtractor.Evaluation;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Models;
using EventExtractor.Output;

namespace EventExtractor.Tests.Corpus;

/// <summary>
/// Runs the whole extraction over corpus/articles and scores it against corpus/gold with the eval library.
/// The floors sit a little under the current figures (README, "Evaluation"), so a change that makes extraction
/// worse fails here; raise them when extraction improves.
/// </summary>
public sealed class CorpusEndToEndTests : IClassFixture<CorpusEndToEndTests.CorpusRun>
{
    /// <summary>Extracts the corpus once for all tests of the class.</summary>
    public sealed class CorpusRun
    {
        public CorpusRun()
        {
            Root = FindRoot();
            var models = Path.Combine(Root, "models");
            Engine = ExtractorEngine.Load(models);
            var reader = new ArticleReader(new ArticleReaderOptions { HeadlineCues = NoiseCues.FromModels(models) });
            Outcomes = reader.ReadAll([Path.Combine(Root, "corpus", "articles")], null).ToList();
            PredictionsPath = Path.Combine(Directory.CreateTempSubdirectory("ee-corpus-").FullName, "pred.jsonl");
            using (var sink = RecordSinks.Open(PredictionsPath))
            {
                foreach (var o in Outcomes)
                    if (o.Article is { } a)
                        foreach (var r in Engine.Extract(a)) sink.Write(r);
                sink.Commit();
            }
            Gold = new RecordSetReader().Read(Path.Combine(Root, "corpus", "gold"));
            Predicted = new RecordSetReader().Read(PredictionsPath);
            Splits = RecordSetReader.ReadSplits(Path.Combine(Root, "corpus", "splits.tsv"));
        }

        public string Root { get; }
        internal ExtractorEngine Engine { get; }
        public List<ReadOutcome> Outcomes { get; }
        public string PredictionsPath { get; }
        internal RecordSet Gold { get; }
        internal RecordSet Predicted { get; }
        public Dictionary<string, string> Splits { get; }

        internal EvaluationReport Evaluate(string? split = null) =>
            EvaluationReport.Evaluate(Gold, Predicted, new EvaluationOptions { Split = split, Splits = split == null ? null : Splits });

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    private readonly CorpusRun _run;

    public CorpusEndToEndTests(CorpusRun run) => _run = run;

    [Fact]
    public void EveryCorpusArticleIsReadAndHasGold()
    {
        Assert.All(_run.Outcomes, o => Assert.Null(o.Problem));
        Assert.True(_run.Outcomes.Count >= 400, $"the corpus should hold at least 400 articles, has {_run.Outcomes.Count}");
        foreach (var o in _run.Outcomes)
        {
            Assert.True(File.Exists(Path.Combine(_run.Root, "corpus", "gold", o.Article!.Id + ".jsonl")), $"no gold for {o.Article.Id}");
            Assert.True(_run.Splits.ContainsKey(o.Article.Id), $"{o.Article.Id} is in no split");
        }
    }

    [Fact]
    public void TheWholeCorpusScoresAboveItsFloor()
    {
        var report = _run.Evaluate();
        Assert.True(report.F1 >= 0.64, $"strict event F1 fell to {report.F1:F3}\n{report.ToText()}");
        Assert.True(report.LooseRecall.Value >= 0.85, $"loose recall fell to {report.LooseRecall}");
        Assert.True(report.Field("sub_event_type")!.Accuracy.Value >= 0.92, report.ToText());
        Assert.True(report.Field("event_date")!.Accuracy.Value >= 0.94, report.ToText());
        Assert.True(report.Field("fatalities")!.Accuracy.Value >= 0.83, report.ToText());
        Assert.True(report.EmptyArticlesLeftEmpty.Value >= 0.92, $"non-event articles left empty: {report.EmptyArticlesLeftEmpty}");
    }

    [Fact]
    public void TheTestSplitFindsMostEvents()
    {
        var report = _run.Evaluate("test");
        Assert.True(report.LooseRecall.Value >= 0.82, report.ToText());
        Assert.True(report.ArticlesFound.Value >= 0.86, report.ToText());
    }

    [Fact]
    public void ExtractionIsDeterministic()
    {
        var article = _run.Outcomes.First(o => o.Article?.Id == "b-07").Article!;
        var first = Newtonsoft.Json.JsonConvert.SerializeObject(_run.Engine.Extract(article));
        var second = Newtonsoft.Json.JsonConvert.SerializeObject(_run.Engine.Extract(article));
        Assert.Equal(first, second);
    }
}
