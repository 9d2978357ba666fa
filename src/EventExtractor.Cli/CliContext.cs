namespace EventExtractor.Cli;

/// <summary>
/// The standard streams a command uses, passed in rather than taken from <see cref="Console"/> so the whole
/// command line can run in-process under test.
/// </summary>
internal sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>Name of the program, as it prefixes every message.</summary>
    public const string ProgramName = "eventextractor";

    /// <summary>Writes "eventextractor: <paramref name="message"/>" as one line on standard error.</summary>
    public void Error(string message)
    {
        Stderr.WriteLine($"{ProgramName}: {Diagnostics.Messages.Printable(OneLine(message))}");
        Stderr.Flush();
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
