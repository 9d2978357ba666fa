using System.Data.Common;
using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Tests.Output;

namespace EventExtractor.Tests.Database;

/// <summary>
/// The PostgreSQL sink against a real server (see <see cref="PostgresFactAttribute"/>). Each test works in a schema
/// of its own, dropped afterwards.
/// </summary>
public sealed class PostgresRecordSinkTests : DatabaseSinkContract, IDisposable
{
    private PostgresTestDatabase? _database;

    // Made on first use: a skipped test (no server, outside CI) must not try to connect.
    private PostgresTestDatabase Database => _database ??= new PostgresTestDatabase();

    private protected override IRecordSink OpenSink(int batchSize = SqlRecordSink.DefaultBatchSize) => new PostgresRecordSink(Database.SinkUrl, batchSize);

    protected override DbConnection Connection => Database.Connection;

    public void Dispose() => _database?.Dispose();

    [PostgresFact] public void Every_column() => Every_column_reads_back_as_written();
    [PostgresFact] public void Articles() => Articles_are_listed_with_their_source_and_record_count();
    [PostgresFact] public void Rerun_once() => A_rerun_leaves_each_event_once();
    [PostgresFact] public void Rerun_replaces() => A_rerun_replaces_the_row_and_its_evidence();
    [PostgresFact] public void Same_id_twice_in_a_run() => The_same_id_twice_in_a_run_keeps_both_records();
    [PostgresFact] public void Collision_with_stored_event() => A_collision_with_another_articles_stored_event_keeps_both();
    [PostgresFact] public void Nul_character() => A_nul_character_does_not_fail_the_batch();
    [PostgresFact] public void Semicolons_in_article_ids() => Article_ids_holding_semicolons_are_stored_whole();
    [PostgresFact] public void Articles_without_events() => Processed_articles_without_events_are_listed_with_zero();
    [PostgresFact] public void Several_batches() => Many_records_span_several_batches();
    [PostgresFact] public void Batch_atomicity() => Each_batch_is_one_transaction_and_an_uncommitted_batch_is_discarded();
    [PostgresFact] public void Empty_run() => An_empty_run_creates_the_tables();

    [PostgresFact]
    public void Columns_have_sql_types()
    {
        using (var sink = OpenSink()) sink.Commit();
        var types = Rows($"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '{Database.Schema}' AND table_name = 'events'")
            .ToDictionary(r => r["column_name"]!, r => r["data_type"]);
        Assert.Equal("date", types["event_date"]);
        Assert.Equal("integer", types["fatalities"]);
        Assert.Equal("bigint", types["timestamp"]);
        Assert.Equal("numeric", types["latitude"]);
        Assert.Equal("numeric", types["confidence"]);
        Assert.Equal("jsonb", types["weapons"]);
        Assert.Equal("text", types["notes"]);
        Assert.Equal(["event_id_cnty"], Rows(
            $"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) " +
            $"WHERE i.indrelid = '{Database.Schema}.events'::regclass AND i.indisprimary").Select(r => r["attname"]));
        // The weapons column is real JSON the server can query.
        using (var sink = OpenSink())
        {
            sink.Write(SampleRecords.Full());
            sink.Commit();
        }
        Assert.Equal("roadside bomb", Scalar("SELECT weapons->>0 FROM events"));
    }

    [PostgresFact]
    public void Record_sinks_open_postgres_for_its_url()
    {
        using var sink = RecordSinks.Open(Database.SinkUrl);
        Assert.IsType<PostgresRecordSink>(sink);
    }

    [PostgresFact]
    public void A_wrong_password_is_a_one_line_error_without_the_password()
    {
        var url = new UriBuilder(PostgresTestDatabase.Url) { Password = "not-the-Secret-9271" }.Uri.ToString();
        var e = Assert.Throws<UsageException>(() => new PostgresRecordSink(url));
        var display = PostgresUrl.Parse(url).Display;
        Assert.StartsWith(Messages.DatabaseCannotConnect(display, ""), e.Message);
        Assert.Contains("password authentication failed", e.Message);
        Assert.DoesNotContain("not-the-Secret-9271", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [PostgresFact]
    public void A_missing_database_is_a_connection_error()
    {
        var url = new UriBuilder(PostgresTestDatabase.Url) { Path = "/ee_no_such_database" }.Uri.ToString();
        var e = Assert.Throws<UsageException>(() => new PostgresRecordSink(url));
        Assert.StartsWith(Messages.DatabaseCannotConnect(PostgresUrl.Parse(url).Display, ""), e.Message);
        Assert.Contains("ee_no_such_database", e.Message);
    }

    [PostgresFact]
    public void A_schema_the_role_may_not_create_in_is_a_permission_error()
    {
        // The owner gives up its own right to create in the test schema.
        Database.Execute($"REVOKE CREATE ON SCHEMA {Database.Schema} FROM CURRENT_USER");
        var e = Assert.Throws<UsageException>(() => OpenSink());
        Assert.StartsWith(Messages.DatabasePermissionDenied(PostgresUrl.Parse(Database.SinkUrl).Display, ""), e.Message);
        Assert.Contains("42501", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [PostgresFact]
    public void A_foreign_events_table_is_named_with_its_missing_column()
    {
        Database.Execute("CREATE TABLE events (id integer PRIMARY KEY, what text)");
        var e = Assert.Throws<UsageException>(() => OpenSink());
        Assert.Equal(Messages.DatabaseSchemaMismatch(PostgresUrl.Parse(Database.SinkUrl).Display, "events", "event_id_cnty"), e.Message);
    }
}
