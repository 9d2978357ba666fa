using System.Text;
using EventExtractor.Output;

namespace EventExtractor.Tests.Output;

/// <summary>
/// Byte-for-byte comparison of each output format against files in tests/EventExtractor.Tests/Output/golden/.
/// When a format change is intended, run the tests with the environment variable UPDATE_GOLDEN=1: the files are
/// rewritten from the current output (and the tests pass); review the diff before committing.
/// </summary>
public class GoldenFileTests
{
    [Theory]
    [InlineData("records.csv")]
    [InlineData("records.jsonl")]
    [InlineData("records.json")]
    public void Output_matches_the_golden_file(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        using (var sink = RecordSinks.Open(path))
        {
            foreach (var record in SampleRecords.All()) sink.Write(record);
            sink.Commit();
        }
        var actual = File.ReadAllBytes(path);

        var golden = Path.Combine(GoldenFolder(), name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllBytes(golden);
        // Compare as text first for a readable failure, then as bytes for BOM and line ends.
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    /// <summary>The golden folder in the source tree, found by walking up from the test binary to the solution.</summary>
    internal static string GoldenFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln")))
                return Path.Combine(dir.FullName, "tests", "EventExtractor.Tests", "Output", "golden");
        }
        throw new InvalidOperationException("EventExtractor.sln not found above " + AppContext.BaseDirectory);
    }
}
