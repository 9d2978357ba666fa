using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

/// <summary>
/// A document built by hand for testing one part of the mention stage: the text tokenized, split and matched
/// against the real lexicons (plus dates), with no places, paragraphs, mentions or classifier.
/// </summary>
internal sealed class HandBuilt
{
    public HandBuilt(ExtractionKnowledge knowledge, string text, string published = "2021-03-17")
    {
        Knowledge = knowledge;
        Doc = new Document(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        new Tokenizer().Process(Doc);
        new SentenceSplitter().Process(Doc);
        new LexiconStage(knowledge).Process(Doc);
        new DateStage(knowledge).Process(Doc);
        Doc.Entities.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : b.TokenCount.CompareTo(a.TokenCount));
    }

    public ExtractionKnowledge Knowledge { get; }
    public Document Doc { get; }
    public int Start => Doc.Sentences[0].FirstToken;
    public int End => Doc.Sentences[0].FirstToken + Doc.Sentences[0].TokenCount;

    /// <summary>Entity indexes of a label, in text order.</summary>
    public List<int> Of(EntityLabel label) => Enumerable.Range(0, Doc.Entities.Count).Where(i => Doc.Entities[i].Label == label).ToList();

    /// <summary>The first trigger entity whose text is <paramref name="text"/>.</summary>
    public EntitySpan Trigger(string text) =>
        Doc.Entities.First(e => e.Label == EntityLabel.Trigger && Doc.Cut(e.FirstToken, e.TokenCount).Equals(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text of an entity index (empty for -1).</summary>
    public string Text(int entity) => entity < 0 ? "" : Doc.Cut(Doc.Entities[entity].FirstToken, Doc.Entities[entity].TokenCount);

    /// <summary>The first actor entity whose text is <paramref name="text"/>.</summary>
    public int Actor(string text) =>
        Of(EntityLabel.Actor).First(i => Text(i).Equals(text, StringComparison.OrdinalIgnoreCase));
}
