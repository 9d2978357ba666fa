using EventExtractor.Extraction;
using EventExtractor.Geo;

namespace EventExtractor.Tests.Geo;

/// <summary>The gazetteer's lookups that are kept or indexed on first use answer as a fresh search or a scan would.</summary>
public class GazetteerIndexTests
{
    private static readonly GazetteerPlace[] Places =
    [
        new(1, "Erbil", "Erbil", 36.1833, 44.0119, "IQ", "PPLA", 1612700, "11", "Erbil") { AlternateNames = ["Arbil", "Hawler"] },
        new(0, "Erbil", "Erbil", 36.5, 44.2, "IQ", "ADM1", 2000000, "11", "Erbil", IsAdmin1Region: true),
        new(2, "Baghdad", "Baghdad", 33.3406, 44.4009, "IQ", "PPLC", 7216000, "07", "Baghdad"),
        new(3, "Soran", "Soran", 36.6526, 44.5441, "IQ", "ADM2", 120000, "11", "Erbil", "1", "Soran District"),
        new(4, "Tripoli", "Tripoli", 34.4335, 35.8442, "LB", "PPLA", 229398, "09", "North Lebanon"),
        new(5, "Tripoli", "Tripoli", 32.8874, 13.1873, "LY", "PPLC", 1150989, "77", "Tripoli"),
        new(6, "Shaqlawa", "Shaqlawa", 36.4048, 44.3152, "IQ", "PPL", 30000, "11", "Erbil"),
        new(7, "Ninawa", "Ninawa", 36.335, 43.1189, "IQ", "ADM1", 3883415, "15", "Nineveh", IsAdmin1Region: true),
        new(8, "Second capital", "Second capital", 30.0, 40.0, "IQ", "PPLC", 10, "07", "Baghdad"),
    ];

    private static Gazetteer Small() => Gazetteer.FromBytes(GazetteerWriter.ToBytes(Places), "test");

    [Fact]
    public void Ids_in_a_country_are_those_of_a_scan_in_id_order()
    {
        var g = Small();
        foreach (var iso2 in new[] { "IQ", "LB", "LY", "FR", "", "IRQ" })
        {
            var scan = Enumerable.Range(0, g.Count).Where(id => g.CountryIs(id, iso2)).ToArray();
            Assert.Equal(scan, g.IdsInCountry(iso2).ToArray());
            Assert.Equal(scan, g.ByCountry(iso2));
        }
    }

    [Fact]
    public void A_name_found_again_has_the_same_postings()
    {
        var g = Small();
        foreach (var name in new[] { "tripoli", "arbil", "erbil", "mosul", "tripoli", "arbil", "mosul" })
        {
            var postings = g.Find(name);
            Assert.Equal(Postings(g.Find(name)), Postings(postings));
            Assert.Equal(Postings(g.Find(new string(name))), Postings(postings));
        }
        Assert.Equal(2, g.Find("tripoli").Count);
        Assert.True(g.Find("mosul").IsEmpty);
        Assert.True(g.Find("").IsEmpty);
    }

    [Fact]
    public void Finds_on_several_threads_agree()
    {
        var g = Small();
        var expected = Postings(g.Find("erbil"));
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 200; i++) Assert.Equal(expected, Postings(g.Find("erbil")));
        });
    }

    [Fact]
    public void Feature_codes_and_districts_are_read_per_entry()
    {
        var g = Small();
        Assert.Equal("PPLA", g.FeatureCodeOf(0));
        Assert.Equal("PPLC", g.FeatureCodeOf(2));
        Assert.Equal("ADM2", g.FeatureCodeOf(3));
        Assert.True(g.IsDistrict(3));
        Assert.False(g.IsDistrict(0));
        Assert.False(g.IsDistrict(1));
    }

    [Fact]
    public void A_country_capital_is_its_first_national_capital()
    {
        var places = new GazetteerPlaceLookup(Small());
        Assert.True(places.TryCapital("IQ", out var baghdad));
        Assert.Equal("Baghdad", baghdad.Location);
        Assert.True(places.TryCapital("LY", out var tripoli));
        Assert.Equal("LY", tripoli.Iso2);
        Assert.False(places.TryCapital("LB", out _));
        Assert.False(places.TryCapital("IRQ", out _));
    }

    [Fact]
    public void A_province_is_coded_at_its_seat_or_else_at_itself()
    {
        var g = Small();
        var places = new GazetteerPlaceLookup(g);
        Assert.True(places.TryRegion("Erbil", [], out var erbil));
        Assert.True(erbil.IsRegion);
        Assert.Equal("Erbil", erbil.Location);
        Assert.Equal(0, erbil.Id);
        Assert.Equal(36.1833, erbil.Latitude, 4);
        // Nineveh has no provincial seat in this gazetteer: the region itself.
        Assert.True(places.TryRegion("Ninawa", ["IQ"], out var nineveh));
        Assert.Equal(7, nineveh.Id);
        Assert.Equal("Nineveh", nineveh.Location);
        Assert.False(places.TryRegion("Ninawa", ["SY"], out _));
    }

    [Fact]
    public void Span_lookups_answer_as_the_names_do()
    {
        var places = new GazetteerPlaceLookup(Small());
        var text = "in Erbil and Soran district".AsSpan();
        Assert.True(places.TryResolve(text.Slice(3, 5), ["IQ"], [], strict: false, out var erbil));
        Assert.Equal(0, erbil.Id);
        Assert.True(places.TryDistrict(text.Slice(13, 5), ["IQ"], out var soran));
        Assert.Equal("Soran", soran.Location);
        Assert.False(places.TryDistrict(text.Slice(13, 5), ["LB"], out _));
        // Tripoli of Libya is a national capital: a notable namesake of Lebanon's.
        Assert.True(places.HasNotableNamesakeAbroad("Tripoli", "LB"));
        Assert.False(places.HasNotableNamesakeAbroad("Erbil", "IQ"));
    }

    [Fact]
    public void The_nearest_town_of_a_country_skips_provinces_and_districts()
    {
        var places = new GazetteerPlaceLookup(Small());
        Assert.True(places.TryNearest("IQ", 36.5, 44.3, out var near));
        Assert.Equal("Shaqlawa", near.Location);
        Assert.True(places.TryNearest("IQ", 36.5, 44.3, out var again));
        Assert.Equal(near, again);
        Assert.False(places.TryNearest("FR", 48.8, 2.3, out _));
    }

    private static List<GeoPosting> Postings(GeoPostings postings)
    {
        var list = new List<GeoPosting>();
        foreach (var p in postings) list.Add(p);
        return list;
    }
}

public class NameVotesTests
{
    private static readonly GazetteerPlace[] Places =
    [
        new(1, "Erbil", "Erbil", 36.1833, 44.0119, "IQ", "PPLA", 1612700, "11", "Erbil"),
        new(0, "Erbil", "Erbil", 36.5, 44.2, "IQ", "ADM1", 2000000, "11", "Erbil", IsAdmin1Region: true),
        new(4, "Tripoli", "Tripoli", 34.4335, 35.8442, "LB", "PPLA", 229398, "09", "North Lebanon"),
        new(5, "Tripoli", "Tripoli", 32.8874, 13.1873, "LY", "PPLC", 1150989, "77", "Tripoli"),
        new(6, "Shaqlawa", "Shaqlawa", 36.4048, 44.3152, "IQ", "PPL", 30000, "11", "Erbil"),
    ];

    private static NameVotes Votes() =>
        new(new EventExtractor.Extraction.GazetteerPlaceLookup(Gazetteer.FromBytes(GazetteerWriter.ToBytes(Places), "test")));

    [Fact]
    public void A_name_votes_as_its_lookups_say()
    {
        var votes = Votes();
        Assert.Equal(new NameVote(NameVoteKind.Province, "IQ", true, false), votes.Of("Erbil", provinceNamed: true));
        var tripoli = votes.Of("Tripoli", provinceNamed: false);
        Assert.Equal(NameVoteKind.Place, tripoli.Kind);
        Assert.Equal("LY", tripoli.Iso2);
        // Lebanon's Tripoli is a provincial seat: a notable namesake abroad.
        Assert.True(tripoli.NamesakeAbroad);
        // A village is no evidence without a country in mind; an unknown name none at all.
        Assert.Equal(NameVote.None, votes.Of("Shaqlawa", provinceNamed: false));
        Assert.Equal(NameVote.None, votes.Of("Reuters", provinceNamed: false));
    }

    [Fact]
    public void A_kept_vote_is_the_fresh_one()
    {
        var votes = Votes();
        foreach (var name in new[] { "Erbil", "Tripoli", "Shaqlawa", "Mosul", "Erbil", "Tripoli" })
            foreach (var province in new[] { true, false })
            {
                var first = votes.Of(name, province);
                Assert.Equal(votes.Resolve(name, province), first);
                // Keyed by the name's text, wherever it is cut from.
                var text = "in " + name + " now";
                Assert.Equal(first, votes.Of(text.AsSpan(3, name.Length), province));
            }
    }
}

public class DistanceTests
{
    [Fact]
    public void A_given_cosine_gives_the_same_distance_to_the_last_bit()
    {
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            double lat1 = random.NextDouble() * 180 - 90, lon1 = random.NextDouble() * 360 - 180;
            double lat2 = random.NextDouble() * 180 - 90, lon2 = random.NextDouble() * 360 - 180;
            double reference = Haversine(lat1, lon1, lat2, lon2);
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference), BitConverter.DoubleToInt64Bits(Gazetteer.DistanceKm(lat1, lon1, lat2, lon2)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference),
                BitConverter.DoubleToInt64Bits(Gazetteer.DistanceKm(lat1, lon1, Gazetteer.CosLatitude(lat1), lat2, lon2)));
        }
    }

    /// <summary>The formula as first written, each sine computed where it is used.</summary>
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180;
        double dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
