using EventExtractor.Ingestion;
using EventExtractor.Records;

namespace EventExtractor.Tests.Running;

/// <summary>
/// Articles and a fake engine whose records exercise the merge (the same event key every few articles, within and
/// beyond small windows) and the JSON round trip (coordinates, confidence with many decimals, nulls, evidence).
/// </summary>
internal static class FakeArticles
{
    public static Article Article(int i) =>
        new($"art-{i:D4}", null, $"text {i}", new DateOnly(2024, 1, 1), null, null, $"in/art-{i:D4}.txt");

    public static IEnumerable<ReadOutcome> Outcomes(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 37 == 5) yield return new ReadOutcome(null, new EventExtractor.Diagnostics.InputProblem($"in/bad-{i}.json", 3, "is not valid JSON (test)"));
            yield return new ReadOutcome(Article(i), null);
        }
    }

    /// <summary>0 to 3 records an article; article ids ending in 13 throw.</summary>
    public static IReadOnlyList<AcledRecord> Extract(Article a)
    {
        int i = int.Parse(a.Id[4..]);
        if (i % 100 == 13) throw new InvalidOperationException("fake failure " + i);
        var records = new List<AcledRecord>();
        for (int k = 0; k < i % 4; k++)
        {
            int town = (i + k) % 5;
            var r = new AcledRecord
            {
                EventIdCnty = $"NGA{i:D5}{k}",
                EventDate = k == 2 && i % 3 == 0 ? "" : $"2024-01-{1 + (i / 6) % 3:D2}",
                Year = 2024,
                TimePrecision = k == 1 ? null : 1,
                SubEventType = k % 2 == 0 ? "Attack" : "Armed clash",
                Actor1 = "Unidentified Armed Group (Nigeria)",
                Actor2 = i % 2 == 0 ? "" : "Civilians (Nigeria)",
                Inter2 = i % 2 == 0 ? "" : "Civilians",
                Location = "Town \"" + town + "\" – é",
                Latitude = 11.123456789 + town,
                Longitude = town == 3 ? null : -3.98765 - town,
                Iso = town == 4 ? null : 566,
                Source = "Outlet " + (i % 3),
                Notes = $"On 1 January, gunmen attacked town {town}.\nLine two.",
                Fatalities = (i * 7 + k) % 9,
                Injuries = i % 5,
                Confidence = 0.1 + ((i * 37 + k) % 89) / 100.0 + 1e-9 * i,
                Timestamp = 1704067200,
                ArticleId = a.Id,
            };
            r.Weapons.Add(i % 2 == 0 ? "rifle" : "grenade");
            r.Evidence.Add(new Evidence("location", "town " + town, 10 + k, 16 + k));
            records.Add(r);
        }
        return records;
    }

    /// <summary>The fake engine with a random delay, so threads finish out of order.</summary>
    public static Func<Article, IReadOnlyList<AcledRecord>> Slow(int seed)
    {
        var random = new ThreadLocal<Random>(() => new Random(seed ^ Environment.CurrentManagedThreadId));
        return a =>
        {
            Thread.SpinWait(random.Value!.Next(0, 20000));
            if (random.Value!.Next(10) == 0) Thread.Sleep(1);
            return Extract(a);
        };
    }
}
