using System.Reflection;
using EventExtractor.Records;

namespace EventExtractor.Tests.Readme;

/// <summary>docs/records.md documents every output field, and the README points to it.</summary>
public sealed class RecordsDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(ReadmeExamplesTests.RepoRoot, "docs", "records.md"));

    [Fact]
    public void Every_ACLED_column_and_extra_has_a_row()
    {
        // The first cell of each table row names the field(s) it documents.
        var named = Doc.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|')[1]).ToList();
        var missing = AcledRecord.AcledColumns.Concat(EventExtractor.Output.JsonRecordWriter.ExtraKeys)
            .Where(field => !named.Any(cell => cell.Contains($"`{field}`", StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, "docs/records.md has no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_record_property_is_named()
    {
        var doc = Doc;
        var missing = typeof(AcledRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name).Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/records.md does not name the properties: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_readme_links_to_it() =>
        Assert.Contains("(docs/records.md)", File.ReadAllText(Path.Combine(ReadmeExamplesTests.RepoRoot, "README.md")));
}
