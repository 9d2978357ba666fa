using System.Text;
using BenchmarkDotNet.Running;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Runs the micro-benchmarks (BenchmarkDotNet's switcher: <c>--filter '*'</c>, <c>--list flat</c> ...), or, with
/// <c>--make-articles N OUT.jsonl [--corpus DIR]</c>, writes the whole-run harness's input (see tools/perf).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--make-articles") return MakeArticles(args[1..]);
        if (args.Length > 0 && args[0] == "--stage-times") return StageTimes.Run(args[1..]);
        if (args.Length > 0 && args[0] == "--sample-info")
        {
            var doc = SampleDocument.Analysed;
            Console.WriteLine($"sample: {doc.Text.Length} chars, {Encoding.UTF8.GetByteCount(doc.Text)} bytes, {doc.TokenCount} tokens, {doc.Sentences.Length} sentences");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int MakeArticles(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], out int count) || count <= 0)
        {
            Console.Error.WriteLine("usage: --make-articles N OUT.jsonl [--corpus DIR]");
            return 1;
        }
        var corpus = args.Length >= 4 && args[2] == "--corpus" ? args[3] : Samples.CorpusDir;
        var maker = new ArticleMaker(corpus);
        var output = args[1];
        using var writer = output == "-"
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
            : new StreamWriter(output, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        long bytes = maker.Write(count, writer);
        Console.Error.WriteLine($"{count} articles, {bytes / 1e6:0.00} MB of text, from {maker.SentenceCount} corpus sentences");
        return 0;
    }
}
