using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Running;
using EventExtractor.Tests.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Running;

/// <summary>The parallel ordered pipeline, the bounded merge, resuming after a crash, and shards.</summary>
public sealed class StreamingRunTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly JObject Settings = new() { ["inputs"] = "fake" };

    private static (string Output, List<InputProblem> Problems, RunSummary Summary) RunToText(
        int articles, int threads, int window, Func<ReadOutcome, bool>? keep = null, Shard? shard = null, int seed = 1)
    {
        var text = new StringWriter { NewLine = "\n" };
        var problems = new List<InputProblem>();
        using TextRecordSink sink = shard is null ? new JsonLinesRecordSink(text) : new ShardLinesSink(text);
        var run = new ExtractionRun(FakeArticles.Slow(seed), sink, problems.Add,
            new ExtractionRunOptions { Threads = threads, MergeWindow = window, Shard = shard });
        var summary = run.Run(FakeArticles.Outcomes(articles).Where(keep ?? (_ => true)));
        return (text.ToString(), problems, summary);
    }

    [Fact]
    public void Output_and_problems_are_the_same_with_one_thread_and_with_four()
    {
        var one = RunToText(400, threads: 1, window: 7, seed: 1);
        var four = RunToText(400, threads: 4, window: 7, seed: 2);

        Assert.Equal(one.Output, four.Output);
        Assert.Equal(one.Problems, four.Problems);
        Assert.Equal(one.Summary with { Elapsed = default }, four.Summary with { Elapsed = default });
        // Not a tautology: records were written, some merged, failures reported in input order.
        Assert.Contains("; art-0", one.Output);
        Assert.Equal("in/bad-5.json", one.Problems[0].Input);
        Assert.Equal(Messages.ExtractionFailed("fake failure 13"), one.Problems[1].Reason);
        Assert.True(one.Summary.RecordsWritten < 400 * 3 / 2);
    }

    [Fact]
    public void The_merge_window_decides_what_merges()
    {
        var narrow = RunToText(200, threads: 2, window: 3);
        var wide = RunToText(200, threads: 2, window: 50);
        var off = RunToText(200, threads: 2, window: 0);
        Assert.True(off.Summary.RecordsWritten > narrow.Summary.RecordsWritten);
        Assert.True(narrow.Summary.RecordsWritten > wide.Summary.RecordsWritten);
    }

    [Fact]
    public void The_merged_outputs_of_three_shards_equal_a_single_run()
    {
        var single = RunToText(300, threads: 3, window: 9);
        var shards = Enumerable.Range(1, 3).Select(k => RunToText(300, threads: 2, window: 9, shard: new Shard(k, 3))).ToList();

        Assert.All(shards, s => Assert.NotEqual("", s.Output));
        Assert.Equal(single.Summary.ArticlesRead, shards.Sum(s => s.Summary.ArticlesRead));
        Assert.Equal(single.Problems.Count, shards.Sum(s => s.Problems.Count));
        var merged = new StringWriter { NewLine = "\n" };
        using (var sink = new JsonLinesRecordSink(merged))
        {
            // Any order of the shard files.
            var inputs = shards.Select((s, i) => ($"shard-{i + 1}", (TextReader)new StringReader(s.Output))).Reverse().ToList();
            int written = ShardMerge.Merge(inputs, sink, window: 9);
            Assert.Equal(single.Summary.RecordsWritten, written);
        }
        Assert.Equal(single.Output, merged.ToString());
    }

    [Fact]
    public void Shard_membership_is_a_stable_hash_of_the_id()
    {
        Assert.Equal(0x811C9DC5u, Shard.Hash("")); // FNV-1a offset basis
        Assert.Equal(0xE40C292Cu, Shard.Hash("a"));
        var ids = Enumerable.Range(0, 1000).Select(i => "id-" + i).ToList();
        var counts = Enumerable.Range(1, 4).Select(k => ids.Count(id => new Shard(k, 4).Takes(id))).ToList();
        Assert.Equal(1000, counts.Sum()); // each id in exactly one shard
        Assert.All(counts, c => Assert.InRange(c, 180, 320));
        Assert.True(Shard.TryParse("2/8", out var s) && s == new Shard(2, 8));
        Assert.False(Shard.TryParse("0/8", out _));
        Assert.False(Shard.TryParse("9/8", out _));
        Assert.False(Shard.TryParse("2", out _));
    }

    private sealed class CrashException() : Exception("simulated crash");

    private static IEnumerable<ReadOutcome> CrashAfter(IEnumerable<ReadOutcome> outcomes, int count)
    {
        int n = 0;
        foreach (var o in outcomes)
        {
            if (n++ == count) throw new CrashException();
            yield return o;
        }
    }

    private (byte[] Output, byte[] Errors, RunSummary Summary) Uninterrupted(string name, ResumableFormat format, int articles, int window)
    {
        var path = _dir.File(name);
        RunSummary summary;
        using (var file = ResumableOutput.Open(path, format, Settings, resume: false))
        {
            summary = new ExtractionRun(FakeArticles.Slow(3), file.Sink, file.ReportProblem,
                new ExtractionRunOptions { Threads = 3, MergeWindow = window, CheckpointEvery = 10 }).Run(FakeArticles.Outcomes(articles), null, file.Save);
            file.Commit();
        }
        return (File.ReadAllBytes(path), File.ReadAllBytes(ErrorReport.PathFor(path)), summary);
    }

    [Theory]
    [InlineData(ResumableFormat.JsonLines, "out.jsonl", 137)]
    [InlineData(ResumableFormat.Csv, "out.csv", 61)]
    [InlineData(ResumableFormat.JsonLines, "early.jsonl", 3)]
    internal void A_run_that_crashed_and_is_resumed_writes_exactly_the_uninterrupted_output(ResumableFormat format, string name, int crashAt)
    {
        var expected = Uninterrupted("ref-" + name, format, 240, window: 12);
        var path = _dir.File(name);
        var options = new ExtractionRunOptions { Threads = 4, MergeWindow = 12, CheckpointEvery = 10 };

        using (var file = ResumableOutput.Open(path, format, Settings, resume: true))
        {
            Assert.Null(file.ResumeFrom);
            var run = new ExtractionRun(FakeArticles.Slow(4), file.Sink, file.ReportProblem, options);
            Assert.Throws<CrashException>(() => run.Run(CrashAfter(FakeArticles.Outcomes(240), crashAt), null, file.Save));
        }
        Assert.False(File.Exists(path)); // never a half file at the final path
        Assert.True(File.Exists(PartialFile.PathFor(path)));

        RunSummary summary;
        using (var file = ResumableOutput.Open(path, format, Settings, resume: true))
        {
            if (crashAt > 10) Assert.NotNull(file.ResumeFrom);
            summary = new ExtractionRun(FakeArticles.Slow(5), file.Sink, file.ReportProblem, new ExtractionRunOptions { Threads = 2, MergeWindow = 12, CheckpointEvery = 10 })
                .Run(FakeArticles.Outcomes(240), file.ResumeFrom, file.Save);
            file.Commit();
        }

        Assert.Equal(expected.Output, File.ReadAllBytes(path));
        Assert.Equal(expected.Errors, File.ReadAllBytes(ErrorReport.PathFor(path)));
        Assert.Equal(expected.Summary with { Elapsed = default }, summary with { Elapsed = default });
        Assert.Equal(new[] { name, name + ".errors.jsonl", "ref-" + name, "ref-" + name + ".errors.jsonl" }, _dir.Names());
    }

    [Fact]
    public void A_cancelled_run_saves_a_checkpoint_and_resumes_to_the_same_output()
    {
        var expected = Uninterrupted("ref.jsonl", ResumableFormat.JsonLines, 150, window: 5);
        var path = _dir.File("out.jsonl");
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        using (var file = ResumableOutput.Open(path, ResumableFormat.JsonLines, Settings, resume: false))
        {
            var run = new ExtractionRun(a =>
            {
                if (Interlocked.Increment(ref seen) == 70) cancel.Cancel();
                return FakeArticles.Extract(a);
            }, file.Sink, file.ReportProblem, new ExtractionRunOptions { Threads = 2, MergeWindow = 5, CheckpointEvery = 1000, Cancellation = cancel.Token });
            Assert.ThrowsAny<OperationCanceledException>(() => run.Run(FakeArticles.Outcomes(150), null, file.Save));
        }
        using (var file = ResumableOutput.Open(path, ResumableFormat.JsonLines, Settings, resume: true))
        {
            Assert.NotNull(file.ResumeFrom);
            Assert.InRange(file.ResumeFrom!.ArticlesRead, 1, 149);
            new ExtractionRun(FakeArticles.Extract, file.Sink, file.ReportProblem, new ExtractionRunOptions { MergeWindow = 5 })
                .Run(FakeArticles.Outcomes(150), file.ResumeFrom, file.Save);
            file.Commit();
        }
        Assert.Equal(expected.Output, File.ReadAllBytes(path));
    }

    [Fact]
    public void Resuming_over_other_inputs_or_settings_is_refused()
    {
        var path = _dir.File("out.jsonl");
        var options = new ExtractionRunOptions { Threads = 2, MergeWindow = 5, CheckpointEvery = 10 };
        using (var file = ResumableOutput.Open(path, ResumableFormat.JsonLines, Settings, resume: false))
        {
            var run = new ExtractionRun(FakeArticles.Extract, file.Sink, file.ReportProblem, options);
            Assert.Throws<CrashException>(() => run.Run(CrashAfter(FakeArticles.Outcomes(100), 50), null, file.Save));
        }
        var other = new JObject { ["inputs"] = "other" };
        var e = Assert.Throws<UsageException>(() => ResumableOutput.Open(path, ResumableFormat.JsonLines, other, resume: true));
        Assert.Equal(Messages.ResumeSettingsChanged("inputs"), e.Message);

        using (var file = ResumableOutput.Open(path, ResumableFormat.JsonLines, Settings, resume: true))
        {
            var run = new ExtractionRun(FakeArticles.Extract, file.Sink, file.ReportProblem, options);
            var changed = FakeArticles.Outcomes(100).Where(o => o.Article?.Id != "art-0003");
            var ex = Assert.Throws<InvalidDataException>(() => run.Run(changed, file.ResumeFrom, file.Save));
            Assert.Equal(Messages.ResumeInputsChanged, ex.Message);
        }
    }
}
