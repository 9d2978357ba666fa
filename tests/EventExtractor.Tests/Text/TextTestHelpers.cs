using EventExtractor.Text;

namespace EventExtractor.Tests.Text;

internal static class TextTestHelpers
{
    public static readonly Tokenizer Tok = new();
    public static readonly SentenceSplitter Splitter = new();

    public static Document Tokenize(string text)
    {
        var doc = new Document(text);
        Tok.Process(doc);
        return doc;
    }

    public static Document Split(string text, Paragraph[]? paragraphs = null)
    {
        var doc = new Document(text);
        if (paragraphs != null) doc.Paragraphs = paragraphs;
        Tok.Process(doc);
        Splitter.Process(doc);
        return doc;
    }

    public static string[] Strings(string text)
    {
        var doc = Tokenize(text);
        var result = new string[doc.TokenCount];
        for (int i = 0; i < doc.TokenCount; i++) result[i] = doc.TokenText(i).ToString();
        return result;
    }

    public static string[] SentenceStrings(string text)
    {
        var doc = Split(text);
        return doc.Sentences.Select(s => text[s.Start..s.End]).ToArray();
    }

    /// <summary>The one token whose text is exactly <paramref name="tokenText"/>.</summary>
    public static Token Single(Document doc, string tokenText)
    {
        var hits = Enumerable.Range(0, doc.TokenCount).Where(i => doc.TokenText(i).SequenceEqual(tokenText)).ToList();
        Assert.True(hits.Count == 1, $"expected one token '{tokenText}', found {hits.Count}");
        return doc.Tokens[hits[0]];
    }
}
