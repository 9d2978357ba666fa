using System.Text;
using EventExtractor.Pipeline;
using EventExtractor.Text;
using static EventExtractor.Tests.Text.TextTestHelpers;

namespace EventExtractor.Tests.Text;

/// <summary>Inputs both text stages must survive, with the same guarantees.</summary>
public class TextConformanceTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "empty", "" },
        { "whitespace", " \t\r\n\u00A0\u2003\u3000 \n\n " },
        { "nbsp", "Baghdad\u00A0—\u00A0Rockets\u00A0hit\u00A0the\u00A0base." },
        { "zwj", "\u200D\u200Ca\u200Db\u200B\u2060c \u200D" },
        { "emoji", "Breaking 🚨🚨 news 👍🏽👨\u200D👩\u200D👧🇮🇶 end. 😀" },
        { "arabic", "قال المتحدث \"إن الهجوم فشل\". ثم غادر؟ \u202Bنعم\u202C" },
        { "lone surrogates", "\uD800 a\uDC00b \uDBFF\uD800\uDFFF. c\uD83D" },
        { "marks", "\u0301\u0301 a\u20DD \u0300." },
        { "controls", "a\0b\u0001c\u007F\u0085d\u2028e\u2029f" },
        { "only punctuation", "...!!!???“”‘’\"'--—–" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Both_stages_handle_the_input(string name, string text)
    {
        var doc = RunPipeline(text);
        TokenizerInvariants.Check(doc);
        CheckSentences(doc);
        Assert.True(name.Length > 0);
    }

    [Fact]
    public void Empty_and_whitespace_give_no_tokens_and_no_sentences()
    {
        foreach (var text in new[] { "", "   ", "\n\n\t\u00A0\u200B" })
        {
            var doc = RunPipeline(text);
            Assert.Equal(0, doc.TokenCount);
            Assert.Empty(doc.Sentences);
        }
    }

    [Fact]
    public void A_one_megabyte_article()
    {
        string[] pieces =
        [
            "Gen. Smith said “the U.S.-led coalition will stay.” ",
            "At 9:58 a.m. on Oct. 3, 2,500 troops moved 10km north. ",
            "Iran-backed fighters fired 122mm rockets at the 27th Brigade’s base! ",
            "Was anyone hurt? No one, officials said.\n",
            "See https://example.com/report or mail press@example.org 👍🏽.\n\n",
        ];
        var sb = new StringBuilder(1 << 20);
        int i = 0;
        while (sb.Length < 1 << 20) sb.Append(pieces[i++ % pieces.Length]);
        var text = sb.ToString();
        var doc = RunPipeline(text);

        TokenizerInvariants.Check(doc);
        CheckSentences(doc);
        // Each piece is 10-20 tokens and 50-70 characters: the count must be in that range, not zero or per-char.
        Assert.InRange(doc.TokenCount, text.Length / 7, text.Length / 3);
        Assert.InRange(doc.Sentences.Length, i / 2, i * 2);
    }

    [Fact]
    public void Same_output_twice()
    {
        var text = "“We will fight. We will win,” Lt. Col. J. Smith told the U.S. envoy at 5 p.m. on Jan. 2.\n🇮🇶 قال \uD800 end";
        var a = RunPipeline(text);
        var b = RunPipeline(text);
        Assert.Equal(a.Tokens.Take(a.TokenCount), b.Tokens.Take(b.TokenCount));
        Assert.Equal(a.Sentences, b.Sentences);
        Assert.True(a.TokenCount > 20);
    }

    [Fact]
    public void Pipeline_accepts_the_stages_in_order_only()
    {
        var pipeline = new DocumentPipeline([Tok, Splitter]);
        Assert.Equal(Annotations.Tokens | Annotations.Sentences, pipeline.Provides);
        Assert.Throws<InvalidOperationException>(() => new DocumentPipeline([Splitter, Tok]));
    }

    private static Document RunPipeline(string text)
    {
        var doc = new Document(text);
        new DocumentPipeline([Tok, Splitter]).Process(doc);
        return doc;
    }

    private static void CheckSentences(Document doc)
    {
        int next = 0, lastEnd = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.True(s.TokenCount > 0);
            Assert.True(s.Start >= lastEnd && s.End > s.Start && s.End <= doc.Text.Length);
            Assert.Equal(doc.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(doc.Tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
            foreach (char c in doc.Text.AsSpan(s.Start, s.End - s.Start))
                Assert.False(c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085', "a sentence crosses a line break");
            Assert.Equal(-1, s.Paragraph);
            next += s.TokenCount;
            lastEnd = s.End;
        }
        Assert.Equal(doc.TokenCount, next);
    }
}
