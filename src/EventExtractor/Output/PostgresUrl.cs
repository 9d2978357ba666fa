using EventExtractor.Diagnostics;
using Npgsql;

namespace EventExtractor.Output;

/// <summary>
/// A <c>postgres://user:password@host:port/database</c> (or <c>postgresql://</c>) URL, read into Npgsql's
/// connection settings. User and password are percent-decoded; the port defaults to 5432. Query parameters:
/// <c>sslmode</c>, <c>search_path</c> (or <c>schema</c>: where the tables go) and <c>connect_timeout</c> (seconds).
/// <see cref="Display"/> is the URL without its password, the only form that may appear in a message.
/// </summary>
internal sealed class PostgresUrl
{
    private PostgresUrl(NpgsqlConnectionStringBuilder settings, string display)
    {
        Settings = settings;
        Display = display;
    }

    /// <summary>The connection settings (they hold the password: never print them).</summary>
    public NpgsqlConnectionStringBuilder Settings { get; }

    /// <summary>The URL with the password left out, for messages.</summary>
    public string Display { get; }

    /// <summary>The password, so it can be kept out of error text; "" when none.</summary>
    internal string Password => Settings.Password ?? "";

    /// <summary>True when <paramref name="output"/> is a PostgreSQL URL (by its scheme, case-insensitive).</summary>
    public static bool IsPostgresUrl(string output) =>
        output.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        output.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="url"/>.</summary>
    /// <exception cref="UsageException">It is not such a URL (the message never repeats the URL: it may hold a password).</exception>
    public static PostgresUrl Parse(string url)
    {
        if (!IsPostgresUrl(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new UsageException(Messages.DatabaseBadUrl("it cannot be read as a URL"));
        if (uri.Host.Length == 0) throw new UsageException(Messages.DatabaseBadUrl("it names no host"));
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/'))
            throw new UsageException(Messages.DatabaseBadUrl("it names no database after the host (…/database)"));

        string user = "", password = "";
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var settings = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            ApplicationName = "eventextractor",
            // One connection per run.
            Pooling = false,
        };
        if (user.Length > 0) settings.Username = user;
        if (password.Length > 0) settings.Password = password;

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key)
            {
                case "sslmode":
                    if (!Enum.TryParse<SslMode>(value.Replace("-", ""), ignoreCase: true, out var mode))
                        throw new UsageException(Messages.DatabaseBadUrl($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"));
                    settings.SslMode = mode;
                    break;
                case "search_path":
                case "schema":
                    settings.SearchPath = value;
                    break;
                case "connect_timeout":
                    if (!int.TryParse(value, out var seconds) || seconds < 0)
                        throw new UsageException(Messages.DatabaseBadUrl($"connect_timeout '{value}' is not a number of seconds"));
                    settings.Timeout = seconds;
                    break;
                default:
                    throw new UsageException(Messages.DatabaseBadUrl($"unknown parameter '{key}'; use sslmode, search_path or connect_timeout"));
            }
        }

        var display = $"{uri.Scheme}://{(user.Length > 0 ? Uri.EscapeDataString(user) + "@" : "")}{uri.Host}:{settings.Port}/{Uri.EscapeDataString(database)}";
        return new PostgresUrl(settings, display);
    }
}
