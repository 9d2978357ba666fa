using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Throughput column: the sample's token count divided by the benchmark's mean time. Benchmarks that process the
/// whole sample once per operation (tokenizing, splitting, lexicon matching, the engine) all get it, so their rows
/// compare in one unit.
/// </summary>
public sealed class TokensPerSecondColumn(Func<int> tokensPerOperation) : IColumn
{
    public string Id => nameof(TokensPerSecondColumn);
    public string ColumnName => "Tokens/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Tokens of the sample article per second (token count / mean time)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || stats.Mean <= 0) return "-";
        double perSecond = tokensPerOperation() / (stats.Mean / 1e9);
        return perSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
