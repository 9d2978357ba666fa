using System.Diagnostics;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Text;

namespace EventExtractor.Export;

/// <summary>What an export run did, for the closing line on standard error and the exit code.</summary>
/// <param name="ArticlesRead">Articles read successfully.</param>
/// <param name="ArticlesWritten">Articles that had at least one evidence sentence, and so were written.</param>
/// <param name="Sentences">Sentences written.</param>
/// <param name="Spans">Labelled spans written.</param>
/// <param name="Problems">Rejected inputs and articles whose analysis failed.</param>
/// <param name="Elapsed">Wall-clock time.</param>
internal sealed record ExportSummary(int ArticlesRead, int ArticlesWritten, int Sentences, int Spans, int Problems, TimeSpan Elapsed)
{
    /// <summary>True when every input was used without a problem.</summary>
    public bool Clean => Problems == 0;

    /// <summary>"12 articles, 340 sentences, 911 spans, 0 inputs rejected, 0.4 s".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ArticlesWritten} article{(ArticlesWritten == 1 ? "" : "s")}, {Sentences} sentence{(Sentences == 1 ? "" : "s")}, " +
        $"{Spans} span{(Spans == 1 ? "" : "s")}, {Problems} input{(Problems == 1 ? "" : "s")} rejected, {Elapsed.TotalSeconds:0.0} s");
}

/// <summary>
/// One export pass: each article read is analysed and written as a training example, in input order. Input
/// problems and articles whose analysis throws are reported through the callback and the run goes on; the writer
/// is committed at the end (a failure of the output itself propagates, and the caller disposes the writer
/// uncommitted so no partial file appears).
/// </summary>
internal sealed class ExportRun(Func<Article, Document> analyse, ITrainingWriter writer, Action<InputProblem> onProblem)
{
    /// <summary>Reads, analyses and writes everything, then commits the writer.</summary>
    public ExportSummary Run(IEnumerable<ReadOutcome> outcomes)
    {
        var clock = Stopwatch.StartNew();
        int read = 0, written = 0, sentences = 0, spans = 0, problems = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome.Problem is { } problem)
            {
                problems++;
                onProblem(problem);
            }
            if (outcome.Article is not { } article) continue;
            read++;
            TrainingExample example;
            try
            {
                example = TrainingExample.From(analyse(article));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems++;
                onProblem(new InputProblem(article.Origin, 0, Messages.ExtractionFailed(e.Message)));
                continue;
            }
            if (example.Sentences.Count == 0) continue;
            writer.Write(example);
            written++;
            sentences += example.Sentences.Count;
            spans += example.Spans.Count;
        }
        writer.Commit();
        return new ExportSummary(read, written, sentences, spans, problems, clock.Elapsed);
    }
}
