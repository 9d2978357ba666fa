using System.Data.Common;
using System.Globalization;
using EventExtractor.Diagnostics;
using EventExtractor.Records;
using Microsoft.Data.Sqlite;

namespace EventExtractor.Output;

/// <summary>
/// Records into a SQLite database file (<c>-o events.db</c> or <c>.sqlite</c>), created when missing, with the
/// tables of <see cref="DatabaseSchema"/>. Events are upserted by <c>event_id_cnty</c>; each batch is one
/// transaction (see <see cref="SqlRecordSink"/> for what a failed run leaves). Dates are stored as
/// 'YYYY-MM-DD' text, <c>weapons</c> as JSON text (SQLite's json functions read it), <c>first_seen</c> as
/// ISO-8601 UTC text.
/// </summary>
internal sealed class SqliteRecordSink : SqlRecordSink
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens (or creates) the database at <paramref name="path"/> and creates the tables it lacks.</summary>
    /// <exception cref="UsageException">The file cannot be opened or created, is not a SQLite database, or holds
    /// tables of the same names without our columns.</exception>
    public SqliteRecordSink(string path, int batchSize = DefaultBatchSize) : base(path, batchSize)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One connection per run; a pooled one would keep the file open after the run.
            Pooling = false,
        }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            Guard(_connection.Open);
            CheckTables(ColumnsOf);
            Guard(() =>
            {
                using var tx = _connection.BeginTransaction();
                foreach (var sql in DatabaseSchema.CreateStatements(SqlDialect.Sqlite)) Execute(sql, tx);
                tx.Commit();
            });
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    private void Execute(string sql, SqliteTransaction tx)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private IReadOnlySet<string> ColumnsOf(string table)
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Guard(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
        });
        return columns;
    }

    /// <inheritdoc />
    protected override void WriteBatch(IReadOnlyList<AcledRecord> records, IReadOnlyList<ArticleRow> articles)
    {
        using var tx = _connection.BeginTransaction();

        using var upsert = Prepare(tx, DatabaseSchema.UpsertEvents(
            "VALUES (" + string.Join(", ", DatabaseSchema.EventColumns.Select((_, i) => "$p" + i)) + ")"), DatabaseSchema.EventColumns.Length);
        using var clear = Prepare(tx, $"DELETE FROM {DatabaseSchema.Quote(DatabaseSchema.EvidenceTable)} WHERE \"event_id\" = $p0", 1);
        using var evidence = Prepare(tx,
            $"INSERT INTO {DatabaseSchema.Quote(DatabaseSchema.EvidenceTable)} ({DatabaseSchema.ColumnList(DatabaseSchema.EvidenceColumns)}) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        using var article = Prepare(tx, DatabaseSchema.UpsertArticles("VALUES ($p0, $p1, $p2, $p3)"), 4);
        var links = DatabaseSchema.Quote(DatabaseSchema.EventArticlesTable);
        using var unlink = Prepare(tx, $"DELETE FROM {links} WHERE \"event_id\" = $p0", 1);
        using var link = Prepare(tx,
            $"INSERT INTO {links} ({DatabaseSchema.ColumnList(DatabaseSchema.EventArticleColumns)}) VALUES ($p0, $p1, $p2)", 3);

        foreach (var record in records)
        {
            var values = DatabaseSchema.EventValues(record);
            for (int i = 0; i < values.Length; i++) upsert.Parameters[i].Value = ToSqlite(values[i]);
            upsert.ExecuteNonQuery();

            clear.Parameters[0].Value = record.EventIdCnty;
            clear.ExecuteNonQuery();
            foreach (var e in record.Evidence)
            {
                evidence.Parameters[0].Value = record.EventIdCnty;
                evidence.Parameters[1].Value = e.Field;
                evidence.Parameters[2].Value = e.Text;
                evidence.Parameters[3].Value = e.Start;
                evidence.Parameters[4].Value = e.End;
                evidence.ExecuteNonQuery();
            }

            unlink.Parameters[0].Value = record.EventIdCnty;
            unlink.ExecuteNonQuery();
            for (int i = 0; i < record.ArticleIds.Count; i++)
            {
                link.Parameters[0].Value = record.EventIdCnty;
                link.Parameters[1].Value = record.ArticleIds[i];
                link.Parameters[2].Value = i;
                link.ExecuteNonQuery();
            }
        }

        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var a in articles)
        {
            article.Parameters[0].Value = a.ArticleId;
            article.Parameters[1].Value = a.Source;
            article.Parameters[2].Value = a.RecordCount;
            article.Parameters[3].Value = now;
            article.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> StoredOwners(IReadOnlyList<string> eventIds)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = DatabaseSchema.SelectOwners($"e.{DatabaseSchema.Quote(DatabaseSchema.EventKey)} = $id");
        var id = command.Parameters.Add(new SqliteParameter("$id", null));
        command.Prepare();
        foreach (var e in eventIds)
        {
            id.Value = e;
            using var reader = command.ExecuteReader();
            if (reader.Read()) owners[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return owners;
    }

    private SqliteCommand Prepare(SqliteTransaction tx, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (int i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        return command;
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <inheritdoc />
    protected override UsageException Problem(DbException error)
    {
        // "SQLite Error 14: 'unable to open database file'." says the same as "unable to open database file".
        var why = error is SqliteException s
            ? OneLine(s.Message.Replace("SQLite Error " + s.SqliteErrorCode + ": ", "")).TrimEnd('.').Trim('\'')
            : OneLine(error.Message);
        return (error as SqliteException)?.SqliteErrorCode switch
        {
            // SQLITE_CANTOPEN: the file or its folder cannot be opened or created.
            14 => new UsageException(Messages.DatabaseCannotConnect(Target, why)),
            // SQLITE_PERM, SQLITE_READONLY, SQLITE_AUTH
            3 or 8 or 23 => new UsageException(Messages.DatabasePermissionDenied(Target, why)),
            _ => new UsageException(Messages.DatabaseWriteFailed(Target, why)),
        };
    }

    /// <inheritdoc />
    protected override void Close() => _connection.Dispose();
}
