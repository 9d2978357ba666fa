using System.Text;
using EventExtractor.Export;
using EventExtractor.Tests.Extraction;
using EventExtractor.Text;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Export;

/// <summary>
/// Both export formats of an invented article, with the real models: byte-for-byte against
/// tests/EventExtractor.Tests/Export/golden/ (run with UPDATE_GOLDEN=1 to rewrite them after an intended change
/// of the format or of the extractor, and review the diff), and the formats' own rules.
/// </summary>
[Collection("engine")]
public class ExportGoldenTests(EngineFixture engine)
{
    private TrainingExample Example() => TrainingExample.From(engine.Engine.Analyse(ExportFixtures.Article()));

    [Theory]
    [InlineData("sample.conll", ExportFormat.Conll)]
    [InlineData("sample.spans.jsonl", ExportFormat.Spans)]
    internal void Output_matches_the_golden_file(string name, ExportFormat format)
    {
        var example = Example();
        var actual = format == ExportFormat.Conll ? ExportFixtures.Conll(example) : ExportFixtures.Spans(example);

        var golden = Path.Combine(GoldenFolder(), name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, new UTF8Encoding(false).GetBytes(actual));
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(golden, Encoding.UTF8), actual);
    }

    [Fact]
    public void The_sample_has_every_label_so_the_golden_files_cover_them()
    {
        var labels = Example().Spans.Select(s => s.Label).ToHashSet();
        Assert.Equal(TrainingLabels.All.Order(), labels.Order());
    }

    [Fact]
    public void Span_offsets_cut_exactly_the_entity_text_and_noise_is_absent()
    {
        var example = Example();
        var doc = example.Document;
        var line = ExportFixtures.Spans(example);
        Assert.Single(line.TrimEnd('\n').Split('\n'));
        var json = JObject.Parse(line);
        var text = (string)json["text"]!;
        var spans = (JArray)json["spans"]!;

        Assert.Equal("export-sample", (string?)json["id"]);
        Assert.StartsWith("Gunmen kill four soldiers", text);
        Assert.DoesNotContain("Photo:", text);
        Assert.DoesNotContain("newsletter", text);
        Assert.Contains("\U0001F4F0", text);
        Assert.Equal(example.Spans.Count, spans.Count);
        int previousEnd = 0;
        int length = ExportFixtures.CodePointLength(text);
        for (int i = 0; i < spans.Count; i++)
        {
            int start = (int)spans[i]["start"]!, end = (int)spans[i]["end"]!;
            Assert.True(previousEnd <= start && start < end && end <= length, $"span {i} [{start},{end}) out of order or range");
            var expected = doc.Cut(example.Spans[i].FirstToken, example.Spans[i].TokenCount);
            Assert.Equal(expected, ExportFixtures.CutCodePoints(text, start, end));
            Assert.Equal(example.Spans[i].Label, (string?)spans[i]["label"]);
            previousEnd = end;
        }
        // A span after the emoji: its code point offset is one less than its UTF-16 offset would be.
        int emoji = text.IndexOf("\U0001F4F0", StringComparison.Ordinal);
        Assert.Contains(spans, s => (int)s["start"]! > emoji);
    }

    [Fact]
    public void Conll_tags_are_valid_bio_and_the_tokens_are_the_exported_sentences()
    {
        var example = Example();
        var doc = example.Document;
        var (docs, sentences) = ExportFixtures.ParseConll(ExportFixtures.Conll(example));

        Assert.Equal(["export-sample"], docs);
        Assert.Equal(example.Sentences.Count, sentences.Count);
        var labels = TrainingLabels.All.ToHashSet();
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = doc.Sentences[example.Sentences[s]];
            Assert.Equal(Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Select(t => doc.TokenText(t).ToString()),
                sentences[s].Select(x => x.Token));
            string previous = "O";
            foreach (var (token, tag) in sentences[s])
            {
                if (tag != "O")
                {
                    Assert.True(tag.Length > 2 && labels.Contains(tag[2..]), $"unknown tag {tag}");
                    if (tag.StartsWith("I-", StringComparison.Ordinal))
                        Assert.True(previous[2..] == tag[2..] && previous != "O", $"'{token}' is {tag} after {previous}");
                    else
                        Assert.StartsWith("B-", tag);
                }
                previous = tag;
            }
        }
        int begins = sentences.SelectMany(s => s).Count(x => x.Tag.StartsWith("B-", StringComparison.Ordinal));
        Assert.Equal(example.Spans.Count, begins);
    }

    /// <summary>The golden folder in the source tree.</summary>
    internal static string GoldenFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln")))
                return Path.Combine(dir.FullName, "tests", "EventExtractor.Tests", "Export", "golden");
        throw new InvalidOperationException("EventExtractor.sln not found above " + AppContext.BaseDirectory);
    }
}
