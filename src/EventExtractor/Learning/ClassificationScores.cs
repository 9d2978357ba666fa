using System.Globalization;
using System.Text;
using EventExtractor.Records;

namespace EventExtractor.Learning;

/// <summary>
/// Figures of a snippet classifier against gold classes: accuracy, support-weighted F1, and how many non-events
/// it rejects. Add (gold, predicted) pairs, then read the figures.
/// </summary>
internal sealed class ClassificationScores
{
    private static readonly int ClassCount = Enum.GetValues<SubEventType>().Length;
    private readonly int[,] _confusion = new int[ClassCount, ClassCount];

    /// <summary>Pairs added.</summary>
    public int Count { get; private set; }

    /// <summary>Records one prediction.</summary>
    public void Add(SubEventType gold, SubEventType predicted)
    {
        _confusion[(int)gold, (int)predicted]++;
        Count++;
    }

    /// <summary>Items whose gold class is <paramref name="t"/>.</summary>
    public int Support(SubEventType t)
    {
        int n = 0;
        for (int p = 0; p < ClassCount; p++) n += _confusion[(int)t, p];
        return n;
    }

    /// <summary>Items predicted as <paramref name="t"/>.</summary>
    public int PredictedCount(SubEventType t) => Predicted(t);

    private int Predicted(SubEventType t)
    {
        int n = 0;
        for (int g = 0; g < ClassCount; g++) n += _confusion[g, (int)t];
        return n;
    }

    /// <summary>Fraction predicted exactly right (0 when empty).</summary>
    public double Accuracy
    {
        get
        {
            int right = 0;
            for (int i = 0; i < ClassCount; i++) right += _confusion[i, i];
            return Count == 0 ? 0 : (double)right / Count;
        }
    }

    /// <summary>F1 of one class (0 when it is neither in the gold nor predicted).</summary>
    public double F1(SubEventType t)
    {
        int tp = _confusion[(int)t, (int)t];
        int gold = Support(t), pred = Predicted(t);
        return gold + pred == 0 ? 0 : 2.0 * tp / (gold + pred);
    }

    /// <summary>F1 per class weighted by gold support, over every class including None.</summary>
    public double WeightedF1 => Weighted(includeNone: true);

    /// <summary>
    /// F1 per class weighted by gold support over the 25 sub-event types only (None's own F1 left out, but an event
    /// predicted as None still costs its class recall, and a non-event predicted as a type costs that type precision).
    /// </summary>
    public double WeightedF1Events => Weighted(includeNone: false);

    private double Weighted(bool includeNone)
    {
        double sum = 0;
        int total = 0;
        foreach (var t in Enum.GetValues<SubEventType>())
        {
            if (!includeNone && t == SubEventType.None) continue;
            int s = Support(t);
            sum += s * F1(t);
            total += s;
        }
        return total == 0 ? 0 : sum / total;
    }

    /// <summary>Fraction of gold None items predicted None (NaN when there are none).</summary>
    public double NoneRejected
    {
        get
        {
            int s = Support(SubEventType.None);
            return s == 0 ? double.NaN : (double)_confusion[0, 0] / s;
        }
    }

    /// <summary>The figures as text: one line per class with support, F1, then the totals.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{"class",-36} {"gold",5} {"pred",5} {"F1",6}");
        foreach (var t in Enum.GetValues<SubEventType>())
        {
            int s = Support(t), p = Predicted(t);
            if (s + p == 0) continue;
            sb.AppendLine(inv, $"{EventClassifierModel.ClassName(t),-36} {s,5} {p,5} {F1(t),6:0.000}");
        }
        sb.AppendLine(inv, $"items {Count}, accuracy {Accuracy:0.000}, weighted F1 {WeightedF1:0.000} (all classes), {WeightedF1Events:0.000} (25 types)");
        var none = NoneRejected;
        sb.AppendLine(double.IsNaN(none)
            ? "non-events rejected: no gold non-events"
            : string.Create(inv, $"non-events rejected: {none:0.000} ({_confusion[0, 0]} of {Support(SubEventType.None)})"));
        return sb.ToString();
    }
}
