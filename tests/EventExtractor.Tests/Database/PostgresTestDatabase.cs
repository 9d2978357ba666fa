using Npgsql;

namespace EventExtractor.Tests.Database;

/// <summary>
/// A schema of its own on the test server for one test, dropped on dispose, so tests can run side by side and a
/// rerun of the suite starts clean. <see cref="SinkUrl"/> points the sink at it through search_path.
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase()
    {
        Schema = "ee_test_" + Guid.NewGuid().ToString("N")[..12];
        var baseUrl = Url;
        SinkUrl = baseUrl + (baseUrl.Contains('?') ? "&" : "?") + "search_path=" + Schema;
        Connection = Open(baseUrl);
        Execute($"CREATE SCHEMA {Schema}");
        Execute($"SET search_path TO {Schema}");
    }

    /// <summary>The URL from the environment, or null.</summary>
    public static string? ConfiguredUrl =>
        Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) is { Length: > 0 } url ? url : null;

    /// <summary>True in CI, where the PostgreSQL tests must run.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The server URL; fails the test when there is none (only reached in CI: elsewhere the test skips).</summary>
    public static string Url => ConfiguredUrl ?? throw new InvalidOperationException(
        $"CI=true but {PostgresFactAttribute.Variable} is not set: the PostgreSQL tests must run in CI. " +
        "Run them through .ci/run, which installs and starts PostgreSQL, or set the variable to postgres://user:password@host:port/database.");

    public string Schema { get; }

    /// <summary>The URL the sink under test gets: the test server, tables in <see cref="Schema"/>.</summary>
    public string SinkUrl { get; }

    /// <summary>A connection for checking what the sink wrote, with <see cref="Schema"/> first on its search path.</summary>
    public NpgsqlConnection Connection { get; }

    public static NpgsqlConnection Open(string url)
    {
        var connection = new NpgsqlConnection(EventExtractor.Output.PostgresUrl.Parse(url).Settings.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, Connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try { Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE"); }
        finally { Connection.Dispose(); }
    }
}
