using System.Data.Common;
using System.Net.Sockets;
using EventExtractor.Diagnostics;
using EventExtractor.Records;
using Npgsql;
using NpgsqlTypes;

namespace EventExtractor.Output;

/// <summary>
/// Records into PostgreSQL (<c>-o postgres://user:password@host:port/database</c>), with the tables of
/// <see cref="DatabaseSchema"/>, created when missing. Each batch is one transaction: a binary COPY into temporary
/// staging tables, then <c>INSERT … ON CONFLICT (event_id_cnty) DO UPDATE</c> into <c>events</c>, the upserted
/// events' evidence deleted and copied in anew, and the articles upserted — so a rerun leaves each event once.
/// Types: <c>event_date</c> date, coordinates numeric(9,4), <c>confidence</c> numeric(6,3), <c>weapons</c> jsonb,
/// <c>timestamp</c> bigint, <c>first_seen</c> timestamptz. Errors become one-line messages naming the URL without
/// its password.
/// </summary>
internal sealed class PostgresRecordSink : SqlRecordSink
{
    private const string StageEvents = "ee_stage_events";
    private const string StageEvidence = "ee_stage_evidence";

    private static readonly string EventColumnList = DatabaseSchema.ColumnList(DatabaseSchema.EventColumns.Select(c => c.Name));
    private static readonly string EvidenceColumnList = DatabaseSchema.ColumnList(DatabaseSchema.EvidenceColumns);

    private readonly NpgsqlConnection _connection;
    private readonly string _password;

    /// <summary>Connects to the database <paramref name="url"/> names and creates the tables it lacks.</summary>
    /// <exception cref="UsageException">The URL is not usable, the server cannot be reached or refuses the login,
    /// the role may not create or write the tables, or tables of the same names lack our columns.</exception>
    public PostgresRecordSink(string url, int batchSize = DefaultBatchSize) : this(PostgresUrl.Parse(url), batchSize) { }

    /// <summary>Connects to the database <paramref name="url"/> names and creates the tables it lacks.</summary>
    public PostgresRecordSink(PostgresUrl url, int batchSize = DefaultBatchSize) : base(url.Display, batchSize)
    {
        _password = url.Password;
        _connection = new NpgsqlConnection(url.Settings.ConnectionString);
        try
        {
            try
            {
                _connection.Open();
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                throw new UsageException(Messages.DatabaseCannotConnect(Target, Scrub(Reason(e))));
            }
            catch (DbException e)
            {
                // Problem files a failed login under "cannot connect", and so anything not from the server.
                throw Problem(e);
            }
            CheckTables(ColumnsOf);
            Guard(() =>
            {
                using (var tx = _connection.BeginTransaction())
                {
                    foreach (var sql in DatabaseSchema.CreateStatements(SqlDialect.Postgres)) Execute(sql, tx);
                    tx.Commit();
                }
            });
            Guard(() =>
            {
                // Session-local staging tables, emptied by every commit; LIKE takes the columns without the key,
                // so a batch could even hold one id twice without failing the COPY.
                Execute($"CREATE TEMP TABLE {StageEvents} (LIKE {DatabaseSchema.Quote(DatabaseSchema.EventsTable)} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", null);
                Execute($"CREATE TEMP TABLE {StageEvidence} (LIKE {DatabaseSchema.Quote(DatabaseSchema.EvidenceTable)}) ON COMMIT DELETE ROWS", null);
            });
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    private void Execute(string sql, NpgsqlTransaction? tx)
    {
        using var command = new NpgsqlCommand(sql, _connection, tx);
        command.ExecuteNonQuery();
    }

    private IReadOnlySet<string> ColumnsOf(string table)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        Guard(() =>
        {
            // The table unqualified names resolve to, wherever it is on the search path.
            using var command = new NpgsqlCommand(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(@table) AND attnum > 0 AND NOT attisdropped",
                _connection);
            command.Parameters.AddWithValue("table", DatabaseSchema.Quote(table));
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
        });
        return columns;
    }

    /// <inheritdoc />
    protected override void WriteBatch(IReadOnlyList<AcledRecord> records, IReadOnlyList<ArticleRow> articles)
    {
        using var tx = _connection.BeginTransaction();

        using (var copy = _connection.BeginBinaryImport($"COPY {StageEvents} ({EventColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var record in records)
            {
                copy.StartRow();
                var values = DatabaseSchema.EventValues(record);
                for (int i = 0; i < values.Length; i++) WriteValue(copy, values[i], DatabaseSchema.EventColumns[i].Kind);
            }
            copy.Complete();
        }

        using (var copy = _connection.BeginBinaryImport($"COPY {StageEvidence} ({EvidenceColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var record in records)
            {
                foreach (var e in record.Evidence)
                {
                    copy.StartRow();
                    copy.Write(NoNul(record.EventIdCnty), NpgsqlDbType.Text);
                    copy.Write(NoNul(e.Field), NpgsqlDbType.Text);
                    copy.Write(NoNul(e.Text), NpgsqlDbType.Text);
                    copy.Write(e.Start, NpgsqlDbType.Integer);
                    copy.Write(e.End, NpgsqlDbType.Integer);
                }
            }
            copy.Complete();
        }

        var evidence = DatabaseSchema.Quote(DatabaseSchema.EvidenceTable);
        Execute(DatabaseSchema.UpsertEvents($"SELECT {EventColumnList} FROM {StageEvents}"), tx);
        Execute($"DELETE FROM {evidence} WHERE \"event_id\" IN (SELECT \"event_id_cnty\" FROM {StageEvents})", tx);
        Execute($"INSERT INTO {evidence} ({EvidenceColumnList}) SELECT {EvidenceColumnList} FROM {StageEvidence}", tx);

        var links = DatabaseSchema.Quote(DatabaseSchema.EventArticlesTable);
        Execute($"DELETE FROM {links} WHERE \"event_id\" IN (SELECT \"event_id_cnty\" FROM {StageEvents})", tx);
        using (var link = new NpgsqlCommand(
            $"INSERT INTO {links} ({DatabaseSchema.ColumnList(DatabaseSchema.EventArticleColumns)}) SELECT * FROM unnest(@events, @articles, @positions)",
            _connection, tx))
        {
            var rows = records.SelectMany(r => r.ArticleIds.Select((a, i) => (Event: r.EventIdCnty, Article: a, Position: i))).ToList();
            link.Parameters.Add(new NpgsqlParameter("events", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(x => NoNul(x.Event)).ToArray() });
            link.Parameters.Add(new NpgsqlParameter("articles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(x => NoNul(x.Article)).ToArray() });
            link.Parameters.Add(new NpgsqlParameter("positions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(x => x.Position).ToArray() });
            link.ExecuteNonQuery();
        }

        if (articles.Count > 0)
        {
            using var upsert = new NpgsqlCommand(
                DatabaseSchema.UpsertArticles("SELECT a.id, a.source, a.n, now() FROM unnest(@ids, @sources, @counts) AS a(id, source, n)"),
                _connection, tx);
            upsert.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = articles.Select(a => NoNul(a.ArticleId)).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("sources", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = articles.Select(a => NoNul(a.Source)).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = articles.Select(a => a.RecordCount).ToArray() });
            upsert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static void WriteValue(NpgsqlBinaryImporter copy, object? value, SqlColumnKind kind)
    {
        if (value is null)
        {
            copy.WriteNull();
            return;
        }
        switch (kind)
        {
            case SqlColumnKind.Text: copy.Write(NoNul((string)value), NpgsqlDbType.Text); break;
            case SqlColumnKind.Date: copy.Write((DateOnly)value, NpgsqlDbType.Date); break;
            case SqlColumnKind.Int: copy.Write((int)value, NpgsqlDbType.Integer); break;
            case SqlColumnKind.BigInt: copy.Write((long)value, NpgsqlDbType.Bigint); break;
            // Through decimal, so 11.8469 is stored as exactly that, not its binary neighbour.
            case SqlColumnKind.Coordinate:
            case SqlColumnKind.Confidence: copy.Write((decimal)(double)value, NpgsqlDbType.Numeric); break;
            // JSON text escapes a NUL as \u0000, which jsonb refuses as well.
            case SqlColumnKind.Json: copy.Write(((string)value).Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal), NpgsqlDbType.Jsonb); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>
    /// PostgreSQL text cannot hold U+0000, and one such character would fail the whole batch: it is stored as
    /// U+FFFD (the replacement character), one character for one, so offsets stay right.
    /// </summary>
    internal static string NoNul(string text) => text.Contains('\0') ? text.Replace('\0', '\uFFFD') : text;

    /// <inheritdoc />
    protected override string AsStored(string text) => NoNul(text);

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> StoredOwners(IReadOnlyList<string> eventIds)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand(
            DatabaseSchema.SelectOwners($"e.{DatabaseSchema.Quote(DatabaseSchema.EventKey)} = ANY(@ids)"), _connection);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = eventIds.Select(NoNul).ToArray() });
        using var reader = command.ExecuteReader();
        while (reader.Read()) owners[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        return owners;
    }

    /// <inheritdoc />
    protected override UsageException Problem(DbException error)
    {
        var why = Scrub(Reason(error));
        if (error is PostgresException pg)
        {
            return pg.SqlState switch
            {
                // insufficient_privilege; invalid_authorization_specification, invalid_password
                "42501" => new UsageException(Messages.DatabasePermissionDenied(Target, why)),
                "28000" or "28P01" => new UsageException(Messages.DatabaseCannotConnect(Target, why)),
                // invalid_catalog_name (no such database), connection failures, server shutting down
                var s when s == "3D000" || s.StartsWith("08", StringComparison.Ordinal) || s.StartsWith("57P", StringComparison.Ordinal)
                    => new UsageException(Messages.DatabaseCannotConnect(Target, why)),
                _ => new UsageException(Messages.DatabaseWriteFailed(Target, why)),
            };
        }
        // Not from the server: the connection broke (or never was).
        return new UsageException(Messages.DatabaseCannotConnect(Target, why));
    }

    // The server's own words (without Npgsql's "Exception while ..." wrapping), or the socket's.
    private static string Reason(Exception e)
    {
        if (e is PostgresException pg) return pg.SqlState + ": " + pg.MessageText;
        var inner = e;
        while (inner.InnerException is not null && inner is not PostgresException) inner = inner.InnerException;
        return inner is PostgresException p ? p.SqlState + ": " + p.MessageText : OneLine(inner.Message);
    }

    // Neither Npgsql nor the server repeats a password, but should one ever, it must not reach the user's screen or
    // logs. A password of a few letters would also match ordinary words, so those are left alone.
    private string Scrub(string text) => OneLine(_password.Length < 4 ? text : text.Replace(_password, "***", StringComparison.Ordinal));

    /// <inheritdoc />
    protected override void Close() => _connection.Dispose();
}
