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

    /// <summary>The command tree. Each command lives in its own file and is added here.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "EventExtractor turns news articles into ACLED-style conflict-event records.\n" +
            "Run 'eventextractor extract --help' for inputs, outputs and exit codes.");
        root.Add(ExtractCommand.Create(context));
        root.Add(EvalCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(MergeCommand.Create(context));
        root.Add(TrainCommand.Create(context));
        root.Add(ClassifyCommand.Create(context));
        root.Add(ExportCommand.Create(context));
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
