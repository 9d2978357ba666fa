using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Output;
using EventExtractor.Records;
using EventExtractor.Running;
using EventExtractor.Tests.Extraction;
using EventExtractor.Tests.Output;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Hostile;

/// <summary>
/// A seeded fuzz test: random bytes, random Unicode (lone surrogates, NUL, escape codes, right-to-left marks),
/// truncated and deeply nested JSON, and tag soup HTML (truncated, nested thousands deep), in every format the reader
/// takes and on standard input. The run must end, report every bad input, extract from the rest without an
/// exception, and lose nothing: every input and every JSON Lines line accounted for, every record in every output.
/// </summary>
[Collection("engine")]
public sealed class FuzzTests(EngineFixture fx) : IDisposable
{
    // Fixed, so the test is deterministic; EVENTEXTRACTOR_FUZZ_SEED=N explores another set of inputs.
    private static readonly int Seed =
        int.TryParse(Environment.GetEnvironmentVariable("EVENTEXTRACTOR_FUZZ_SEED"), out var seed) ? seed : 20261206;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Generator(int seed)
    {
        private readonly Random _random = new(seed);

        private static readonly string[] Words =
        [
            "Gunmen", "attacked", "Kano", "Maiduguri", "on", "Monday", "killing", "three", "soldiers", "protesters",
            "police", "fired", "tear gas", "in", "Mogadishu", "a bomb", "exploded", "near", "Goma", "rebels", "clashed",
            "with", "the army", "dozens", "dead", ".", ",", "\n\n", "yesterday", "al-Shabaab", "airstrike", "drone",
        ];

        private static readonly string[] Oddities =
        [
            "\0", "\u001b[31m", "\r", "\t", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff", "\U0001F4A3", "\u0645\u0642\u062a\u0644",
            "\u5e73\u548c", "\ufffd", "\u00a0", "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "-", "\"", "\\", "<", "&amp;", "%s", "{}", "[]",
        ];

        public int Next(int max) => _random.Next(max);

        public byte[] Bytes(int max)
        {
            var bytes = new byte[_random.Next(max + 1)];
            _random.NextBytes(bytes);
            return bytes;
        }

        /// <summary>News-like words mixed with hostile characters; may hold lone surrogates (only JSON can carry those).</summary>
        public string Text(int maxWords)
        {
            var sb = new StringBuilder();
            int n = _random.Next(maxWords + 1);
            for (int i = 0; i < n; i++)
            {
                int roll = _random.Next(10);
                if (roll < 6) sb.Append(Words[_random.Next(Words.Length)]);
                else if (roll < 8) sb.Append(Oddities[_random.Next(Oddities.Length)]);
                else sb.Append((char)_random.Next(0x20, 0xD7FF));
                sb.Append(' ');
            }
            return sb.ToString();
        }

        public JToken Value()
        {
            return _random.Next(8) switch
            {
                0 => JValue.CreateNull(),
                1 => new JValue(_random.Next()),
                2 => new JValue(_random.Next(2) == 0),
                3 => new JArray(Text(3), Text(3)),
                4 => new JObject { ["nested"] = Text(3) },
                _ => new JValue(Text(60)),
            };
        }

        public JObject Article()
        {
            var o = new JObject();
            if (_random.Next(4) > 0) o["id"] = _random.Next(3) == 0 ? Value() : Text(3);
            if (_random.Next(2) == 0) o["title"] = Value();
            if (_random.Next(8) > 0) o["text"] = _random.Next(4) == 0 ? Value() : Text(200);
            if (_random.Next(2) == 0) o["published"] = _random.Next(2) == 0 ? "2024-0" + _random.Next(1, 10) + "-1" + _random.Next(10) : Text(2);
            if (_random.Next(3) == 0) o["source"] = Value();
            return o;
        }

        public string Json(JToken token) => token.ToString(_random.Next(2) == 0 ? Formatting.None : Formatting.Indented);

        public string Truncated(string text) => text[.._random.Next(text.Length + 1)];

        public string NestedJson(int depth) => _random.Next(2) == 0
            ? new string('[', depth) + "{\"text\": \"x\"}" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"text\": ", depth)) + "\"x\"" + new string('}', depth);

        private static readonly string[] Tags =
        [
            "div", "p", "b", "i", "a", "table", "tr", "td", "span", "li", "ul", "font", "nobr", "form", "select", "option",
            "svg", "math", "template", "article", "h2", "blockquote", "pre", "script", "style", "title", "textarea", "figure",
        ];

        public string Html(int maxTags, int nestDepth)
        {
            var sb = new StringBuilder("<html><head><title>").Append(Text(5)).Append("</title></head><body>");
            if (nestDepth > 0)
            {
                for (int i = 0; i < nestDepth; i++) sb.Append('<').Append(Tags[_random.Next(Tags.Length)]).Append('>');
            }
            int n = _random.Next(maxTags + 1);
            for (int i = 0; i < n; i++)
            {
                var tag = Tags[_random.Next(Tags.Length)];
                switch (_random.Next(6))
                {
                    case 0: sb.Append("</").Append(tag).Append('>'); break;
                    case 1: sb.Append("<!-- ").Append(Text(3)).Append(" -->"); break;
                    case 2: sb.Append('<').Append(tag).Append(" class=\"").Append(Text(2)).Append("\" data-x='>'>"); break;
                    default: sb.Append('<').Append(tag).Append('>').Append(Text(20)); break;
                }
            }
            return sb.ToString();
        }
    }

    /// <summary>Writes the inputs; returns the JSON Lines files with their line count.</summary>
    private Dictionary<string, int> WriteInputs(Generator g, string folder)
    {
        var lines = new Dictionary<string, int>();
        var utf8 = new UTF8Encoding(false);
        for (int i = 0; i < 84; i++)
        {
            string name = Path.Combine(folder, $"case-{i:D3}");
            switch (i % 12)
            {
                case 0: File.WriteAllBytes(name + ".txt", g.Bytes(3000)); break;
                case 1: File.WriteAllText(name + ".txt", g.Text(300), utf8); break;
                case 2: File.WriteAllBytes(name + ".html", g.Bytes(3000)); break;
                case 3: File.WriteAllText(name + ".html", g.Html(200, 0), utf8); break;
                case 4: File.WriteAllText(name + ".html", g.Truncated(g.Html(200, 3000)), utf8); break;
                case 5: File.WriteAllText(name + ".json", g.Json(g.Article()), utf8); break;
                case 6: File.WriteAllText(name + ".json", g.Truncated(g.Json(new JArray(g.Article(), g.Article(), g.Article()))), utf8); break;
                case 7: File.WriteAllText(name + ".json", g.NestedJson(1 + g.Next(5000)), utf8); break;
                case 8: File.WriteAllBytes(name + ".json", g.Bytes(2000)); break;
                case 9: File.WriteAllText(name + ".htm", g.Truncated(g.Html(100, 50)), utf8); break;
                default:
                {
                    // JSON Lines: good, truncated, nested, non-object and random-byte lines; never a blank line.
                    var stream = new MemoryStream();
                    int count = 5 + g.Next(20);
                    for (int l = 0; l < count; l++)
                    {
                        byte[] line = g.Next(6) switch
                        {
                            // No NUL byte: a NUL near the top makes the whole file binary, refused as one.
                            0 => [(byte)'{', .. g.Bytes(200).Where(b => b is not ((byte)'\n' or 0))],
                            1 => utf8.GetBytes(g.Truncated(g.Json(g.Article()).ReplaceLineEndings(" ")) + "x"),
                            2 => utf8.GetBytes(g.NestedJson(1 + g.Next(300))),
                            3 => utf8.GetBytes(g.Value().ToString(Formatting.None) + "x"),
                            _ => utf8.GetBytes(g.Article().ToString(Formatting.None)),
                        };
                        stream.Write(line);
                        stream.WriteByte((byte)'\n');
                    }
                    File.WriteAllBytes(name + ".jsonl", stream.ToArray());
                    lines[name + ".jsonl"] = count;
                    break;
                }
            }
        }
        return lines;
    }

    [Fact]
    public void Random_and_broken_inputs_end_the_run_are_reported_and_lose_nothing()
    {
        var g = new Generator(Seed);
        var folder = Path.Combine(_temp.Path, "in");
        Directory.CreateDirectory(folder);
        var jsonLines = WriteInputs(g, folder);
        var stdin = string.Join("\n", Enumerable.Range(0, 30).Select(_ => g.Next(3) == 0 ? g.Truncated(g.Json(g.Article()).ReplaceLineEndings(" ")) + "x" : g.Article().ToString(Formatting.None)));

        // Every file on its own: something comes out of each (an article or a problem), and every JSON Lines line is
        // accounted for by its line number.
        var reader = new ArticleReader(new ArticleReaderOptions());
        foreach (var file in Directory.GetFiles(folder))
        {
            var outcomes = HostileReaderTests.Read(new ArticleReaderOptions(), file);
            Assert.True(outcomes.Count > 0, $"{file}: nothing read and nothing reported");
            if (jsonLines.TryGetValue(file, out int count))
            {
                var seen = outcomes.Select(o => o.Problem?.Line ?? int.Parse(o.Article!.Origin[(file.Length + 1)..])).ToHashSet();
                Assert.Equal(Enumerable.Range(1, count), seen.Order());
            }
        }

        // The whole folder and standard input in one run, through the real engine, into JSON Lines, CSV and SQLite.
        var all = reader.ReadAll([folder, "-"], new StringReader(stdin)).ToList();
        int articles = all.Count(o => o.Article is not null), problems = all.Count(o => o.Problem is not null);
        Assert.True(articles > 20 && problems > 20, $"{articles} articles, {problems} problems: the generator lost its mix");

        int extracted = 0;
        IReadOnlyList<AcledRecord> Extract(Article a)
        {
            var records = fx.Engine.Extract(a);
            Interlocked.Add(ref extracted, records.Count);
            return records;
        }
        var reported = new List<InputProblem>();
        var jsonl = new StringWriter();
        var sqlitePath = _temp.File("fuzz.db");
        using (var tee = new TeeSink(new JsonLinesRecordSink(jsonl), new CsvRecordSink(_temp.File("fuzz.csv")), new SqliteRecordSink(sqlitePath)))
        {
            var summary = new ExtractionRun(Extract, tee, reported.Add, new ExtractionRunOptions { Threads = 2, MergeWindow = 0 }).Run(all);
            Assert.Equal(articles, summary.ArticlesRead);
        }

        // Reported: every read problem, and no article made the extractor fail.
        Assert.Equal(all.Where(o => o.Problem is not null).Select(o => o.Problem), reported);
        // Nothing lost: every extracted record is in every output, each under an id of its own.
        var records = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(RecordJson.ParseLine).ToList();
        Assert.Equal(extracted, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.Value<string>("event_id_cnty")).Distinct().Count());
        using (var csv = CsvHelper.CsvReader.Create(new StreamReader(_temp.File("fuzz.csv")), CsvHelper.CsvReaderOptions.Default, leaveOpen: false))
        {
            int rows = 0;
            while (csv.Read())
            {
                Assert.Equal(AcledRecord.AcledColumns.Length, csv.FieldCount);
                rows++;
            }
            Assert.Equal(extracted, rows);
        }
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString());
        db.Open();
        using var countEvents = db.CreateCommand();
        countEvents.CommandText = "SELECT count(*) FROM events";
        Assert.Equal(extracted, Convert.ToInt32(countEvents.ExecuteScalar()));
        using var countArticles = db.CreateCommand();
        countArticles.CommandText = "SELECT count(*) FROM articles";
        Assert.Equal(all.Where(o => o.Article is not null).Select(o => o.Article!.Id).Distinct().Count(), Convert.ToInt32(countArticles.ExecuteScalar()));
    }

    /// <summary>One run into several sinks at once.</summary>
    private sealed class TeeSink(params IRecordSink[] sinks) : IRecordSink, IArticleLedger
    {
        public void Write(AcledRecord record)
        {
            foreach (var s in sinks) s.Write(record);
        }

        public void ArticleProcessed(string articleId, string source)
        {
            foreach (var s in sinks.OfType<IArticleLedger>()) s.ArticleProcessed(articleId, source);
        }

        public void Commit()
        {
            foreach (var s in sinks) s.Commit();
        }

        public void Dispose()
        {
            foreach (var s in sinks) s.Dispose();
        }
    }
}
