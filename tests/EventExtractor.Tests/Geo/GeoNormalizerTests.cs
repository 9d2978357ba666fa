using EventExtractor.Geo;

namespace EventExtractor.Tests.Geo;

public class GeoNormalizerTests
{
    [Theory]
    [InlineData("Baghdad", "baghdad")]
    [InlineData("Ḩadīthah", "hadithah")]
    [InlineData("Al-Qa'im", "al qaim")]
    [InlineData("Şa‘dah", "sadah")]
    [InlineData("  Sant_Julià   de-Lòria ", "sant julia de loria")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("St. Louis", "st louis")]
    [InlineData("Dar’a", "dara")]
    [InlineData("Ninawa, Iraq", "ninawa iraq")]
    [InlineData("", "")]
    public void Normalizes(string input, string expected) => Assert.Equal(expected, GeoNormalizer.Normalize(input));

    [Fact]
    public void SpanOverloadWritesTheSameAndReportsLength()
    {
        Span<char> buffer = stackalloc char[64];
        int n = GeoNormalizer.Normalize("Aḑ Ḑāli‘", buffer);
        Assert.Equal("ad dali", buffer[..n].ToString());
    }

    [Fact]
    public void SpanOverloadCutsWhenTheBufferIsShort()
    {
        Span<char> buffer = stackalloc char[5];
        int n = GeoNormalizer.Normalize("Mosul City", buffer);
        Assert.Equal("mosul", buffer[..n].ToString());
    }

    [Theory]
    [InlineData("al harithiyah", "harithiyah")]
    [InlineData("as sulaymaniyah", "sulaymaniyah")]
    [InlineData("el fasher", "fasher")]
    public void StripsLeadingArticle(string input, string expected)
    {
        Assert.True(GeoNormalizer.TryStripArticle(input, out var rest));
        Assert.Equal(expected, rest.ToString());
    }

    [Theory]
    [InlineData("al")]
    [InlineData("alma ata")]
    [InlineData("baghdad")]
    public void LeavesNamesWithoutArticle(string input) => Assert.False(GeoNormalizer.TryStripArticle(input, out _));
}
