using EventExtractor.Export;
using EventExtractor.Extraction;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Tests.Export;

/// <summary>Which entities become training spans, on hand-built documents (no models).</summary>
public class TrainingExampleTests
{
    // Paragraph 0 body, paragraph 1 a caption.
    private const string Text = "Iran struck US-backed fighters near Erbil in northern Iraq on Monday.\n\nPhoto: Iran troops in Erbil.";

    private static Document Build()
    {
        var doc = new Document(Text);
        int split = Text.IndexOf("\n\n", StringComparison.Ordinal);
        doc.Paragraphs = [new Paragraph(0, split, ParagraphKind.Body), new Paragraph(split + 2, Text.Length, ParagraphKind.Caption)];
        new Tokenizer().Process(doc);
        new SentenceSplitter().Process(doc);
        return doc;
    }

    private static int Token(Document doc, string text, int occurrence = 0)
    {
        for (int t = 0, seen = 0; t < doc.TokenCount; t++)
            if (doc.TokenText(t).SequenceEqual(text) && seen++ == occurrence) return t;
        throw new InvalidOperationException($"no token '{text}' #{occurrence}");
    }

    private static int Add(Document doc, int first, int count, EntityLabel label, int value = 0)
    {
        doc.Entities.Add(new EntitySpan(first, count, label, 0) { Value = value });
        return doc.Entities.Count - 1;
    }

    private static List<(string Text, string Label)> Spans(Document doc) =>
        TrainingExample.From(doc).Spans.Select(s => (doc.Cut(s.FirstToken, s.TokenCount), s.Label)).ToList();

    [Fact]
    public void A_country_name_is_a_location_unless_a_mention_uses_it_as_an_actor()
    {
        var doc = Build();
        int iran = Token(doc, "Iran");
        Add(doc, iran, 1, EntityLabel.Country);
        int iranActor = Add(doc, iran, 1, EntityLabel.Actor);
        int iraq = Token(doc, "Iraq");
        Add(doc, iraq, 1, EntityLabel.Actor);
        Add(doc, iraq, 1, EntityLabel.Country);
        int trigger = Add(doc, Token(doc, "struck"), 1, EntityLabel.Trigger);
        doc.Mentions.Add(new EventMention(0, trigger, SubEventType.AirDroneStrike) { Actor1 = iranActor });

        var spans = Spans(doc);

        Assert.Contains(("Iran", TrainingLabels.Actor), spans);
        Assert.Contains(("Iraq", TrainingLabels.Location), spans);
        Assert.Contains(("struck", TrainingLabels.Trigger), spans);
    }

    [Fact]
    public void The_longest_of_overlapping_spans_wins_and_the_other_is_dropped_whole()
    {
        var doc = Build();
        int northern = Token(doc, "northern");
        Add(doc, northern + 1, 1, EntityLabel.Country);        // "Iraq"
        Add(doc, northern, 2, EntityLabel.Place);              // "northern Iraq"
        int on = Token(doc, "on");
        Add(doc, on, 2, EntityLabel.Date);                     // "on Monday"
        Add(doc, on - 1, 2, EntityLabel.Actor);                // "Iraq on": shorter than nothing, overlaps both

        var spans = Spans(doc);

        Assert.Equal([("northern Iraq", TrainingLabels.Location), ("on Monday", TrainingLabels.Date)], spans);
    }

    [Fact]
    public void Unused_triggers_partial_token_matches_counts_cues_and_noise_paragraphs_are_left_out()
    {
        var doc = Build();
        Add(doc, Token(doc, "struck"), 1, EntityLabel.Trigger);                                    // no mention
        Add(doc, Token(doc, "US-backed"), 1, EntityLabel.Country, LexiconStage.PartialToken);      // "US" of "US-backed"
        Add(doc, Token(doc, "near"), 1, EntityLabel.Cue);
        Add(doc, Token(doc, "Erbil"), 1, EntityLabel.Place);
        Add(doc, Token(doc, "Erbil", 1), 1, EntityLabel.Place);                                   // in the caption
        Add(doc, Token(doc, "Iran", 1), 2, EntityLabel.Actor);                                    // in the caption

        var example = TrainingExample.From(doc);

        Assert.Equal([("Erbil", TrainingLabels.Location)], example.Spans.Select(s => (doc.Cut(s.FirstToken, s.TokenCount), s.Label)));
        Assert.Equal([0], example.Sentences);
        var conll = ExportFixtures.Conll(example);
        Assert.DoesNotContain("Photo", conll);
        Assert.Contains("US-backed\tO\n", conll);
    }

    [Fact]
    public void An_article_of_noise_only_writes_nothing()
    {
        var doc = new Document("Photo: a road.");
        doc.Paragraphs = [new Paragraph(0, doc.Text.Length, ParagraphKind.Caption)];
        new Tokenizer().Process(doc);
        new SentenceSplitter().Process(doc);
        Add(doc, 2, 1, EntityLabel.Place);

        var example = TrainingExample.From(doc);

        Assert.Empty(example.Sentences);
        Assert.Equal("", ExportFixtures.Conll(example));
        Assert.Equal("", ExportFixtures.Spans(example));
    }
}
