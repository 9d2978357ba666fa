using System.Globalization;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Evaluation;

/// <summary>What to evaluate and how.</summary>
internal sealed record EvaluationOptions
{
    /// <summary>Places within this many kilometres agree.</summary>
    public double Km { get; init; } = 25;
    /// <summary>Only gold articles of this split ("train", "dev", "test"); null: all.</summary>
    public string? Split { get; init; }
    /// <summary>Article id to split, needed with <see cref="Split"/>.</summary>
    public IReadOnlyDictionary<string, string>? Splits { get; init; }
    /// <summary>Where <see cref="Splits"/> was read (for the report).</summary>
    public string? SplitsFile { get; init; }
}

/// <summary>
/// The figures of one evaluation of predicted records against gold records: event precision/recall/F1, per-field
/// accuracy, the sub-event confusion matrix, location errors and article-level figures. <see cref="Evaluate"/>
/// computes them; <see cref="ToText"/> and <see cref="ToJson"/> present them.
/// </summary>
/// <remarks>
/// Only gold articles are evaluated (restricted to the split if one is given); an article with no gold record
/// still counts, and whatever was predicted for it is a false positive. Predicted articles absent from the gold
/// set are ignored and counted in <see cref="IgnoredPredArticles"/>. When either side has no article ids, all
/// records of both sides are compared as one article.
/// </remarks>
internal sealed class EvaluationReport
{
    private EvaluationReport() { }

    public string GoldSource { get; private init; } = "";
    public string PredSource { get; private init; } = "";
    /// <summary>The split evaluated, or null for all articles.</summary>
    public string? Split { get; private init; }
    public string? SplitsFile { get; private init; }
    public double Km { get; private init; }

    /// <summary>Gold articles evaluated.</summary>
    public int Articles { get; private init; }
    /// <summary>Evaluated articles with at least one gold record.</summary>
    public int ArticlesWithEvents { get; private init; }
    /// <summary>Evaluated articles with no gold record.</summary>
    public int ArticlesWithoutEvents { get; private init; }
    public int GoldRecords { get; private init; }
    /// <summary>Predicted records in the evaluated articles.</summary>
    public int PredRecords { get; private init; }
    /// <summary>Predicted articles not in the evaluated gold set, and their records.</summary>
    public int IgnoredPredArticles { get; private init; }
    public int IgnoredPredRecords { get; private init; }
    /// <summary>True when one side had no article ids and everything was compared as one article.</summary>
    public bool Pooled { get; private init; }

    /// <summary>Strict pairs (true positives).</summary>
    public int StrictMatches { get; private init; }
    /// <summary>Pairs whose place and date agree but whose type differs.</summary>
    public int TypeDiffers { get; private init; }
    /// <summary>Pairs whose type and date agree but whose place differs.</summary>
    public int PlaceDiffers { get; private init; }
    /// <summary>All pairs: the "event found" matches.</summary>
    public int LooseMatches => StrictMatches + TypeDiffers + PlaceDiffers;

    /// <summary>Strict pairs out of predicted records.</summary>
    public Ratio Precision => new(StrictMatches, PredRecords);
    /// <summary>Strict pairs out of gold records.</summary>
    public Ratio Recall => new(StrictMatches, GoldRecords);
    /// <summary>Harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; null when both sides are empty.</summary>
    public double? F1 => F(StrictMatches);
    public Ratio LoosePrecision => new(LooseMatches, PredRecords);
    public Ratio LooseRecall => new(LooseMatches, GoldRecords);
    public double? LooseF1 => F(LooseMatches);

    /// <summary>Per-field agreement over the loosely matched pairs, in report order.</summary>
    public IReadOnlyList<FieldAccuracy> Fields { get; private init; } = [];
    public ConfusionMatrix Confusion { get; private init; } = null!;
    public LocationErrors LocationErrors { get; private init; } = null!;

    /// <summary>Articles with gold events where at least one gold record is in a strict pair.</summary>
    public Ratio ArticlesFoundStrict { get; private init; }
    /// <summary>Articles with gold events where at least one gold record is in any pair.</summary>
    public Ratio ArticlesFound { get; private init; }
    /// <summary>Articles without gold events for which nothing was predicted.</summary>
    public Ratio EmptyArticlesLeftEmpty { get; private init; }

    /// <summary>
    /// Predicted records with a confidence, by tenths of it: how many, their mean confidence, and how many were right
    /// (matched to a gold event of the same sub-event type). Empty when no record carries a confidence.
    /// </summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; private init; } = [];

    /// <summary>The articles with at most one gold event, scored by the type of their first record.</summary>
    public SingleEventItems SingleEventItems { get; private init; } = new();

    /// <summary>Predicted records with 1,000 or more fatalities: a single event rarely has them, a background total always does.</summary>
    public int ThousandTolls { get; private init; }

    /// <summary>The accuracy of one field by key, or null when there is no such field.</summary>
    public FieldAccuracy? Field(string key) => Fields.FirstOrDefault(f => f.Field == key);

    // 2TP / (gold + pred) is F1 written with counts, defined even when precision or recall is.
    private double? F(int matches) => GoldRecords + PredRecords == 0 ? null : 2.0 * matches / (GoldRecords + PredRecords);

    private sealed record FieldSpec(string Key, string Label, Func<EvalRecord, EvalRecord, bool?> Agrees);

    private static List<FieldSpec> FieldSpecs(double km) =>
    [
        new("sub_event_type", "sub_event_type", (g, p) => EventMatcher.TypeAgrees(g, p)),
        new("event_type", "event_type", (g, p) => SameText(g.EventType, p.EventType)),
        new("event_date", "event_date (exact)", (g, p) => g.EventDate == p.EventDate),
        new("time_precision", "time_precision", (g, p) => g.TimePrecision == p.TimePrecision),
        new("location_within_km", $"location (<= {FormatKm(km)} km)", (g, p) => EventMatcher.DistanceKm(g, p) is double d ? d <= km : null),
        new("location", "location name", (g, p) => SameText(g.Location, p.Location)),
        new("admin1", "admin1", (g, p) => SameText(g.Admin1, p.Admin1)),
        new("geo_precision", "geo_precision", (g, p) => g.GeoPrecision == p.GeoPrecision),
        new("actor1", "actor1", (g, p) => SameText(g.Actor1, p.Actor1)),
        new("actor2", "actor2", (g, p) => SameText(g.Actor2, p.Actor2)),
        new("inter1", "inter1", (g, p) => SameInter(g.Inter1, p.Inter1)),
        new("inter2", "inter2", (g, p) => SameInter(g.Inter2, p.Inter2)),
        new("interaction", "interaction", (g, p) => SameInteraction(g.Interaction, p.Interaction)),
        new("civilian_targeting", "civilian_targeting", (g, p) => SameText(g.CivilianTargeting, p.CivilianTargeting)),
        new("fatalities", "fatalities (exact)", (g, p) => g.Fatalities == p.Fatalities),
        new("fatalities_bucket", "fatalities (0/1-2/3-9/10+)", (g, p) => FatalityBucket(g.Fatalities) == FatalityBucket(p.Fatalities)),
        new("weapons", "weapons (Jaccard >= 0.5)", (g, p) => g.Weapons is null || p.Weapons is null ? null : Jaccard(g.Weapons, p.Weapons) >= 0.5),
    ];

    private static bool SameText(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether two inter values name the same actor type, as codes ("1") or names ("State forces").</summary>
    public static bool SameInter(string a, string b) =>
        ActorCodes.ParseInter(a) is int x && ActorCodes.ParseInter(b) is int y ? x == y : SameText(a, b);

    /// <summary>Whether two interaction values are the same, as codes ("13") or text ("State forces-Political militia").</summary>
    public static bool SameInteraction(string a, string b) =>
        ActorCodes.NormalizeInteraction(a) is string x && ActorCodes.NormalizeInteraction(b) is string y ? x == y : SameText(a, b);

    /// <summary>ACLED-style size class of a death toll: "0", "1-2", "3-9", "10+", or "" when unknown.</summary>
    public static string FatalityBucket(int? fatalities) => fatalities switch
    {
        null => "",
        0 => "0",
        <= 2 => "1-2",
        <= 9 => "3-9",
        _ => "10+",
    };

    /// <summary>Jaccard similarity of two weapon lists, ignoring case; two empty lists agree fully.</summary>
    public static double Jaccard(IEnumerable<string> a, IEnumerable<string> b)
    {
        var x = new HashSet<string>(a.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        var y = new HashSet<string>(b.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        if (x.Count == 0 && y.Count == 0) return 1;
        int common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    /// <summary>Evaluates <paramref name="pred"/> against <paramref name="gold"/>.</summary>
    /// <param name="gold">The gold records; its articles are the ones evaluated.</param>
    /// <param name="pred">The predicted records.</param>
    /// <param name="options">Place tolerance and split; null: 25 km, all articles.</param>
    /// <param name="warn">Receives notes for the user (ignored articles, pooling); null: dropped.</param>
    /// <exception cref="UsageException">A split was asked for but cannot be applied.</exception>
    public static EvaluationReport Evaluate(RecordSet gold, RecordSet pred, EvaluationOptions? options = null, Action<string>? warn = null)
    {
        options ??= new EvaluationOptions();
        warn ??= _ => { };
        var matcher = new EventMatcher(options.Km);

        var goldArticles = new SortedDictionary<string, IReadOnlyList<EvalRecord>>(StringComparer.Ordinal);
        var predArticles = new Dictionary<string, IReadOnlyList<EvalRecord>>(StringComparer.Ordinal);
        bool inSplit(string id) => options.Split is null ||
            (options.Splits!.TryGetValue(id, out var s) && string.Equals(s, options.Split, StringComparison.OrdinalIgnoreCase));
        if (options.Split is not null)
        {
            if (options.Splits is null) throw new UsageException(Messages.EvalNoSplitsFile);
            if (!gold.HasArticleIds) throw new UsageException(Messages.EvalSplitNeedsGoldIds);
        }

        bool pooled = !gold.HasArticleIds || !pred.HasArticleIds;
        if (pooled)
        {
            // Without ids on one side there is no telling which article a record is from: compare everything at once.
            const string whole = "(all records)";
            warn(Messages.EvalWholeSourceOneArticle(gold.HasArticleIds ? "PRED" : "GOLD", gold.HasArticleIds ? pred.Source : gold.Source));
            goldArticles[whole] = gold.Articles.Where(a => inSplit(a.Key)).SelectMany(a => a.Value).ToList();
            predArticles[whole] = pred.Articles.Where(a => !pred.HasArticleIds || inSplit(a.Key)).SelectMany(a => a.Value).ToList();
        }
        else
        {
            foreach (var (id, records) in gold.Articles)
                if (inSplit(id)) goldArticles[id] = records;
            foreach (var (id, records) in pred.Articles)
                if (inSplit(id)) predArticles[id] = records;
        }
        if (options.Split is not null && goldArticles.Count == 0)
            throw new UsageException(Messages.EvalNoArticlesInSplit(options.Split, options.SplitsFile ?? "the splits file"));

        var ignored = predArticles.Where(a => !goldArticles.ContainsKey(a.Key)).ToList();
        int ignoredRecords = ignored.Sum(a => a.Value.Count);
        if (ignored.Count > 0) warn(Messages.EvalIgnoredPredArticles(ignored.Count, ignoredRecords));

        var specs = FieldSpecs(options.Km);
        var agree = new int[specs.Count];
        var compared = new int[specs.Count];
        var skipped = new int[specs.Count];
        var confusionPairs = new List<(string Gold, string Pred)>();
        var missed = new List<string>();
        var spurious = new List<string>();
        var distances = new List<double>();
        var reliability = new (int Count, double Sum, int Right)[10];
        int goldRecords = 0, predRecords = 0, strict = 0, typeDiffers = 0, placeDiffers = 0;
        int withEvents = 0, foundStrict = 0, found = 0, empty = 0, leftEmpty = 0, thousandTolls = 0;
        var single = new SingleEventItems();

        foreach (var (id, goldList) in goldArticles)
        {
            var predList = predArticles.TryGetValue(id, out var p) ? p : [];
            goldRecords += goldList.Count;
            predRecords += predList.Count;
            var match = matcher.Match(goldList, predList);
            single.Add(goldList, predList);
            thousandTolls += predList.Count(r => r.Fatalities >= ThousandTollFloor);
            foreach (var pair in match.Pairs)
            {
                var g = goldList[pair.Gold];
                var r = predList[pair.Pred];
                switch (pair.Kind)
                {
                    case MatchKind.Strict: strict++; break;
                    case MatchKind.TypeDiffers: typeDiffers++; break;
                    default: placeDiffers++; break;
                }
                for (int f = 0; f < specs.Count; f++)
                {
                    switch (specs[f].Agrees(g, r))
                    {
                        case null: skipped[f]++; break;
                        case true: agree[f]++; compared[f]++; break;
                        default: compared[f]++; break;
                    }
                }
                confusionPairs.Add((TypeLabel(g), TypeLabel(r)));
                if (pair.DistanceKm is double d) distances.Add(d);
            }
            var typeRight = new bool[predList.Count];
            foreach (var pair in match.Pairs) typeRight[pair.Pred] = EventMatcher.TypeAgrees(goldList[pair.Gold], predList[pair.Pred]) == true;
            for (int j = 0; j < predList.Count; j++)
            {
                if (predList[j].Confidence is not double c) continue;
                int bin = Math.Clamp((int)(c * 10), 0, 9);
                reliability[bin] = (reliability[bin].Count + 1, reliability[bin].Sum + c, reliability[bin].Right + (typeRight[j] ? 1 : 0));
            }
            missed.AddRange(match.UnmatchedGold.Select(i => TypeLabel(goldList[i])));
            spurious.AddRange(match.UnmatchedPred.Select(j => TypeLabel(predList[j])));

            if (goldList.Count > 0)
            {
                withEvents++;
                if (match.StrictCount > 0) foundStrict++;
                if (match.Pairs.Count > 0) found++;
            }
            else
            {
                empty++;
                if (predList.Count == 0) leftEmpty++;
            }
        }

        return new EvaluationReport
        {
            GoldSource = gold.Source,
            PredSource = pred.Source,
            Split = options.Split,
            SplitsFile = options.Split is null ? null : options.SplitsFile,
            Km = options.Km,
            Articles = goldArticles.Count,
            ArticlesWithEvents = withEvents,
            ArticlesWithoutEvents = empty,
            GoldRecords = goldRecords,
            PredRecords = predRecords,
            IgnoredPredArticles = ignored.Count,
            IgnoredPredRecords = ignoredRecords,
            Pooled = pooled,
            StrictMatches = strict,
            TypeDiffers = typeDiffers,
            PlaceDiffers = placeDiffers,
            Fields = specs.Select((s, f) => new FieldAccuracy(s.Key, s.Label, new Ratio(agree[f], compared[f]), skipped[f])).ToList(),
            Confusion = BuildConfusion(confusionPairs, missed, spurious),
            LocationErrors = LocationErrors.Of(distances),
            ArticlesFoundStrict = new Ratio(foundStrict, withEvents),
            ArticlesFound = new Ratio(found, withEvents),
            EmptyArticlesLeftEmpty = new Ratio(leftEmpty, empty),
            Reliability = reliability.All(b => b.Count == 0) ? [] :
                reliability.Select((b, i) => new ReliabilityBin(i / 10.0, (i + 1) / 10.0, b.Count, b.Count == 0 ? null : b.Sum / b.Count, new Ratio(b.Right, b.Count))).ToList(),
            SingleEventItems = single,
            ThousandTolls = thousandTolls,
        };
    }

    private const string NoType = "(none)";
    private const int ThousandTollFloor = 1000;

    private static string TypeLabel(EvalRecord r) => r.SubEventType.Length == 0 ? NoType : r.SubEventType;

    private static ConfusionMatrix BuildConfusion(List<(string Gold, string Pred)> pairs, List<string> missed, List<string> spurious)
    {
        var all = pairs.SelectMany(p => new[] { p.Gold, p.Pred }).Concat(missed).Concat(spurious);
        // Codebook order reads like the codebook; anything else after it, alphabetically, "(none)" last.
        var labels = all.Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(l => l == NoType ? 2 : AcledTaxonomy.ParseSubEvent(l) == SubEventType.None ? 1 : 0)
            .ThenBy(l => AcledTaxonomy.Precedence(AcledTaxonomy.ParseSubEvent(l)))
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
        int Index(string l) => labels.FindIndex(x => string.Equals(x, l, StringComparison.OrdinalIgnoreCase));
        var counts = new int[labels.Count, labels.Count];
        var missedCounts = new int[labels.Count];
        var spuriousCounts = new int[labels.Count];
        foreach (var (g, p) in pairs) counts[Index(g), Index(p)]++;
        foreach (var g in missed) missedCounts[Index(g)]++;
        foreach (var p in spurious) spuriousCounts[Index(p)]++;
        return new ConfusionMatrix(labels, counts, missedCounts, spuriousCounts);
    }

    private static string FormatKm(double km) => km.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F3(double? v) => v is double x ? x.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The plain-text report: aligned columns, figures with 3 decimals and their counts.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        void Row(string label, string value, int width) => Line($"  {label.PadRight(width)}  {value}");

        Line("Evaluation of predicted records against gold records");
        Row("gold", $"{GoldSource}: {Articles} article{Plural(Articles)} ({ArticlesWithEvents} with events, {ArticlesWithoutEvents} without), {GoldRecords} record{Plural(GoldRecords)}", 9);
        Row("predicted", $"{PredSource}: {PredRecords} record{Plural(PredRecords)} in those articles" +
            (IgnoredPredArticles > 0 ? $"; {IgnoredPredArticles} other article{Plural(IgnoredPredArticles)} ignored ({IgnoredPredRecords} record{Plural(IgnoredPredRecords)})" : ""), 9);
        Row("split", Split is null ? "all articles" : $"{Split} (from {SplitsFile})", 9);
        Row("matching", $"place within {FormatKm(Km)} km (else same location name), date within 1 day" +
            (Pooled ? "; all records compared as one article (no article ids)" : ""), 9);
        Line();

        Line("Events, strict (same sub-event type, place and date agree)");
        Row("precision", Precision.ToString(), 9);
        Row("recall", Recall.ToString(), 9);
        Row("F1", F3(F1), 9);
        Line();
        Line("Events found, loose (strict pairs, plus pairs where only the type or only the place differs)");
        Row("pairs", $"{LooseMatches}: {StrictMatches} strict, {TypeDiffers} with another type, {PlaceDiffers} at another place", 9);
        Row("precision", LoosePrecision.ToString(), 9);
        Row("recall", LooseRecall.ToString(), 9);
        Row("F1", F3(LooseF1), 9);
        Line();

        Line($"Per-field accuracy over the {LooseMatches} matched pair{Plural(LooseMatches)}");
        int fw = Fields.Max(f => f.Label.Length);
        int aw = Math.Max("accuracy".Length, Fields.Max(f => f.Accuracy.ToString().Length));
        Line($"  {"field".PadRight(fw)}  {"accuracy".PadRight(aw)}  skipped");
        foreach (var f in Fields)
            Line($"  {f.Label.PadRight(fw)}  {f.Accuracy.ToString().PadRight(aw)}  {(f.Skipped > 0 ? f.Skipped.ToString(CultureInfo.InvariantCulture) : "")}".TrimEnd());
        Line();

        AppendConfusion(Line);
        Line();

        var e = LocationErrors;
        Line($"Location error over matched pairs with coordinates on both sides (n={e.Count})");
        Row("median", e.MedianKm is double m ? $"{m.ToString("F3", CultureInfo.InvariantCulture)} km" : "n/a", 15);
        Row("90th percentile", e.P90Km is double q ? $"{q.ToString("F3", CultureInfo.InvariantCulture)} km" : "n/a", 15);
        Row("<= 1 km", new Ratio(e.Within1, e.Count).ToString(), 15);
        Row("<= 10 km", new Ratio(e.Within10, e.Count).ToString(), 15);
        Row("<= 25 km", new Ratio(e.Within25, e.Count).ToString(), 15);
        Row("<= 100 km", new Ratio(e.Within100, e.Count).ToString(), 15);
        Row("> 100 km", new Ratio(e.Over100, e.Count).ToString(), 15);
        Line();

        AppendReliability(Line);

        Line("Articles");
        Row("with gold events, at least one found strictly", ArticlesFoundStrict.ToString(), 47);
        Row("with gold events, at least one found (loose)", ArticlesFound.ToString(), 47);
        Row("without gold events, left empty", EmptyArticlesLeftEmpty.ToString(), 47);
        Row("records with 1,000 or more fatalities", ThousandTolls.ToString(CultureInfo.InvariantCulture), 47);
        Line();

        var items = SingleEventItems;
        Line($"Items with at most one gold event (n={items.Count}), typed by their first record");
        Row("weighted F1 (types and no event)", F3(items.WeightedF1), 33);
        Row("type right", items.TypeAccuracy.ToString(), 33);
        Row("event items with a record", items.EventItemsWithRecord.ToString(), 33);
        Row("non-event items left empty", items.NonEventsRejected.ToString(), 33);
        return sb.ToString();
    }

    private void AppendReliability(Action<string> line)
    {
        if (Reliability.Count == 0) return;
        line("Reliability of the predicted records' confidence (right: matched to a gold event of the same sub-event type)");
        line("  confidence  records  mean confidence  observed accuracy");
        foreach (var b in Reliability)
        {
            if (b.Records == 0) continue;
            var range = string.Create(CultureInfo.InvariantCulture, $"{b.From:0.0}-{b.To:0.0}");
            line($"  {range,-10}  {b.Records,7}  {F3(b.MeanConfidence),15}  {b.Right}");
        }
        line("");
    }

    private void AppendConfusion(Action<string> line)
    {
        var c = Confusion;
        line("Sub-event confusion over matched pairs (rows: gold, columns: predicted, by number)");
        if (c.Labels.Count == 0)
        {
            line("  (no records)");
            return;
        }
        int n = c.Labels.Count;
        const string spuriousLabel = "(spurious)";
        int lw = Math.Max(spuriousLabel.Length, c.Labels.Max(l => l.Length)) + 4; // "NN " prefix
        int cw = Math.Max(3, (from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, n) select c.Counts[i, j].ToString(CultureInfo.InvariantCulture).Length)
            .Concat(c.Spurious.Select(s => s.ToString(CultureInfo.InvariantCulture).Length)).Append(n.ToString(CultureInfo.InvariantCulture).Length).Max() + 1);
        const string missedLabel = "(missed)";
        var header = new StringBuilder("  ").Append(new string(' ', lw));
        for (int j = 0; j < n; j++) header.Append((j + 1).ToString(CultureInfo.InvariantCulture).PadLeft(cw));
        header.Append("  ").Append(missedLabel);
        line(header.ToString());
        for (int i = 0; i < n; i++)
        {
            var row = new StringBuilder("  ").Append(((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2) + " " + c.Labels[i]).PadRight(lw));
            // A dot for zero keeps the diagonal and the real confusions visible.
            for (int j = 0; j < n; j++) row.Append((c.Counts[i, j] == 0 ? "." : c.Counts[i, j].ToString(CultureInfo.InvariantCulture)).PadLeft(cw));
            row.Append("  ").Append((c.Missed[i] == 0 ? "." : c.Missed[i].ToString(CultureInfo.InvariantCulture)).PadLeft(missedLabel.Length));
            line(row.ToString());
        }
        var last = new StringBuilder("  ").Append(("   " + spuriousLabel).PadRight(lw));
        for (int j = 0; j < n; j++) last.Append((c.Spurious[j] == 0 ? "." : c.Spurious[j].ToString(CultureInfo.InvariantCulture)).PadLeft(cw));
        line(last.ToString());
    }

    private static string Plural(int n) => n == 1 ? "" : "s";

    /// <summary>All figures as indented JSON, keys in a fixed order.</summary>
    public string ToJson()
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            void Prop(string name, object? value) { json.WritePropertyName(name); json.WriteValue(value); }
            void Num(string name, double? value) => Prop(name, value is double v ? Math.Round(v, 6) : null);
            void RatioProp(string name, Ratio r)
            {
                json.WritePropertyName(name);
                json.WriteStartObject();
                Num("value", r.Value);
                Prop("correct", r.Correct);
                Prop("total", r.Total);
                json.WriteEndObject();
            }

            json.WriteStartObject();
            Prop("gold", GoldSource);
            Prop("pred", PredSource);
            Prop("split", Split);
            Prop("splits_file", SplitsFile);
            Num("km", Km);
            Prop("pooled", Pooled);

            json.WritePropertyName("counts");
            json.WriteStartObject();
            Prop("articles", Articles);
            Prop("articles_with_events", ArticlesWithEvents);
            Prop("articles_without_events", ArticlesWithoutEvents);
            Prop("gold_records", GoldRecords);
            Prop("pred_records", PredRecords);
            Prop("ignored_pred_articles", IgnoredPredArticles);
            Prop("ignored_pred_records", IgnoredPredRecords);
            json.WriteEndObject();

            json.WritePropertyName("events");
            json.WriteStartObject();
            Prop("strict_matches", StrictMatches);
            RatioProp("precision", Precision);
            RatioProp("recall", Recall);
            Num("f1", F1);
            json.WriteEndObject();

            json.WritePropertyName("events_found");
            json.WriteStartObject();
            Prop("matches", LooseMatches);
            Prop("strict", StrictMatches);
            Prop("type_differs", TypeDiffers);
            Prop("place_differs", PlaceDiffers);
            RatioProp("precision", LoosePrecision);
            RatioProp("recall", LooseRecall);
            Num("f1", LooseF1);
            json.WriteEndObject();

            json.WritePropertyName("fields");
            json.WriteStartObject();
            foreach (var f in Fields)
            {
                json.WritePropertyName(f.Field);
                json.WriteStartObject();
                Num("value", f.Accuracy.Value);
                Prop("correct", f.Accuracy.Correct);
                Prop("total", f.Accuracy.Total);
                Prop("skipped", f.Skipped);
                json.WriteEndObject();
            }
            json.WriteEndObject();

            json.WritePropertyName("confusion");
            json.WriteStartObject();
            json.WritePropertyName("labels");
            json.WriteStartArray();
            foreach (var l in Confusion.Labels) json.WriteValue(l);
            json.WriteEndArray();
            json.WritePropertyName("counts");
            json.WriteStartArray();
            for (int i = 0; i < Confusion.Labels.Count; i++)
            {
                json.WriteStartArray();
                for (int j = 0; j < Confusion.Labels.Count; j++) json.WriteValue(Confusion.Counts[i, j]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WritePropertyName("missed");
            json.WriteStartArray();
            foreach (var m in Confusion.Missed) json.WriteValue(m);
            json.WriteEndArray();
            json.WritePropertyName("spurious");
            json.WriteStartArray();
            foreach (var s in Confusion.Spurious) json.WriteValue(s);
            json.WriteEndArray();
            json.WriteEndObject();

            var e = LocationErrors;
            json.WritePropertyName("location_errors_km");
            json.WriteStartObject();
            Prop("count", e.Count);
            Num("median", e.MedianKm);
            Num("p90", e.P90Km);
            Prop("within_1", e.Within1);
            Prop("within_10", e.Within10);
            Prop("within_25", e.Within25);
            Prop("within_100", e.Within100);
            Prop("over_100", e.Over100);
            json.WriteEndObject();

            json.WritePropertyName("articles");
            json.WriteStartObject();
            RatioProp("with_events_found_strict", ArticlesFoundStrict);
            RatioProp("with_events_found", ArticlesFound);
            RatioProp("without_events_left_empty", EmptyArticlesLeftEmpty);
            Prop("records_with_1000_or_more_fatalities", ThousandTolls);
            json.WriteEndObject();

            json.WritePropertyName("single_event_items");
            json.WriteStartObject();
            Prop("count", SingleEventItems.Count);
            Num("weighted_f1", SingleEventItems.WeightedF1);
            RatioProp("type_right", SingleEventItems.TypeAccuracy);
            RatioProp("event_items_with_record", SingleEventItems.EventItemsWithRecord);
            RatioProp("non_events_left_empty", SingleEventItems.NonEventsRejected);
            json.WriteEndObject();

            json.WritePropertyName("reliability");
            json.WriteStartArray();
            foreach (var b in Reliability)
            {
                json.WriteStartObject();
                Num("from", b.From);
                Num("to", b.To);
                Prop("records", b.Records);
                Num("mean_confidence", b.MeanConfidence);
                RatioProp("accuracy", b.Right);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteEndObject();
        }
        return sw.ToString() + "\n";
    }
}

/// <summary>One tenth of the confidence scale in the reliability table.</summary>
/// <param name="From">Lowest confidence of the bin.</param>
/// <param name="To">Highest confidence (exclusive, but 1.0 belongs to the last bin).</param>
/// <param name="Records">Predicted records whose confidence falls in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence, null when there are none.</param>
/// <param name="Right">Those matched to a gold event of the same sub-event type.</param>
internal sealed record ReliabilityBin(double From, double To, int Records, double? MeanConfidence, Ratio Right);
