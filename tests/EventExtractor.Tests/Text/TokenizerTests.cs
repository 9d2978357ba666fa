using EventExtractor.Text;
using static EventExtractor.Tests.Text.TextTestHelpers;

namespace EventExtractor.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("U.S. troops", new[] { "U.S.", "troops" })]
    [InlineData("U.K. and U.N. envoys", new[] { "U.K.", "and", "U.N.", "envoys" })]
    [InlineData("Gen. Smith met Capt. Jones", new[] { "Gen.", "Smith", "met", "Capt.", "Jones" })]
    [InlineData("Lt. Col. Brown and Sgt. Lee", new[] { "Lt.", "Col.", "Brown", "and", "Sgt.", "Lee" })]
    [InlineData("Dr. Mr. Mrs. Ms. Jr. St. Mt.", new[] { "Dr.", "Mr.", "Mrs.", "Ms.", "Jr.", "St.", "Mt." })]
    [InlineData("Acme Inc. and Foo Ltd. and Bar Co.", new[] { "Acme", "Inc.", "and", "Foo", "Ltd.", "and", "Bar", "Co." })]
    [InlineData("e.g. this, i.e. that, red vs. blue", new[] { "e.g.", "this", ",", "i.e.", "that", ",", "red", "vs.", "blue" })]
    [InlineData("at 9 a.m. and 5 p.m.", new[] { "at", "9", "a.m.", "and", "5", "p.m." })]
    [InlineData("Jan. Feb. Aug. Sept. Oct. Nov. Dec.", new[] { "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec." })]
    [InlineData("No. 5 squad", new[] { "No.", "5", "squad" })]
    [InlineData("The answer was No. Then", new[] { "The", "answer", "was", "No", ".", "Then" })]
    [InlineData("the end. The next", new[] { "the", "end", ".", "The", "next" })]
    [InlineData("J. Smith", new[] { "J.", "Smith" })]
    [InlineData("George W. Bush", new[] { "George", "W.", "Bush" })]
    [InlineData("a U.S.-led coalition", new[] { "a", "U.S.-led", "coalition" })]
    public void Abbreviations_and_initials_keep_their_periods(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
    }

    [Fact]
    public void Abbreviations_are_flagged()
    {
        var doc = Tokenize("Gen. Smith met W. Jones in the U.S. today.");
        Assert.True(Single(doc, "Gen.").Flags.HasFlag(TokenFlags.Abbreviation));
        Assert.True(Single(doc, "W.").Flags.HasFlag(TokenFlags.Abbreviation));
        Assert.True(Single(doc, "U.S.").Flags.HasFlag(TokenFlags.Abbreviation));
        Assert.True(Single(doc, "U.S.").Flags.HasFlag(TokenFlags.AllCaps));
        Assert.False(Single(doc, "today").Flags.HasFlag(TokenFlags.Abbreviation));
        Assert.Equal(TokenKind.Punctuation, Single(doc, ".").Kind);
    }

    [Theory]
    [InlineData("1,000 people", new[] { "1,000", "people" })]
    [InlineData("2.5 km", new[] { "2.5", "km" })]
    [InlineData("160,000 troops", new[] { "160,000", "troops" })]
    [InlineData("10km away", new[] { "10", "km", "away" })]
    [InlineData("60km", new[] { "60", "km" })]
    [InlineData("at 9:58 local", new[] { "at", "9:58", "local" })]
    [InlineData("(2020-2022)", new[] { "(", "2020", "-", "2022", ")" })]
    [InlineData("the 1st and 27th", new[] { "the", "1st", "and", "27th" })]
    [InlineData("2nd 3rd 1990s", new[] { "2nd", "3rd", "1990s" })]
    [InlineData("122mm rockets", new[] { "122", "mm", "rockets" })]
    [InlineData("in 2020.", new[] { "in", "2020", "." })]
    [InlineData("1,000,000 and 12,34", new[] { "1,000,000", "and", "12", ",", "34" })]
    [InlineData("on 19/05/2020", new[] { "on", "19/05/2020" })]
    [InlineData("$5 or 5.5%", new[] { "$", "5", "or", "5.5", "%" })]
    public void Numbers(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
    }

    [Fact]
    public void Number_kinds_and_flags()
    {
        var doc = Tokenize("160,000 troops and 27th G7 MQ-9");
        Assert.Equal(TokenKind.Number, Single(doc, "160,000").Kind);
        Assert.True(Single(doc, "160,000").Flags.HasFlag(TokenFlags.HasDigit));
        Assert.Equal(TokenKind.Number, Single(doc, "27th").Kind);
        Assert.Equal(TokenKind.Word, Single(doc, "troops").Kind);
        Assert.False(Single(doc, "troops").Flags.HasFlag(TokenFlags.HasDigit));
        Assert.Equal(TokenKind.Word, Single(doc, "G7").Kind);
        Assert.True(Single(doc, "G7").Flags.HasFlag(TokenFlags.HasDigit));
        var mq = Single(doc, "MQ-9");
        Assert.True(mq.Flags.HasFlag(TokenFlags.Hyphenated) && mq.Flags.HasFlag(TokenFlags.AllCaps));
    }

    [Theory]
    [InlineData("Kata’ib Hezbollah", new[] { "Kata’ib", "Hezbollah" })]
    [InlineData("Kata'ib Hezbollah", new[] { "Kata'ib", "Hezbollah" })]
    [InlineData("Iraq’s army", new[] { "Iraq", "’s", "army" })]
    [InlineData("Iraq's army", new[] { "Iraq", "'s", "army" })]
    [InlineData("O'Brien said", new[] { "O'Brien", "said" })]
    [InlineData("we don't know", new[] { "we", "do", "n't", "know" })]
    [InlineData("they're here, we've gone, I'm in, you'll see", new[] { "they", "'re", "here", ",", "we", "'ve", "gone", ",", "I", "'m", "in", ",", "you", "'ll", "see" })]
    [InlineData("the soldiers’ families", new[] { "the", "soldiers", "’", "families" })]
    [InlineData("the U.S.'s role", new[] { "the", "U.S.", "'s", "role" })]
    public void Apostrophes(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
    }

    [Theory]
    [InlineData("Iran-backed")]
    [InlineData("al-Kadhimi")]
    [InlineData("Iraqi-Syrian")]
    [InlineData("2,500-strong")]
    [InlineData("9-year-old")]
    [InlineData("COVID-19")]
    public void Hyphenated_words_are_one_token(string word)
    {
        var doc = Tokenize($"the {word} force");
        Assert.Equal(new[] { "the", word, "force" }, Strings($"the {word} force"));
        Assert.True(Single(doc, word).Flags.HasFlag(TokenFlags.Hyphenated));
        Assert.False(Single(doc, "force").Flags.HasFlag(TokenFlags.Hyphenated));
    }

    [Theory]
    [InlineData("attack—the", new[] { "attack", "—", "the" })]
    [InlineData("attack — the", new[] { "attack", "—", "the" })]
    [InlineData("2020–2022", new[] { "2020", "–", "2022" })]
    [InlineData("Mosul–Baghdad road", new[] { "Mosul", "–", "Baghdad", "road" })]
    [InlineData("wait -- what", new[] { "wait", "--", "what" })]
    [InlineData("so... then… ok?!", new[] { "so", "...", "then", "…", "ok", "?!" })]
    public void Dashes_and_runs_of_punctuation(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
    }

    [Fact]
    public void Curly_quotes_are_separate_tokens_with_direction()
    {
        var text = "“We will win,” he said.";
        Assert.Equal(new[] { "“", "We", "will", "win", ",", "”", "he", "said", "." }, Strings(text));
        var doc = Tokenize(text);
        Assert.Equal(TokenFlags.OpeningQuote, Single(doc, "“").Flags);
        Assert.True(Single(doc, "”").Flags.HasFlag(TokenFlags.ClosingQuote));
    }

    [Fact]
    public void Straight_quotes_get_direction_from_context()
    {
        var text = "He said \"we will win.\" Then \"it\" ended.";
        var doc = Tokenize(text);
        var quotes = Enumerable.Range(0, doc.TokenCount).Where(i => doc.TokenText(i).SequenceEqual("\"")).Select(i => doc.Tokens[i].Flags).ToArray();
        Assert.Equal(4, quotes.Length);
        Assert.True(quotes[0].HasFlag(TokenFlags.OpeningQuote));
        Assert.True(quotes[1].HasFlag(TokenFlags.ClosingQuote));
        Assert.True(quotes[2].HasFlag(TokenFlags.OpeningQuote));
        Assert.True(quotes[3].HasFlag(TokenFlags.ClosingQuote));
    }

    [Fact]
    public void Single_quotes_nested_in_double_quotes()
    {
        var doc = Tokenize("“They call it ‘the end,’ you know,” she said.");
        Assert.True(Single(doc, "‘").Flags.HasFlag(TokenFlags.OpeningQuote));
        Assert.True(Single(doc, "’").Flags.HasFlag(TokenFlags.ClosingQuote));
        Assert.True(Single(doc, "end").Flags.HasFlag(TokenFlags.Quoted));
        Assert.True(Single(doc, "know").Flags.HasFlag(TokenFlags.Quoted));
        Assert.False(Single(doc, "she").Flags.HasFlag(TokenFlags.Quoted));
    }

    [Fact]
    public void Quoted_spans_sentences_but_not_the_attribution()
    {
        var doc = Tokenize("“We will fight. We will win,” he said. Later they left.");
        foreach (var w in new[] { "fight", "win" }) Assert.True(Single(doc, w).Flags.HasFlag(TokenFlags.Quoted), w);
        foreach (var w in new[] { "he", "said", "Later", "they", "left" }) Assert.False(Single(doc, w).Flags.HasFlag(TokenFlags.Quoted), w);
        Assert.False(Single(doc, "“").Flags.HasFlag(TokenFlags.Quoted));
    }

    [Fact]
    public void Quote_depth_resets_at_a_line_break()
    {
        var doc = Tokenize("She said “this never closes.\nNext paragraph here.");
        Assert.True(Single(doc, "closes").Flags.HasFlag(TokenFlags.Quoted));
        Assert.False(Single(doc, "Next").Flags.HasFlag(TokenFlags.Quoted));
    }

    [Fact]
    public void A_quote_continued_into_the_next_paragraph_is_reopened_and_stays_quoted()
    {
        var doc = Tokenize("“First part of the speech.\n\n“Second part,” he said.");
        Assert.True(Single(doc, "First").Flags.HasFlag(TokenFlags.Quoted));
        Assert.True(Single(doc, "Second").Flags.HasFlag(TokenFlags.Quoted));
        Assert.False(Single(doc, "he").Flags.HasFlag(TokenFlags.Quoted));
    }

    [Theory]
    [InlineData("see https://example.com/a?b=1.", new[] { "see", "https://example.com/a?b=1", "." })]
    [InlineData("(www.example.org/page)", new[] { "(", "www.example.org/page", ")" })]
    [InlineData("mail info@example.org now", new[] { "mail", "info@example.org", "now" })]
    [InlineData("mail john.smith@mail.example.co.uk.", new[] { "mail", "john.smith@mail.example.co.uk", "." })]
    [InlineData("by @some_user and #Iraq2020", new[] { "by", "@some_user", "and", "#Iraq2020" })]
    [InlineData("read bbc.co.uk today", new[] { "read", "bbc.co.uk", "today" })]
    public void Urls_addresses_handles_and_hashtags_are_one_token(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
        var doc = Tokenize(text);
        Assert.Equal(TokenKind.Symbol, Single(doc, expected[1]).Kind);
    }

    [Fact]
    public void Shape_flags()
    {
        var doc = Tokenize("Baghdad NATO iPhone I Ukraine’s x2");
        Assert.Equal(TokenFlags.Capitalized, Single(doc, "Baghdad").Flags);
        Assert.Equal(TokenFlags.Capitalized | TokenFlags.AllCaps, Single(doc, "NATO").Flags);
        Assert.Equal(TokenFlags.None, Single(doc, "iPhone").Flags);
        Assert.Equal(TokenFlags.Capitalized, Single(doc, "I").Flags);
        Assert.Equal(TokenFlags.Capitalized, Single(doc, "Ukraine").Flags);
        Assert.Equal(TokenFlags.HasDigit, Single(doc, "x2").Flags);
    }

    [Theory]
    [InlineData("Baghdad\u00A0(AP)", new[] { "Baghdad", "(", "AP", ")" })]
    [InlineData("two\u200Bwords", new[] { "two", "words" })]
    [InlineData("\uFEFFStart here", new[] { "Start", "here" })]
    [InlineData("cafe\u0301 noir", new[] { "cafe\u0301", "noir" })]
    [InlineData("كتائب حزب الله، بغداد", new[] { "كتائب", "حزب", "الله", "،", "بغداد" })]
    [InlineData("می\u200Cخواهم", new[] { "می\u200Cخواهم" })]
    [InlineData("ok 👍🏽 fine", new[] { "ok", "👍🏽", "fine" })]
    [InlineData("family 👨\u200D👩\u200D👧 here", new[] { "family", "👨\u200D👩\u200D👧", "here" })]
    [InlineData("flags 🇮🇶🇺🇸", new[] { "flags", "🇮🇶", "🇺🇸" })]
    [InlineData("math 𝐀𝐁𝐂 done", new[] { "math", "𝐀𝐁𝐂", "done" })]
    [InlineData("Arabic digits ١٢٣ here", new[] { "Arabic", "digits", "١٢٣", "here" })]
    public void Messy_unicode(string text, string[] expected)
    {
        Assert.Equal(expected, Strings(text));
    }

    [Fact]
    public void Lone_surrogates_become_single_symbol_tokens()
    {
        var text = "a\uD800b \uDC00 c";
        Assert.Equal(new[] { "a", "\uD800", "b", "\uDC00", "c" }, Strings(text));
    }

    [Fact]
    public void Reuses_a_large_enough_buffer_and_grows_a_small_one()
    {
        var buffer = new Token[2];
        int count = Tok.Tokenize("one two three four five", ref buffer);
        Assert.Equal(5, count);
        Assert.True(buffer.Length >= 5);
        var big = new Token[64];
        var same = big;
        Tok.Tokenize("one two", ref big);
        Assert.Same(same, big);
    }

    [Fact]
    public void Custom_abbreviation_list_is_used()
    {
        var tokenizer = new Tokenizer(["Gen."], []);
        var doc = new Document("Gen. Smith and Capt. Jones");
        tokenizer.Process(doc);
        Assert.Equal("Gen.", doc.TokenText(0).ToString());
        Assert.Equal("Capt", doc.TokenText(3).ToString());
        Assert.Equal(".", doc.TokenText(4).ToString());
    }
}
