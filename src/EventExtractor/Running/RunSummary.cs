using System.Globalization;

namespace EventExtractor.Running;

/// <summary>What a run did, for the closing line on standard error and for the exit code.</summary>
/// <param name="ArticlesRead">Articles read successfully (whether or not they reported an event).</param>
/// <param name="ArticlesWithEvents">Articles from which at least one record was extracted.</param>
/// <param name="RecordsWritten">Records written to the output, after merging across articles.</param>
/// <param name="Problems">Input problems: rejected inputs, warnings and articles whose extraction failed.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
internal sealed record RunSummary(int ArticlesRead, int ArticlesWithEvents, int RecordsWritten, int Problems, TimeSpan Elapsed)
{
    /// <summary>True when every input was used without a problem.</summary>
    public bool Clean => Problems == 0;

    /// <summary>The one-line summary: "12 articles, 9 events, 1 input rejected, 0.4 s".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Count(ArticlesRead, "article", "articles")}, {Count(RecordsWritten, "event", "events")}, " +
            $"{Count(Problems, "input rejected", "inputs rejected")}, {Elapsed.TotalSeconds:0.0} s");

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
