using EventExtractor.Ingestion;

namespace EventExtractor.Tests.Ingestion;

public class PublicationDateFinderTests
{
    [Theory]
    [InlineData("Headline\n\nUpdated: October 31, 2021, 9:58 AM\n\nBody text here.", 2021, 10, 31)]
    [InlineData("Headline\n\nPublished: 3 March 2022\n\nBody text here.", 2022, 3, 3)]
    [InlineData("Headline\n\nMay 19, 2020\n\nA rocket landed near the base.", 2020, 5, 19)]
    [InlineData("Headline\n\nOct. 31, 2021\n\nBody.", 2021, 10, 31)]
    [InlineData("Headline\n\nTuesday, 19 May 2020 10:44 GMT\n\nBody.", 2020, 5, 19)]
    [InlineData("Headline\n\n2021-10-31\n\nBody.", 2021, 10, 31)]
    [InlineData("Headline\n\nKABUL, Aug. 2, 2021 (Reuters) - Gunmen attacked a bus.", 2021, 8, 2)]
    [InlineData("Headline\n\nBody one.\n\nBody two.\n\nLast updated: 12 January 2019", 2019, 1, 12)]
    [InlineData("Headline\n\nBody one.\n\nBody two.\n\nJune 7, 2018", 2018, 6, 7)]
    public void FindsDateline(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PublicationDateFinder.FindInText(text));

    [Theory]
    [InlineData("Headline\n\nBAGHDAD, May 19 (Reuters) - Rockets hit the airport.")] // no year
    [InlineData("Headline\n\n31/10/2021\n\nBody.")] // day/month order unknown
    [InlineData("Headline\n\nThe attack on October 31, 2021 killed three people.")] // a date inside a sentence is not a dateline
    [InlineData("")]
    [InlineData("Headline\n\nFebruary 30, 2021\n\nBody.")] // no such day
    public void IgnoresWhatIsNotAFullDateline(string text) => Assert.Null(PublicationDateFinder.FindInText(text));

    [Fact]
    public void PublishedBeatsUpdated()
    {
        var text = "Headline\n\nUpdated: 5 March 2022\nPublished: 3 March 2022\n\nBody.";
        Assert.Equal(new DateOnly(2022, 3, 3), PublicationDateFinder.FindInText(text));
    }

    [Fact]
    public void StandaloneDateBelowTopLines_InTheMiddle_IsIgnored()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"Paragraph number {i}.").ToList();
        lines.Insert(12, "April 4, 2017");
        Assert.Null(PublicationDateFinder.FindInText("Headline\n" + string.Join("\n", lines)));
    }

    [Fact]
    public void Resolve_Order_MetadataThenDatelineThenDefault()
    {
        var text = "Headline\n\nMay 19, 2020\n\nBody.";
        var meta = new DateOnly(2020, 5, 18);
        var cli = new DateOnly(1999, 1, 1);
        Assert.Equal((meta, PublishedDateSource.Metadata), PublicationDateFinder.Resolve(meta, text, cli));
        Assert.Equal((new DateOnly(2020, 5, 19), PublishedDateSource.Dateline), PublicationDateFinder.Resolve(null, text, cli));
        Assert.Equal((cli, PublishedDateSource.CommandLine), PublicationDateFinder.Resolve(null, "Headline\n\nBody.", cli));
        Assert.Equal(((DateOnly?)null, PublishedDateSource.None), PublicationDateFinder.Resolve(null, "Headline\n\nBody.", null));
    }

    [Theory]
    [InlineData("2021-10-31", true)]
    [InlineData("2021-10-31T09:58:00Z", true)]
    [InlineData("2021-10-31 09:58", true)]
    [InlineData(" 2021-10-31 ", true)]
    [InlineData("2021-13-01", false)]
    [InlineData("31/10/2021", false)]
    [InlineData("October 31, 2021", false)]
    [InlineData("2021-10-31x", false)]
    [InlineData("", false)]
    public void TryParseIso(string value, bool ok)
    {
        Assert.Equal(ok, PublicationDateFinder.TryParseIso(value, out var d));
        if (ok) Assert.Equal(new DateOnly(2021, 10, 31), d);
    }

    [Theory]
    [InlineData("October 31, 2021")]
    [InlineData("Oct. 31, 2021")]
    [InlineData("31 October 2021")]
    [InlineData("31st of October, 2021")]
    [InlineData("Sunday, October 31, 2021")]
    [InlineData("2021-10-31")]
    public void TryParseDate_Formats(string s)
    {
        Assert.True(PublicationDateFinder.TryParseDate(s, out var d, out int len));
        Assert.Equal(new DateOnly(2021, 10, 31), d);
        Assert.Equal(s.Length, len);
    }

    [Fact]
    public void TryParseLoose_AcceptsWrittenDateFromMetadata()
    {
        Assert.True(PublicationDateFinder.TryParseLoose("12 April 2023", out var d));
        Assert.Equal(new DateOnly(2023, 4, 12), d);
        Assert.False(PublicationDateFinder.TryParseLoose("12/04/2023", out _));
    }
}
