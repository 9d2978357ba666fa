using EventExtractor.Diagnostics;
using EventExtractor.Evaluation;
using Newtonsoft.Json.Linq;
using static EventExtractor.Tests.Evaluation.EvalFixtures;

namespace EventExtractor.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    private static EvalRecord Full(string article, string type, string actor1, string inter1, string interaction, int fatalities, params string[] weapons)
    {
        var r = Rec(type: type, fatalities: fatalities, article: article);
        r.EventType = type == "Attack" ? "Violence against civilians" : "Battles";
        r.Actor1 = actor1;
        r.Actor2 = "Civilians (Nigeria)";
        r.Inter1 = inter1;
        r.Inter2 = "Civilians";
        r.Interaction = interaction;
        r.Admin1 = "Borno";
        r.Weapons = weapons.Length == 0 ? null : weapons.ToList();
        return r;
    }

    /// <summary>
    /// Two articles, three gold records. a1: an attack coded right in type, with actor1 in another case, inter as a
    /// code, 8 vs 5 dead (same bucket). a2: a clash predicted as an attack (type error), actor1 wrong, 1 vs 12 dead;
    /// plus a missed gold clash 200 km away on another day, and a spurious prediction in a3 (no gold events).
    /// </summary>
    private static EvaluationReport TinyReport()
    {
        var far = North(Full("a2", "Armed clash", "X", "State forces", "17", 0), 200);
        far.EventDate = new DateOnly(2024, 3, 1);
        var gold = Set("gold", ["a3"],
            Full("a1", "Attack", "Boko Haram", "Political militia", "Political militia-Civilians", 8, "suicide vest"),
            Full("a2", "Armed clash", "Military Forces of Nigeria (2023-)", "State forces", "State forces-Civilians", 1, "gun"),
            far);
        var pred = Set("pred",
            Full("a1", "Attack", "boko haram", "3", "37", 5, "Suicide Vest", "gun"),
            Full("a2", "Attack", "Unidentified Armed Group (Nigeria)", "3", "37", 12),
            Full("a3", "Attack", "Y", "3", "37", 0));
        return EvaluationReport.Evaluate(gold, pred);
    }

    [Fact]
    public void Event_figures_count_strict_pairs_over_records()
    {
        var r = TinyReport();
        Assert.Equal(3, r.GoldRecords);
        Assert.Equal(3, r.PredRecords);
        Assert.Equal(1, r.StrictMatches);
        Assert.Equal(1, r.TypeDiffers);
        Assert.Equal(new Ratio(1, 3), r.Precision);
        Assert.Equal(new Ratio(1, 3), r.Recall);
        Assert.Equal(1.0 / 3, r.F1!.Value, 9);
        Assert.Equal(new Ratio(2, 3), r.LooseRecall);
    }

    [Fact]
    public void Per_field_accuracy_is_over_the_loose_pairs()
    {
        var r = TinyReport();
        Assert.Equal(new Ratio(1, 2), r.Field("sub_event_type")!.Accuracy);
        Assert.Equal(new Ratio(1, 2), r.Field("event_type")!.Accuracy);
        Assert.Equal(new Ratio(1, 2), r.Field("actor1")!.Accuracy);   // case ignored in a1, wrong in a2
        Assert.Equal(new Ratio(2, 2), r.Field("actor2")!.Accuracy);
        Assert.Equal(new Ratio(1, 2), r.Field("inter1")!.Accuracy);   // "3" = "Political militia" in a1; "3" is not "State forces" in a2
        Assert.Equal(new Ratio(2, 2), r.Field("inter2")!.Accuracy);   // "Civilians" both
        Assert.Equal(new Ratio(1, 2), r.Field("interaction")!.Accuracy); // "37" = "Political militia-Civilians"; "37" is not "State forces-Civilians"
        Assert.Equal(new Ratio(0, 2), r.Field("fatalities")!.Accuracy);
        Assert.Equal(new Ratio(1, 2), r.Field("fatalities_bucket")!.Accuracy); // 8 and 5 are both 3-9; 1 and 12 are not
        Assert.Equal(new Ratio(2, 2), r.Field("location_within_km")!.Accuracy);
        // Weapons: a1 {suicide vest} vs {suicide vest, gun} = 0.5, agrees; a2 has no predicted list, skipped.
        Assert.Equal(new Ratio(1, 1), r.Field("weapons")!.Accuracy);
        Assert.Equal(1, r.Field("weapons")!.Skipped);
    }

    [Fact]
    public void Confusion_matrix_counts_pairs_misses_and_spurious_records()
    {
        var c = TinyReport().Confusion;
        Assert.Equal(["Armed clash", "Attack"], c.Labels);
        Assert.Equal(1, c["Attack", "Attack"]);
        Assert.Equal(1, c["Armed clash", "Attack"]);
        Assert.Equal(0, c["Attack", "Armed clash"]);
        Assert.Equal(1, c.MissedOf("Armed clash"));
        Assert.Equal(0, c.MissedOf("Attack"));
        Assert.Equal(1, c.SpuriousOf("Attack"));
    }

    [Fact]
    public void Article_figures_count_found_and_empty_articles()
    {
        var r = TinyReport();
        Assert.Equal(3, r.Articles);
        Assert.Equal(new Ratio(1, 2), r.ArticlesFoundStrict);
        Assert.Equal(new Ratio(2, 2), r.ArticlesFound);
        Assert.Equal(new Ratio(0, 1), r.EmptyArticlesLeftEmpty); // a3 has a spurious prediction
    }

    [Fact]
    public void Location_errors_summarize_distances()
    {
        var e = LocationErrors.Of([0, 0.5, 5, 20, 50, 150]);
        Assert.Equal(6, e.Count);
        Assert.Equal(12.5, e.MedianKm!.Value, 9);
        Assert.Equal(100, e.P90Km!.Value, 9);
        Assert.Equal((2, 3, 4, 5, 1), (e.Within1, e.Within10, e.Within25, e.Within100, e.Over100));
        Assert.Null(LocationErrors.Of([]).MedianKm);
    }

    [Fact]
    public void Text_report_shows_figures_with_counts()
    {
        var text = TinyReport().ToText();
        Assert.Contains("\n  precision  0.333 (1/3)\n", text);
        Assert.Matches(@"\n  actor1 +0\.500 \(1/2\)\n", text);
        Assert.Matches(@"\n  weapons \(Jaccard >= 0\.5\) +1\.000 \(1/1\) +1\n", text);
        Assert.Contains("(missed)", text);
        Assert.Contains("(spurious)", text);
    }

    [Fact]
    public void Json_report_has_a_fixed_key_order_and_the_figures()
    {
        var r = TinyReport();
        var json = r.ToJson();
        Assert.Equal(json, TinyReport().ToJson());
        var o = JObject.Parse(json);
        Assert.Equal(["gold", "pred", "split", "splits_file", "km", "pooled", "counts", "events", "events_found", "fields", "confusion", "location_errors_km", "articles", "single_event_items"],
            o.Properties().Select(p => p.Name));
        Assert.Equal(1, o["events"]!["precision"]!["correct"]!.Value<int>());
        Assert.Equal(0.5, o["fields"]!["actor1"]!["value"]!.Value<double>());
        Assert.Equal(1, o["confusion"]!["spurious"]![1]!.Value<int>());
    }

    [Fact]
    public void Split_restricts_gold_articles_and_keeps_empty_ones()
    {
        var gold = Set("gold", ["d2"], Rec(article: "t1"), Rec(article: "d1"));
        var pred = Set("pred", Rec(article: "t1"), Rec(article: "d1"), Rec(article: "d2"), Rec(article: "zz"));
        var splits = new Dictionary<string, string> { ["t1"] = "train", ["d1"] = "dev", ["d2"] = "dev" };
        var notes = new List<string>();
        var r = EvaluationReport.Evaluate(gold, pred, new EvaluationOptions { Split = "dev", Splits = splits }, notes.Add);

        Assert.Equal(2, r.Articles);
        Assert.Equal(1, r.GoldRecords);
        Assert.Equal(2, r.PredRecords);              // d1's and d2's; t1 is in another split
        Assert.Equal(new Ratio(1, 2), r.Precision);  // d2's record is a false positive
        Assert.Equal(new Ratio(0, 1), r.EmptyArticlesLeftEmpty);
        Assert.Equal(0, r.IgnoredPredArticles);      // "zz" is in no split, so outside this one
        Assert.Empty(notes);

        var all = EvaluationReport.Evaluate(gold, pred, null, notes.Add);
        Assert.Equal(3, all.Articles);
        Assert.Equal(1, all.IgnoredPredArticles);
        Assert.Equal([Messages.EvalIgnoredPredArticles(1, 1)], notes);
    }

    [Fact]
    public void An_empty_split_is_a_usage_error()
    {
        var gold = Set("gold", Rec(article: "t1"));
        var e = Assert.Throws<UsageException>(() => EvaluationReport.Evaluate(gold, gold,
            new EvaluationOptions { Split = "test", Splits = new Dictionary<string, string> { ["t1"] = "train" }, SplitsFile = "s.tsv" }));
        Assert.Equal(Messages.EvalNoArticlesInSplit("test", "s.tsv"), e.Message);
    }

    [Fact]
    public void Without_article_ids_everything_is_one_article()
    {
        var gold = Set("gold", Rec(article: "a1"), Rec(type: "Attack", article: "a2"));
        var pred = new RecordSet("pred.csv", [new("pred", [Rec(type: "Attack", article: "pred"), Rec(article: "pred")])], hasArticleIds: false);
        var r = EvaluationReport.Evaluate(gold, pred);
        Assert.True(r.Pooled);
        Assert.Equal(2, r.StrictMatches);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(0, "0")]
    [InlineData(2, "1-2")]
    [InlineData(3, "3-9")]
    [InlineData(9, "3-9")]
    [InlineData(10, "10+")]
    public void Fatality_buckets(int? fatalities, string bucket) => Assert.Equal(bucket, EvaluationReport.FatalityBucket(fatalities));

    [Fact]
    public void Single_event_items_are_scored_by_their_first_record_type()
    {
        // TinyReport: a1 (one gold attack, predicted attack), a2 (two gold records: not a single-event item),
        // a3 (no gold event, one spurious record).
        var items = TinyReport().SingleEventItems;
        Assert.Equal(2, items.Count);
        Assert.Equal((1, 1), (items.EventItemsWithRecord.Correct, items.EventItemsWithRecord.Total));
        Assert.Equal((0, 1), (items.NonEventsRejected.Correct, items.NonEventsRejected.Total));
        Assert.Equal((1, 2), (items.TypeAccuracy.Correct, items.TypeAccuracy.Total));
        // Attack: support 1, F1 2*1/(1+2) = 2/3; no event: support 1, F1 0. Weighted: (2/3 + 0) / 2.
        Assert.Equal(1.0 / 3, items.WeightedF1!.Value, 6);
    }

    [Fact]
    public void Records_with_a_thousand_dead_are_counted()
    {
        var gold = Set("gold", Full("a1", "Attack", "X", "Political militia", "Political militia-Civilians", 3));
        var pred = Set("pred", Full("a1", "Attack", "X", "3", "37", 6000), Full("a1", "Attack", "X", "3", "37", 999));
        var report = EvaluationReport.Evaluate(gold, pred);
        Assert.Equal(1, report.ThousandTolls);
        Assert.Contains("records with 1,000 or more fatalities            1", report.ToText());
        Assert.Equal(1, (int)JObject.Parse(report.ToJson())["articles"]!["records_with_1000_or_more_fatalities"]!);
    }
}
