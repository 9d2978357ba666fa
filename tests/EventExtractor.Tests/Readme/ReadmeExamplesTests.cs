using System.Text.RegularExpressions;
using EventExtractor.Cli;

namespace EventExtractor.Tests.Readme;

/// <summary>
/// Runs every command the README shows (lines of its ```sh blocks that call eventextractor, directly or
/// through "dotnet run --project src/EventExtractor.Cli --"), in-process, from the repository root, with
/// outputs sent to a temporary folder. A README example that stops working fails the build.
/// </summary>
public sealed class ReadmeExamplesTests
{
    private const string DotnetRunPrefix = "dotnet run --project src/EventExtractor.Cli -- ";

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IEnumerable<string> ExampleLines()
    {
        bool inShell = false;
        foreach (var raw in File.ReadLines(Path.Combine(RepoRoot, "README.md")))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && (line == "```sh" || line == "```bash");
                continue;
            }
            if (!inShell || line.StartsWith('#') || line.Length == 0) continue;
            if (line.Contains("eventextractor ", StringComparison.Ordinal) || line.StartsWith(DotnetRunPrefix, StringComparison.Ordinal))
                yield return line;
        }
    }

    [Fact]
    public void TheReadmeShowsTheMainCommandAndTheTestCommand()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        Assert.Contains("dotnet run --project src/EventExtractor.Cli -- extract corpus/articles -o events.csv", text);
        Assert.Contains("dotnet test EventExtractor.sln", text);
        Assert.True(ExampleLines().Count() >= 4, "the README should show several eventextractor examples");
    }

    /// <summary>All examples in README order, in one folder, so a later example can read what an earlier one wrote.</summary>
    [Fact]
    public void EveryReadmeExampleRuns()
    {
        var temp = Directory.CreateTempSubdirectory("ee-readme-");
        try
        {
            foreach (var line in ExampleLines()) Run(line, temp.FullName);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static void Run(string commandLine, string temp)
    {
        {
            TextReader stdin = TextReader.Null;
            var command = commandLine;
            // "cat FILE | eventextractor ..." feeds FILE on standard input.
            var pipe = Regex.Match(command, @"^cat (\S+) \| (.*)$");
            if (pipe.Success)
            {
                stdin = new StringReader(File.ReadAllText(Path.Combine(RepoRoot, pipe.Groups[1].Value)));
                command = pipe.Groups[2].Value;
            }
            if (command.StartsWith(DotnetRunPrefix, StringComparison.Ordinal)) command = "eventextractor " + command[DotnetRunPrefix.Length..];
            var words = Split(command);
            Assert.Equal("eventextractor", words[0]);
            var args = new string[words.Length - 1];
            for (int i = 1; i < words.Length; i++)
            {
                // Whatever an example writes goes to the temporary folder, never into the repository.
                bool isOutput = words[i - 1] is "-o" or "--output" && words[i] != "-";
                args[i - 1] = isOutput ? Path.Combine(temp, Path.GetFileName(words[i])) : Rewrite(words[i], temp);
            }

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdin, stdout, stderr);

            Assert.True(code is 0 or 2, $"'{commandLine}' exited {code}: {stderr}");
            Assert.DoesNotContain("internal error", stderr.ToString());
            Assert.DoesNotContain("   at ", stderr.ToString()); // no stack trace reaches the user
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i] is "-o" or "--output" && args[i + 1] != "-")
                    Assert.True(File.Exists(args[i + 1]) && new FileInfo(args[i + 1]).Length > 0, $"'{commandLine}' wrote no {args[i + 1]}");
                if (args[i] is "-o" or "--output" && args[i + 1] == "-")
                    Assert.False(string.IsNullOrWhiteSpace(stdout.ToString()), $"'{commandLine}' printed nothing");
            }
        }
    }

    /// <summary>Inputs that exist in the repository become absolute; anything else that looks like an output file goes to the temp folder.</summary>
    private static string Rewrite(string word, string temp)
    {
        if (word.StartsWith('-')) return word;
        var inRepo = Path.Combine(RepoRoot, word);
        if (File.Exists(inRepo) || Directory.Exists(inRepo)) return inRepo;
        return Path.GetExtension(word) is ".csv" or ".jsonl" or ".json" or ".db" or ".bin" or ".zip" ? Path.Combine(temp, word) : word;
    }

    private static string[] Split(string command) =>
        Regex.Matches(command, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
}
