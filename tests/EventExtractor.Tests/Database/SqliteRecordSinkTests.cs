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
    [Fact] public void Same_id_in_batch() => The_same_id_twice_in_a_batch_keeps_the_last();
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
