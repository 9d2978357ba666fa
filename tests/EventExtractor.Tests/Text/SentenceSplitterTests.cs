using EventExtractor.Text;
using static EventExtractor.Tests.Text.TextTestHelpers;

namespace EventExtractor.Tests.Text;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("Troops arrived. They left.", new[] { "Troops arrived.", "They left." })]
    [InlineData("U.S. troops arrived. They left.", new[] { "U.S. troops arrived.", "They left." })]
    [InlineData("He moved to the U.S. The next day he left.", new[] { "He moved to the U.S.", "The next day he left." })]
    [InlineData("It hit at 9 a.m. local time.", new[] { "It hit at 9 a.m. local time." })]
    [InlineData("It hit at 9 a.m. The base was empty.", new[] { "It hit at 9 a.m.", "The base was empty." })]
    [InlineData("J. Smith met George W. Bush and Gen. Adams.", new[] { "J. Smith met George W. Bush and Gen. Adams." })]
    [InlineData("Lt. Col. Brown spoke to Mr. Lee.", new[] { "Lt. Col. Brown spoke to Mr. Lee." })]
    [InlineData("It cost 2.5 million. Nobody paid.", new[] { "It cost 2.5 million.", "Nobody paid." })]
    [InlineData("Was it him? Yes! Maybe...", new[] { "Was it him?", "Yes!", "Maybe..." })]
    [InlineData("Police found 1,000 rounds. 15 people were held.", new[] { "Police found 1,000 rounds.", "15 people were held." })]
    [InlineData("The U.S. Embassy was hit.", new[] { "The U.S. Embassy was hit." })]
    [InlineData("Unit No. 5 fired.", new[] { "Unit No. 5 fired." })]
    public void Splits_at_sentence_ends_only(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceStrings(text));
    }

    [Fact]
    public void A_quotation_spanning_sentences_splits_inside_and_keeps_the_attribution()
    {
        Assert.Equal(
            new[] { "“We will fight.", "We will win,” he said." },
            SentenceStrings("“We will fight. We will win,” he said."));
    }

    [Theory]
    [InlineData("He said “it is over.” Then he left.", new[] { "He said “it is over.”", "Then he left." })]
    [InlineData("She called it ‘the end.’” Next came.", new[] { "She called it ‘the end.’”", "Next came." })]
    [InlineData("He said \"it is over.\" Then he left.", new[] { "He said \"it is over.\"", "Then he left." })]
    [InlineData("(It was late.) They slept.", new[] { "(It was late.)", "They slept." })]
    public void Closing_quotes_and_brackets_stay_with_their_sentence(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceStrings(text));
    }

    [Theory]
    [InlineData("“Why?” he asked.", new[] { "“Why?” he asked." })]
    [InlineData("“Run!” she shouted. They ran.", new[] { "“Run!” she shouted.", "They ran." })]
    [InlineData("“Why?” He did not answer.", new[] { "“Why?”", "He did not answer." })]
    public void Question_or_exclamation_inside_a_quote_continues_when_lower_case_follows(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceStrings(text));
    }

    [Fact]
    public void Every_line_break_is_a_hard_boundary()
    {
        Assert.Equal(
            new[] { "Headline without a stop", "First line of body", "Second. Third." [..7], "Third." },
            SentenceStrings("Headline without a stop\n\nFirst line of body\nSecond. Third."));
    }

    [Fact]
    public void Abbreviation_at_the_end_of_a_line_ends_the_sentence()
    {
        Assert.Equal(new[] { "Talks were held in the U.S.", "Gen. Adams came." },
            SentenceStrings("Talks were held in the U.S.\nGen. Adams came."));
    }

    [Fact]
    public void Paragraph_index_comes_from_the_paragraphs_when_known()
    {
        var text = "Title line\n\nBody one. Body two.\nLast.";
        var paragraphs = new[]
        {
            new Paragraph(0, 10, ParagraphKind.Headline),
            new Paragraph(12, text.Length, ParagraphKind.Body),
        };
        var doc = Split(text, paragraphs);
        Assert.Equal(new[] { 0, 1, 1, 1 }, doc.Sentences.Select(s => s.Paragraph));
        var without = Split(text);
        Assert.All(without.Sentences, s => Assert.Equal(-1, s.Paragraph));
    }

    [Fact]
    public void Sentences_partition_the_tokens()
    {
        var doc = Split("“A quote. Another,” he said.\nGen. X. Y. Zed met U.S. envoys at 5 p.m. The end!\n\n(Note.)");
        int next = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.True(s.TokenCount > 0);
            Assert.Equal(doc.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(doc.Tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
            next += s.TokenCount;
        }
        Assert.Equal(doc.TokenCount, next);
    }

    [Fact]
    public void Custom_starter_list_is_used()
    {
        var splitter = new SentenceSplitter([], ["Officials"]);
        var doc = new Document("Talks in the U.S. Officials said so.");
        Tok.Process(doc);
        splitter.Process(doc);
        Assert.Equal(2, doc.Sentences.Length);
        Assert.Single(Split("Talks in the U.S. Officials said so.").Sentences);
    }
}
