using EventExtractor.Learning;

namespace EventExtractor.Tests.Learning;

/// <summary>The lookups and loops the classifier's scoring is made of: each must give what the plain version gives.</summary>
public sealed class ScoringHelperTests
{
    [Theory]
    [InlineData(20)] // the bit table
    [InlineData(4)]
    [InlineData(26)] // beyond SlotTable.MaxRankBits: the hash table
    public void Slot_table_gives_each_buckets_index_in_the_vocabulary_and_minus_one_for_the_others(int bucketBits)
    {
        int bucketCount = 1 << bucketBits;
        var random = new Random(7);
        var set = new SortedSet<int> { 0, bucketCount - 1 };
        while (set.Count < Math.Min(bucketCount / 2, 3000)) set.Add(random.Next(bucketCount));
        var vocabulary = set.ToArray();
        var table = new SlotTable(vocabulary, bucketCount);
        Assert.Equal(vocabulary.Length, table.Count);
        for (int i = 0; i < vocabulary.Length; i++) Assert.Equal(i, table.SlotOf(vocabulary[i]));
        for (int n = 0; n < 5000; n++)
        {
            int bucket = random.Next(bucketCount);
            Assert.Equal(Math.Max(Array.BinarySearch(vocabulary, bucket), -1), table.SlotOf(bucket));
        }
        Assert.Equal(-1, table.SlotOf(-1));
        Assert.Equal(-1, table.SlotOf(bucketCount));
        Assert.Equal(-1, table.SlotOf(int.MaxValue));
    }

    [Fact]
    public void Slot_table_of_consecutive_buckets_and_of_none()
    {
        var consecutive = Enumerable.Range(1000, 500).ToArray();
        foreach (int bits in new[] { 20, 28 })
        {
            var table = new SlotTable(consecutive, 1 << bits);
            for (int i = 0; i < consecutive.Length; i++) Assert.Equal(i, table.SlotOf(consecutive[i]));
            Assert.Equal(-1, table.SlotOf(999));
            Assert.Equal(-1, table.SlotOf(1500));
            Assert.Equal(-1, new SlotTable([], 1 << bits).SlotOf(5));
        }
    }

    [Fact]
    public void Slot_table_refuses_buckets_out_of_range_or_order()
    {
        Assert.Throws<ArgumentException>(() => new SlotTable([3, 3], 16));
        Assert.Throws<ArgumentException>(() => new SlotTable([4, 3], 16));
        Assert.Throws<ArgumentException>(() => new SlotTable([-1], 16));
        Assert.Throws<ArgumentException>(() => new SlotTable([16], 16));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(300)]
    [InlineData(5000)]
    public void Sorting_ids_gives_the_ordinary_sort(int count)
    {
        var random = new Random(count);
        int[] scratch = [];
        foreach (int max in new[] { 1 << 20, 255, int.MaxValue })
        {
            var ids = Enumerable.Range(0, count).Select(_ => random.Next(max)).ToArray();
            var expected = ids.OrderBy(x => x).ToArray();
            FeatureBuffer.SortIds(ids, ref scratch);
            Assert.Equal(expected, ids);
        }
        var negative = Enumerable.Range(0, count).Select(_ => random.Next(-1000, 1000)).ToArray();
        var sorted = negative.OrderBy(x => x).ToArray();
        FeatureBuffer.SortIds(negative, ref scratch);
        Assert.Equal(sorted, negative);
    }

    [Fact]
    public void Compacting_features_of_value_one_counts_repeats_as_compacting_any_values_sums_them()
    {
        var random = new Random(3);
        var ones = new FeatureBuffer();
        var mixed = new FeatureBuffer();
        for (int i = 0; i < 400; i++)
        {
            int id = random.Next(150);
            ones.Add(id);
            mixed.Add(id, 1f);
        }
        mixed.Add(7, 0.5f);
        ones.Compact();
        mixed.Compact();
        var counts = new SortedDictionary<int, float>();
        var again = new Random(3);
        for (int i = 0; i < 400; i++) { int id = again.Next(150); counts[id] = counts.GetValueOrDefault(id) + 1f; }
        Assert.Equal(counts.Keys, ones.Ids.ToArray());
        Assert.Equal(counts.Values, ones.Values.ToArray());
        counts[7] = counts.GetValueOrDefault(7) + 0.5f;
        Assert.Equal(counts.Keys, mixed.Ids.ToArray());
        Assert.Equal(counts.Values, mixed.Values.ToArray());

        // Compacted again (a context copied, a sentence added), the counts add up as the values do.
        var copy = new FeatureBuffer();
        copy.CopyFrom(ones);
        copy.Add(149);
        copy.Add(149);
        copy.Compact();
        Assert.Equal(ones.Ids.ToArray().Append(149).Distinct().Order(), copy.Ids.ToArray());
        Assert.Equal(counts.GetValueOrDefault(149) + 2f, copy.Values[^1]);
    }

    [Fact]
    public void Adding_a_scaled_row_rounds_as_the_scalar_loop()
    {
        var random = new Random(11);
        foreach (int length in new[] { 1, 7, 8, 26, 33 })
            for (int n = 0; n < 50; n++)
            {
                var row = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
                var into = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 5)).ToArray();
                float factor = (float)random.NextDouble();
                var expected = into.ToArray();
                for (int k = 0; k < length; k++) expected[k] += row[k] * factor;
                EventClassifierModel.AddScaled(row, factor, into);
                Assert.Equal(expected, into);
            }
        Assert.Throws<ArgumentException>(() => EventClassifierModel.AddScaled(new float[4], 1f, new float[3]));
    }
}
