using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Reads casualty counts next to "killed"/"injured" triggers: digits and number words, vague quantities as the
/// codebook counts them ("dozens" = 12, "several" = 3), "a soldier was killed" = 1, "killing three policemen",
/// "the death toll rose to 9". Numbers that count weapons, distances, years or ages are not casualties.
/// </summary>
internal sealed class CasualtyReader(ExtractionKnowledge knowledge)
{
    private GrammarWords Grammar => knowledge.Grammar;

    /// <summary>
    /// The count for a casualty trigger at tokens [trigger, triggerEnd) within [sentenceStart, sentenceEnd);
    /// -1 when the text gives none.
    /// </summary>
    public int Read(Document doc, int trigger, int triggerEnd, int sentenceStart, int sentenceEnd, bool[] blocked)
    {
        // Before: "four of its fighters ... had been killed", "Dozens of militia fighters were killed".
        // Not after a coordinating word: in "killing two and wounding five" the count follows the verb.
        // ("Five civilians, among them two children, died" counts backwards past the apposition.)
        bool coordinated = trigger > sentenceStart && (Grammar.Is(doc, trigger - 1, WordClass.Coordinator)
            || (doc.TokenText(trigger - 1) is "," && doc.TokenText(trigger).EndsWith("ing", StringComparison.OrdinalIgnoreCase)));
        for (int k = trigger - 1; !coordinated && k >= Math.Max(sentenceStart, trigger - 10); k--)
        {
            if (blocked[k]) break;
            if (TryNumberAt(doc, k, sentenceEnd, out int value, out int afterNumber, out bool article))
            {
                // "Five civilians, among them two children, died": a part of the toll, not the toll.
                if (k > sentenceStart && Grammar.Is(doc, k - 1, WordClass.TollPart)) continue;
                if (HasPersonNoun(doc, afterNumber, Math.Min(trigger, afterNumber + 5)) || (!article && OnlyPassiveBetween(doc, afterNumber, trigger)))
                    return value + EarlierInList(doc, k, sentenceStart, blocked);
            }
        }
        // After: "killing three policemen", "killed an Iraqi-American contractor", "death toll rose to 9".
        for (int k = triggerEnd; k < Math.Min(sentenceEnd, triggerEnd + 6); k++)
        {
            if (blocked[k]) break;
            if (TryNumberAt(doc, k, sentenceEnd, out int value, out int afterNumber, out bool article))
            {
                if (article && !HasPersonNoun(doc, afterNumber, Math.Min(sentenceEnd, afterNumber + 3))) continue;
                if (!article && NextIsBlocker(doc, afterNumber, sentenceEnd)) continue;
                return value;
            }
            var h = doc.TokenHash(k);
            // "killed the general": a definite singular person.
            if (Grammar.Is(h, WordClass.Definite) && k + 1 < sentenceEnd && knowledge.PersonNouns.ContainsKey(doc.TokenHash(k + 1))
                && !doc.TokenText(k + 1).EndsWith("s", StringComparison.Ordinal) && !doc.TokenText(k + 1).EndsWith("men", StringComparison.Ordinal))
                return 1;
            if (!Grammar.Is(h, WordClass.TollBound) && doc.Tokens[k].Kind != TokenKind.Word) break;
        }
        // "Al-Muhandis and Soleimani were killed": two named people.
        if (trigger >= 4 && Grammar.Is(doc, trigger - 1, WordClass.PluralPast) && Grammar.Is(doc, trigger - 3, WordClass.Coordinator)
            && IsCapitalized(doc, trigger - 2) && IsCapitalized(doc, trigger - 4))
            return 2;
        return -1;
    }

    /// <summary>"Two policemen, three attackers killed": the counts listed before the one next to the verb.</summary>
    private int EarlierInList(Document doc, int k, int sentenceStart, bool[] blocked)
    {
        int sum = 0;
        int cursor = k - 1;
        while (cursor > sentenceStart)
        {
            var sep = doc.TokenText(cursor);
            if (sep is not "," && !Grammar.Is(WordKey.Hash(sep), WordClass.Coordinator)) break;
            // Walk back over the person noun phrase to its number: "two policemen ,"
            int found = -1;
            for (int j = cursor - 1; j >= Math.Max(sentenceStart, cursor - 4); j--)
            {
                if (blocked[j]) break;
                if (TryNumberAt(doc, j, cursor, out int v, out int after, out bool article) && !article && HasPersonNoun(doc, after, cursor))
                {
                    sum += v;
                    found = j;
                    break;
                }
            }
            if (found < 0) break;
            cursor = found - 1;
        }
        return sum;
    }

    private static bool IsCapitalized(Document doc, int t) => (doc.Tokens[t].Flags & TokenFlags.Capitalized) != 0;

    private bool OnlyPassiveBetween(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (!Grammar.Is(doc, k, WordClass.TollAuxiliary) && !knowledge.PersonNouns.ContainsKey(doc.TokenHash(k))) return false;
        return true;
    }

    private bool HasPersonNoun(Document doc, int from, int to)
    {
        for (int k = from; k < to && k < doc.TokenCount; k++)
            if (knowledge.PersonNouns.ContainsKey(doc.TokenHash(k))) return true;
        return false;
    }

    private bool NextIsBlocker(Document doc, int k, int end) => k < end && Grammar.Is(doc, k, WordClass.CountUnit);

    /// <summary>A number at token k: digits ("1,000", "21"), words ("twenty-one", "three hundred"), vague words ("dozens").</summary>
    public bool TryNumberAt(Document doc, int k, int end, out int value, out int after, out bool article)
    {
        value = 0; after = k + 1; article = false;
        var tok = doc.Tokens[k];
        var s = doc.TokenText(k);
        if (tok.Kind == TokenKind.Number || (s.Length > 0 && char.IsDigit(s[0])))
        {
            long n = 0;
            foreach (var c in s)
            {
                if (c is >= '0' and <= '9') { n = n * 10 + (c - '0'); if (n > 1_000_000) return false; }
                else if (c == ',') continue;
                else return false; // "25-year-old", "9:58", "2.5"
            }
            if (s.Length == 4 && n is >= 1900 and <= 2100) return false; // a year
            if (NextIsBlocker(doc, after, end)) return false;
            value = (int)n;
            return true;
        }
        if (tok.Kind != TokenKind.Word) return false;
        // "twenty-one"
        if ((tok.Flags & TokenFlags.Hyphenated) != 0)
        {
            int dash = s.IndexOf('-');
            if (dash > 0 && knowledge.Numbers.TryGetValue(WordKey.Hash(s[..dash]), out var tens) && knowledge.Numbers.TryGetValue(WordKey.Hash(s[(dash + 1)..]), out var ones)
                && tens.Kind == "exact" && ones.Kind == "exact" && tens.Value >= 20 && ones.Value < 10)
            {
                value = tens.Value + ones.Value;
                return !NextIsBlocker(doc, after, end);
            }
            return false;
        }
        if (!knowledge.Numbers.TryGetValue(WordKey.Hash(s), out var w) || w.Kind == "multiplier") return false;
        article = w.Kind == "article";
        value = w.Value;
        // "three hundred", "a dozen", "two thousand"
        if (after < end && knowledge.Numbers.TryGetValue(doc.TokenHash(after), out var mult))
        {
            if (mult.Kind == "multiplier") { value *= mult.Value; after++; article = false; }
            else if (article && mult.Kind == "exact") { value = mult.Value; after++; article = false; }
        }
        if (NextIsBlocker(doc, after, end)) return false;
        return true;
    }
}
