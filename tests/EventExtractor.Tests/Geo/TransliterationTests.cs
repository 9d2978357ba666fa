using EventExtractor.Geo;

namespace EventExtractor.Tests.Geo;

/// <summary>Transliteration skeletons: the rules one by one, and real alternative romanisations of real towns.</summary>
public class SkeletonRuleTests
{
    private static string Skeleton(string name)
    {
        var key = GeoNormalizer.Normalize(name);
        var buffer = new char[key.Length];
        return new string(buffer, 0, GeoNormalizer.Skeleton(key, buffer));
    }

    [Theory]
    [InlineData("Dayr az Zawr", "Dayr Zawr")]        // article words dropped
    [InlineData("Lashkar Gah", "Lashkargah")]        // one word or two
    [InlineData("Baqubah", "Baquba")]                // final -ah / -a
    [InlineData("Nasiriyah", "Nasir")]               // final -iyah
    [InlineData("Tikrit", "Tikreet")]                // vowel variants
    [InlineData("Sinjar", "Sinjaar")]                // doubled letters
    [InlineData("Qandahar", "Kandahar")]             // q/k
    [InlineData("Gardez", "Kardez")]                 // g/k
    [InlineData("Khost", "Xost")]                    // kh/x
    [InlineData("Dhamar", "Zamar")]                  // dh/z
    [InlineData("Shabwa", "Chabwa")]                 // sh/ch
    [InlineData("Deir ez-Zor", "Deir Ezzor")]        // assimilated article written as one word
    public void RomanisationsShareOneSkeleton(string a, string b) => Assert.Equal(Skeleton(a), Skeleton(b));

    [Theory]
    [InlineData("Mosul", "Basra")]
    [InlineData("Kabul", "Kirkuk")]
    public void DifferentNamesKeepDifferentSkeletons(string a, string b) => Assert.NotEqual(Skeleton(a), Skeleton(b));

    [Fact]
    public void EditDistanceIgnoresSpaces()
    {
        Assert.Equal(1, GeoNormalizer.EditDistance("tal afar", "tall afar"));
        Assert.Equal(0, GeoNormalizer.EditDistance("lashkar gah", "lashkargah"));
    }
}

public class TransliterationResolveTests(RealGazetteerFixture fx) : IClassFixture<RealGazetteerFixture>
{
    private GeoEntry? Resolve(string name, params string[] countries)
    {
        var match = fx.Resolver.Resolve(name, new GeoContext { PreferredCountries = countries, AllowSkeleton = true, Locative = true });
        return match is { } m ? fx.Gazetteer.Get(m.Id) : null;
    }

    // Real alternative romanisations of real towns; coordinates of the town from general knowledge.
    [Theory]
    [InlineData("Tikreet", "IQ", 34.60, 43.68)]
    [InlineData("Mosoul", "IQ", 36.34, 43.13)]
    [InlineData("Sinjaar", "IQ", 36.32, 41.87)]
    [InlineData("Tal Afar", "IQ", 36.38, 42.45)]
    [InlineData("Nassiriya", "IQ", 31.05, 46.26)]
    [InlineData("Dair al-Zour", "SY", 35.33, 40.14)]
    [InlineData("Raqqah", "SY", 35.95, 39.01)]
    [InlineData("Peshawer", "PK", 34.01, 71.58)]
    [InlineData("Kandahaar", "AF", 31.61, 65.71)]
    [InlineData("Lashkargah", "AF", 31.59, 64.36)]
    [InlineData("Jalalabaad", "AF", 34.43, 70.45)]
    [InlineData("Maidugiri", "NG", 11.85, 13.16)]
    [InlineData("Kismaayo", "SO", -0.36, 42.55)]
    [InlineData("Beledweyne", "SO", 4.74, 45.20)]
    [InlineData("Hodeidah", "YE", 14.80, 42.95)]
    public void AlternativeRomanisationsResolveInTheirCountry(string name, string iso2, double lat, double lon)
    {
        var e = Resolve(name, iso2);
        Assert.True(e != null, $"'{name}' did not resolve");
        Assert.Equal(iso2, e!.CountryIso2);
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, lat, lon), 0, 25);
    }

    [Theory]
    [InlineData("Tikreet", "IQ", 34.60, 43.68)]
    [InlineData("Lashkargah", "AF", 31.59, 64.36)]
    [InlineData("Tal Afar", "IQ", 36.38, 42.45)]
    public void AlternativeRomanisationsResolveWithoutACountry(string name, string iso2, double lat, double lon)
    {
        var e = Resolve(name);
        Assert.True(e != null, $"'{name}' did not resolve");
        Assert.Equal(iso2, e!.CountryIso2);
        Assert.InRange(Gazetteer.DistanceKm(e.Latitude, e.Longitude, lat, lon), 0, 25);
    }

    [Fact]
    public void ExactSpellingsComeBeforeSkeletons()
    {
        var e = Resolve("Basra", "IQ");
        Assert.Equal("IQ", e!.CountryIso2);
        Assert.NotEqual(GeoMatchKind.Skeleton, fx.Resolver.Resolve("Basra", new GeoContext { PreferredCountries = ["IQ"], AllowSkeleton = true })!.Value.Kind);
    }

    [Fact]
    public void NoSkeletonWithoutPermission()
    {
        Assert.Null(fx.Resolver.Resolve("Tikreet", new GeoContext { PreferredCountries = ["IQ"] }));
    }
}

/// <summary>The build script and the C# normalizer compute one skeleton: every sampled name is found by its own.</summary>
public class SkeletonIndexTests(RealGazetteerFixture fx) : IClassFixture<RealGazetteerFixture>
{
    [Fact]
    public void EverySampledNameIsIndexedUnderItsSkeleton()
    {
        var g = fx.Gazetteer;
        int checkedNames = 0;
        for (int id = 0; id < g.Count; id += 97)
        {
            var key = GeoNormalizer.Normalize(g.Get(id).Name);
            var buffer = new char[key.Length];
            if (GeoNormalizer.Skeleton(key, buffer) < GeoNormalizer.MinSkeletonLength || key.Length > 256) continue;
            var postings = g.FindSkeleton(key);
            bool found = false;
            foreach (var p in postings) found |= p.Id == id && p.Kind == GeoMatchKind.Skeleton;
            Assert.True(found, $"'{key}' (entry {id}) is not under its skeleton");
            checkedNames++;
        }
        Assert.True(checkedNames > 1000);
    }

    [Fact]
    public void DistrictsAreEntriesOfTheirCountry()
    {
        var zakho = fx.Gazetteer.Candidates("zakho").Select(fx.Gazetteer.Get).Where(e => e.FeatureCode == "ADM2").ToList();
        Assert.Contains(zakho, e => e.CountryIso2 == "IQ" && e.Admin1 == "Dahuk");
    }
}
