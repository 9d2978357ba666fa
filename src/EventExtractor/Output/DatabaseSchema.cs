using System.Globalization;
using EventExtractor.Records;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>What a database column holds; each SQL dialect maps it to its own type.</summary>
internal enum SqlColumnKind
{
    /// <summary>Text, never null: "" when unknown, as in the CSV.</summary>
    Text,
    /// <summary>A calendar date (PostgreSQL <c>date</c>; SQLite text 'YYYY-MM-DD'); null when unknown.</summary>
    Date,
    /// <summary>A 32-bit integer; null when unknown.</summary>
    Int,
    /// <summary>A 64-bit integer (the ACLED timestamp).</summary>
    BigInt,
    /// <summary>A coordinate with ACLED's 4 decimals; null when unknown.</summary>
    Coordinate,
    /// <summary>The 0..1 confidence with 3 decimals, as in JSON output.</summary>
    Confidence,
    /// <summary>A JSON array of strings (PostgreSQL <c>jsonb</c>; SQLite text).</summary>
    Json,
}

/// <summary>One column of the <c>events</c> table.</summary>
/// <param name="Name">The column name: the ACLED export name, or one of our extras.</param>
/// <param name="Kind">What it holds.</param>
internal sealed record SqlColumn(string Name, SqlColumnKind Kind);

/// <summary>The SQL dialects EventExtractor writes.</summary>
internal enum SqlDialect
{
    /// <summary>SQLite 3 (upsert needs 3.24 or later; the bundled library is newer).</summary>
    Sqlite,
    /// <summary>PostgreSQL (upsert needs 9.5 or later).</summary>
    Postgres,
}

/// <summary>
/// The one database schema both database sinks create and fill, so SQLite and PostgreSQL hold the same thing:
/// <list type="bullet">
/// <item><c>events</c>: the 31 ACLED columns under their export names (<c>event_id_cnty</c> is the primary key), then
/// <c>article_id</c>, <c>weapons</c> (JSON array), <c>injuries</c> and <c>confidence</c>. Text is "" when unknown;
/// dates and numbers that can be unknown are NULL. Extraction always assigns an event id; a hand-made record
/// without one is stored under the empty key, so two such records replace each other.</item>
/// <item><c>articles</c>: <c>article_id</c> (primary key), <c>source</c>, <c>record_count</c> (the events the
/// latest run that read the article wrote for it) and <c>first_seen</c> (UTC time the article was first stored).</item>
/// <item><c>evidence</c>: <c>event_id</c>, <c>field</c>, <c>text</c>, <c>start</c>, <c>end</c> (character offsets
/// into the article text), replaced whole whenever its event is written again.</item>
/// </list>
/// </summary>
internal static class DatabaseSchema
{
    /// <summary>The events table.</summary>
    public const string EventsTable = "events";
    /// <summary>The articles table.</summary>
    public const string ArticlesTable = "articles";
    /// <summary>The evidence table.</summary>
    public const string EvidenceTable = "evidence";
    /// <summary>The table linking each event to the articles that reported it.</summary>
    public const string EventArticlesTable = "event_articles";
    /// <summary>The primary key of <see cref="EventsTable"/>.</summary>
    public const string EventKey = "event_id_cnty";

    /// <summary>The columns of <see cref="ArticlesTable"/>, in order.</summary>
    public static readonly string[] ArticleColumns = ["article_id", "source", "record_count", "first_seen"];

    /// <summary>The columns of <see cref="EventArticlesTable"/>, in order (<c>position</c> 0 is the first report).</summary>
    public static readonly string[] EventArticleColumns = ["event_id", "article_id", "position"];

    /// <summary>The columns of <see cref="EvidenceTable"/>, in order.</summary>
    public static readonly string[] EvidenceColumns = ["event_id", "field", "text", "start", "end"];

    /// <summary>The columns of <see cref="EventsTable"/>: <see cref="AcledRecord.AcledColumns"/>, then our extras.</summary>
    public static readonly SqlColumn[] EventColumns = BuildEventColumns();

    private static SqlColumn[] BuildEventColumns()
    {
        var kinds = new Dictionary<string, SqlColumnKind>
        {
            ["event_date"] = SqlColumnKind.Date,
            ["year"] = SqlColumnKind.Int,
            ["time_precision"] = SqlColumnKind.Int,
            ["iso"] = SqlColumnKind.Int,
            ["latitude"] = SqlColumnKind.Coordinate,
            ["longitude"] = SqlColumnKind.Coordinate,
            ["geo_precision"] = SqlColumnKind.Int,
            ["fatalities"] = SqlColumnKind.Int,
            ["timestamp"] = SqlColumnKind.BigInt,
        };
        var columns = AcledRecord.AcledColumns
            .Select(name => new SqlColumn(name, kinds.GetValueOrDefault(name, SqlColumnKind.Text)))
            .ToList();
        columns.Add(new SqlColumn("article_id", SqlColumnKind.Text));
        columns.Add(new SqlColumn("weapons", SqlColumnKind.Json));
        columns.Add(new SqlColumn("injuries", SqlColumnKind.Int));
        columns.Add(new SqlColumn("confidence", SqlColumnKind.Confidence));
        return columns.ToArray();
    }

    /// <summary>
    /// The values of <see cref="EventColumns"/> for <paramref name="record"/>, in order: strings for text and JSON,
    /// <see cref="DateOnly"/>? for dates, int?/long for integers, double? for coordinates (rounded to 4 decimals)
    /// and double for confidence (rounded to 3). The 31 ACLED values are those of the CSV and JSON output.
    /// </summary>
    public static object?[] EventValues(AcledRecord record)
    {
        var acled = AcledValues.Of(record);
        var values = new object?[EventColumns.Length];
        for (int i = 0; i < acled.Length; i++)
        {
            values[i] = EventColumns[i].Kind == SqlColumnKind.Date ? ParseDate(acled[i] as string) : acled[i];
        }
        int extra = acled.Length;
        values[extra] = record.ArticleId;
        values[extra + 1] = JsonConvert.SerializeObject(record.Weapons);
        values[extra + 2] = record.Injuries;
        values[extra + 3] = Math.Round(record.Confidence, 3, MidpointRounding.AwayFromZero);
        return values;
    }

    /// <summary>A 'YYYY-MM-DD' date, or null when empty or not such a date (it cannot go in a date column).</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A quoted SQL identifier: several of our names ("end", "timestamp", "year") are keywords.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>The comma-separated quoted names.</summary>
    public static string ColumnList(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));

    /// <summary>The column type of <paramref name="kind"/> in <paramref name="dialect"/>.</summary>
    public static string TypeOf(SqlColumnKind kind, SqlDialect dialect) => (kind, dialect) switch
    {
        (SqlColumnKind.Text, _) => "TEXT NOT NULL DEFAULT ''",
        (SqlColumnKind.Date, SqlDialect.Postgres) => "DATE",
        (SqlColumnKind.Date, _) => "TEXT",
        (SqlColumnKind.Int, _) => "INTEGER",
        (SqlColumnKind.BigInt, SqlDialect.Postgres) => "BIGINT",
        (SqlColumnKind.BigInt, _) => "INTEGER",
        (SqlColumnKind.Coordinate, SqlDialect.Postgres) => "NUMERIC(9,4)",
        (SqlColumnKind.Coordinate, _) => "REAL",
        (SqlColumnKind.Confidence, SqlDialect.Postgres) => "NUMERIC(6,3)",
        (SqlColumnKind.Confidence, _) => "REAL",
        (SqlColumnKind.Json, SqlDialect.Postgres) => "JSONB NOT NULL DEFAULT '[]'",
        (SqlColumnKind.Json, _) => "TEXT NOT NULL DEFAULT '[]'",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The statements that create the tables and index when missing; run them in order.</summary>
    public static IReadOnlyList<string> CreateStatements(SqlDialect dialect)
    {
        var events = string.Join(",\n  ", EventColumns.Select(c =>
            Quote(c.Name) + " " + TypeOf(c.Kind, dialect) + (c.Name == EventKey ? " PRIMARY KEY" : "")));
        var timestamp = dialect == SqlDialect.Postgres ? "TIMESTAMPTZ NOT NULL DEFAULT now()" : "TEXT NOT NULL";
        return
        [
            $"CREATE TABLE IF NOT EXISTS {Quote(EventsTable)} (\n  {events}\n)",
            $"CREATE TABLE IF NOT EXISTS {Quote(ArticlesTable)} (\n  \"article_id\" TEXT PRIMARY KEY,\n  \"source\" TEXT NOT NULL DEFAULT '',\n  \"record_count\" INTEGER NOT NULL DEFAULT 0,\n  \"first_seen\" {timestamp}\n)",
            $"CREATE TABLE IF NOT EXISTS {Quote(EvidenceTable)} (\n  \"event_id\" TEXT NOT NULL REFERENCES {Quote(EventsTable)} ({Quote(EventKey)}) ON DELETE CASCADE,\n  \"field\" TEXT NOT NULL,\n  \"text\" TEXT NOT NULL,\n  \"start\" INTEGER NOT NULL,\n  \"end\" INTEGER NOT NULL\n)",
            $"CREATE INDEX IF NOT EXISTS \"evidence_event_id\" ON {Quote(EvidenceTable)} (\"event_id\")",
            $"CREATE TABLE IF NOT EXISTS {Quote(EventArticlesTable)} (\n  \"event_id\" TEXT NOT NULL REFERENCES {Quote(EventsTable)} ({Quote(EventKey)}) ON DELETE CASCADE,\n  \"article_id\" TEXT NOT NULL,\n  \"position\" INTEGER NOT NULL,\n  PRIMARY KEY (\"event_id\", \"position\")\n)",
            $"CREATE INDEX IF NOT EXISTS \"event_articles_article_id\" ON {Quote(EventArticlesTable)} (\"article_id\")",
        ];
    }

    /// <summary>The column names each table must have, for checking a database that already holds the tables.</summary>
    public static IReadOnlyList<(string Table, string[] Columns)> ExpectedTables() =>
    [
        (EventsTable, EventColumns.Select(c => c.Name).ToArray()),
        (ArticlesTable, ArticleColumns),
        (EvidenceTable, EvidenceColumns),
        (EventArticlesTable, EventArticleColumns),
    ];

    /// <summary>
    /// Who first reported the stored event of each id: the article at position 0 of <see cref="EventArticlesTable"/>,
    /// else (rows written before that table existed) the <c>article_id</c> text up to its first "; ". Selects
    /// <c>(event_id_cnty, owner)</c>; <paramref name="idFilter"/> is the dialect's condition on <c>e.event_id_cnty</c>.
    /// </summary>
    public static string SelectOwners(string idFilter) =>
        $"SELECT e.{Quote(EventKey)}, COALESCE(a.\"article_id\", e.\"article_id\") FROM {Quote(EventsTable)} e " +
        $"LEFT JOIN {Quote(EventArticlesTable)} a ON a.\"event_id\" = e.{Quote(EventKey)} AND a.\"position\" = 0 WHERE {idFilter}";

    /// <summary>
    /// True when a stored event whose first report is <paramref name="owner"/> (from <see cref="SelectOwners"/>) is
    /// the same event as <paramref name="record"/>, which may then replace it; otherwise the two ids only collide.
    /// </summary>
    /// <param name="owner">The stored first report.</param>
    /// <param name="record">The record about to be written.</param>
    /// <param name="asStored">How the database stores a text (PostgreSQL replaces NUL), so both sides compare alike.</param>
    public static bool SameEvent(string owner, AcledRecord record, Func<string, string> asStored)
    {
        var first = asStored(record.ArticleIds[0]);
        return owner == first || owner == asStored(record.ArticleId) || owner.StartsWith(first + "; ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The upsert of one event row from <paramref name="source"/> (a VALUES list or a SELECT): a rerun replaces the
    /// whole row, so each event id is stored once.
    /// </summary>
    public static string UpsertEvents(string source)
    {
        var names = EventColumns.Select(c => c.Name).ToArray();
        var set = string.Join(", ", names.Where(n => n != EventKey).Select(n => $"{Quote(n)} = excluded.{Quote(n)}"));
        return $"INSERT INTO {Quote(EventsTable)} ({ColumnList(names)}) {source} ON CONFLICT ({Quote(EventKey)}) DO UPDATE SET {set}";
    }

    /// <summary>
    /// The upsert of one article row from <paramref name="source"/>: source and count are replaced, the time it was
    /// first seen is kept.
    /// </summary>
    public static string UpsertArticles(string source) =>
        $"INSERT INTO {Quote(ArticlesTable)} ({ColumnList(ArticleColumns)}) {source} ON CONFLICT (\"article_id\") " +
        "DO UPDATE SET \"source\" = excluded.\"source\", \"record_count\" = excluded.\"record_count\"";
}
