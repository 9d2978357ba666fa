using System.Diagnostics;
using System.Text;
using EventExtractor.Output;
using EventExtractor.Running;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Cli;

/// <summary>
/// The real program in child processes: killed with SIGKILL in the middle of a run, then resumed, it must end with
/// the bytes of an uninterrupted run. Also: shards merged by the merge command equal a single run, and no progress
/// display is written when standard error is redirected.
/// </summary>
public sealed class KillResumeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ee-kill-tests-" + Guid.NewGuid().ToString("N"));
    internal static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "eventextractor.dll");
    internal static readonly string Models = Path.Combine(AppContext.BaseDirectory, "models");

    public KillResumeTests()
    {
        Directory.CreateDirectory(_dir);
        WriteArticles(Path.Combine(_dir, "articles.jsonl"), 200);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Short conflict reports; the same town and day come back every few articles, so records merge.</summary>
    private static void WriteArticles(string path, int count)
    {
        string[] towns = ["Maiduguri", "Konduga", "Gao", "Mopti", "Bunia", "Goma"];
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            var town = towns[i % 4 + (i / 50) % 3];
            int day = 1 + (i / 8) % 3;
            var text = $"Gunmen killed {2 + i % 4} villagers in an attack on {town} on March {day}, 2023, local officials said. " +
                       "The attackers burned houses and shops before fleeing into the bush, a police spokesman said. " +
                       $"Residents said the gunmen arrived on motorcycles. Report number {i}.";
            var article = new JObject
            {
                ["id"] = $"g-{i:D3}",
                ["title"] = $"Gunmen kill villagers near {town}",
                ["published"] = $"2023-03-{day + 1:D2}",
                ["source"] = $"Outlet {i % 3}",
                ["text"] = text,
            };
            sb.Append(article.ToString(Newtonsoft.Json.Formatting.None)).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Starts the program in <paramref name="dir"/> with every stream redirected (extract gets the test models).</summary>
    internal static Process Start(string dir, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        if (args[0] == "extract")
        {
            info.ArgumentList.Add("--models");
            info.ArgumentList.Add(Models);
        }
        return Process.Start(info)!;
    }

    private static (int Code, string Stdout, string Stderr) Finish(Process p, string? stdin = null)
    {
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_run_killed_with_sigkill_and_resumed_ends_with_the_bytes_of_an_uninterrupted_run()
    {
        if (!File.Exists(Dll) || !Directory.Exists(Models)) return; // no built program beside the tests: nothing to run
        var reference = Start(_dir, "extract", "articles.jsonl", "-o", "ref.jsonl", "--merge-window", "20", "--threads", "1");
        var killed = Start(_dir, "extract", "articles.jsonl", "-o", "out.jsonl", "--merge-window", "20", "--threads", "1",
            "--checkpoint-every", "7");
        killed.StandardInput.Close();
        var progress = Path.Combine(_dir, "out.jsonl.progress");
        var deadline = Stopwatch.StartNew();
        // Kill once a checkpoint exists and some records are in the partial output (or give up waiting after 60 s).
        while (!killed.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)
               && !(File.Exists(progress) && new FileInfo(PartialFile.PathFor(Path.Combine(_dir, "out.jsonl"))).Length > 0))
            Thread.Sleep(5);
        killed.Kill(entireProcessTree: true);
        killed.WaitForExit();

        var refResult = Finish(reference);
        Assert.Equal(0, refResult.Code);
        // Never half an output at the final path: a kill after the final rename leaves the whole output there.
        if (File.Exists(Path.Combine(_dir, "out.jsonl")))
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "ref.jsonl")), File.ReadAllBytes(Path.Combine(_dir, "out.jsonl")));

        var resumed = Finish(Start(_dir, "extract", "articles.jsonl", "-o", "out.jsonl", "--merge-window", "20", "--resume"));
        Assert.True(resumed.Code == 0, resumed.Stderr);

        var expected = File.ReadAllBytes(Path.Combine(_dir, "ref.jsonl"));
        Assert.True(expected.Length > 0);
        Assert.Contains("; g-", Encoding.UTF8.GetString(expected)); // records merged across articles
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(_dir, "out.jsonl")));
        Assert.False(File.Exists(progress));
        Assert.False(File.Exists(PartialFile.PathFor(Path.Combine(_dir, "out.jsonl"))));

        // Standard error was redirected: the summary line only, never a progress display.
        Assert.Matches(@"^200 articles, \d+ events, 0 inputs rejected, \d+\.\d s\n$", refResult.Stderr.ReplaceLineEndings("\n"));
        Assert.DoesNotContain((refResult.Stderr + resumed.Stderr).ToCharArray(), c => c == (char)27); // no ANSI escapes
    }

    [Fact]
    public void Shards_from_standard_input_merged_by_the_merge_command_equal_a_single_run()
    {
        if (!File.Exists(Dll) || !Directory.Exists(Models)) return;
        var input = string.Join("\n", File.ReadLines(Path.Combine(_dir, "articles.jsonl")).Take(90)) + "\n";
        var single = Start(_dir, "extract", "-", "-o", "-", "--merge-window", "30", "-q");
        var shard1 = Start(_dir, "extract", "-", "-o", "-", "--shard", "1/2", "--merge-window", "30", "-q");
        var shard2 = Start(_dir, "extract", "-", "-o", "-", "--shard", "2/2", "--merge-window", "30", "-q");
        var s = Finish(single, input);
        var a = Finish(shard1, input);
        var b = Finish(shard2, input);
        Assert.Equal(0, s.Code);
        Assert.Equal("", s.Stderr + a.Stderr + b.Stderr); // --quiet, clean inputs
        File.WriteAllText(Path.Combine(_dir, "shard-1.jsonl"), a.Stdout);
        File.WriteAllText(Path.Combine(_dir, "shard-2.jsonl"), b.Stdout);
        Assert.Contains(ShardLinesSink.PositionKey, a.Stdout);

        var merged = Finish(Start(_dir, "merge", "shard-2.jsonl", "shard-1.jsonl", "--merge-window", "30", "-o", "merged.jsonl"));
        Assert.True(merged.Code == 0, merged.Stderr);
        Assert.Equal(s.Stdout, File.ReadAllText(Path.Combine(_dir, "merged.jsonl")));
    }
}
