using EventExtractor.Cli;

namespace EventExtractor.Tests.Cli;

/// <summary>Runs the command line in-process with empty standard input and captures what it prints.</summary>
public static class CliRunner
{
    /// <summary>The exit code and the two output streams (line endings as "\n").</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }
}
