namespace EventExtractor.Extraction;

/// <summary>
/// The tally of a story's country vote: ISO2 code and votes, in the order first voted. An article names a handful of
/// countries, so a list searched in order costs less than a dictionary, and one tally is reused article after article.
/// </summary>
internal sealed class CountryVotes
{
    private readonly List<(string Iso2, int Votes)> _tally = new();

    /// <summary>Number of countries voted for.</summary>
    public int Count => _tally.Count;

    /// <summary>Forgets every vote.</summary>
    public void Clear() => _tally.Clear();

    /// <summary>Adds <paramref name="votes"/> for a country; an empty or missing code is no evidence and is ignored.</summary>
    public void Add(string? iso2, int votes)
    {
        if (string.IsNullOrEmpty(iso2)) return;
        int i = IndexOf(iso2);
        if (i >= 0) _tally[i] = (iso2, _tally[i].Votes + votes);
        else _tally.Add((iso2, votes));
    }

    /// <summary>True when the country has been voted for.</summary>
    public bool Contains(string iso2) => IndexOf(iso2) >= 0;

    /// <summary>The votes of a country, 0 when none.</summary>
    public int VotesOf(string iso2)
    {
        int i = IndexOf(iso2);
        return i >= 0 ? _tally[i].Votes : 0;
    }

    /// <summary>The countries, most votes first, ties in ordinal order of their codes (a new list).</summary>
    public List<string> MostVotedFirst()
    {
        // Insertion sort: a handful of countries, and no comparer or LINQ iterator to allocate.
        var sorted = new (string Iso2, int Votes)[_tally.Count];
        for (int i = 0; i < _tally.Count; i++)
        {
            var item = _tally[i];
            int j = i - 1;
            while (j >= 0 && Before(item, sorted[j]))
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = item;
        }
        var order = new List<string>(sorted.Length);
        foreach (var (iso2, _) in sorted) order.Add(iso2);
        return order;
    }

    private static bool Before((string Iso2, int Votes) a, (string Iso2, int Votes) b) =>
        a.Votes > b.Votes || (a.Votes == b.Votes && string.CompareOrdinal(a.Iso2, b.Iso2) < 0);

    private int IndexOf(string iso2)
    {
        for (int i = 0; i < _tally.Count; i++)
            if (string.Equals(_tally[i].Iso2, iso2, StringComparison.Ordinal)) return i;
        return -1;
    }
}
