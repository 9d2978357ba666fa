using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Running;
using EventExtractor.Tests.Extraction;
using EventExtractor.Tests.Output;

namespace EventExtractor.Tests.Hostile;

/// <summary>What reaches the outputs from hostile text: formulas, colliding ids, ids with separators, huge evidence.</summary>
[Collection("engine")]
public sealed class HostileOutputTests(EngineFixture fx)
{
    [Fact]
    public void Csv_cells_a_spreadsheet_would_run_are_neutralised()
    {
        var record = SampleRecords.Full();
        record.Actor1 = "=HYPERLINK(\"http://x\",\"y\")";
        record.Location = "+1+1";
        record.Admin1 = "-2+3";
        record.Source = "@SUM(A1)";
        record.Tags = "\t=1";
        record.Admin2 = "\r=1";
        record.Notes = "plain - text = fine";
        record.Longitude = -5.03;
        var text = new StringWriter();
        using (var sink = new CsvRecordSink(text))
        {
            sink.Write(record);
            sink.Commit();
        }
        var csv = text.ToString();

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", csv);
        Assert.Contains(",'+1+1,", csv);
        Assert.Contains(",'-2+3,", csv);
        Assert.Contains(",'@SUM(A1),", csv);
        Assert.Matches(",\"?'\t=1\"?,", csv);
        Assert.Matches(",\"?'\r=1\"?,", csv);
        Assert.Contains(",plain - text = fine,", csv);
        // Numbers are not text: a negative longitude stays a number.
        Assert.Contains(",-5.0300,", csv);
    }

    [Fact]
    public void Two_events_of_one_article_with_the_same_key_get_ids_of_their_own()
    {
        var first = EventIds.Derive("NGA", "article-1", "Attack\u001f\u001fKano\u001f\u001f", 0);
        var second = EventIds.Derive("NGA", "article-1", "Attack\u001f\u001fKano\u001f\u001f", 1);
        Assert.NotEqual(first, second);
        Assert.Matches("^NGA[0-9]{8}$", second);
        // The first keeps the id earlier versions gave it (what stored databases hold).
        Assert.Equal(LegacyId("NGA", "article-1\u001fAttack\u001f\u001fKano\u001f\u001f"), first);
    }

    private static string LegacyId(string iso3, string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in key) { h ^= c; h *= 1099511628211UL; }
        return iso3 + (h % 100_000_000UL).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Ids_that_collide_in_a_run_are_made_unique_the_same_way_on_every_rerun()
    {
        // Every article gives two events with one id: the hash collisions of a large run, made certain.
        IReadOnlyList<AcledRecord> Extract(Article a) =>
        [
            new AcledRecord { EventIdCnty = "NGA99999999", ArticleId = a.Id, Notes = a.Id + " first" },
            new AcledRecord { EventIdCnty = "NGA99999999", ArticleId = a.Id, Notes = a.Id + " second" },
        ];
        List<string> RunOnce()
        {
            var text = new StringWriter();
            using var sink = new JsonLinesRecordSink(text);
            new ExtractionRun(Extract, sink, _ => { }, new ExtractionRunOptions { Threads = 2 })
                .Run(Enumerable.Range(0, 3).Select(i => new ReadOutcome(new Article($"a{i}", null, "t", null, null, null, "x"), null)));
            return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => RecordJson.ParseLine(l).Value<string>("event_id_cnty") + " " + RecordJson.ParseLine(l).Value<string>("notes")).ToList();
        }

        var ids = RunOnce();
        Assert.Equal(["NGA99999999 a0 first", "NGA00000000 a0 second", "NGA00000001 a1 first", "NGA00000002 a1 second",
            "NGA00000003 a2 first", "NGA00000004 a2 second"], ids);
        Assert.Equal(ids, RunOnce());
    }

    [Fact]
    public void A_merged_record_keeps_its_article_ids_apart_through_json()
    {
        var record = SampleRecords.Full();
        record.ArticleIds = ["x; y", "z;w"];
        var back = RecordJson.Read(RecordJson.ParseLine(RecordJson.ToLine(record)));
        Assert.Equal(["x; y", "z;w"], back.ArticleIds);
        var single = SampleRecords.Full();
        single.ArticleId = "a; b";
        Assert.Equal(["a; b"], RecordJson.Read(RecordJson.ParseLine(RecordJson.ToLine(single))).ArticleIds);
    }

    [Fact]
    public void A_huge_article_gives_a_bounded_number_of_evidence_items()
    {
        var body = string.Concat(Enumerable.Repeat("Gunmen attacked Maiduguri on Monday, killing three villagers. ", 400));
        var records = fx.Extract(body);
        Assert.NotEmpty(records);
        foreach (var r in records)
        foreach (var field in r.Evidence.GroupBy(e => e.Field))
            Assert.InRange(field.Count(), 1, RecordBuilder.MaxEvidencePerField);
    }

    [Fact]
    public void Evidence_offsets_count_code_points_as_export_does()
    {
        var body = "\U0001F4F0\U0001F4F0 Gunmen attacked Maiduguri on Monday, killing three villagers.";
        var article = EngineFixture.Article(body);
        var records = fx.Engine.Extract(article);
        var codePoints = article.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.NotEmpty(records);
        foreach (var e in records.SelectMany(r => r.Evidence))
            Assert.Equal(e.Text, string.Concat(codePoints[e.Start..e.End]));
    }
}
