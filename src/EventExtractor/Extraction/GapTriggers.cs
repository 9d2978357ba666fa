using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Trigger patterns with a gap (triggers.tsv phrases written "HEAD ... TAIL", each side a list of alternatives
/// joined by "|"): "established|set up ... base|outpost" matches "established a new military outpost". Up to
/// <see cref="MaxGap"/> words, no punctuation, between the two sides, within one sentence.
/// </summary>
internal sealed class GapTriggers
{
    /// <summary>The most words a gap may hold.</summary>
    public const int MaxGap = 3;

    /// <summary>What separates the two sides of a pattern in triggers.tsv.</summary>
    public const string Gap = " ... ";

    private readonly Dictionary<ulong, List<(ulong[] Head, ulong[][] Tails, int Entry)>> _byFirstWord = new();

    public int Count { get; private set; }

    /// <summary>True when the phrase is a gap pattern.</summary>
    public static bool IsPattern(string phrase) => phrase.Contains(Gap, StringComparison.Ordinal);

    public void Add(string pattern, int entry)
    {
        var sides = pattern.Split(Gap);
        if (sides.Length != 2) throw new ArgumentException("a gap pattern has one head and one tail", nameof(pattern));
        static ulong[] Words(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => WordKey.Hash(w)).ToArray();
        var tails = sides[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Words).ToArray();
        foreach (var head in sides[0].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Words))
        {
            if (head.Length == 0) continue;
            if (!_byFirstWord.TryGetValue(head[0], out var list)) _byFirstWord[head[0]] = list = new();
            list.Add((head, tails, entry));
        }
        Count++;
    }

    /// <summary>Adds a Trigger entity for every pattern found that starts where no other trigger does.</summary>
    public void Match(Document doc)
    {
        if (_byFirstWord.Count == 0) return;
        HashSet<int>? taken = null;
        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (!_byFirstWord.TryGetValue(doc.TokenHash(t), out var list)) continue;
            int s = doc.SentenceOfToken(t);
            int end = s >= 0 ? doc.Sentences[s].FirstToken + doc.Sentences[s].TokenCount : doc.TokenCount;
            foreach (var (head, tails, entry) in list)
            {
                if (!At(doc, t, head, end)) continue;
                int afterHead = t + head.Length;
                int found = -1;
                for (int gap = 0; gap <= MaxGap && found < 0; gap++)
                {
                    int k = afterHead + gap;
                    if (k >= end || (gap > 0 && doc.Tokens[k - 1].Kind == TokenKind.Punctuation)) break;
                    foreach (var tail in tails)
                        if (At(doc, k, tail, end)) { found = k + tail.Length; break; }
                }
                if (found < 0) continue;
                taken ??= TriggerStarts(doc);
                if (!taken.Add(t)) break;
                doc.Entities.Add(new EntitySpan(t, found - t, EntityLabel.Trigger, entry));
                break;
            }
        }
    }

    private static HashSet<int> TriggerStarts(Document doc)
    {
        var starts = new HashSet<int>();
        foreach (var e in doc.Entities)
            if (e.Label == EntityLabel.Trigger)
                for (int k = e.FirstToken; k < e.EndToken; k++) starts.Add(k);
        return starts;
    }

    private static bool At(Document doc, int token, ulong[] words, int end)
    {
        if (token + words.Length > end) return false;
        for (int i = 0; i < words.Length; i++)
            if (doc.TokenHash(token + i) != words[i]) return false;
        return true;
    }
}
