using System.Text;
using EventExtractor.Text;
using static EventExtractor.Tests.Text.TextTestHelpers;

namespace EventExtractor.Tests.Text;

/// <summary>Properties every tokenization must have, checked over hand-made and random text.</summary>
public class TokenizerInvariants
{
    /// <summary>
    /// Every token lies inside the text, tokens are non-empty, increasing and non-overlapping, never only
    /// white space, and never start or end between the halves of a surrogate pair.
    /// </summary>
    internal static void Check(Document doc)
    {
        var text = doc.Text;
        Assert.True(doc.TokenCount <= doc.Tokens.Length);
        int previousEnd = 0;
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Tokens[i];
            Assert.True(t.Length > 0, $"token {i} is empty");
            Assert.True(t.Start >= previousEnd, $"token {i} overlaps or goes back");
            Assert.True(t.End <= text.Length, $"token {i} runs past the text");
            var span = text.AsSpan(t.Start, t.Length);
            Assert.False(span.IsWhiteSpace(), $"token {i} is only white space");
            Assert.False(char.IsLowSurrogate(text[t.Start]) && t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]),
                $"token {i} starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(text[t.End - 1]) && t.End < text.Length && char.IsLowSurrogate(text[t.End]),
                $"token {i} ends inside a surrogate pair");
            previousEnd = t.End;
        }
    }

    [Theory]
    [InlineData("Rockets hit the base near Baghdad airport on Tuesday, officials said.")]
    [InlineData("“We will fight. We will win,” Lt. Col. J. Smith told the U.S.-led coalition’s envoy at 9:58 a.m.")]
    [InlineData("2,500-strong force; 160,000 troops; 10km; (2020-2022); 1st—27th… e.g. www.example.com/x?y=1).")]
    [InlineData("'quoted' \"straight\" ‘curly’ «guillemets» „low“ don't won't Iraq's soldiers' '90s")]
    [InlineData("كتائب حزب الله 🇮🇶👍🏽 a\u0301\u0302 \u200D\u200C \uFEFF x")]
    public void Hold_for_sample_texts(string text)
    {
        var doc = Tokenize(text);
        Check(doc);
        Assert.True(doc.TokenCount > 3);
    }

    [Fact]
    public void Hold_for_random_text()
    {
        // A fixed seed keeps this deterministic; the alphabet mixes everything the tokenizer branches on.
        string alphabet = "aZ09 .,'’\"“”‘-–—@#:/\u00A0\u200D\u200B\n\u0301é؟ب" + "🇮🇶👍🏽" + "\uD800\uDC00";
        var random = new Random(20240519);
        for (int round = 0; round < 300; round++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 80);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();
            var doc = Tokenize(text);
            Check(doc);
            Splitter.Process(doc);
            Assert.Equal(doc.TokenCount, doc.Sentences.Sum(s => s.TokenCount));
        }
    }

    [Fact]
    public void Tokens_cover_every_visible_character()
    {
        // Nothing but white space and invisible format characters may fall between tokens.
        var text = "Gen. Smith’s U.S.-led 2,500-strong force — “fired!” at 9:58 (www.x.com) 🇮🇶 \uD800 ok…";
        var doc = Tokenize(text);
        var covered = new bool[text.Length];
        for (int i = 0; i < doc.TokenCount; i++)
            for (int k = doc.Tokens[i].Start; k < doc.Tokens[i].End; k++) covered[k] = true;
        for (int k = 0; k < text.Length; k++)
            if (!covered[k]) Assert.True(char.IsWhiteSpace(text[k]), $"character {k} ('{text[k]}') is in no token");
    }
}
