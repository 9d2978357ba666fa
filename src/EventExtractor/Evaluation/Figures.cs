using System.Globalization;

namespace EventExtractor.Evaluation;

/// <summary>A proportion with its counts: <see cref="Correct"/> out of <see cref="Total"/>.</summary>
internal readonly record struct Ratio(int Correct, int Total)
{
    /// <summary>Correct / Total, or null when there is nothing to count.</summary>
    public double? Value => Total == 0 ? null : (double)Correct / Total;

    /// <summary>"0.812 (26/32)", or "n/a (0/0)".</summary>
    public override string ToString() =>
        $"{(Value is double v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a")} ({Correct}/{Total})";
}

/// <summary>Agreement on one field over the loosely matched pairs.</summary>
/// <param name="Field">The field's key ("sub_event_type", "location_within_km" ...).</param>
/// <param name="Label">How the report names it.</param>
/// <param name="Accuracy">Pairs that agree, out of the pairs compared.</param>
/// <param name="Skipped">Pairs not compared because a side lacks what the comparison needs.</param>
internal sealed record FieldAccuracy(string Field, string Label, Ratio Accuracy, int Skipped);

/// <summary>
/// Gold sub-event types (rows) against predicted ones (columns) over the loosely matched pairs, with the gold
/// records no prediction was paired with (<see cref="Missed"/>) and the predictions paired with no gold record
/// (<see cref="Spurious"/>). Only types that occur on either side are listed.
/// </summary>
internal sealed class ConfusionMatrix
{
    internal ConfusionMatrix(IReadOnlyList<string> labels, int[,] counts, int[] missed, int[] spurious)
    {
        Labels = labels;
        Counts = counts;
        Missed = missed;
        Spurious = spurious;
    }

    /// <summary>The sub-event types, in codebook order (types outside the codebook last, then "(none)").</summary>
    public IReadOnlyList<string> Labels { get; }
    /// <summary>[gold label, predicted label] pair counts.</summary>
    public int[,] Counts { get; }
    /// <summary>Per gold label, gold records left unmatched.</summary>
    public int[] Missed { get; }
    /// <summary>Per predicted label, predicted records left unmatched.</summary>
    public int[] Spurious { get; }

    /// <summary>The count of pairs with gold type <paramref name="gold"/> and predicted type <paramref name="pred"/>.</summary>
    public int this[string gold, string pred] => IndexOf(gold) is int g && IndexOf(pred) is int p ? Counts[g, p] : 0;

    /// <summary>Missed gold records of a type.</summary>
    public int MissedOf(string gold) => IndexOf(gold) is int g ? Missed[g] : 0;

    /// <summary>Spurious predicted records of a type.</summary>
    public int SpuriousOf(string pred) => IndexOf(pred) is int p ? Spurious[p] : 0;

    private int? IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++)
            if (string.Equals(Labels[i], label, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}

/// <summary>How far predicted places are from gold places, over the loosely matched pairs that both have coordinates.</summary>
/// <param name="Count">Pairs measured.</param>
/// <param name="MedianKm">Median distance (null when none).</param>
/// <param name="P90Km">90th percentile, linear between order statistics (null when none).</param>
/// <param name="Within1">Pairs at most 1 km apart.</param>
/// <param name="Within10">At most 10 km (the 1 km ones included).</param>
/// <param name="Within25">At most 25 km.</param>
/// <param name="Within100">At most 100 km.</param>
/// <param name="Over100">More than 100 km.</param>
internal sealed record LocationErrors(int Count, double? MedianKm, double? P90Km, int Within1, int Within10, int Within25, int Within100, int Over100)
{
    /// <summary>Summarizes a list of distances.</summary>
    public static LocationErrors Of(IEnumerable<double> distancesKm)
    {
        var d = distancesKm.Order().ToArray();
        return new LocationErrors(d.Length, Percentile(d, 0.5), Percentile(d, 0.9),
            d.Count(x => x <= 1), d.Count(x => x <= 10), d.Count(x => x <= 25), d.Count(x => x <= 100), d.Count(x => x > 100));
    }

    private static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return null;
        double rank = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
