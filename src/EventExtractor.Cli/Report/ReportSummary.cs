using System.Globalization;
using System.Text;

namespace EventExtractor.Cli.Report;

/// <summary>The report's figures: totals and counts by sub-event type, country, month and actor.</summary>
internal sealed class ReportSummary
{
    /// <summary>Counts shown per breakdown at most (the rest are summed as "others" in the text form).</summary>
    public const int TopRows = 15;

    private ReportSummary(IReadOnlyList<ReportEvent> events)
    {
        Events = events;
        Fatalities = events.Sum(e => (long)e.Fatalities);
        var dates = events.Where(e => e.Date.HasValue).Select(e => e.Date!.Value).ToList();
        First = dates.Count > 0 ? dates.Min() : null;
        Last = dates.Count > 0 ? dates.Max() : null;
        Articles = events.SelectMany(e => e.ArticleId.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Count();
        BySubEventType = Count(events.Select(e => e.SubEventType));
        ByCountry = Count(events.Select(e => e.Country));
        ByActor = Count(events.SelectMany(e => new[] { e.Actor1, e.Actor2 }));
        var byMonth = events.Where(e => e.Date.HasValue).GroupBy(e => Month(e.Date!.Value))
            .ToDictionary(g => g.Key, g => (Events: g.Count(), Fatalities: g.Sum(e => (long)e.Fatalities)));
        Months = MonthRange(First, Last).Select(m => byMonth.TryGetValue(m, out var x)
            ? new MonthFigures(m, x.Events, x.Fatalities) : new MonthFigures(m, 0, 0)).ToList();
        Mapped = events.Count(e => e.Latitude.HasValue && e.Longitude.HasValue);
    }

    /// <summary>The events, in input order.</summary>
    public IReadOnlyList<ReportEvent> Events { get; }

    /// <summary>Fatalities over all events.</summary>
    public long Fatalities { get; }

    /// <summary>The earliest and latest event dates.</summary>
    public DateOnly? First { get; }

    /// <inheritdoc cref="First"/>
    public DateOnly? Last { get; }

    /// <summary>Distinct articles the events come from.</summary>
    public int Articles { get; }

    /// <summary>Events with coordinates.</summary>
    public int Mapped { get; }

    /// <summary>(name, events) by sub-event type, most first.</summary>
    public IReadOnlyList<(string Name, int Count)> BySubEventType { get; }

    /// <summary>(name, events) by country, most first.</summary>
    public IReadOnlyList<(string Name, int Count)> ByCountry { get; }

    /// <summary>(name, events) by actor (actor1 or actor2), most first.</summary>
    public IReadOnlyList<(string Name, int Count)> ByActor { get; }

    /// <summary>Every month from the first event's to the last one's, with its events and fatalities.</summary>
    public IReadOnlyList<MonthFigures> Months { get; }

    /// <summary>Computes the figures.</summary>
    public static ReportSummary Of(IReadOnlyList<ReportEvent> events) => new(events);

    /// <summary>"2024-03" for a date.</summary>
    public static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static IEnumerable<string> MonthRange(DateOnly? first, DateOnly? last)
    {
        if (first is not { } f || last is not { } l) yield break;
        for (var m = new DateOnly(f.Year, f.Month, 1); m <= l; m = m.AddMonths(1)) yield return Month(m);
    }

    private static List<(string, int)> Count(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();

    /// <summary>The totals and breakdowns as plain text for a terminal.</summary>
    public string ToText()
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.Append(inv, $"events            {Events.Count}\n");
        b.Append(inv, $"fatalities        {Fatalities}\n");
        b.Append(inv, $"articles          {Articles}\n");
        b.Append(inv, $"countries         {ByCountry.Count}\n");
        b.Append(inv, $"dates             {(First is { } f ? f.ToString("yyyy-MM-dd", inv) + " to " + Last!.Value.ToString("yyyy-MM-dd", inv) : "none")}\n");
        b.Append(inv, $"with coordinates  {Mapped}\n");
        Section(b, "by sub-event type", BySubEventType);
        Section(b, "by country", ByCountry);
        Section(b, "by actor", ByActor);
        b.Append("\nby month (events, fatalities)\n");
        foreach (var m in Months) b.Append(inv, $"  {m.Month}  {m.Events,6}  {m.Fatalities,8}\n");
        return b.ToString();
    }

    private static void Section(StringBuilder b, string title, IReadOnlyList<(string Name, int Count)> rows)
    {
        b.Append('\n').Append(title).Append('\n');
        foreach (var (name, count) in rows.Take(TopRows)) b.Append(CultureInfo.InvariantCulture, $"  {count,6}  {name}\n");
        if (rows.Count > TopRows)
            b.Append(CultureInfo.InvariantCulture, $"  {rows.Skip(TopRows).Sum(r => r.Count),6}  ({rows.Count - TopRows} others)\n");
    }
}

/// <summary>One month's events and fatalities.</summary>
internal sealed record MonthFigures(string Month, int Events, long Fatalities);
