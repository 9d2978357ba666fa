using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

public class PhraseMatcherTests
{
    private static readonly Tokenizer Tok = new();
    private static readonly SentenceSplitter Splitter = new();

    private static (Document Doc, MatchWord[] Words) Words(string text)
    {
        var doc = new Document(text);
        Tok.Process(doc);
        Splitter.Process(doc);
        return (doc, MatchWords.Build(doc));
    }

    private static List<(string Text, int Entry)> Run(PhraseMatcher m, string text, bool wholeTokens = true)
    {
        var (doc, words) = Words(text);
        var found = new List<PhraseMatch>();
        m.Match(words, 0, words.Length, wholeTokens, found);
        return found.Select(x => (doc.Cut(x.FirstToken, x.TokenCount), x.Entry)).ToList();
    }

    private static PhraseMatcher Matcher(params (string Phrase, int Entry)[] phrases)
    {
        var m = new PhraseMatcher();
        foreach (var (p, e) in phrases) Assert.True(m.Add(p, e));
        return m;
    }

    [Fact]
    public void The_longest_phrase_wins()
    {
        var m = Matcher(("air", 1), ("air strike", 2), ("air strike campaign", 3), ("strike", 4));
        Assert.Equal([("air strike", 2)], Run(m, "An air strike hit the town."));
        Assert.Equal([("air strike campaign", 3)], Run(m, "The air strike campaign went on."));
        Assert.Equal(3, m.MaxWords);
    }

    [Fact]
    public void After_a_match_the_search_resumes_past_it()
    {
        var m = Matcher(("car bomb", 1), ("bomb attack", 2));
        // "bomb" belongs to the first match, so "bomb attack" is not found inside it.
        Assert.Equal([("car bomb", 1)], Run(m, "A car bomb attack shook the city."));
    }

    [Fact]
    public void Several_entries_may_share_a_phrase()
    {
        var m = Matcher(("Islamic State", 10), ("Islamic State", 11), ("Islamic State", 10));
        var found = Run(m, "Islamic State fighters withdrew.");
        Assert.Equal([("Islamic State", 10), ("Islamic State", 11)], found);
    }

    [Fact]
    public void MatchFirstEntries_lists_each_phrase_once_with_its_first_entry()
    {
        var m = Matcher(("Islamic State", 10), ("Islamic State", 11), ("army", 3), ("army", 4));
        var (doc, words) = Words("Islamic State fighters fought the army and Islamic State lost.");
        var all = new List<PhraseMatch>();
        m.Match(words, 0, words.Length, true, all);
        var first = new List<PhraseMatch>();
        m.MatchFirstEntries(words, 0, words.Length, true, first);
        Assert.Equal(6, all.Count);
        Assert.Equal(all.DistinctBy(x => (x.FirstWord, x.EndWord)).ToList(), first);
        Assert.Equal([10, 3, 10], first.Select(x => x.Entry).ToArray());
        Assert.Equal("army", doc.Cut(first[1].FirstToken, first[1].TokenCount));
    }

    [Fact]
    public void MatchWord_keeps_each_flag_apart()
    {
        for (int bits = 0; bits < 32; bits++)
        {
            var w = new MatchWord(42, 7, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0);
            Assert.Equal((42UL, 7), (w.Hash, w.Token));
            Assert.Equal([(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0],
                new[] { w.InsideHyphenated, w.StartsToken, w.EndsToken, w.AllCaps, w.Capitalized });
            var ends = w with { EndsToken = true, PossessiveHash = 5 };
            Assert.True(ends.EndsToken);
            Assert.Equal(w with { EndsToken = (bits & 4) != 0, PossessiveHash = 5 }, ends with { EndsToken = (bits & 4) != 0 });
            Assert.False((w with { EndsToken = false }).EndsToken);
            Assert.Equal(w.StartsToken, ends.StartsToken);
        }
        Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<MatchWord>());
    }

    [Fact]
    public void Acronyms_match_capitals_only()
    {
        var m = Matcher(("US", 1), ("troops", 2));
        Assert.Contains(("US", 1), Run(m, "US troops arrived."));
        Assert.DoesNotContain(("us", 1), Run(m, "They told us to leave."));
        Assert.Contains(("U.S.", 1), Run(m, "U.S. troops arrived."));
    }

    [Fact]
    public void Case_sensitivity_can_be_switched_off_for_a_phrase()
    {
        var m = new PhraseMatcher();
        m.Add("US", 1, caseSensitive: false);
        Assert.Equal([("us", 1)], Run(m, "They told us to leave."));
    }

    [Fact]
    public void An_ordinary_word_matches_in_any_case()
    {
        var m = Matcher(("gunmen", 1));
        Assert.Equal([("GUNMEN", 1)], Run(m, "GUNMEN STORMED A VILLAGE."));
        Assert.Equal([("Gunmen", 1)], Run(m, "Gunmen stormed a village."));
    }

    [Fact]
    public void Part_of_a_hyphenated_token_matches_only_when_allowed()
    {
        var m = Matcher(("Iran", 1));
        Assert.Empty(Run(m, "Iran-backed militias fired.", wholeTokens: true));
        Assert.Equal([("Iran-backed", 1)], Run(m, "Iran-backed militias fired.", wholeTokens: false));
        Assert.Equal([("Iran", 1)], Run(m, "Iran denied it.", wholeTokens: true));
    }

    [Fact]
    public void A_whole_hyphenated_token_matches_its_spaced_phrase()
    {
        var m = Matcher(("al Shabaab", 1));
        Assert.Equal([("al-Shabaab", 1)], Run(m, "Fighters of al-Shabaab withdrew.", wholeTokens: true));
        var m2 = Matcher(("al-Shabaab", 2));
        Assert.Equal([("al Shabaab", 2)], Run(m2, "Fighters of al Shabaab withdrew."));
    }

    [Fact]
    public void Hyphen_words_are_marked_by_their_place_in_the_token()
    {
        var (_, words) = Words("pro-government forces");
        Assert.Equal(3, words.Length);
        Assert.True(words[0].InsideHyphenated && words[0].StartsToken && !words[0].EndsToken);
        Assert.True(words[1].InsideHyphenated && !words[1].StartsToken && words[1].EndsToken);
        Assert.Equal(words[0].Token, words[1].Token);
        Assert.False(words[2].InsideHyphenated);
    }

    [Theory]
    [InlineData("The People’s Army attacked.", "People’s Army")]
    [InlineData("The People's Army attacked.", "People's Army")]
    [InlineData("The Peoples Army attacked.", "Peoples Army")]
    public void A_possessive_matches_a_phrase_written_with_the_s_joined(string text, string expected)
    {
        var m = Matcher(("Peoples Army", 1));
        Assert.Equal([(expected, 1)], Run(m, text));
    }

    [Theory]
    [InlineData("Drones hit Erbil’s airport.", "Erbil’s airport")]
    [InlineData("Drones hit Erbil's airport.", "Erbil's airport")]
    [InlineData("Drones hit Erbil airport.", "Erbil airport")]
    public void A_possessive_also_matches_a_phrase_without_it(string text, string expected)
    {
        var m = Matcher(("Erbil airport", 1));
        Assert.Equal([(expected, 1)], Run(m, text));
    }

    [Fact]
    public void A_possessive_alone_does_not_make_a_match()
    {
        var m = Matcher(("Erbil airport", 1));
        Assert.Empty(Run(m, "Erbil’s mayor visited the airport."));
    }

    [Fact]
    public void Matching_stays_inside_the_word_range()
    {
        var m = Matcher(("rocket", 1));
        var (_, words) = Words("A rocket fell and another rocket fell.");
        var found = new List<PhraseMatch>();
        m.Match(words, 3, words.Length, true, found);
        var one = Assert.Single(found);
        Assert.True(one.FirstWord >= 3);
        Assert.Equal(one.FirstWord + 1, one.EndWord);
    }

    [Fact]
    public void An_empty_phrase_is_refused()
    {
        var m = new PhraseMatcher();
        Assert.False(m.Add("", 1));
        Assert.False(m.Add(" ’ . ", 1));
        Assert.Empty(m.EntriesOf(0));
    }

    [Fact]
    public void Entries_are_found_by_phrase_hash()
    {
        var m = Matcher(("roadside bomb", 7));
        Assert.Equal([7], m.EntriesOf(WordKey.HashPhrase("Roadside-bomb", out _)));
        Assert.Empty(m.EntriesOf(WordKey.HashPhrase("roadside", out _)));
    }

    [Fact]
    public void Phrases_are_cut_into_words_as_SplitPhrase_cuts_them()
    {
        var m = new PhraseMatcher();
        m.EnsureCapacity(3);
        Assert.True(m.Add("  al\u2010Shabaab -  fighters\t", 1));
        Assert.True(m.Add("Mosul ’ dam", 2));
        Assert.True(m.Add("-US-", 3));
        Assert.Equal(3, m.MaxWords);
        Assert.Equal([1], m.EntriesOf(WordKey.HashPhrase("al Shabaab fighters", out _)));
        Assert.Equal([2], m.EntriesOf(WordKey.HashPhrase("Mosul dam", out _)));
        Assert.Equal([3], m.EntriesOf(WordKey.HashPhrase("us", out _)));
        // The one word left of "-US-" is an acronym: capitals only.
        Assert.Equal([("US", 3)], Run(m, "US troops left us."));
    }
}
