using System.Reflection;
using System.Text.RegularExpressions;
using EventExtractor.Cli;
using EventExtractor.Tests.Readme;

namespace EventExtractor.Tests.PublicApi;

/// <summary>One version number, in Directory.Build.props, for both packages and what <c>eventextractor --version</c> prints.</summary>
public sealed class VersionTests
{
    private static string CommittedVersion() =>
        Regex.Match(File.ReadAllText(Path.Combine(ReadmeExamplesTests.RepoRoot, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    private static string InformationalVersion(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Fact]
    public void The_library_and_the_tool_carry_the_one_version_and_the_tool_prints_it()
    {
        var version = CommittedVersion();
        Assert.NotEmpty(version);
        Assert.Equal(version, InformationalVersion(typeof(Extractor).Assembly));
        Assert.Equal(version, InformationalVersion(typeof(Program).Assembly));

        var stdout = new StringWriter();
        Assert.Equal(0, Program.Run(["--version"], TextReader.Null, stdout, new StringWriter()));
        Assert.Equal(version, stdout.ToString().Trim());
    }

    [Fact]
    public void Neither_project_sets_a_version_of_its_own()
    {
        foreach (var project in new[] { "src/EventExtractor/EventExtractor.csproj", "src/EventExtractor.Cli/EventExtractor.Cli.csproj" })
            Assert.DoesNotMatch("<(Version|VersionPrefix|PackageVersion)>", File.ReadAllText(Path.Combine(ReadmeExamplesTests.RepoRoot, project)));
    }
}
