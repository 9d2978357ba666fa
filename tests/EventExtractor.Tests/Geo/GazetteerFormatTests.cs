using EventExtractor.Geo;
using EventExtractor.Models;

namespace EventExtractor.Tests.Geo;

public class GazetteerFormatTests
{
    private static readonly GazetteerPlace[] Places =
    [
        new(98182, "Baghdad", "Baghdad", 33.3406, 44.4009, "IQ", "PPLC", 7216000, "07", "Baghdad", "9166668", "Al Rusafa District")
            { AlternateNames = ["Bagdad", "Baġdād", "Bagdad"] },
        new(1, "Al Manşūr", "Al Mansur", 33.3144, 44.3439, "IQ", "PPLX", 0, "07", "Baghdad", ParentIndex: 0),
        new(95446, "Erbil", "Erbil", 36.1833, 44.0119, "IQ", "PPLA", 1612700, "11", "Erbil")
            { AlternateNames = ["Arbil", "Irbil", "Hawler"] },
        new(0, "Nineveh", "Nineveh", 36.335, 43.1189, "IQ", "ADM1", 3883415, "15", "Nineveh", IsAdmin1Region: true),
        new(2, "Tripoli", "Tripoli", 34.4335, 35.8442, "LB", "PPLA", 229398, "09", "North Lebanon"),
        new(3, "Tripoli", "Tripoli", 32.8874, 13.1873, "LY", "PPLC", 1150989, "77", "Tripoli"),
    ];

    private static Gazetteer Small()
    {
        var names = new AdminNames();
        names.Add("IQ", "Nineveh", "Ninewa");
        names.Add("LB", "North Lebanon", "North");
        return Gazetteer.FromBytes(GazetteerWriter.ToBytes(Places), "test", names);
    }

    [Fact]
    public void RoundTripsEveryField()
    {
        var g = Small();
        Assert.Equal(Places.Length, g.Count);
        var baghdad = g.Get(0);
        Assert.Equal(98182, baghdad.GeonameId);
        Assert.Equal("Baghdad", baghdad.Name);
        Assert.Equal("IQ", baghdad.CountryIso2);
        Assert.Equal("Baghdad", baghdad.Admin1);
        Assert.Equal("07", baghdad.Admin1Code);
        Assert.Equal("Al Rusafa", baghdad.Admin2);
        Assert.Equal(33.3406, baghdad.Latitude, 4);
        Assert.Equal(44.4009, baghdad.Longitude, 4);
        Assert.Equal(7216000, baghdad.Population);
        Assert.Equal("PPLC", baghdad.FeatureCode);
        Assert.Equal(-1, baghdad.ParentId);
        Assert.False(baghdad.IsAdmin1Region);
        // "Bagdad" twice and "Baġdād" all normalize to one key: only the first survives.
        Assert.Equal(["Bagdad"], baghdad.AlternateNames);

        var mansour = g.Get(1);
        Assert.Equal("Al Manşūr", mansour.NativeName);
        Assert.Equal("Al Mansur", mansour.Name);
        Assert.Equal(0, mansour.ParentId);

        var region = g.Get(3);
        Assert.True(region.IsAdmin1Region);
        Assert.Equal("Ninewa", region.Admin1);
        Assert.Equal("Nineveh", region.Admin1GeoNames);
    }

    [Fact]
    public void IndexesNamesAlternatesArticlesAndAcledSpellings()
    {
        var g = Small();
        Assert.Equal([2], g.Candidates("arbil"));
        Assert.Equal(GeoMatchKind.Alternate, g.Find("irbil")[0].Kind);
        Assert.Equal(GeoMatchKind.WithoutArticle, g.Find("mansur")[0].Kind);
        Assert.Equal([3], g.Candidates("ninewa"));
        Assert.Equal([4, 5], g.Candidates("tripoli").OrderBy(i => i));
        Assert.True(g.Find("mosul").IsEmpty);
        Assert.Equal(3, g.FindAdmin1Region("IQ", "Ninewa"));
        Assert.Equal(2, g.MaxNameWords);
    }

    [Fact]
    public void LocationNameOfACitySectionNamesTheCity()
    {
        var g = Small();
        var resolver = new GeoResolver(g);
        var match = resolver.Resolve("Mansur", new GeoContext { PreferredCountries = ["IQ"] });
        Assert.NotNull(match);
        Assert.Equal("Baghdad - Al Mansur", resolver.LocationName(g.Get(match.Value.Id)));
        Assert.Equal("Erbil", resolver.LocationName(g.Get(2)));
    }

    [Fact]
    public void GzippedFileLoadsLikeTheRawBytes()
    {
        var dir = Directory.CreateTempSubdirectory("eegz");
        try
        {
            var path = Path.Combine(dir.FullName, Gazetteer.FileName);
            GazetteerWriter.Write(path, Places, gzip: true);
            File.WriteAllText(Path.Combine(dir.FullName, Gazetteer.AdminNamesFileName),
                "iso2\tgeonames_admin1_name\tacled_admin1_name\nIQ\tNineveh\tNinewa\n");
            var g = Gazetteer.Load(path);
            Assert.Equal(Places.Length, g.Count);
            Assert.Equal("Ninewa", g.Get(3).Admin1);
            Assert.Equal("Erbil", g.Get(g.Candidates("hawler")[0]).Name);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void WrongMagicGivesAModelException()
    {
        var bytes = GazetteerWriter.ToBytes(Places);
        bytes[0] = (byte)'X';
        var ex = Assert.Throws<ModelException>(() => Gazetteer.FromBytes(bytes, "models/gazetteer.bin"));
        Assert.Contains("models/gazetteer.bin", ex.Message);
        Assert.Contains("not a gazetteer file", ex.Message);
    }

    [Fact]
    public void WrongVersionGivesAModelException()
    {
        var bytes = GazetteerWriter.ToBytes(Places);
        bytes[4] = 99;
        var ex = Assert.Throws<ModelException>(() => Gazetteer.FromBytes(bytes, "g.bin"));
        Assert.Contains("version 99", ex.Message);
    }

    [Fact]
    public void TruncatedFileGivesAModelException()
    {
        var bytes = GazetteerWriter.ToBytes(Places);
        var ex = Assert.Throws<ModelException>(() => Gazetteer.FromBytes(bytes[..^10], "g.bin"));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void MissingFileGivesAModelException()
    {
        var ex = Assert.Throws<ModelException>(() => Gazetteer.Load("/nonexistent/gazetteer.bin"));
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void DistanceIsHaversine()
    {
        // Baghdad to Erbil: about 320 km.
        double d = Gazetteer.DistanceKm(33.3406, 44.4009, 36.1833, 44.0119);
        Assert.InRange(d, 310, 330);
        Assert.Equal(0, Gazetteer.DistanceKm(10, 10, 10, 10), 6);
    }
}
