using EventExtractor.Lexicons;

namespace EventExtractor.Tests.Lexicons;

public class LexiconTextTests
{
    [Theory]
    [InlineData("Kata’ib Hezbollah", "kataib hezbollah")]
    [InlineData("Kata'ib  Hezbollah", "kataib hezbollah")]
    [InlineData("KATAIB-HEZBOLLAH", "kataib hezbollah")]
    [InlineData("al-Shabaab", "al shabaab")]
    [InlineData("  Türkiye ", "turkiye")]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("Iraq's army", "iraqs army")]
    [InlineData("U.S.-led coalition", "u.s. led coalition")]
    [InlineData("Mosul—Erbil", "mosul erbil")]
    public void Normalize_folds_case_apostrophes_hyphens_and_accents(string input, string expected) =>
        Assert.Equal(expected, LexiconText.Normalize(input));

    [Fact]
    public void Append_joins_tokens_as_Normalize_would()
    {
        var sb = new System.Text.StringBuilder();
        LexiconText.Append("Kata’ib", sb);
        LexiconText.Append("Hezbollah", sb);
        Assert.Equal(LexiconText.Normalize("Kata’ib Hezbollah"), sb.ToString());
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("CAR", true)]
    [InlineData("KH", true)]
    [InlineData("U.S.", false)]
    [InlineData("Isis", false)]
    [InlineData("MONUSCO", false)]
    public void Short_acronyms_are_recognised(string phrase, bool expected) =>
        Assert.Equal(expected, LexiconText.IsShortAcronym(phrase));
}
