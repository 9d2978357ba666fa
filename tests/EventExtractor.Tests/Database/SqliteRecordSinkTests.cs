using System.Data.Common;
using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Tests.Output;
using Microsoft.Data.Sqlite;

namespace EventExtractor.Tests.Database;

public sealed class SqliteRecordSinkTests : DatabaseSinkContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _path;
    private readonly SqliteConnection _connection;

    public SqliteRecordSinkTests()
    {
        _path = _folder.File("events.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
    }

    private protected override IRecordSink OpenSink(int batchSize = SqlRecordSink.DefaultBatchSize) => new SqliteRecordSink(_path, batchSize);

    protected override DbConnection Connection
    {
        get
        {
            if (_connection.State != System.Data.ConnectionState.Open) _connection.Open();
            return _connection;
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    [Fact] public void Every_column() => Every_column_reads_back_as_written();
    [Fact] public void Articles() => Articles_are_listed_with_their_source_and_record_count();
    [Fact] public void Rerun_once() => A_rerun_leaves_each_event_once();
    [Fact] public void Rerun_replaces() => A_rerun_replaces_the_row_and_its_evidence();
    [Fact] public void Same_id_twice_in_a_run() => The_same_id_twice_in_a_run_keeps_both_records();
    [Fact]
    public void A_database_written_before_the_event_articles_table_keeps_working()
    {
        var old = SampleRecords.Full();
        old.ArticleId = "old-1";
        using (var sink = OpenSink())
        {
            sink.Write(old);
            sink.Commit();
        }
        Execute("DROP TABLE event_articles"); // as an earlier version left it

        var again = SampleRecords.Full();
        again.ArticleId = "old-1";
        again.Fatalities = 5;
        using (var sink = OpenSink())
        {
            sink.Write(again); // the same event: replaces its row
            sink.Write(SampleRecords.Full()); // another article's event with the same id: gets its own
            sink.Commit();
        }
        Assert.Equal(["NGA1001|old-1|5", "NGA1002|sample-001|3"],
            Rows("SELECT event_id_cnty, article_id, fatalities FROM events ORDER BY event_id_cnty")
                .Select(r => $"{r["event_id_cnty"]}|{r["article_id"]}|{r["fatalities"]}"));
        Assert.Equal("2", Scalar("SELECT count(*) FROM event_articles"));
    }

    [Fact] public void Collision_with_stored_event() => A_collision_with_another_articles_stored_event_keeps_both();
    [Fact] public void Nul_character() => A_nul_character_does_not_fail_the_batch();
    [Fact] public void Semicolons_in_article_ids() => Article_ids_holding_semicolons_are_stored_whole();
    [Fact] public void Articles_without_events() => Processed_articles_without_events_are_listed_with_zero();
    [Fact] public void Several_batches() => Many_records_span_several_batches();
    [Fact] public void Batch_atomicity() => Each_batch_is_one_transaction_and_an_uncommitted_batch_is_discarded();
    [Fact] public void Empty_run() => An_empty_run_creates_the_tables();

    [Fact]
    public void Column_types_are_sqlite_affinities()
    {
        using (var sink = OpenSink()) sink.Commit();
        var types = Rows("SELECT name, type FROM pragma_table_info('events')").ToDictionary(r => r["name"]!, r => r["type"]);
        Assert.Equal("TEXT", types["event_date"]);
        Assert.Equal("INTEGER", types["fatalities"]);
        Assert.Equal("REAL", types["latitude"]);
        Assert.Equal("TEXT", types["notes"]);
        var key = Rows("SELECT name FROM pragma_table_info('events') WHERE pk = 1").Single();
        Assert.Equal("event_id_cnty", key["name"]);
    }

    [Fact]
    public void Record_sinks_open_sqlite_for_db_and_sqlite_paths()
    {
        Assert.Equal(OutputFormat.Sqlite, RecordSinks.FormatOf("out/events.db"));
        Assert.Equal(OutputFormat.Sqlite, RecordSinks.FormatOf("EVENTS.SQLITE"));
        using var sink = RecordSinks.Open(_path);
        Assert.IsType<SqliteRecordSink>(sink);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_a_clear_error()
    {
        var path = _folder.File(Path.Combine("missing", "events.db"));
        var e = Assert.Throws<UsageException>(() => new SqliteRecordSink(path));
        Assert.Equal(Messages.DatabaseCannotConnect(path, "unable to open database file"), e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_clear_error()
    {
        File.WriteAllText(_path, "this is a text file, long enough to have a header that SQLite reads and rejects. ......................................");
        var e = Assert.Throws<UsageException>(() => new SqliteRecordSink(_path));
        Assert.StartsWith(Messages.DatabaseWriteFailed(_path, ""), e.Message);
        Assert.Contains("not a database", e.Message);
    }

    [Fact]
    public void A_foreign_events_table_is_named_with_its_missing_column()
    {
        Execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)");
        var e = Assert.Throws<UsageException>(() => new SqliteRecordSink(_path));
        Assert.Equal(Messages.DatabaseSchemaMismatch(_path, "events", "event_id_cnty"), e.Message);
    }
}
