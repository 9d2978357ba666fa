using EventExtractor.Geo;
using EventExtractor.Models;

namespace EventExtractor.Tests.Geo;

/// <summary>Loads models/gazetteer.bin once for the tests that check real places.</summary>
public sealed class RealGazetteerFixture
{
    public RealGazetteerFixture()
    {
        Gazetteer = Gazetteer.Load(Path.Combine(ModelDirectory.Locate(), Gazetteer.FileName));
        Resolver = new GeoResolver(Gazetteer);
    }

    internal Gazetteer Gazetteer { get; }
    internal GeoResolver Resolver { get; }
}

public class RealGazetteerTests(RealGazetteerFixture fx) : IClassFixture<RealGazetteerFixture>
{
    private GeoEntry Resolve(string name, params string[] countries)
    {
        var match = fx.Resolver.Resolve(name, new GeoContext { PreferredCountries = countries });
        Assert.True(match.HasValue, $"'{name}' did not resolve");
        return fx.Gazetteer.Get(match.Value.Id);
    }

    // True city-centre coordinates (from general knowledge, not from GeoNames).
    [Theory]
    [InlineData("Baghdad", "IQ", 33.315, 44.366)]
    [InlineData("Erbil", "IQ", 36.191, 44.009)]
    [InlineData("Arbil", "IQ", 36.191, 44.009)]
    [InlineData("Irbil", "IQ", 36.191, 44.009)]
    [InlineData("Mosul", "IQ", 36.340, 43.130)]
    [InlineData("Kirkuk", "IQ", 35.468, 44.392)]
    [InlineData("Al Qaim", "IQ", 34.380, 41.090)]
    [InlineData("Maiduguri", "NG", 11.833, 13.150)]
    [InlineData("Mogadishu", "SO", 2.046, 45.318)]
    [InlineData("Kabul", "AF", 34.528, 69.172)]
    [InlineData("Kharkiv", "UA", 49.993, 36.231)]
    [InlineData("Goma", "CD", -1.679, 29.222)]
    [InlineData("Sanaa", "YE", 15.369, 44.191)]
    [InlineData("Aleppo", "SY", 36.202, 37.134)]
    public void MajorPlacesResolveWithoutContext(string name, string iso2, double lat, double lon)
    {
        var e = Resolve(name);
        Assert.Equal(iso2, e.CountryIso2);
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, lat, lon), 0, 25);
    }

    [Fact]
    public void QaimResolvesWithoutItsArticleInIraq()
    {
        var e = Resolve("Qaim", "IQ");
        Assert.Equal("IQ", e.CountryIso2);
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, 34.380, 41.090), 0, 25);
        Assert.Null(fx.Resolver.Resolve("Qaim"));
    }

    [Fact]
    public void AnbarIsTheProvince()
    {
        var e = Resolve("Anbar", "IQ");
        Assert.True(e.IsAdmin1Region);
        Assert.Equal("ADM1", e.FeatureCode);
        Assert.Equal("Anbar", e.Admin1);
        // Placed at its capital, Ramadi.
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, 33.42, 43.30), 0, 25);
    }

    [Fact]
    public void RegionPreferenceBeatsTheCapitalOfTheSameName()
    {
        Assert.False(Resolve("Kirkuk", "IQ").IsAdmin1Region);
        var region = fx.Resolver.Resolve("Kirkuk", new GeoContext { PreferredCountries = ["IQ"], PreferRegion = true });
        Assert.True(fx.Gazetteer.Get(region!.Value.Id).IsAdmin1Region);
    }

    [Theory]
    [InlineData("Mosul", "Ninewa")]
    [InlineData("Tikrit", "Sala al-Din")]
    [InlineData("Nasiriyah", "Thi-Qar")]
    [InlineData("Duhok", "Dahuk")]
    public void Admin1ComesOutInAcledSpelling(string city, string admin1) =>
        Assert.Equal(admin1, Resolve(city, "IQ").Admin1);

    [Theory]
    [InlineData("Borno", "NG", "Borno")]
    [InlineData("Borno State", "NG", "Borno")]
    [InlineData("Ninewa", "IQ", "Ninewa")]
    [InlineData("Nineveh", "IQ", "Ninewa")]
    [InlineData("Donetsk", "UA", "Donetsk")]
    [InlineData("Lower Shabeelle", "SO", "Lower Shabelle")]
    public void RegionsResolveUnderEitherSpelling(string name, string iso2, string admin1)
    {
        var match = fx.Resolver.Resolve(name, new GeoContext { PreferredCountries = [iso2], PreferRegion = true });
        Assert.True(match.HasValue, $"'{name}' did not resolve");
        var e = fx.Gazetteer.Get(match.Value.Id);
        Assert.True(e.IsAdmin1Region);
        Assert.Equal(iso2, e.CountryIso2);
        Assert.Equal(admin1, e.Admin1);
        Assert.Equal(match.Value.Id, fx.Gazetteer.FindAdmin1Region(iso2, name));
    }

    [Fact]
    public void CitySectionIsNamedAfterItsCity()
    {
        // GeoNames' cities500 has no Baghdad neighbourhoods; Al Harithah is a section (PPLX) of Basra.
        var e = Resolve("Al Harithah", "IQ");
        Assert.Equal("PPLX", e.FeatureCode);
        Assert.Equal("Basrah - Al Harithah", fx.Resolver.LocationName(e));
    }

    [Fact]
    public void CountryContextChangesTheChoice()
    {
        Assert.Equal("LY", Resolve("Tripoli").CountryIso2);
        Assert.Equal("LB", Resolve("Tripoli", "LB").CountryIso2);
        Assert.Equal("LY", Resolve("Tripoli", "LY", "LB").CountryIso2);
    }

    [Fact]
    public void ProximityBreaksTies()
    {
        // Two Tripolis with no country hint: a place already resolved in Lebanon pulls towards Lebanon's.
        var ctx = new GeoContext { ResolvedPlaces = [(33.89, 35.50)] };
        var near = fx.Resolver.Rank("Tripoli", ctx).First(m => fx.Gazetteer.Get(m.Id).CountryIso2 == "LB");
        var far = fx.Resolver.Rank("Tripoli").First(m => fx.Gazetteer.Get(m.Id).CountryIso2 == "LB");
        Assert.True(near.Score > far.Score);
    }

    [Theory]
    [InlineData("Police")]
    [InlineData("Of")]
    public void SmallForeignPlacesNamedLikeWordsAreNotTaken(string word) =>
        Assert.Null(fx.Resolver.Resolve(word, new GeoContext { PreferredCountries = ["IQ"] }));

    [Fact]
    public void EveryEntryIsFoundUnderItsOwnNormalizedName()
    {
        // Guards the C# normalizer against drifting from the build script's: the index was written by Node.
        var g = fx.Gazetteer;
        for (int id = 0; id < g.Count; id += 37)
        {
            var e = g.Get(id);
            Assert.Contains(id, g.Candidates(GeoNormalizer.Normalize(e.NativeName)));
            Assert.Contains(id, g.Candidates(GeoNormalizer.Normalize(e.Name)));
            foreach (var alt in e.AlternateNames)
                Assert.Contains(id, g.Candidates(GeoNormalizer.Normalize(alt)));
        }
        Assert.InRange(g.MaxNameWords, 3, 40);
    }
}
