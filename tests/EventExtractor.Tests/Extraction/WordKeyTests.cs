using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

public class WordKeyTests
{
    [Theory]
    [InlineData("Kata’ib", "Kata'ib")]
    [InlineData("Kata'ib", "Kataib")]
    [InlineData("KATAIB", "kataib")]
    [InlineData("U.S.", "US")]
    [InlineData("U.S.", "us")]
    [InlineData("Maʼrib", "Marib")]
    [InlineData("Ḩawijah", "hawijah")]
    [InlineData("Kraków", "Krakow")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Bogotá", "BOGOTA")]
    public void Spellings_that_differ_only_in_marks_hash_alike(string a, string b)
    {
        Assert.Equal(WordKey.Hash(b), WordKey.Hash(a));
        Assert.Equal(WordKey.Normalize(b), WordKey.Normalize(a));
    }

    [Theory]
    [InlineData("Kata’ib", "kataib")]
    [InlineData("U.S.", "us")]
    [InlineData("Ḩ", "h")]
    [InlineData("Çé", "ce")]
    [InlineData("e\u0301", "e")] // a combining accent vanishes
    public void Normalize_folds_case_marks_and_diacritics(string word, string expected) =>
        Assert.Equal(expected, WordKey.Normalize(word));

    [Theory]
    [InlineData("Kabul", "Kabal")]
    [InlineData("Herat", "Hearts")]
    [InlineData("ab", "ba")]
    public void Different_words_hash_differently(string a, string b) =>
        Assert.NotEqual(WordKey.Hash(a), WordKey.Hash(b));

    [Theory]
    [InlineData("")]
    [InlineData("'")]
    [InlineData("’.")]
    [InlineData("...")]
    public void A_word_of_marks_only_hashes_to_zero(string word) => Assert.Equal(0UL, WordKey.Hash(word));

    [Fact]
    public void SplitPhrase_splits_on_spaces_and_every_hyphen()
    {
        Assert.Equal(["Iran", "backed", "militia"], WordKey.SplitPhrase("Iran-backed militia"));
        Assert.Equal(["al", "Shabaab"], WordKey.SplitPhrase("al\u2010Shabaab"));
        Assert.Equal(["north", "south"], WordKey.SplitPhrase("north\u2013south"));
        Assert.Equal(["two", "words"], WordKey.SplitPhrase("  two \t words  "));
    }

    [Fact]
    public void SplitPhrase_drops_pieces_with_nothing_left()
    {
        Assert.Equal(["Mosul", "dam"], WordKey.SplitPhrase("Mosul ’ dam"));
        Assert.Empty(WordKey.SplitPhrase(" - ' "));
    }

    [Fact]
    public void A_hyphenated_phrase_hashes_like_its_spaced_form()
    {
        ulong a = WordKey.HashPhrase("al-Shabaab fighters", out int na);
        ulong b = WordKey.HashPhrase("Al Shabaab  fighters", out int nb);
        Assert.Equal(3, na);
        Assert.Equal(3, nb);
        Assert.Equal(a, b);
        ulong manual = WordKey.Combine(WordKey.Combine(WordKey.Combine(0, WordKey.Hash("al")), WordKey.Hash("shabaab")), WordKey.Hash("fighters"));
        Assert.Equal(manual, a);
    }

    [Fact]
    public void Phrase_hashes_depend_on_word_order()
    {
        Assert.NotEqual(WordKey.HashPhrase("army base", out _), WordKey.HashPhrase("base army", out _));
    }
}
