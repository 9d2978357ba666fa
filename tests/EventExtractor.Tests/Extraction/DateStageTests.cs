using EventExtractor.Extraction;

namespace EventExtractor.Tests.Extraction;

/// <summary>Date expressions resolved against the publication date, through the real engine's stages.</summary>
[Collection("engine")]
public class DateStageTests(EngineFixture fx)
{
    // 17 March 2021 is a Wednesday.
    private const string Wednesday = "2021-03-17";

    private (string Text, DateOnly? Day, DatePrecision Precision) OnlyDate(string body, string? published)
    {
        var dates = EngineFixture.Dates(fx.Engine.Analyse(EngineFixture.Article(body, published)));
        Assert.True(dates.Count == 1, $"expected one date, got {dates.Count}: {string.Join(", ", dates)}");
        return dates[0];
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Gunmen raided a farm near Jos on Monday.", "2021-03-15")]
    [InlineData("Gunmen raided a farm near Jos on Tuesday.", "2021-03-16")]
    [InlineData("Gunmen raided a farm near Jos on Thursday.", "2021-03-11")]
    [InlineData("Gunmen raided a farm near Jos on Sunday.", "2021-03-14")]
    public void A_weekday_is_the_last_such_day_before_publication(string body, string expected)
    {
        var (_, day, precision) = OnlyDate(body, Wednesday);
        Assert.Equal(D(expected), day);
        Assert.Equal(DatePrecision.Day, precision);
    }

    [Fact]
    public void The_publication_weekday_is_the_publication_day()
    {
        Assert.Equal(D(Wednesday), OnlyDate("Troops shelled a ridge near Izium on Wednesday.", Wednesday).Day);
    }

    [Fact]
    public void Last_and_the_publication_weekday_is_a_week_before()
    {
        Assert.Equal(D("2021-03-10"), OnlyDate("Troops shelled a ridge near Izium last Wednesday.", Wednesday).Day);
    }

    [Fact]
    public void A_weekday_with_a_part_of_day_is_one_expression()
    {
        var (text, day, _) = OnlyDate("Rebels stormed a post near Cucuta on Saturday night.", Wednesday);
        Assert.Equal("Saturday night", text);
        Assert.Equal(D("2021-03-13"), day);
    }

    [Theory]
    [InlineData("A mine went off near Tumaco on May 19, 2020.", "May 19, 2020")]
    [InlineData("A mine went off near Tumaco on 19 May 2020.", "19 May 2020")]
    [InlineData("A mine went off near Tumaco on May 19 2020.", "May 19 2020")]
    public void Full_dates_in_either_order(string body, string text)
    {
        var (found, day, precision) = OnlyDate(body, Wednesday);
        Assert.Equal(text, found);
        Assert.Equal(D("2020-05-19"), day);
        Assert.Equal(DatePrecision.Day, precision);
    }

    [Fact]
    public void A_month_and_day_before_publication_keep_its_year()
    {
        Assert.Equal(D("2021-03-26"), OnlyDate("Shelling hit Kharkiv on March 26.", "2021-05-10").Day);
        Assert.Equal(D("2021-03-26"), OnlyDate("Shelling hit Kharkiv on 26 March.", "2021-05-10").Day);
    }

    [Fact]
    public void A_month_and_day_after_publication_are_of_the_previous_year()
    {
        Assert.Equal(D("2020-12-27"), OnlyDate("Shelling hit Kharkiv on December 27.", "2021-02-10").Day);
        Assert.Equal(D("2020-03-20"), OnlyDate("Shelling hit Kharkiv on March 20.", "2021-03-17").Day);
    }

    [Fact]
    public void An_abbreviated_month_with_an_ordinal_day()
    {
        Assert.Equal(D("2021-02-03"), OnlyDate("Clashes broke out in Aden on Feb. 3rd.", Wednesday).Day);
    }

    [Fact]
    public void A_february_29_that_does_not_exist_is_no_date()
    {
        Assert.Empty(EngineFixture.Dates(fx.Engine.Analyse(EngineFixture.Article("Clashes broke out in Aden on February 29, 2021.", Wednesday))));
    }

    [Theory]
    [InlineData("Fighting resumed in Taiz yesterday.", "2021-03-16")]
    [InlineData("Fighting resumed in Taiz today.", "2021-03-17")]
    public void Yesterday_and_today_are_days(string body, string expected)
    {
        var (_, day, precision) = OnlyDate(body, Wednesday);
        Assert.Equal(D(expected), day);
        Assert.Equal(DatePrecision.Day, precision);
    }

    [Fact]
    public void Last_week_is_the_middle_of_the_previous_week()
    {
        var (_, day, precision) = OnlyDate("Students marched in Lagos last week.", Wednesday);
        Assert.Equal(DatePrecision.Week, precision);
        Assert.Equal((int)DatePrecision.Week, 2);
        Assert.Equal(D("2021-03-10"), day);
    }

    [Fact]
    public void Last_month_is_the_middle_of_the_previous_month()
    {
        var (_, day, precision) = OnlyDate("Students marched in Lagos last month.", Wednesday);
        Assert.Equal(DatePrecision.Month, precision);
        Assert.Equal(D("2021-02-15"), day);
    }

    [Fact]
    public void In_a_month_is_the_latest_such_month()
    {
        var (text, day, precision) = OnlyDate("Students marched in Lagos in October.", Wednesday);
        Assert.Equal("October", text);
        Assert.Equal(DatePrecision.Month, precision);
        Assert.Equal(D("2020-10-15"), day);
    }

    [Theory]
    [InlineData("Students marched in Lagos in early January.", "2021-01-01")]
    [InlineData("Students marched in Lagos in late January.", "2021-01-31")]
    [InlineData("Students marched in Lagos in January 2019.", "2019-01-15")]
    public void Month_expressions_pick_the_codebook_day(string body, string expected)
    {
        var (_, day, precision) = OnlyDate(body, Wednesday);
        Assert.Equal(DatePrecision.Month, precision);
        Assert.Equal(D(expected), day);
    }

    [Fact]
    public void In_a_year_has_year_precision()
    {
        var (text, _, precision) = OnlyDate("The group seized the port in 2014.", Wednesday);
        Assert.Equal("2014", text);
        Assert.Equal(DatePrecision.Year, precision);
    }

    [Fact]
    public void The_modal_may_is_no_month()
    {
        Assert.Empty(EngineFixture.Dates(fx.Engine.Analyse(EngineFixture.Article("The rebels may attack the convoy.", Wednesday))));
    }

    [Fact]
    public void Without_a_publication_date_relative_expressions_stay_unresolved()
    {
        var dates = EngineFixture.Dates(fx.Engine.Analyse(EngineFixture.Article(
            "Gunmen raided a farm on Monday. Police said a second raid came yesterday. Another followed last week.", published: null)));
        Assert.Equal(3, dates.Count);
        Assert.All(dates, d => Assert.Null(d.Day));
        Assert.Equal(DatePrecision.Week, dates[2].Precision);
    }

    [Fact]
    public void Without_a_publication_date_absolute_dates_still_resolve()
    {
        var dates = EngineFixture.Dates(fx.Engine.Analyse(EngineFixture.Article(
            "Gunmen raided a farm on 4 June 2019. A second raid followed on Monday.", published: null)));
        Assert.Equal(2, dates.Count);
        Assert.Equal(D("2019-06-04"), dates[0].Day);
        Assert.Null(dates[1].Day);
    }

    [Fact]
    public void A_record_carries_the_week_precision()
    {
        var r = fx.Single("Protesters rallied in Ibadan last week to demand lower fees.");
        Assert.Equal(2, r.TimePrecision);
        Assert.Equal("2021-03-10", r.EventDate);
    }

    [Fact]
    public void A_record_without_a_publication_date_has_no_event_date_for_a_weekday()
    {
        var r = fx.Single("Soldiers clashed with rebels near Tumaco on Monday.", published: null);
        Assert.Equal("", r.EventDate);
        Assert.Null(r.TimePrecision);
        Assert.Contains("unresolved", r.Tags);
    }

    [Fact]
    public void A_weekday_of_last_week_is_a_day()
    {
        var r = fx.Single("On Thursday last week, soldiers clashed with rebels near Tumaco.");
        Assert.Equal("2021-03-11", r.EventDate);
        Assert.Equal(1, r.TimePrecision);
    }

    [Fact]
    public void Last_week_is_one_expression()
    {
        Assert.Equal("last week", OnlyDate("Students marched in Lagos last week.", Wednesday).Text);
    }
}
