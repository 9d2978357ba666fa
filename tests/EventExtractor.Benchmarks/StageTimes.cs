using System.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Ingestion;
using EventExtractor.Text;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Where the time and the allocations of a whole run go: every article of a file through each document stage in
/// turn, then event assembly and records, one thread, timed per stage with the bytes each allocated. A first pass
/// warms the JIT and is not counted. Complements the micro-benchmarks (one sample) and the whole-run harness (one
/// figure for the process).
/// </summary>
public static class StageTimes
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: --stage-times ARTICLES.jsonl [--passes N] [--models DIR]");
            return 1;
        }
        int passes = 3;
        var modelsDir = Samples.ModelsDir;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--passes") passes = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--models") modelsDir = args[i + 1];
        }
        var load = Stopwatch.StartNew();
        var engine = ExtractorEngine.Load(modelsDir);
        Console.WriteLine($"models loaded in {load.Elapsed.TotalSeconds:0.00} s");
        var reader = new ArticleReader(engine.Models.ReaderOptions());
        var articles = reader.ReadAll([args[0]], null).Where(o => o.Article is not null).Select(o => o.Article!).ToList();
        var stages = engine.Pipeline.Stages;
        var names = stages.Select(s => s.Name).Append("events and records").ToArray();
        var ticks = new long[names.Length];
        var bytes = new long[names.Length];
        for (int pass = 0; pass <= passes; pass++)
        {
            bool counted = pass > 0;
            foreach (var article in articles)
            {
                var doc = new Document(article);
                for (int s = 0; s < stages.Count; s++)
                {
                    long b0 = GC.GetAllocatedBytesForCurrentThread(), t0 = Stopwatch.GetTimestamp();
                    stages[s].Process(doc);
                    doc.Done |= stages[s].Provides;
                    if (counted) { ticks[s] += Stopwatch.GetTimestamp() - t0; bytes[s] += GC.GetAllocatedBytesForCurrentThread() - b0; }
                }
                long b1 = GC.GetAllocatedBytesForCurrentThread(), t1 = Stopwatch.GetTimestamp();
                engine.Records(doc);
                if (!counted) continue;
                ticks[^1] += Stopwatch.GetTimestamp() - t1;
                bytes[^1] += GC.GetAllocatedBytesForCurrentThread() - b1;
            }
        }
        double totalMs = ticks.Sum() * 1000.0 / Stopwatch.Frequency / passes;
        Console.WriteLine($"{articles.Count} articles, {passes} counted passes; per pass:");
        Console.WriteLine($"{"stage",-22} {"ms",9} {"share",7} {"MB alloc",10}");
        for (int s = 0; s < names.Length; s++)
        {
            double ms = ticks[s] * 1000.0 / Stopwatch.Frequency / passes;
            Console.WriteLine($"{names[s],-22} {ms,9:0.0} {ms / totalMs,7:P1} {bytes[s] / 1e6 / passes,10:0.0}");
        }
        Console.WriteLine($"{"total",-22} {totalMs,9:0.0} {1,7:P1} {bytes.Sum() / 1e6 / passes,10:0.0}");
        return 0;
    }
}
