using System.Diagnostics;
using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Records;

namespace EventExtractor.Running;

/// <summary>
/// One pass over the inputs: each article read is extracted, its records go through the run's merger (when one is
/// given) and end in the sink, which is committed at the end. Articles are handled one at a time in input order,
/// so the output is the same on every run. Input problems, and articles whose extraction throws, are reported
/// through the callback and the run goes on; only a failure of the output itself stops it (the sink is then
/// disposed uncommitted by its owner, so no partial output appears).
/// </summary>
public sealed class ExtractionRun
{
    private readonly Func<Article, IReadOnlyList<AcledRecord>> _extract;
    private readonly RunMerger? _merger;
    private readonly IRecordSink _sink;
    private readonly Action<InputProblem> _onProblem;

    /// <param name="extract">Extraction of one article (the engine's <see cref="ExtractorEngine.Extract"/>).</param>
    /// <param name="merger">Merges the same event reported by several articles; null writes records as extracted,
    /// streaming them to the sink.</param>
    /// <param name="sink">Where the records go; committed by <see cref="Run"/>, disposed by the caller.</param>
    /// <param name="onProblem">Told of every problem, as it happens.</param>
    public ExtractionRun(Func<Article, IReadOnlyList<AcledRecord>> extract, RunMerger? merger, IRecordSink sink,
        Action<InputProblem> onProblem)
    {
        _extract = extract;
        _merger = merger;
        _sink = sink;
        _onProblem = onProblem;
    }

    /// <summary>Reads, extracts and writes everything, then commits the sink.</summary>
    public RunSummary Run(IEnumerable<ReadOutcome> outcomes)
    {
        var clock = Stopwatch.StartNew();
        int read = 0, withEvents = 0, written = 0, problems = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome.Problem is { } problem)
            {
                problems++;
                _onProblem(problem);
            }
            if (outcome.Article is not { } article) continue;
            read++;
            IReadOnlyList<AcledRecord> records;
            try
            {
                records = _extract(article);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One article the extractor cannot handle must not cost the user the rest of the run.
                problems++;
                _onProblem(new InputProblem(article.Origin, 0, Messages.ExtractionFailed(e.Message)));
                continue;
            }
            if (records.Count == 0) continue;
            withEvents++;
            if (_merger is not null)
            {
                _merger.Add(records);
                continue;
            }
            foreach (var record in records)
            {
                _sink.Write(record);
                written++;
            }
        }
        if (_merger is not null)
        {
            foreach (var record in _merger.Finish())
            {
                _sink.Write(record);
                written++;
            }
        }
        _sink.Commit();
        return new RunSummary(read, withEvents, written, problems, clock.Elapsed);
    }
}
