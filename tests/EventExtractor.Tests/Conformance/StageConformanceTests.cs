using System.Text;
using EventExtractor.Ingestion;
using EventExtractor.Records;
using EventExtractor.Tests.Extraction;
using EventExtractor.Text;
using Newtonsoft.Json;

namespace EventExtractor.Tests.Conformance;

/// <summary>
/// Inputs every stage of the real engine, and the whole extraction, must survive: no exception, every offset
/// inside the text, every index inside its table, and the same output twice.
/// </summary>
[Collection("engine")]
public class StageConformanceTests(EngineFixture fx)
{
    private static readonly string[] NewsSentences =
    [
        "Gunmen killed {0} villagers near Gusau on Monday, police said. ",
        "A roadside bomb struck an army truck in Helmand province on {1} March, wounding {0} soldiers. ",
        "Hundreds of students marched through Bogota last week demanding jobs.\n\n",
        "Officials warned that rockets could be fired at the airport in Kabul. ",
        "At least {0} people were killed when a car bomb exploded in Mogadishu on Tuesday.\n\n",
        "“We will not stop,” said a spokesman for the Houthis in Sanaa. ",
        "Police arrested {0} suspects in Cotabato after troops clashed with rebels near Jolo.\n\n",
    ];

    /// <summary>Invented news sentences repeated, with varied numbers and dates, up to <paramref name="size"/> characters.</summary>
    public static string News(int size)
    {
        var sb = new StringBuilder("Violence flares across several regions\n\n", size + 200);
        for (int i = 0; sb.Length < size; i++)
            sb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, NewsSentences[i % NewsSentences.Length], i % 97 + 2, i % 28 + 1);
        return sb.ToString();
    }

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["empty"] = "",
        ["whitespace"] = " \t\r\n\u00A0\u2003\u3000 \n\n \t",
        ["nbsp"] = "Clashes\u00A0in\u00A0Kano\n\nGunmen\u00A0killed\u00A0three\u00A0policemen\u00A0in\u00A0Kano\u00A0on\u00A0Monday.",
        ["zero-width"] = "Blast\u200D in Mogadishu\n\nA car\u200Dbomb\u200B exploded in Mogadi\u200Dshu on Monday\u2060, killing\u200C two.",
        ["emoji"] = "🚨 Breaking 🚨\n\nRebels 🔥 shelled Izium 💥 on Monday 👍🏽👨\u200D👩\u200D👧, killing 3 🇺🇦.",
        ["arabic"] = "هجوم في صنعاء\n\nقال المتحدث إن الهجوم فشل. Rebels attacked Sanaa (صنعاء) on Monday, killing ٣ people.",
        ["combining"] = "\u0301Ka\u0301bul\n\n\u0300\u0301 Soldiers\u0327 clashed\u20DD with rebels near Tumaco\u0301 on Mon\u0308day.",
        ["lone surrogates"] = "Attack \uD800 report\n\nGunmen\uDC00 killed \uD83D five villagers in Zamfara state on Monday\uDBFF.\uDC00",
        ["curly quotes"] = "“Attack” on ‘base’\n\n“We shelled the positions near Kramatorsk on Monday,” he said. ‘Nobody’s safe’, they added. The People’s Army’s fighters fled.",
        ["controls"] = "Title\u0000\n\nA\u0001 bomb\u007F exploded\u0085 in Kabul\u2028on Monday\u2029killing 4.",
        ["punctuation only"] = "...!!!???“”‘’\"'--—–\n\n(((]]]",
        ["numbers only"] = "1 2 3\n\n2014 2020, 19 1,200 25-year-old 9:58 3rd",
        ["long word"] = new string('x', 20_000) + "\n\nKabul " + new string('ب', 5_000),
        ["many short lines"] = string.Concat(Enumerable.Repeat("Kabul\nMonday\nkilled\n", 400)),
        ["large"] = News(128 * 1024),
    };

    public static TheoryData<string> Inputs() => new(Texts.Keys);

    public static TheoryData<int, string> StagesAndInputs()
    {
        var data = new TheoryData<int, string>();
        var stages = EngineFixture.SharedInstance.Pipeline.Stages.Count;
        for (int s = 0; s < stages; s++)
            foreach (var name in Texts.Keys)
                data.Add(s, name);
        return data;
    }

    private static Article ArticleOf(string name, DateOnly? published = null) =>
        new("conf-" + name, null, Texts[name], published ?? new DateOnly(2021, 3, 17), null, null, "<conformance>");

    /// <summary>Runs stages [0, upTo] of the engine's pipeline over a fresh document.</summary>
    private Document RunUpTo(int upTo, Article article)
    {
        var doc = new Document(article);
        var stages = fx.Engine.Pipeline.Stages;
        for (int i = 0; i <= upTo; i++) stages[i].Process(doc);
        return doc;
    }

    [Theory]
    [MemberData(nameof(StagesAndInputs))]
    public void Each_stage_with_those_before_it(int stage, string input)
    {
        var doc = RunUpTo(stage, ArticleOf(input));
        Check(doc);
    }

    [Fact]
    public void The_pipeline_has_the_documented_stages_in_order()
    {
        var names = fx.Engine.Pipeline.Stages.Select(s => s.Name).ToArray();
        Assert.True(names.Length >= 7, string.Join(", ", names));
        Assert.Contains("mentions", names);
        Assert.True(Array.IndexOf(names, "places") < Array.IndexOf(names, "dates"));
        Assert.True(Array.IndexOf(names, "mentions") < Array.IndexOf(names, "discourse"));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Whole_extraction(string input)
    {
        var article = ArticleOf(input);
        CheckRecords(article, fx.Engine.Extract(article));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Whole_extraction_without_a_publication_date(string input)
    {
        var article = ArticleOf(input) with { Published = null };
        CheckRecords(article, fx.Engine.Extract(article));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Same_output_twice(string input)
    {
        var article = ArticleOf(input);
        var first = JsonConvert.SerializeObject(fx.Engine.Extract(article));
        var second = JsonConvert.SerializeObject(fx.Engine.Extract(article));
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_large_article_gives_events()
    {
        // Guards the harness itself: the generated news must be read as news, or the checks above check nothing.
        var records = fx.Engine.Extract(ArticleOf("large"));
        Assert.Contains(records, r => r.SubEventType == "Attack");
        Assert.Contains(records, r => r.Location == "Mogadishu");
    }

    [Fact]
    public void A_one_megabyte_article_through_the_text_stages()
    {
        // The stages up to the lexicons are linear; the later ones are covered by the Skip test below.
        var text = News(1 << 20);
        var article = new Article("megabyte", null, text, new DateOnly(2021, 3, 17), null, null, "<conformance>");
        int lexicons = fx.Engine.Pipeline.Stages.ToList().FindIndex(s => s.Name == "lexicons");
        Assert.True(lexicons > 0);
        var doc = RunUpTo(lexicons, article);
        Check(doc);
        Assert.True(doc.TokenCount > 100_000);
    }

    [Fact]
    public void A_one_megabyte_article()
    {
        var text = News(1 << 20);
        var article = new Article("megabyte", null, text, new DateOnly(2021, 3, 17), null, null, "<conformance>");
        var doc = fx.Engine.Analyse(article);
        Check(doc);
        CheckRecords(article, fx.Engine.Extract(article));
    }

    private static void Check(Document doc)
    {
        int n = doc.Text.Length;
        for (int p = 0; p < doc.Paragraphs.Length; p++)
        {
            var para = doc.Paragraphs[p];
            Assert.InRange(para.Start, 0, n);
            Assert.InRange(para.End, para.Start, n);
            if (p > 0) Assert.True(para.Start >= doc.Paragraphs[p - 1].End, $"paragraph {p} overlaps the one before");
        }
        Assert.InRange(doc.TokenCount, 0, doc.Tokens.Length);
        int last = 0;
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Tokens[i];
            Assert.True(t.Length > 0, $"token {i} is empty");
            Assert.True(t.Start >= last && t.End <= n, $"token {i} [{t.Start},{t.End}) out of order or bounds");
            last = t.End;
        }
        foreach (var s in doc.Sentences)
        {
            Assert.True(s.FirstToken >= 0 && s.TokenCount > 0 && s.FirstToken + s.TokenCount <= doc.TokenCount, $"sentence tokens {s.FirstToken}+{s.TokenCount}");
            Assert.True(s.Start >= 0 && s.End <= n && s.Start <= s.End, $"sentence chars [{s.Start},{s.End})");
        }
        foreach (var e in doc.Entities)
        {
            Assert.True(e.FirstToken >= 0 && e.TokenCount > 0 && e.EndToken <= doc.TokenCount, $"{e.Label} tokens {e.FirstToken}+{e.TokenCount}");
            var (start, end) = doc.CharRange(e.FirstToken, e.TokenCount);
            Assert.True(start >= 0 && end <= n && start <= end);
            if (e.Label == EntityLabel.Place) Assert.InRange(e.Ref, 0, doc.Places.Count - 1);
        }
        foreach (var m in doc.Mentions)
        {
            Assert.InRange(m.Sentence, 0, doc.Sentences.Length - 1);
            Assert.InRange(m.TriggerEntity, 0, doc.Entities.Count - 1);
            foreach (var role in new[] { m.Actor1, m.Actor2, m.Place, m.Date })
                Assert.InRange(role, -1, doc.Entities.Count - 1);
            Assert.True(m.Fatalities >= -1 && m.Injuries >= -1);
        }
        // Words the lexicon stage builds point at real tokens.
        foreach (var w in doc.Words) Assert.InRange(w.Token, 0, doc.TokenCount - 1);
    }

    private static int Utf16Offset(string text, int codePoints)
    {
        int i = 0;
        for (int k = 0; k < codePoints && i < text.Length; k++) i += char.IsSurrogatePair(text, i) ? 2 : 1;
        return i;
    }

    private static void CheckRecords(Article article, IReadOnlyList<AcledRecord> records)
    {
        foreach (var r in records)
        {
            Assert.Equal(article.Id, r.ArticleId);
            Assert.NotEqual("", r.SubEventType);
            Assert.True(r.Fatalities >= 0 && r.Injuries >= 0);
            Assert.InRange(r.Confidence, 0.0, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(r.Notes));
            if (r.EventDate.Length > 0) Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", r.EventDate);
            foreach (var e in r.Evidence)
            {
                // Offsets count code points (a surrogate pair is one).
                int start = Utf16Offset(article.Text, e.Start), end = Utf16Offset(article.Text, e.End);
                Assert.True(e.Start >= 0 && end <= article.Text.Length && e.Start <= e.End, $"{e.Field} [{e.Start},{e.End})");
                Assert.Equal(article.Text[start..end], e.Text);
            }
            // The record must survive its own serialization.
            Assert.NotNull(JsonConvert.DeserializeObject<AcledRecord>(JsonConvert.SerializeObject(r)));
        }
    }
}
