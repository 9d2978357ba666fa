using System.Data.Common;
using System.Globalization;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Tests.Output;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Database;

/// <summary>
/// What every database sink must do, run against SQLite and PostgreSQL by the subclasses (each adds the test
/// attributes its server needs). Rows are read back with plain SQL and compared as text, so the expected values
/// below are written out by hand, not computed by the code under test.
/// </summary>
public abstract class DatabaseSinkContract
{
    /// <summary>Opens the sink under test on this test's database.</summary>
    private protected abstract IRecordSink OpenSink(int batchSize = SqlRecordSink.DefaultBatchSize);

    /// <summary>A connection to this test's database, for reading back.</summary>
    protected abstract DbConnection Connection { get; }

    // The Full sample record's row, column by column (dates as YYYY-MM-DD, numbers in invariant culture).
    private static readonly Dictionary<string, string?> FullRow = new()
    {
        ["event_id_cnty"] = "NGA1001", ["event_date"] = "2024-03-05", ["year"] = "2024", ["time_precision"] = "1",
        ["disorder_type"] = "Political violence", ["event_type"] = "Explosions/Remote violence",
        ["sub_event_type"] = "Remote explosive/landmine/IED", ["actor1"] = "Unidentified Armed Group (Nigeria)",
        ["assoc_actor_1"] = "", ["inter1"] = "Political militia", ["actor2"] = "Civilians (Nigeria)", ["assoc_actor_2"] = "",
        ["inter2"] = "Civilians", ["interaction"] = "Political militia-Civilians", ["civilian_targeting"] = "Civilians targeted",
        ["iso"] = "566", ["region"] = "Western Africa", ["country"] = "Nigeria", ["admin1"] = "Borno", ["admin2"] = "Maiduguri",
        ["admin3"] = "", ["location"] = "Maiduguri", ["latitude"] = "11.8469", ["longitude"] = "13.1571", ["geo_precision"] = "1",
        ["source"] = "Example Wire; Daily Sample", ["source_scale"] = "National",
        ["notes"] = "On 5 March 2024, a roadside bomb exploded near a market in Maiduguri, \"killing 3\", officials said.\nSeven people were hurt.",
        ["fatalities"] = "3", ["tags"] = "", ["timestamp"] = "1710000000",
        ["article_id"] = "sample-001", ["injuries"] = "7", ["confidence"] = "0.877",
    };

    // The Sparse record: every unknown date and number is NULL, every unknown text "", the counts 0.
    private static readonly Dictionary<string, string?> SparseRow = new()
    {
        ["event_id_cnty"] = "", ["event_date"] = null, ["year"] = null, ["time_precision"] = null, ["disorder_type"] = "",
        ["event_type"] = "Strategic developments", ["sub_event_type"] = "Other", ["actor1"] = "", ["assoc_actor_1"] = "",
        ["inter1"] = "", ["actor2"] = "", ["assoc_actor_2"] = "", ["inter2"] = "", ["interaction"] = "", ["civilian_targeting"] = "",
        ["iso"] = null, ["region"] = "", ["country"] = "", ["admin1"] = "", ["admin2"] = "", ["admin3"] = "", ["location"] = "",
        ["latitude"] = null, ["longitude"] = null, ["geo_precision"] = null, ["source"] = "", ["source_scale"] = "",
        ["notes"] = "=not a formula, just text", ["fatalities"] = "0", ["tags"] = "", ["timestamp"] = "0",
        ["article_id"] = "sample-004", ["injuries"] = "0", ["confidence"] = "0",
    };

    private void WriteAll(IEnumerable<AcledRecord> records, int batchSize = SqlRecordSink.DefaultBatchSize)
    {
        using var sink = OpenSink(batchSize);
        foreach (var r in records) sink.Write(r);
        sink.Commit();
    }

    protected void Every_column_reads_back_as_written()
    {
        WriteAll(SampleRecords.All());

        var rows = Rows("SELECT * FROM events").ToDictionary(r => r["event_id_cnty"]!);
        Assert.Equal(3, rows.Count);
        Assert.Equal(35, rows["NGA1001"].Count); // 31 ACLED columns and 4 extras, nothing else
        Assert.Equal(AcledRecord.AcledColumns.Concat(["article_id", "weapons", "injuries", "confidence"]), rows["NGA1001"].Keys);
        foreach (var (expected, row) in new[] { (FullRow, rows["NGA1001"]), (SparseRow, rows[""]) })
        {
            foreach (var (column, value) in expected) Assert.True(value == row[column], $"{column}: expected «{value}», read «{row[column]}»");
        }
        Assert.Equal(["roadside bomb"], JArray.Parse(rows["NGA1001"]["weapons"]!).Select(t => (string)t!));
        Assert.Empty(JArray.Parse(rows[""]["weapons"]!));

        var unicode = rows["CIV2002"];
        Assert.Equal("Protesters (Côte d'Ivoire)", unicode["actor1"]);
        Assert.Equal("Labour Group (Côte d'Ivoire); Students (Côte d'Ivoire)", unicode["assoc_actor_1"]);
        Assert.Equal("Around 200 people marched — “peacefully” — through Bouaké; ✓ no incidents.", unicode["notes"]);
        Assert.Equal("-5.0303", unicode["longitude"]);
        Assert.Equal("2023-11-20", unicode["event_date"]);
        Assert.Equal("0.5", unicode["confidence"]);

        var evidence = Rows("SELECT * FROM evidence ORDER BY event_id, \"start\"");
        Assert.Equal(
            ["CIV2002|location|Bouaké|45|51", "NGA1001|sub_event_type|roadside bomb exploded|18|40", "NGA1001|fatalities|killing 3|77|86"],
            evidence.Select(e => $"{e["event_id"]}|{e["field"]}|{e["text"]}|{e["start"]}|{e["end"]}"));
    }

    protected void Articles_are_listed_with_their_source_and_record_count()
    {
        var second = SampleRecords.Full();
        second.EventIdCnty = "NGA1002";
        WriteAll([.. SampleRecords.All(), second]);

        var articles = Rows("SELECT * FROM articles ORDER BY article_id");
        Assert.Equal(["article_id", "source", "record_count", "first_seen"], articles[0].Keys);
        Assert.Equal(
            ["sample-001|Example Wire; Daily Sample|2", "sample-002|Exemple Presse|1", "sample-003|Exemple Presse|1", "sample-004||1"],
            articles.Select(a => $"{a["article_id"]}|{a["source"]}|{a["record_count"]}"));
        Assert.All(articles, a => Assert.False(string.IsNullOrEmpty(a["first_seen"])));
    }

    protected void A_rerun_leaves_each_event_once()
    {
        WriteAll(SampleRecords.All());
        // Back-date the first run, so a rerun that overwrote first_seen could not go unnoticed within one second.
        Execute("UPDATE articles SET first_seen = '2000-01-02T03:04:05Z'");
        var firstSeen = Rows("SELECT article_id, first_seen FROM articles").ToDictionary(r => r["article_id"]!, r => r["first_seen"]);
        Assert.All(firstSeen.Values, v => Assert.StartsWith("2000-01-02T03:04:05", v));
        WriteAll(SampleRecords.All());

        Assert.Equal("3", Scalar("SELECT count(*) FROM events"));
        Assert.Equal("3", Scalar("SELECT count(DISTINCT event_id_cnty) FROM events"));
        Assert.Equal("3", Scalar("SELECT count(*) FROM evidence"));
        Assert.Equal("4", Scalar("SELECT count(*) FROM articles"));
        Assert.Equal("1", Scalar("SELECT record_count FROM articles WHERE article_id = 'sample-001'"));
        // The article was first seen by the first run.
        Assert.Equal(firstSeen, Rows("SELECT article_id, first_seen FROM articles").ToDictionary(r => r["article_id"]!, r => r["first_seen"]));
    }

    protected void A_rerun_replaces_the_row_and_its_evidence()
    {
        WriteAll(SampleRecords.All());
        var changed = SampleRecords.Full();
        changed.Fatalities = 4;
        changed.Notes = "Revised.";
        changed.Latitude = null;
        changed.Weapons = ["mortar", "rocket"];
        changed.Evidence = [new Evidence("fatalities", "four dead", 10, 19)];
        WriteAll([changed]);

        var row = Rows("SELECT * FROM events WHERE event_id_cnty = 'NGA1001'").Single();
        Assert.Equal("4", row["fatalities"]);
        Assert.Equal("Revised.", row["notes"]);
        Assert.Null(row["latitude"]);
        Assert.Equal(["mortar", "rocket"], JArray.Parse(row["weapons"]!).Select(t => (string)t!));
        var evidence = Rows("SELECT * FROM evidence WHERE event_id = 'NGA1001'");
        Assert.Equal(["fatalities|four dead|10|19"], evidence.Select(e => $"{e["field"]}|{e["text"]}|{e["start"]}|{e["end"]}"));
        // The other events and their evidence are untouched.
        Assert.Equal("1", Scalar("SELECT count(*) FROM evidence WHERE event_id = 'CIV2002'"));
        Assert.Equal("3", Scalar("SELECT count(*) FROM events"));
    }

    protected void The_same_id_twice_in_a_run_keeps_both_records()
    {
        var first = SampleRecords.Full();
        var last = SampleRecords.Full();
        last.Fatalities = 9;
        last.Evidence = [new Evidence("fatalities", "nine", 1, 5)];
        WriteAll([first, last]);

        // A collision never loses a record: the second takes the next free number.
        Assert.Equal(["NGA1001|3", "NGA1002|9"], Rows("SELECT event_id_cnty, fatalities FROM events ORDER BY event_id_cnty")
            .Select(r => $"{r["event_id_cnty"]}|{r["fatalities"]}"));
        Assert.Equal("nine", Scalar("SELECT text FROM evidence WHERE event_id = 'NGA1002'"));
        Assert.Equal("3", Scalar("SELECT count(*) FROM evidence"));
        Assert.Equal("2", Scalar("SELECT record_count FROM articles"));
    }

    protected void Many_records_span_several_batches()
    {
        var records = Enumerable.Range(0, 1203).Select(i =>
        {
            var r = SampleRecords.Full();
            r.EventIdCnty = "NGA" + (10_000 + i).ToString(CultureInfo.InvariantCulture);
            r.ArticleId = "article-" + (i % 10).ToString(CultureInfo.InvariantCulture);
            return r;
        });
        WriteAll(records);

        Assert.Equal("1203", Scalar("SELECT count(*) FROM events"));
        Assert.Equal("2406", Scalar("SELECT count(*) FROM evidence"));
        Assert.Equal("1203", Scalar("SELECT sum(record_count) FROM articles"));
        Assert.Equal("121", Scalar("SELECT record_count FROM articles WHERE article_id = 'article-0'"));
    }

    /// <summary>
    /// Atomicity is per batch: each full batch is committed as it fills, and a sink disposed without Commit (a run
    /// that failed) loses only the batch in hand. A rerun then completes the data, since writes are upserts.
    /// </summary>
    protected void Each_batch_is_one_transaction_and_an_uncommitted_batch_is_discarded()
    {
        var records = SampleRecords.All();
        using (var sink = OpenSink(batchSize: 2))
        {
            foreach (var r in records) sink.Write(r);
            // No Commit: the run failed after the third record.
        }
        Assert.Equal(["CIV2002", "NGA1001"], Rows("SELECT event_id_cnty FROM events").Select(r => r["event_id_cnty"]).Order(StringComparer.Ordinal));
        Assert.Equal("3", Scalar("SELECT count(*) FROM evidence"));

        using (var sink = OpenSink())
        {
            sink.Write(SampleRecords.Sparse());
            // Nothing reached the database before Commit.
            Assert.Equal("2", Scalar("SELECT count(*) FROM events"));
            sink.Commit();
        }
        Assert.Equal("3", Scalar("SELECT count(*) FROM events"));
    }

    /// <summary>
    /// An id the database holds for another article's event (an earlier run's) is never overwritten: the new record
    /// takes the next free id, and a rerun of either run finds the same ids again.
    /// </summary>
    protected void A_collision_with_another_articles_stored_event_keeps_both()
    {
        var earlier = SampleRecords.Full();
        WriteAll([earlier]);
        var other = SampleRecords.Full();
        other.ArticleId = "another-article";
        other.Fatalities = 11;
        WriteAll([other]);

        Assert.Equal(["NGA1001|sample-001|3", "NGA1002|another-article|11"],
            Rows("SELECT event_id_cnty, article_id, fatalities FROM events ORDER BY event_id_cnty")
                .Select(r => $"{r["event_id_cnty"]}|{r["article_id"]}|{r["fatalities"]}"));
        Assert.Equal("2", Scalar("SELECT count(*) FROM evidence WHERE event_id = 'NGA1001'"));

        // Reruns of both runs, in either order, keep each record under its id.
        var again = SampleRecords.Full();
        again.ArticleId = "another-article";
        again.Fatalities = 12;
        WriteAll([again]);
        WriteAll([SampleRecords.Full()]);
        Assert.Equal(["NGA1001|sample-001|3", "NGA1002|another-article|12"],
            Rows("SELECT event_id_cnty, article_id, fatalities FROM events ORDER BY event_id_cnty")
                .Select(r => $"{r["event_id_cnty"]}|{r["article_id"]}|{r["fatalities"]}"));
    }

    /// <summary>A NUL character (legal in JSON, "\u0000") in any text must not fail the batch and its good records.</summary>
    protected void A_nul_character_does_not_fail_the_batch()
    {
        var nul = SampleRecords.Full();
        nul.Notes = "before\0after";
        nul.ArticleId = "id\0with-nul";
        nul.Source = "Wire\0";
        nul.Weapons = ["bomb\0"];
        nul.Evidence = [new Evidence("notes", "a\0b", 0, 3)];
        WriteAll([nul, SampleRecords.Unicode()]);

        Assert.Equal("2", Scalar("SELECT count(*) FROM events"));
        var notes = Scalar("SELECT notes FROM events WHERE event_id_cnty = 'NGA1001'")!;
        // SQLite keeps the character; PostgreSQL cannot, and stores U+FFFD in its place (one for one).
        Assert.Contains(notes, new[] { "before\0after", "before\uFFFDafter" });
        Assert.Equal("3", Scalar("SELECT count(*) FROM articles"));

        // A rerun recognises its own events (the id of an article holding a NUL included) and replaces them.
        var again = SampleRecords.Full();
        again.ArticleId = "id\0with-nul";
        WriteAll([again, SampleRecords.Unicode()]);
        Assert.Equal("2", Scalar("SELECT count(*) FROM events"));
    }

    /// <summary>An article id may hold ';' or "; ": it is stored whole, never split into several articles.</summary>
    protected void Article_ids_holding_semicolons_are_stored_whole()
    {
        var single = SampleRecords.Full();
        single.ArticleId = "a;b; c";
        var merged = SampleRecords.Unicode();
        merged.ArticleIds = ["x; y", "z"];
        WriteAll([single, merged]);

        Assert.Equal(["a;b; c|1", "x; y|1", "z|1"],
            Rows("SELECT article_id, record_count FROM articles ORDER BY article_id").Select(r => $"{r["article_id"]}|{r["record_count"]}"));
        Assert.Equal(["CIV2002|0|x; y", "CIV2002|1|z", "NGA1001|0|a;b; c"],
            Rows("SELECT event_id, position, article_id FROM event_articles ORDER BY event_id, position")
                .Select(r => $"{r["event_id"]}|{r["position"]}|{r["article_id"]}"));
    }

    /// <summary>Every article a run processed is listed, those without events with a count of 0.</summary>
    protected void Processed_articles_without_events_are_listed_with_zero()
    {
        using (var sink = OpenSink())
        {
            var ledger = Assert.IsAssignableFrom<IArticleLedger>(sink);
            ledger.ArticleProcessed("sample-001", "Example Wire");
            ledger.ArticleProcessed("nothing-found", "Quiet Gazette");
            sink.Write(SampleRecords.Full());
            sink.Commit();
        }
        Assert.Equal(["nothing-found|Quiet Gazette|0", "sample-001|Example Wire|1"],
            Rows("SELECT article_id, source, record_count FROM articles ORDER BY article_id")
                .Select(r => $"{r["article_id"]}|{r["source"]}|{r["record_count"]}"));
    }

    protected void An_empty_run_creates_the_tables()
    {
        using (var sink = OpenSink()) sink.Commit();
        Assert.Equal("0", Scalar("SELECT count(*) FROM events"));
        Assert.Equal("0", Scalar("SELECT count(*) FROM articles"));
        Assert.Equal("0", Scalar("SELECT count(*) FROM evidence"));
    }

    protected void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected string? Scalar(string sql) => Rows(sql).Single().Values.Single();

    /// <summary>The rows of <paramref name="sql"/>, each column as invariant text (null for NULL).</summary>
    protected List<Dictionary<string, string?>> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, string?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>();
            for (int i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = AsText(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    private static string? AsText(object value) => value switch
    {
        DBNull => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // PostgreSQL's date comes back as a midnight DateTime; timestamps keep their time.
        DateTime t when t.TimeOfDay == TimeSpan.Zero && t.Kind != DateTimeKind.Utc => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
        // numeric(9,4) says 11.8469 and SQLite's REAL says 11.8469 too once both are doubles.
        decimal m => ((double)m).ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
