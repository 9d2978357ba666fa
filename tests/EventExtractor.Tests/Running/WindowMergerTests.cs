using EventExtractor.Records;
using EventExtractor.Running;

namespace EventExtractor.Tests.Running;

public class WindowMergerTests
{
    private static AcledRecord R(string article, int fatalities = 1, string location = "Gao", string date = "2024-01-01") => new()
    {
        SubEventType = "Attack", EventDate = date, Location = location, Actor1 = "A", ArticleId = article,
        Source = "S-" + article, Fatalities = fatalities, EventIdCnty = "id-" + article,
    };

    [Fact]
    public void Reports_fewer_than_window_articles_apart_merge_and_farther_ones_do_not()
    {
        var emitted = new List<PendingRecord>();
        var merger = new WindowMerger(3, emitted.Add);
        merger.Add(0, [R("a", 5)]);
        merger.Add(2, [R("b", 2)]); // 2 apart: merges into a
        merger.Add(3, [R("c", 1)]); // 3 apart from a: a has left the window, c starts a new record
        merger.Add(5, [R("d", 9)]); // 2 apart from c: merges into c
        merger.Finish();

        Assert.Equal(new[] { "a; b", "c; d" }, emitted.Select(p => p.Record.ArticleId).ToArray());
        Assert.Equal(new[] { 2, 1 }, emitted.Select(p => p.Record.Fatalities).ToArray());
        Assert.Equal(new long[] { 0, 3 }, emitted.Select(p => p.Position).ToArray());
    }

    [Fact]
    public void A_record_is_written_once_nothing_can_merge_into_it_so_the_window_stays_bounded()
    {
        var emitted = new List<PendingRecord>();
        var merger = new WindowMerger(10, emitted.Add);
        int maxPending = 0;
        for (int i = 0; i < 1000; i++)
        {
            merger.Add(i, [R("x" + i, location: "Town " + i % 7), R("y" + i, location: "")]);
            maxPending = Math.Max(maxPending, merger.Pending.Count);
        }
        Assert.True(maxPending <= 2 * 10, $"window held {maxPending} records");
        Assert.True(emitted.Count > 900);
        merger.Finish();
        Assert.Empty(merger.Pending);
        // Output in first-report order.
        Assert.Equal(emitted.Select(p => p.Position).Order().ToArray(), emitted.Select(p => p.Position).ToArray());
    }

    [Fact]
    public void Window_zero_passes_records_through_and_undated_records_never_merge()
    {
        var emitted = new List<PendingRecord>();
        var off = new WindowMerger(0, emitted.Add);
        off.Add(0, [R("a")]);
        off.Add(1, [R("b")]);
        Assert.Equal(2, emitted.Count); // written at once, not merged

        emitted.Clear();
        var on = new WindowMerger(100, emitted.Add);
        on.Add(0, [R("a", date: "")]);
        on.Add(1, [R("b", date: "")]);
        on.Finish();
        Assert.Equal(new[] { "a", "b" }, emitted.Select(p => p.Record.ArticleId).ToArray());
    }

    [Fact]
    public void Restored_window_merges_as_the_uninterrupted_one()
    {
        var straight = new List<string>();
        var m1 = new WindowMerger(4, p => straight.Add(p.Record.ArticleId));
        for (int i = 0; i < 12; i++) m1.Add(i, [R("a" + i, location: "T" + i % 3)]);
        m1.Finish();

        var resumed = new List<string>();
        var first = new WindowMerger(4, p => resumed.Add(p.Record.ArticleId));
        for (int i = 0; i < 6; i++) first.Add(i, [R("a" + i, location: "T" + i % 3)]);
        var second = new WindowMerger(4, p => resumed.Add(p.Record.ArticleId));
        second.Restore(first.Pending.ToList());
        for (int i = 6; i < 12; i++) second.Add(i, [R("a" + i, location: "T" + i % 3)]);
        second.Finish();

        Assert.Contains("a0; a3", straight);
        Assert.Equal(straight, resumed);
    }
}
