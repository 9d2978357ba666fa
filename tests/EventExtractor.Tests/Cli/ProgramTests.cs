using EventExtractor.Cli;
using EventExtractor.Diagnostics;

namespace EventExtractor.Tests.Cli;

/// <summary>
/// The command line run in-process. The usage errors here are all caught before the models are loaded, so
/// these tests do not depend on the extraction engine.
/// </summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ee-cli-tests-" + Guid.NewGuid().ToString("N"));

    public ProgramTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);

    private static void AssertUsageError((int Code, string Stdout, string Stderr) result, string message)
    {
        Assert.Equal(ExitCodes.UsageError, result.Code);
        Assert.Equal($"eventextractor: {message}\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Unknown_output_extension_is_a_usage_error()
    {
        var output = Path.Combine(_dir, "out.xlsx");
        AssertUsageError(Run("extract", "article.txt", "-o", output), Messages.UnknownOutputFormat(output));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void No_inputs_is_a_usage_error()
    {
        AssertUsageError(Run("extract", "-o", Path.Combine(_dir, "out.csv")), Messages.NoInputs);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("05/03/2024")]
    [InlineData("yesterday")]
    public void Bad_published_date_is_a_usage_error(string value)
    {
        AssertUsageError(Run("extract", "article.txt", "--published", value, "-o", Path.Combine(_dir, "out.json")),
            Messages.BadDateOption(value));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Nonexistent_models_folder_is_a_usage_error()
    {
        var models = Path.Combine(_dir, "no-models-here");
        AssertUsageError(Run("extract", "article.txt", "--models", models), Messages.ModelsNotFound(models));
    }

    [Fact]
    public void Standard_input_and_output_dashes_are_not_options()
    {
        // Fails on the published date, which is checked after the inputs: "-" got through as an input.
        AssertUsageError(Run("extract", "-", "-o", "-", "--published", "x"), Messages.BadDateOption("x"));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_not_a_missing_file()
    {
        AssertUsageError(Run("extract", "--fast", "article.txt"), Messages.UnknownOption("--fast"));
    }

    [Fact]
    public void Parse_errors_are_one_line()
    {
        var result = Run("extract", "article.txt", "--output");
        Assert.Equal(ExitCodes.UsageError, result.Code);
        Assert.StartsWith("eventextractor: ", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var result = Run();
        Assert.Equal(ExitCodes.UsageError, result.Code);
        Assert.StartsWith("eventextractor: ", result.Stderr);
    }

    [Fact]
    public void Version_prints_one_line()
    {
        var result = Run("--version");
        Assert.Equal(0, result.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.Stdout);
    }

    [Fact]
    public void Extract_help_explains_formats_and_exit_codes()
    {
        var result = Run("extract", "--help");
        Assert.Equal(0, result.Code);
        foreach (var word in new[] { ".csv", ".jsonl", ".json", ".txt", ".html", "--published", "--models", "Exit codes",
                     "--threads", "--merge-window", "--shard", "--resume", "500", "eventextractor merge" })
            Assert.Contains(word, result.Stdout);
    }
}
