using System.Diagnostics;
using EventExtractor.Diagnostics;
using EventExtractor.Tests.Cli;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Hostile;

/// <summary>SIGTERM (kill, a scheduler stopping a job) in a child process: handled as Ctrl+C.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ee-signal-tests-" + Guid.NewGuid().ToString("N"));
    public SignalTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("out.json", "out.json.tmp-*")]
    [InlineData("out.jsonl", "out.jsonl.partial")]
    public async Task Sigterm_stops_the_run_with_a_message_and_leaves_no_temporary_file(string output, string openedPattern)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(KillResumeTests.Dll) || !Directory.Exists(KillResumeTests.Models)) return;
        using var process = KillResumeTests.Start(_dir, "extract", "-", "-o", output);
        var stderr = process.StandardError.ReadToEndAsync();
        // Standard input stays open: the run waits for more articles, as a live pipeline does.
        process.StandardInput.WriteLine(new JObject { ["id"] = "x", ["text"] = "Gunmen attacked Kano on Monday." }.ToString(Newtonsoft.Json.Formatting.None));
        process.StandardInput.Flush();

        // The output is opened after the signal handler is in place (a wait with a generous guard, not a timing check).
        var guard = Stopwatch.StartNew();
        while (!process.HasExited && Directory.GetFiles(_dir, openedPattern).Length == 0 && guard.Elapsed < TimeSpan.FromMinutes(2))
            Thread.Sleep(10);
        Assert.False(process.HasExited, "exited before the signal: " + (process.HasExited ? await stderr : ""));
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString() }, UseShellExecute = false })!)
            kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "SIGTERM did not stop the run");

        Assert.Equal(130, process.ExitCode);
        var expected = output.EndsWith(".jsonl") ? Messages.Interrupted(output) : Messages.InterruptedNotResumable;
        Assert.Contains("eventextractor: " + expected, await stderr);
        if (output.EndsWith(".json")) Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
        Assert.False(File.Exists(Path.Combine(_dir, output)));
    }
}
