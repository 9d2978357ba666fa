namespace EventExtractor.Evaluation;

/// <summary>How a predicted record was paired with a gold record.</summary>
internal enum MatchKind
{
    /// <summary>Same sub-event type, place and date agree: the event was coded right in the essentials.</summary>
    Strict,
    /// <summary>Place and date agree but the sub-event type differs: the event was found, its type is wrong.</summary>
    TypeDiffers,
    /// <summary>Sub-event type and date agree but the place does not: the event was found, its place is wrong.</summary>
    PlaceDiffers,
}

/// <summary>One gold record paired with one predicted record of the same article.</summary>
/// <param name="Gold">Index into the article's gold records.</param>
/// <param name="Pred">Index into the article's predicted records.</param>
/// <param name="Kind">Which pass paired them.</param>
/// <param name="DistanceKm">Great-circle distance between the two places, when both have coordinates.</param>
internal sealed record MatchedPair(int Gold, int Pred, MatchKind Kind, double? DistanceKm);

/// <summary>The pairing of one article's gold and predicted records.</summary>
/// <param name="Pairs">Every pair, strict ones first, each record in at most one pair.</param>
/// <param name="UnmatchedGold">Gold records in no pair (missed events), ascending.</param>
/// <param name="UnmatchedPred">Predicted records in no pair (spurious events), ascending.</param>
internal sealed record ArticleMatch(IReadOnlyList<MatchedPair> Pairs, IReadOnlyList<int> UnmatchedGold, IReadOnlyList<int> UnmatchedPred)
{
    /// <summary>Number of strict pairs: the true positives of the event figures.</summary>
    public int StrictCount => Pairs.Count(p => p.Kind == MatchKind.Strict);
}

/// <summary>
/// Pairs the predicted records of an article with its gold records, one to one. Three greedy passes, each taking
/// the best remaining candidate first: strict (same sub-event type, place within <see cref="Km"/>, date within a
/// day), then "event found" pairs whose place and date agree but whose type differs, then pairs whose type and date
/// agree but whose place does not. The strict pairs give precision and recall; all pairs give the per-field
/// figures, so a wrong type shows in the confusion matrix and a wrong place in the location errors, not as a miss
/// plus a false alarm.
/// </summary>
/// <remarks>
/// Places agree when both have coordinates within <see cref="Km"/> of each other (haversine); when either lacks
/// coordinates, when their location names are equal ignoring case. Dates agree when they are at most one day apart,
/// or when either is missing. Candidates rank by: same day, then distance, then equal fatalities, then record
/// order, so the outcome never depends on anything but the inputs.
/// </remarks>
internal sealed class EventMatcher
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a matcher with a place tolerance of <paramref name="km"/> kilometres.</summary>
    public EventMatcher(double km = 25)
    {
        if (!(km > 0) || !double.IsFinite(km)) throw new ArgumentOutOfRangeException(nameof(km), km, "must be a positive number");
        Km = km;
    }

    /// <summary>The distance within which two places agree.</summary>
    public double Km { get; }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        double dLat = Rad(lat2 - lat1), dLon = Rad(lon2 - lon1);
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Distance between two records' places, or null when either lacks coordinates.</summary>
    public static double? DistanceKm(EvalRecord a, EvalRecord b) =>
        a.HasCoordinates && b.HasCoordinates ? HaversineKm(a.Latitude!.Value, a.Longitude!.Value, b.Latitude!.Value, b.Longitude!.Value) : null;

    /// <summary>Whether two records' places agree (see the class remarks).</summary>
    public bool PlaceAgrees(EvalRecord a, EvalRecord b) =>
        DistanceKm(a, b) is double d ? d <= Km : string.Equals(a.Location, b.Location, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether two records' dates agree: at most one day apart, or either unknown.</summary>
    public static bool DateAgrees(EvalRecord a, EvalRecord b) =>
        a.EventDate is not DateOnly x || b.EventDate is not DateOnly y || Math.Abs(x.DayNumber - y.DayNumber) <= 1;

    /// <summary>Whether two records have the same sub-event type (ignoring case).</summary>
    public static bool TypeAgrees(EvalRecord a, EvalRecord b) =>
        string.Equals(a.SubEventType, b.SubEventType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Pairs one article's records.</summary>
    public ArticleMatch Match(IReadOnlyList<EvalRecord> gold, IReadOnlyList<EvalRecord> pred)
    {
        var goldUsed = new bool[gold.Count];
        var predUsed = new bool[pred.Count];
        var pairs = new List<MatchedPair>();

        Pass(MatchKind.Strict, (g, p) => TypeAgrees(g, p) && PlaceAgrees(g, p) && DateAgrees(g, p));
        Pass(MatchKind.TypeDiffers, (g, p) => PlaceAgrees(g, p) && DateAgrees(g, p));
        Pass(MatchKind.PlaceDiffers, (g, p) => TypeAgrees(g, p) && DateAgrees(g, p));

        return new ArticleMatch(pairs,
            Enumerable.Range(0, gold.Count).Where(i => !goldUsed[i]).ToList(),
            Enumerable.Range(0, pred.Count).Where(j => !predUsed[j]).ToList());

        void Pass(MatchKind kind, Func<EvalRecord, EvalRecord, bool> agrees)
        {
            var candidates = new List<(int G, int P, int SameDay, double Distance, int SameFatalities)>();
            for (int i = 0; i < gold.Count; i++)
            {
                if (goldUsed[i]) continue;
                for (int j = 0; j < pred.Count; j++)
                {
                    if (predUsed[j] || !agrees(gold[i], pred[j])) continue;
                    var g = gold[i];
                    var p = pred[j];
                    int sameDay = g.EventDate.HasValue && g.EventDate == p.EventDate ? 0 : 1;
                    // Without coordinates a name match is as close as it gets; a name mismatch is as far.
                    double distance = DistanceKm(g, p) ??
                        (string.Equals(g.Location, p.Location, StringComparison.OrdinalIgnoreCase) ? 0 : double.PositiveInfinity);
                    int sameFatalities = g.Fatalities == p.Fatalities ? 0 : 1;
                    candidates.Add((i, j, sameDay, distance, sameFatalities));
                }
            }
            candidates.Sort((a, b) =>
            {
                int c = a.SameDay.CompareTo(b.SameDay);
                if (c == 0) c = a.Distance.CompareTo(b.Distance);
                if (c == 0) c = a.SameFatalities.CompareTo(b.SameFatalities);
                if (c == 0) c = a.G.CompareTo(b.G);
                if (c == 0) c = a.P.CompareTo(b.P);
                return c;
            });
            foreach (var c in candidates)
            {
                if (goldUsed[c.G] || predUsed[c.P]) continue;
                goldUsed[c.G] = predUsed[c.P] = true;
                pairs.Add(new MatchedPair(c.G, c.P, kind, DistanceKm(gold[c.G], pred[c.P])));
            }
        }
    }
}
