using EventExtractor.Extraction;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Learning;

public sealed class FeatureTests
{
    [Fact]
    public void Hasher_ids_are_fixed_values_in_range_and_kind_specific()
    {
        var h = new FeatureHasher();
        Assert.Equal(1 << 20, h.BucketCount);
        // Pinned: a saved model is only usable if every process hashes the same way.
        Assert.Equal(PinnedRocket, h.Bucket(FeatureKind.Word, "rocket"));
        Assert.Equal(h.Bucket(FeatureKind.Word, "Rocket"), h.Bucket(FeatureKind.Word, "rocket"));
        Assert.Equal(h.Bucket(FeatureKind.Word, "Kata’ib"), h.Bucket(FeatureKind.Word, "kataib"));
        Assert.NotEqual(h.Bucket(FeatureKind.Word, "rocket"), h.Bucket(FeatureKind.TriggerText, "rocket"));
        Assert.NotEqual(h.Bucket(FeatureKind.Bigram, 1, 2), h.Bucket(FeatureKind.Bigram, 2, 1));
        var small = new FeatureHasher(4);
        for (ulong k = 0; k < 200; k++) Assert.InRange(small.Bucket(FeatureKind.Word, k), 0, 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureHasher(31));
    }

    private const int PinnedRocket = 815269;

    [Fact]
    public void Extractor_gives_words_bigrams_numbers_position_and_nothing_outside_the_span()
    {
        var doc = TextAnalyzer.Plain().Analyse("Protesters marched in the city. Gunmen killed 12 people.", "d");
        var fx = new DocumentFeatureExtractor(new FeatureHasher(), null);
        var h = fx.Hasher;
        var first = doc.Sentences[0];
        var buffer = new FeatureBuffer();
        fx.Extract(doc, first.FirstToken, first.TokenCount, TextPosition.Headline, buffer);
        var ids = buffer.Ids.ToArray();
        Assert.Contains(h.Bucket(FeatureKind.Word, "marched"), ids);
        Assert.Contains(h.Bucket(FeatureKind.Bigram, WordKey.Hash("protesters"), WordKey.Hash("marched")), ids);
        Assert.Contains(h.Bucket(FeatureKind.Position, (ulong)TextPosition.Headline), ids);
        Assert.DoesNotContain(h.Bucket(FeatureKind.Word, "gunmen"), ids);
        Assert.DoesNotContain(h.Bucket(FeatureKind.Position, (ulong)TextPosition.Body), ids);

        var second = doc.Sentences[1];
        buffer.Clear();
        fx.Extract(doc, second.FirstToken, second.TokenCount, TextPosition.Body, buffer);
        ids = buffer.Ids.ToArray();
        Assert.Contains(h.Bucket(FeatureKind.Number, 4), ids); // 12: the 11-50 bucket
        Assert.DoesNotContain(h.Bucket(FeatureKind.Word, "12"), ids);
        Assert.DoesNotContain(h.Bucket(FeatureKind.Word, "marched"), ids);
    }

    [Fact]
    public void Extraction_into_a_warm_buffer_allocates_nothing()
    {
        var doc = TextAnalyzer.Plain().Analyse("Gunmen attacked a police post near the market on Monday, killing three officers.", "d");
        var fx = new DocumentFeatureExtractor(new FeatureHasher(), null);
        var buffer = new FeatureBuffer();
        fx.Extract(doc, 0, doc.TokenCount, TextPosition.Whole, buffer);
        buffer.Clear();
        long before = GC.GetAllocatedBytesForCurrentThread();
        fx.Extract(doc, 0, doc.TokenCount, TextPosition.Whole, buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(buffer.Count > 10);
    }

    [Fact]
    public void With_the_lexicons_triggers_and_weapons_add_their_types()
    {
        var analyzer = TextAnalyzer.Load(ModelDirectory.Locate());
        var fx = new DocumentFeatureExtractor(new FeatureHasher(), analyzer.Knowledge);
        var doc = analyzer.Analyse("Militants fired three rockets at an army base on Monday.", "d");
        var buffer = new FeatureBuffer();
        fx.Extract(doc, 0, doc.TokenCount, TextPosition.Whole, buffer);
        var ids = buffer.Ids.ToArray();
        var h = fx.Hasher;
        Assert.Contains(h.Bucket(FeatureKind.EntityLabel, (ulong)EventExtractor.Text.EntityLabel.Weapon), ids);
        Assert.Contains(h.Bucket(FeatureKind.WeaponHint, (ulong)SubEventType.ShellingArtilleryMissileAttack), ids);
        Assert.Contains(h.Bucket(FeatureKind.EntityLabel, (ulong)EventExtractor.Text.EntityLabel.Trigger), ids);
        Assert.Contains(h.Bucket(FeatureKind.TriggerClass, (ulong)TriggerClass.Fire), ids);
    }
}
