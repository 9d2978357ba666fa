using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Links an event mention to the sentence after it that tells where or when it happened ("Gunmen stormed a
/// police post, killing three. The attack happened in Hiraan region, near Beledweyne."): such a sentence refers
/// back (a pronoun, or "the" and an event noun, with "took place", "happened", "occurred" ...), so its place and
/// date belong to the mention before it. Adds <see cref="Document.MentionContexts"/>; the mentions stay as the
/// mention stage made them.
/// </summary>
internal sealed class DiscourseStage(DiscourseCues cues) : IStage
{
    /// <summary>How many sentences after a mention may still tell its place or date.</summary>
    public const int Reach = 2;

    /// <summary>How many words may come before the event noun of a referring sentence ("The deadly attack").</summary>
    private const int NounReach = 3;

    public string Name => "discourse";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Places | Annotations.Dates | Annotations.Mentions;
    public Annotations Provides => Annotations.Discourse;

    public void Process(Document doc)
    {
        var contexts = new MentionContext[doc.Mentions.Count];
        Array.Fill(contexts, MentionContext.None);
        for (int i = 0; i < doc.Mentions.Count; i++)
        {
            var m = doc.Mentions[i];
            if (!Anchorable(m)) continue;
            int place = -1, date = -1;
            int paragraph = doc.Sentences[m.Sentence].Paragraph;
            for (int s = m.Sentence + 1; s <= m.Sentence + Reach && s < doc.Sentences.Length; s++)
            {
                var sentence = doc.Sentences[s];
                if (sentence.Paragraph >= 0 && sentence.Paragraph < doc.Paragraphs.Length && !doc.Paragraphs[sentence.Paragraph].IsEvidence) continue;
                if (paragraph >= 0 && sentence.Paragraph > paragraph + 1) break;
                if (!RefersBack(doc, s))
                {
                    if (TellsOwnEvent(doc, s)) break; // the next event has begun: its places are its own
                    continue;
                }
                if (m.Place < 0 && place < 0) place = PlaceIn(doc, s);
                if (m.Date < 0 && date < 0) date = DateIn(doc, s);
                break; // the first sentence that refers back is the one that completes this mention
            }
            contexts[i] = new MentionContext(place, date);
        }
        doc.MentionContexts = contexts;
    }

    /// <summary>A typed mention of the body that lacks a place or a date; references and headlines start nothing here.</summary>
    private static bool Anchorable(EventMention m) =>
        m.Type != Records.SubEventType.None
        && (m.Flags & (MentionFlags.Reference | MentionFlags.Headline)) == 0
        && (m.Place < 0 || m.Date < 0);

    /// <summary>
    /// "It happened in ...", "The attack took place near ...": a sentence-initial pronoun, or a determiner with an
    /// event noun among the first words, and an occurrence verb anywhere in the sentence.
    /// </summary>
    public bool RefersBack(Document doc, int sentenceIndex)
    {
        var s = doc.Sentences[sentenceIndex];
        int first = s.FirstToken, end = s.FirstToken + s.TokenCount;
        while (first < end && doc.Tokens[first].Kind == TokenKind.Punctuation) first++;
        if (first >= end) return false;
        bool opens = cues.IsPronoun(doc.TokenHash(first));
        if (!opens && cues.IsDeterminer(doc.TokenHash(first)))
            for (int t = first + 1; t <= first + NounReach && t < end && !opens; t++)
                opens = cues.IsEventNoun(doc.TokenHash(t));
        if (!opens) return false;
        Span<ulong> words = stackalloc ulong[Math.Min(s.TokenCount, 256)];
        int n = 0;
        for (int t = first; t < end && n < words.Length; t++) words[n++] = doc.TokenHash(t);
        for (int i = 0; i < n; i++)
            if (cues.OccurrenceAt(words[..n], i)) return true;
        return false;
    }

    /// <summary>A sentence with an event mention of its own that does not merely refer back.</summary>
    private static bool TellsOwnEvent(Document doc, int sentenceIndex)
    {
        foreach (var m in doc.Mentions)
            if (m.Sentence == sentenceIndex && m.Type != Records.SubEventType.None && (m.Flags & MentionFlags.Reference) == 0) return true;
        return false;
    }

    /// <summary>The sentence's event place: a town before a region, a locative mention before a bare name; never a launch site, a dateline or a distance reference.</summary>
    private static int PlaceIn(Document doc, int sentenceIndex)
    {
        var s = doc.Sentences[sentenceIndex];
        int best = -1, bestScore = int.MinValue;
        for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < s.FirstToken + s.TokenCount; i++)
        {
            var e = doc.Entities[i];
            if (e.Label != EntityLabel.Place) continue;
            var flags = (PlaceFlags)e.Value;
            if ((flags & (PlaceFlags.Source | PlaceFlags.Dateline | PlaceFlags.Reference)) != 0) continue;
            int score = ((flags & PlaceFlags.Locative) != 0 ? 2 : 0) + (doc.Places[e.Ref].IsRegion ? 0 : 4) + ((flags & PlaceFlags.Site) != 0 ? 1 : 0);
            if (score > bestScore) { best = i; bestScore = score; }
        }
        return best;
    }

    private static int DateIn(Document doc, int sentenceIndex)
    {
        var s = doc.Sentences[sentenceIndex];
        for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < s.FirstToken + s.TokenCount; i++)
            if (doc.Entities[i].Label == EntityLabel.Date) return i;
        return -1;
    }
}
