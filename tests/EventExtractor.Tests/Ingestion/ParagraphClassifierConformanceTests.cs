using System.Text;
using EventExtractor.Text;

namespace EventExtractor.Tests.Ingestion;

/// <summary>Properties every run of the paragraph stage must keep, whatever the text.</summary>
public class ParagraphClassifierConformanceTests
{
    private static void AssertWellFormed(string text, Paragraph[] ps)
    {
        int prevEnd = 0;
        foreach (var p in ps)
        {
            Assert.True(p.Start >= prevEnd && p.End > p.Start && p.End <= text.Length, $"bad range {p}");
            Assert.False(char.IsWhiteSpace(text[p.Start]) || char.IsWhiteSpace(text[p.End - 1]), $"untrimmed {p}");
            Assert.DoesNotContain('\n', text[p.Start..p.End]);
            prevEnd = p.End;
        }
        Assert.True(ps.Count(p => p.Kind == ParagraphKind.Headline) <= 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n\t")]
    [InlineData("\r\n")]
    public void EmptyText_NoParagraphs(string text)
    {
        var doc = new Document(text);
        Shared.Classifier.Process(doc);
        Assert.Empty(doc.Paragraphs);
    }

    [Fact]
    public void MessyUnicode()
    {
        var text = "\uFEFF Заголовок новостей \u200B\n\u00A0\u00A0\n" +
                   "انفجار في السوق المركزي\n" +
                   "emoji 💥🚀 line with surrogate pairs\n" +
                   "\u2028separator\u2029 and combining e\u0301\n" +
                   "lone surrogate \uD800 inside\n" +
                   "\u0000nul and \u0007bell\n";
        var ps = Shared.Classifier.Classify(text);
        AssertWellFormed(text, ps);
        Assert.True(ps.Length >= 5);
    }

    [Fact]
    public void OneMegabyteText()
    {
        var sb = new StringBuilder();
        sb.Append("A headline for a very long text\n\n");
        int i = 0;
        while (sb.Length < 1_000_000)
        {
            sb.Append(i % 7 == 0 ? "By Someone Else\n" : $"Paragraph {i} reports that something happened in a town on a day.\n\n");
            i++;
        }
        sb.Append(new string('x', 200_000)); // one huge line: never noise, no pathological matching
        var text = sb.ToString();
        var ps = Shared.Classifier.Classify(text);
        AssertWellFormed(text, ps);
        Assert.Equal(ParagraphKind.Headline, ps[0].Kind);
        Assert.Equal(ParagraphKind.Body, ps[^1].Kind);
        Assert.Contains(ps, p => p.Kind == ParagraphKind.Byline);
    }

    [Fact]
    public void SameOutputTwice()
    {
        const string text = "Title\n\nSubtitle without period\n\nBy Ana Lima\n\nJune 2, 2022\n\nBody one.\n\nRead more: other\n";
        var a = Shared.Classifier.Classify(text);
        var b = Shared.Classifier.Classify(text);
        Assert.Equal(a, b);
        var d1 = new Document(text);
        var d2 = new Document(text);
        Shared.Classifier.Process(d1);
        Shared.Classifier.Process(d2);
        Assert.Equal(d1.Paragraphs, d2.Paragraphs);
        Assert.Equal(a, d1.Paragraphs);
    }

    [Fact]
    public void ParallelUse_GivesSameResults()
    {
        var texts = Enumerable.Range(0, 32).Select(i => $"Title {i}\n\nBy Writer Number\n\nBody {i}.").ToArray();
        var expected = texts.Select(t => Shared.Classifier.Classify(t)).ToArray();
        var got = new Paragraph[texts.Length][];
        Parallel.For(0, texts.Length, i => got[i] = Shared.Classifier.Classify(texts[i]));
        for (int i = 0; i < texts.Length; i++) Assert.Equal(expected[i], got[i]);
    }
}
