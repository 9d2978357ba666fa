namespace EventExtractor.Tests.Database;

/// <summary>
/// A test that needs a PostgreSQL server, named by the URL in <see cref="Variable"/>. Outside CI a missing URL
/// skips the test with the reason; in CI (CI=true) it never skips: <see cref="PostgresTestDatabase.Url"/> then
/// fails the test with a message saying what is missing. (xunit 2 cannot skip at run time, so the choice is made
/// when the attribute is read.)
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable that holds postgres://user:password@host:port/database.</summary>
    public const string Variable = "EVENTEXTRACTOR_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ConfiguredUrl is null && !PostgresTestDatabase.InCi)
        {
            Skip = $"no PostgreSQL server: set {Variable}=postgres://user:password@host:port/database (.ci/run sets it up)";
        }
    }
}
