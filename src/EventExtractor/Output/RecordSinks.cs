using EventExtractor.Diagnostics;

namespace EventExtractor.Output;

/// <summary>The output formats EventExtractor writes.</summary>
public enum OutputFormat
{
    /// <summary>ACLED CSV (<c>.csv</c>).</summary>
    Csv,
    /// <summary>JSON Lines (<c>.jsonl</c>, and standard output).</summary>
    JsonLines,
    /// <summary>One JSON array (<c>.json</c>).</summary>
    JsonArray,
}

/// <summary>Chooses and opens the sink for an output path.</summary>
public static class RecordSinks
{
    /// <summary>The output name that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>True when <paramref name="output"/> means standard output.</summary>
    public static bool IsStandardOutput(string output) => output == StandardOutput;

    /// <summary>The format for <paramref name="output"/>, from its extension (case-insensitive); "-" is JSON Lines.</summary>
    /// <exception cref="UsageException">The extension is not one we write.</exception>
    public static OutputFormat FormatOf(string output)
    {
        if (IsStandardOutput(output)) return OutputFormat.JsonLines;
        return Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".csv" => OutputFormat.Csv,
            ".jsonl" => OutputFormat.JsonLines,
            ".json" => OutputFormat.JsonArray,
            _ => throw new UsageException(Messages.UnknownOutputFormat(output)),
        };
    }

    /// <summary>
    /// Opens the sink for <paramref name="output"/>: a file written atomically, or for "-" JSON Lines written
    /// straight to <paramref name="standardOutput"/> (<see cref="Console.Out"/> when null).
    /// </summary>
    /// <exception cref="UsageException">Unknown format, or the file cannot be created.</exception>
    public static IRecordSink Open(string output, TextWriter? standardOutput = null)
    {
        var format = FormatOf(output);
        if (IsStandardOutput(output)) return new JsonLinesRecordSink(standardOutput ?? Console.Out);
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
