using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Models;

namespace EventExtractor.Cli;

/// <summary>Entry point of the <c>eventextractor</c> command.</summary>
internal static class Program
{
    /// <summary>Runs with the process's standard streams.</summary>
    public static int Main(string[] args)
    {
        // Records may be many: buffer standard output, UTF-8 without BOM and "\n" whatever the platform.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
        try
        {
            return Run(args, Console.In, stdout, Console.Error);
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>
    /// Runs the command line in-process: parses <paramref name="args"/>, runs the command, and returns the exit code
    /// (see <see cref="ExitCodes"/>). Never throws: every failure becomes one line on <paramref name="stderr"/>.
    /// </summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdin, stdout, stderr);
        try
        {
            var root = BuildRootCommand(context);
            // The library's root help lists every command with its whole description (a hundred lines): ours
            // lists each command with its first line.
            if (args.Length == 0)
            {
                context.Error(Messages.NoCommand);
                stderr.Write(Overview(root));
                return ExitCodes.UsageError;
            }
            if (args is ["--help"] or ["-h"] or ["-?"])
            {
                stdout.Write(Overview(root));
                return ExitCodes.Success;
            }
            if (args[0].Length > 0 && args[0][0] != '-' && root.Subcommands.All(c => c.Name != args[0]))
            {
                var names = root.Subcommands.Select(c => c.Name).ToList();
                context.Error(Messages.UnknownCommand(args[0], Closest(args[0], names), names));
                return ExitCodes.UsageError;
            }
            var parse = root.Parse(args);
            // Our own one-line error instead of the library's error list plus full help.
            if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
            {
                context.Error($"{parse.Errors[0].Message} (see '{CliContext.ProgramName} --help')");
                return ExitCodes.UsageError;
            }
            var config = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            };
            return parse.Invoke(config);
        }
        catch (UsageException e)
        {
            context.Error(e.Message);
            return ExitCodes.UsageError;
        }
        catch (ModelException e)
        {
            context.Error(e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e)
        {
            // A stack trace helps nobody who runs the tool; the message is enough to report the bug.
            context.Error(Messages.InternalError(e.Message));
            return ExitCodes.UsageError;
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    private const int OverviewWidth = 100;

    /// <summary>The top-level help: what the program does, and each command with the first line of its description.</summary>
    public static string Overview(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append(root.Description).Append("\n\nUsage: ").Append(CliContext.ProgramName).Append(" COMMAND [options]\n\nCommands:\n");
        int width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var command in root.Subcommands)
        {
            // The first sentence of the description's first paragraph, wrapped under its column.
            var paragraph = string.Join(" ", (command.Description ?? "").Split("\n\n")[0].Split('\n', StringSplitOptions.TrimEntries));
            int end = paragraph.IndexOf(". ", StringComparison.Ordinal);
            var sentence = end < 0 ? paragraph : paragraph[..(end + 1)];
            text.Append("  ").Append(command.Name.PadRight(width));
            int column = 2 + width;
            foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (column + word.Length > OverviewWidth && column > 2 + width)
                {
                    text.Append('\n').Append(' ', 2 + width);
                    column = 2 + width;
                }
                else if (column > 2 + width)
                {
                    text.Append(' ');
                    column++;
                }
                text.Append(word);
                column += word.Length;
            }
            text.Append('\n');
        }
        text.Append("\nRun '").Append(CliContext.ProgramName).Append(" COMMAND --help' for a command's inputs, options and exit codes.\n");
        return text.ToString();
    }

    /// <summary>The command a mistyped name most likely meant (at most two edits away), or null.</summary>
    private static string? Closest(string typed, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (var name in names)
        {
            int d = EditDistance(typed.ToLowerInvariant(), name);
            if (d < bestDistance) (best, bestDistance) = (name, d);
        }
        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>The command tree. Each command lives in its own file and is added here.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "EventExtractor turns news articles into ACLED-style conflict-event records.\n" +
            "Outputs: CSV, JSON, JSON Lines, SQLite or PostgreSQL.");
        root.Add(ExtractCommand.Create(context));
        root.Add(EvalCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(MergeCommand.Create(context));
        root.Add(TrainCommand.Create(context));
        root.Add(ClassifyCommand.Create(context));
        root.Add(ExportCommand.Create(context));
        root.Add(Review.ReviewCommand.Create(context));
        root.Add(Report.ReportCommand.Create(context));
        // The tool's own version (Directory.Build.props, shared with the library package), also when the command
        // line runs inside another process, whose entry assembly is not ours.
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersion(context);
        return root;
    }

    /// <summary>The version of the tool and of the library package, as packed.</summary>
    public static string Version { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private sealed class PrintVersion(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Stdout.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
