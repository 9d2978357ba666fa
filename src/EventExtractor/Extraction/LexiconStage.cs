using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Finds lexicon phrases: actors, weapons, event triggers, modality cues and country names, as entity spans.
/// One pass of each matcher over the document's hashed words.
/// </summary>
internal sealed class LexiconStage(ExtractionKnowledge knowledge) : IStage
{
    public string Name => "lexicons";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;
    public Annotations Provides => Annotations.Actors | Annotations.Weapons | Annotations.Triggers;

    // Match scratch reused per thread: stages are shared, and each thread runs one document at a time.
    [ThreadStatic] private static List<PhraseMatch>? t_matches;

    public void Process(Document document)
    {
        var hashes = new ulong[document.TokenCount];
        for (int i = 0; i < hashes.Length; i++) hashes[i] = WordKey.Hash(document.TokenText(i));
        document.TokenHashes = hashes;
        var words = MatchWords.Build(document);
        document.Words = words;
        var matches = t_matches ??= new List<PhraseMatch>(256);
        // Sized once for the whole pipeline: a news text ends with about one entity span per four or five tokens.
        document.Entities.EnsureCapacity(document.Entities.Count + document.TokenCount / 4);
        Add(document, knowledge.ActorMatcher, words, wholeTokens: true, EntityLabel.Actor, matches);
        Add(document, knowledge.WeaponMatcher, words, wholeTokens: false, EntityLabel.Weapon, matches);
        Add(document, knowledge.TriggerMatcher, words, wholeTokens: false, EntityLabel.Trigger, matches);
        knowledge.GapTriggers.Match(document);
        Add(document, knowledge.CountryMatcher, words, wholeTokens: false, EntityLabel.Country, matches);
        AddCues(document, words, matches);
    }

    private static void Add(Document doc, PhraseMatcher matcher, MatchWord[] words, bool wholeTokens, EntityLabel label, List<PhraseMatch> scratch)
    {
        scratch.Clear();
        // Only the first entry of a phrase becomes a span (below), so the matcher lists no others.
        matcher.MatchFirstEntries(words, 0, words.Length, wholeTokens, scratch);
        int lastFirst = -1, lastEnd = -1;
        foreach (var m in scratch)
        {
            // Several entries may share a phrase (a group's per-country variants): one span, the first entry, which
            // is all the matcher lists. Two words matched inside one hyphenated token also make one span.
            if (m.FirstToken == lastFirst && m.EndToken == lastEnd) continue;
            lastFirst = m.FirstToken;
            lastEnd = m.EndToken;
            // A hyphenated token matched in part ("Iran" in "Iran-backed") is kept, flagged, for the consumers to weigh.
            var span = new EntitySpan(m.FirstToken, m.TokenCount, label, m.Entry)
            {
                Value = words[m.FirstWord].StartsToken && words[m.EndWord - 1].EndsToken ? 0 : PartialToken,
            };
            doc.Entities.Add(span);
        }
    }

    /// <summary>Entity value flag: the match covers only part of a hyphenated token.</summary>
    public const int PartialToken = 1;

    private void AddCues(Document doc, MatchWord[] words, List<PhraseMatch> scratch)
    {
        scratch.Clear();
        knowledge.CueMatcher.Match(words, 0, words.Length, wholeTokens: true, scratch);
        foreach (var m in scratch)
        {
            // "May" the month and "Will" the name are not modal verbs: a capitalised cue counts only first in its sentence.
            var first = doc.Tokens[m.FirstToken];
            if ((first.Flags & TokenFlags.Capitalized) != 0 && m.TokenCount == 1)
            {
                int s = doc.SentenceOfToken(m.FirstToken);
                if (s < 0 || doc.Sentences[s].FirstToken != m.FirstToken) continue;
            }
            doc.Entities.Add(new EntitySpan(m.FirstToken, m.TokenCount, EntityLabel.Cue, m.Entry));
        }
    }
}
