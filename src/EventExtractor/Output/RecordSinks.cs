using EventExtractor.Diagnostics;

namespace EventExtractor.Output;

/// <summary>The output formats EventExtractor writes.</summary>
internal enum OutputFormat
{
    /// <summary>ACLED CSV (<c>.csv</c>).</summary>
    Csv,
    /// <summary>JSON Lines (<c>.jsonl</c>, and standard output).</summary>
    JsonLines,
    /// <summary>One JSON array (<c>.json</c>).</summary>
    JsonArray,
    /// <summary>A SQLite database file (<c>.db</c>, <c>.sqlite</c>).</summary>
    Sqlite,
    /// <summary>A PostgreSQL database (<c>postgres://</c> or <c>postgresql://</c> URL).</summary>
    Postgres,
}

/// <summary>Chooses and opens the sink for an output path.</summary>
internal static class RecordSinks
{
    /// <summary>The output name that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>True when <paramref name="output"/> means standard output.</summary>
    public static bool IsStandardOutput(string output) => output == StandardOutput;

    /// <summary>True when <paramref name="output"/> names a database server rather than a file (a PostgreSQL URL).</summary>
    public static bool IsDatabaseUrl(string output) => PostgresUrl.IsPostgresUrl(output);

    /// <summary>
    /// The format for <paramref name="output"/>, from its extension (case-insensitive); "-" is JSON Lines, a
    /// <c>postgres://</c> or <c>postgresql://</c> URL is PostgreSQL.
    /// </summary>
    /// <exception cref="UsageException">The extension is not one we write.</exception>
    public static OutputFormat FormatOf(string output)
    {
        if (IsStandardOutput(output)) return OutputFormat.JsonLines;
        if (IsDatabaseUrl(output)) return OutputFormat.Postgres;
        return Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".csv" => OutputFormat.Csv,
            ".jsonl" => OutputFormat.JsonLines,
            ".json" => OutputFormat.JsonArray,
            ".db" or ".sqlite" => OutputFormat.Sqlite,
            _ => throw new UsageException(Messages.UnknownOutputFormat(output)),
        };
    }

    /// <summary>
    /// Opens the sink for <paramref name="output"/>: a file written atomically, a database (SQLite file or
    /// PostgreSQL URL) written in batches, or for "-" JSON Lines written straight to
    /// <paramref name="standardOutput"/> (<see cref="Console.Out"/> when null).
    /// </summary>
    /// <exception cref="UsageException">Unknown format, the file cannot be created, or the database cannot be
    /// opened or reached.</exception>
    public static IRecordSink Open(string output, TextWriter? standardOutput = null)
    {
        var format = FormatOf(output);
        if (IsStandardOutput(output)) return new JsonLinesRecordSink(standardOutput ?? Console.Out);
        if (format == OutputFormat.Sqlite) return new SqliteRecordSink(output);
        if (format == OutputFormat.Postgres) return new PostgresRecordSink(output);
        try
        {
            return format switch
            {
                OutputFormat.Csv => new CsvRecordSink(output),
                OutputFormat.JsonLines => new JsonLinesRecordSink(output),
                _ => new JsonArrayRecordSink(output),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(output, e.Message));
        }
    }
}
