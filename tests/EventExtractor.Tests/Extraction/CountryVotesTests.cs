using EventExtractor.Extraction;

namespace EventExtractor.Tests.Extraction;

public class CountryVotesTests
{
    [Fact]
    public void Votes_for_one_country_add_up()
    {
        var votes = new CountryVotes();
        votes.Add("IQ", 2);
        votes.Add("SY", 1);
        votes.Add("IQ", 3);
        Assert.Equal(2, votes.Count);
        Assert.Equal(5, votes.VotesOf("IQ"));
        Assert.Equal(1, votes.VotesOf("SY"));
        Assert.Equal(0, votes.VotesOf("TR"));
        Assert.True(votes.Contains("SY"));
        Assert.False(votes.Contains("TR"));
    }

    [Fact]
    public void Empty_or_missing_codes_are_no_evidence()
    {
        var votes = new CountryVotes();
        votes.Add("", 3);
        votes.Add(null, 3);
        Assert.Equal(0, votes.Count);
        Assert.False(votes.Contains(""));
        Assert.Empty(votes.MostVotedFirst());
    }

    [Fact]
    public void Most_votes_come_first_and_ties_go_by_code()
    {
        var votes = new CountryVotes();
        foreach (var (iso2, n) in new[] { ("SY", 2), ("NG", 1), ("IQ", 2), ("AF", 1), ("TR", 4), ("ML", 2) })
            votes.Add(iso2, n);
        Assert.Equal(["TR", "IQ", "ML", "SY", "AF", "NG"], votes.MostVotedFirst());
    }

    [Fact]
    public void The_order_is_the_one_a_sort_by_votes_then_code_gives()
    {
        var random = new Random(7);
        var votes = new CountryVotes();
        for (int round = 0; round < 50; round++)
        {
            votes.Clear();
            var expected = new Dictionary<string, int>();
            for (int i = 0; i < 12; i++)
            {
                string iso2 = ((char)('A' + random.Next(5))).ToString() + (char)('A' + random.Next(3));
                int n = random.Next(1, 4);
                votes.Add(iso2, n);
                expected[iso2] = expected.GetValueOrDefault(iso2) + n;
            }
            var order = expected.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key);
            Assert.Equal(order, votes.MostVotedFirst());
        }
    }

    [Fact]
    public void Clear_forgets_every_vote()
    {
        var votes = new CountryVotes();
        votes.Add("IQ", 2);
        votes.Clear();
        Assert.Equal(0, votes.Count);
        Assert.Equal(0, votes.VotesOf("IQ"));
    }
}
