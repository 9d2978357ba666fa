using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// The place side of a record, rule by rule: never dropped for want of a place (country fallback, "location
/// unresolved"), --require-location, districts and provinces the text names, calendar words, natural features,
/// other romanisations after a locative, and the story's country decided from its evidence (or --country).
/// </summary>
[Collection("engine")]
public class PlaceResolutionTests(EngineFixture fx)
{
    private static readonly Lazy<ExtractorEngine> Strict = new(() => ExtractorEngine.Load(EngineFixture.FindModels(), places: new PlaceOptions { RequireLocation = true }));
    private static readonly Lazy<ExtractorEngine> India = new(() => ExtractorEngine.Load(EngineFixture.FindModels(), places: new PlaceOptions { CountryIso2 = "IND" }));

    private const string NoPlaceNoCountry = "On 2 May 2021, gunmen attacked a bus, killing five civilians.";

    [Fact]
    public void An_event_with_only_a_country_is_recorded_in_that_country()
    {
        var r = fx.Single("On 14 April 2022, gunmen attacked a convoy of Malian soldiers, killing four of them.");
        Assert.Equal("Mali", r.Country);
        Assert.Equal("", r.Location);
        Assert.Null(r.Latitude);
        Assert.Equal(3, r.GeoPrecision);
        Assert.Contains(EventAssembler.CountryOnlyTag, r.Tags);
    }

    [Fact]
    public void A_groups_home_country_does_not_keep_out_a_town_across_the_border()
    {
        // Al Shabaab is Somali; the town the text names is Kenyan, and no country is named.
        var r = fx.Single("On 3 March 2021, Al Shabaab militants threw a grenade at a bus station in Garissa, wounding two people.");
        Assert.Equal("Kenya", r.Country);
        Assert.Equal("Garissa", r.Location);
    }

    [Fact]
    public void A_small_town_after_a_locative_word_votes_for_its_country_when_no_town_abroad_shares_its_name()
    {
        // The ADF's home is Congo; "near Bundibugyo" says a place is meant, and only Uganda has a town so named.
        var r = fx.Single("On 20 January 2022, ADF rebels raided a village near Bundibugyo, killing seven civilians.");
        Assert.Equal("Uganda", r.Country);
        Assert.Equal("Bundibugyo", r.Location);
    }

    [Fact]
    public void The_and_of_a_chain_of_names_is_no_locative_of_its_own()
    {
        // "Kuki" after "and" is a people here, not the Japanese town: it must not bring Japan into the story.
        var records = fx.Extract("Gunmen from the Meitei and Kuki communities exchanged fire near Kangpokpi on Saturday, killing three people.");
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("India", r.Country));
    }

    [Fact]
    public void An_event_without_any_place_is_still_recorded_and_tagged()
    {
        var r = fx.Single(NoPlaceNoCountry);
        Assert.Equal("", r.Country);
        Assert.Equal("", r.Location);
        Assert.Contains(EventAssembler.UnresolvedTag, r.Tags);
    }

    [Fact]
    public void Require_location_keeps_acleds_strict_rule()
    {
        Assert.Empty(Strict.Value.Extract(EngineFixture.Article(NoPlaceNoCountry)));
        Assert.Single(Strict.Value.Extract(EngineFixture.Article("On 2 May 2021, gunmen attacked a bus in Kandahar, killing five civilians.")));
    }

    [Fact]
    public void A_district_named_after_its_seat_is_coded_at_the_seat_with_precision_2()
    {
        var r = fx.Single("On 7 June 2022, gunmen attacked a police post in the Zakho district, Duhok province, killing two policemen.");
        Assert.Equal("Iraq", r.Country);
        Assert.Equal("Dahuk", r.Admin1);
        Assert.Equal(2, r.GeoPrecision);
        Assert.InRange(EventExtractor.Geo.Gazetteer.DistanceKm(r.Latitude!.Value, r.Longitude!.Value, 37.14, 42.68), 0, 10);
    }

    [Fact]
    public void A_district_is_found_by_its_name()
    {
        Assert.True(fx.Loaded.Places.TryDistrict("Tel Afar", ["IQ"], out var district));
        Assert.Equal(PlaceLevel.District, district.Level);
        Assert.Equal(2, RecordBuilder.GeoPrecision(district, near: false));
        Assert.Equal("Ninewa", district.Admin1);
    }

    [Fact]
    public void A_named_province_is_coded_at_its_capital_with_precision_3()
    {
        var r = fx.Single("On 7 June 2022, villagers in Diyala province fled mortar fire by militants.");
        Assert.Equal("Iraq", r.Country);
        Assert.Equal("Diyala", r.Admin1);
        Assert.Equal(3, r.GeoPrecision);
    }

    [Fact]
    public void A_natural_feature_is_coded_at_the_feature()
    {
        var r = fx.Single("On 3 August 2021, Turkish drones struck PKK hideouts in the Gara mountains.");
        Assert.Equal("Iraq", r.Country);
        Assert.Equal("Gara Mountain", r.Location);
        Assert.Equal(3, r.GeoPrecision);
        Assert.Equal("Dahuk", r.Admin1); // ACLED's spelling
    }

    [Theory]
    [InlineData("Kandahaar", "Afghanistan")]
    [InlineData("Jalalabaad", "Afghanistan")]
    [InlineData("Nassiriya", "Iraq")]
    [InlineData("Beledweyne", "Somalia")]
    [InlineData("Raqqah", "Syria")]
    public void Another_romanisation_after_a_locative_is_placed(string town, string country)
    {
        var r = fx.Single($"On 12 March 2023, insurgents stormed a checkpoint in {town}, killing three soldiers.");
        Assert.Equal(country, r.Country);
        Assert.NotNull(r.Latitude);
    }

    [Fact]
    public void Calendar_words_are_never_places()
    {
        var doc = fx.Engine.Analyse(EngineFixture.Article("On Mar 10, gunmen shot dead a trader in Mogadishu. On Jan 3, another was killed."));
        var places = doc.Entities.Where(e => e.Label == EntityLabel.Place).Select(e => doc.Cut(e.FirstToken, e.TokenCount)).ToList();
        Assert.DoesNotContain("Mar", places);
        Assert.DoesNotContain("Jan", places);
        Assert.Contains("Mogadishu", places);
    }

    [Theory]
    [InlineData("Police in Sindh said", "Pakistan")]
    [InlineData("Police in Telangana said", "India")]
    public void The_storys_country_comes_from_its_provinces(string lead, string country)
    {
        var r = fx.Single($"{lead} gunmen attacked a jewellery shop in Hyderabad on 4 April 2023, killing two guards.");
        Assert.Equal(country, r.Country);
    }

    [Theory]
    [InlineData("Dawn", "Pakistan")]
    [InlineData("The Hindu", "India")]
    public void The_outlet_is_evidence_of_the_storys_country(string outlet, string country)
    {
        var article = EngineFixture.Article("Gunmen attacked a jewellery shop in Hyderabad on 4 April 2023, killing two guards.", source: outlet);
        var records = fx.Engine.Extract(article);
        Assert.Single(records);
        Assert.Equal(country, records[0].Country);
    }

    [Fact]
    public void Country_option_resolves_ambiguous_names_in_the_archives_country()
    {
        var article = EngineFixture.Article("Gunmen attacked a jewellery shop in Hyderabad on 4 April 2023, killing two guards.");
        var records = India.Value.Extract(article);
        Assert.Single(records);
        Assert.Equal("India", records[0].Country);
    }

    [Fact]
    public void An_unknown_country_option_is_a_usage_error() =>
        Assert.Throws<EventExtractor.Diagnostics.UsageException>(() => ExtractorEngine.Load(EngineFixture.FindModels(), places: new PlaceOptions { CountryIso2 = "Atlantis" }));
}
