using System.Reflection;
using EventExtractor.Diagnostics;
using EventExtractor.Tests.Readme;
using PublicApiGenerator;

namespace EventExtractor.Tests.PublicApi;

/// <summary>
/// The library's public API, written as C# declarations, must equal the committed file beside this test, so that
/// a change to what users can call is a visible decision in a review, never an accident.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>Set to 1 to rewrite the committed file with the current API (then review and commit the diff).</summary>
    public const string AcceptVariable = "EVENTEXTRACTOR_ACCEPT_API";

    private static readonly Assembly Library = typeof(Extractor).Assembly;

    private static string SnapshotPath => Path.Combine(ReadmeExamplesTests.RepoRoot, "tests", "EventExtractor.Tests", "PublicApi", "EventExtractor.Core.api.txt");

    private static string CurrentApi() =>
        Library.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    [Fact]
    public void The_public_API_is_the_committed_one()
    {
        var current = CurrentApi();
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(SnapshotPath, current);
            return;
        }
        var committed = File.Exists(SnapshotPath) ? File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n") : "";
        Assert.True(committed == current,
            $"The public API of {Library.GetName().Name} changed. Types are internal by default: a new type that only the\n" +
            "command line, the tests or the benchmarks use should be declared internal (they see internals). If a library\n" +
            "user needs the change, accept it with\n" +
            $"  {AcceptVariable}=1 dotnet test tests/EventExtractor.Tests --filter FullyQualifiedName~PublicApiTests\n" +
            $"and commit {Path.GetRelativePath(ReadmeExamplesTests.RepoRoot, SnapshotPath)}. First difference:\n{FirstDifference(committed, current)}");
    }

    private static string FirstDifference(string committed, string current)
    {
        var a = committed.Split('\n');
        var b = current.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end)";
            var y = i < b.Length ? b[i] : "(end)";
            if (x != y) return $"line {i + 1}\n  committed: {x}\n  current:   {y}";
        }
        return "(none)";
    }

    [Fact]
    public void The_public_API_is_small()
    {
        // What a data team calls: the extractor and its options, articles and their reader, records, the model error.
        var types = Library.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray();
        Assert.True(types.Length <= 12, "public types: " + string.Join(", ", types));
    }

    [Fact]
    public void The_command_lines_exception_is_not_part_of_the_library_API()
    {
        // Usage errors are the command line's business: a library caller gets ModelException, ArgumentException or
        // OperationCanceledException, never a type it cannot catch by name.
        Assert.False(typeof(UsageException).IsVisible);
        Assert.True(typeof(Models.ModelException).IsVisible);
    }
}
