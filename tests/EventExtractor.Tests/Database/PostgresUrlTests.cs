using EventExtractor.Diagnostics;
using EventExtractor.Output;

namespace EventExtractor.Tests.Database;

/// <summary>Reading PostgreSQL URLs and choosing the database formats: no server needed.</summary>
public sealed class PostgresUrlTests
{
    [Fact]
    public void Reads_user_password_host_port_and_database()
    {
        var url = PostgresUrl.Parse("postgres://alice:p%40ss:word@db.example:6543/acled_events");
        Assert.Equal("alice", url.Settings.Username);
        Assert.Equal("p@ss:word", url.Settings.Password);
        Assert.Equal("db.example", url.Settings.Host);
        Assert.Equal(6543, url.Settings.Port);
        Assert.Equal("acled_events", url.Settings.Database);
        Assert.Equal("postgres://alice@db.example:6543/acled_events", url.Display);
    }

    [Fact]
    public void The_port_defaults_to_5432_and_parameters_are_read()
    {
        var url = PostgresUrl.Parse("postgresql://bob@localhost/events?sslmode=require&search_path=acled&connect_timeout=3");
        Assert.Equal(5432, url.Settings.Port);
        Assert.Equal(Npgsql.SslMode.Require, url.Settings.SslMode);
        Assert.Equal("acled", url.Settings.SearchPath);
        Assert.Equal(3, url.Settings.Timeout);
        Assert.Null(url.Settings.Password);
    }

    [Theory]
    [InlineData("postgres://u:secret-pw@host")]
    [InlineData("postgres://u:secret-pw@/db")]
    [InlineData("postgres://u:secret-pw@host/db?colour=blue")]
    [InlineData("postgres://u:secret-pw@host/db?sslmode=sometimes")]
    public void A_bad_url_is_a_usage_error_that_never_repeats_the_password(string bad)
    {
        var e = Assert.Throws<UsageException>(() => PostgresUrl.Parse(bad));
        Assert.StartsWith("the PostgreSQL URL is not usable", e.Message);
        Assert.DoesNotContain("secret-pw", e.Message);
    }

    [Theory]
    [InlineData("postgres://u:p@h/d", OutputFormat.Postgres)]
    [InlineData("PostgreSQL://u:p@h:5433/d", OutputFormat.Postgres)]
    [InlineData("events.db", OutputFormat.Sqlite)]
    [InlineData("dir/events.SQLite", OutputFormat.Sqlite)]
    [InlineData("events.csv", OutputFormat.Csv)]
    internal void Formats_are_chosen_by_extension_or_scheme(string output, OutputFormat format) =>
        Assert.Equal(format, RecordSinks.FormatOf(output));

    [Fact]
    public void A_database_url_gets_no_errors_file()
    {
        // The URL is no path, and writing "<url>.errors.jsonl" would put the password in a file name.
        var report = new ErrorReport("postgres://u:secret@h/d", TextWriter.Null);
        Assert.Null(report.ErrorsPath);
    }

    [Fact]
    public void An_unreachable_server_is_a_one_line_connection_error()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        var e = Assert.Throws<UsageException>(() => new PostgresRecordSink("postgres://u:secret-pw@127.0.0.1:1/d?connect_timeout=5"));
        Assert.StartsWith(Messages.DatabaseCannotConnect("postgres://u@127.0.0.1:1/d", ""), e.Message);
        Assert.DoesNotContain("secret-pw", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
