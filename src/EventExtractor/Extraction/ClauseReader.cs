using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// What a trigger's clause says about it: whether it happened (no threat, plan, negation or habit governs it),
/// whether it is quoted or told in the perfect, where clauses break. Shared by the mention stage's parts.
/// </summary>
internal sealed class ClauseReader(ExtractionKnowledge knowledge)
{
    private GrammarWords Grammar => knowledge.Grammar;

    public static bool IsQuoted(Document doc, int token) => (doc.Tokens[token].Flags & TokenFlags.Quoted) != 0;

    /// <summary>No threat, plan, condition, negation or habitual cue governs the trigger within its clause.</summary>
    public bool IsFactual(Document doc, EntitySpan trigger, List<int> cues, int sentenceStart)
    {
        int t = trigger.FirstToken;
        // "to attack", "commitment to fighting": an intention, not an act.
        if (t > sentenceStart && Grammar.Is(doc, t - 1, WordClass.Infinitive)) return false;
        // "has been fighting ... since 2003", "often targeted": a habit, not one event.
        if (t > sentenceStart + 1 && Grammar.Is(doc, t - 1, WordClass.Been) && doc.TokenText(t).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && Grammar.Is(doc, t - 2, WordClass.PerfectAuxiliary)) return false;
        int sentenceEnd = doc.SentenceOfToken(t) is var si and >= 0 ? doc.Sentences[si].FirstToken + doc.Sentences[si].TokenCount : doc.TokenCount;
        for (int k = trigger.EndToken; k < Math.Min(sentenceEnd, trigger.EndToken + 7); k++)
            if (Grammar.Is(doc, k, WordClass.HabitualAfter)) return false;
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            if (c.FirstToken >= trigger.FirstToken) break;
            int distance = trigger.FirstToken - c.EndToken;
            var effect = knowledge.Cues[c.Ref];
            int reach = effect switch
            {
                CueEffect.Future => 8,
                CueEffect.Negation => 2,
                CueEffect.Generic => 4,
                _ => -1,
            };
            if (distance < 0 || distance > reach) continue;
            if (HasClauseBreak(doc, c.EndToken, trigger.FirstToken) && effect != CueEffect.Future) continue;
            if (effect == CueEffect.Future && HasSentenceLevelBreak(doc, c.EndToken, trigger.FirstToken)) continue;
            return false;
        }
        return true;
    }

    /// <summary>"has pledged allegiance", "have attacked": the perfect tells background, not the day's event.</summary>
    public bool IsPerfect(Document doc, EntitySpan trigger, int start)
    {
        for (int k = trigger.FirstToken - 1; k >= Math.Max(start, trigger.FirstToken - 2); k--)
        {
            var h = doc.TokenHash(k);
            if (Grammar.Is(h, WordClass.Been)) return false;
            if (Grammar.Is(h, WordClass.PerfectAuxiliary)) return true;
        }
        return false;
    }

    public bool HasClauseBreak(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (Grammar.Is(doc, k, WordClass.ClauseBreak) || doc.TokenText(k) is "," or ";") return true;
        return false;
    }

    public static bool HasSentenceLevelBreak(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (doc.TokenText(k) is ";" or "—" or "–") return true;
        return false;
    }

    public static bool HasPunctuation(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (doc.Tokens[k].Kind == TokenKind.Punctuation) return true;
        return false;
    }

    /// <summary>True when the token is in the headline or standfirst.</summary>
    public static bool IsHeadline(Document doc, int token)
    {
        int p = doc.ParagraphAt(doc.Tokens[token].Start);
        return p >= 0 && doc.Paragraphs[p].Kind is ParagraphKind.Headline or ParagraphKind.Subheadline;
    }
}
