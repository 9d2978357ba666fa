namespace EventExtractor.Text;

/// <summary>One word of a document as the matchers see it: hyphenated tokens contribute one word per part.</summary>
/// <remarks>The five flags share one byte so a word takes 24 bytes: documents keep one per word.</remarks>
internal readonly record struct MatchWord
{
    [Flags]
    private enum Flags : byte { InsideHyphenated = 1, StartsToken = 2, EndsToken = 4, AllCaps = 8, Capitalized = 16 }

    public MatchWord(ulong hash, int token, bool insideHyphenated, bool startsToken, bool endsToken, bool allCaps, bool capitalized)
    {
        Hash = hash;
        Token = token;
        _flags = (insideHyphenated ? Flags.InsideHyphenated : 0) | (startsToken ? Flags.StartsToken : 0)
                 | (endsToken ? Flags.EndsToken : 0) | (allCaps ? Flags.AllCaps : 0) | (capitalized ? Flags.Capitalized : 0);
    }

    // Fields in falling size (the order of the declarations below): 8 + 8 + 4 + 1 bytes, padded to 24.
    public ulong Hash { get; init; }

    /// <summary>
    /// For a word followed by a possessive "’s": the hash of the word with the "s" joined ("People’s" = "peoples"),
    /// since lexicons write possessives without the apostrophe; 0 otherwise. The plain hash drops the clitic
    /// ("Erbil’s airport" = "erbil airport").
    /// </summary>
    public ulong PossessiveHash { get; init; }

    public int Token { get; init; }

    private readonly Flags _flags;

    public bool InsideHyphenated => (_flags & Flags.InsideHyphenated) != 0;

    public bool StartsToken => (_flags & Flags.StartsToken) != 0;

    public bool EndsToken
    {
        get => (_flags & Flags.EndsToken) != 0;
        init => _flags = value ? _flags | Flags.EndsToken : _flags & ~Flags.EndsToken;
    }

    public bool AllCaps => (_flags & Flags.AllCaps) != 0;

    public bool Capitalized => (_flags & Flags.Capitalized) != 0;
}

/// <summary>A lexicon match: words [FirstWord, EndWord), tokens [FirstToken, EndToken), and the matched entry.</summary>
internal readonly record struct PhraseMatch(int FirstWord, int EndWord, int FirstToken, int EndToken, int Entry)
{
    public int TokenCount => EndToken - FirstToken;
}

/// <summary>
/// Builds the word stream matchers run over. Kept per document; the hashes are computed once.
/// </summary>
internal static class MatchWords
{
    // Reused per thread (documents run in parallel, one per thread): the only allocation left is the exact-size result.
    [ThreadStatic] private static List<MatchWord>? t_words;

    public static MatchWord[] Build(Document doc)
    {
        var words = t_words ??= new List<MatchWord>(1024);
        words.Clear();
        var text = doc.Text;
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Tokens[i];
            var span = text.AsSpan(t.Start, t.Length);
            bool caps = IsAllCaps(span);
            bool cap = span.Length > 0 && char.IsUpper(span[0]);
            if ((t.Flags & TokenFlags.Hyphenated) != 0 && t.Kind == TokenKind.Word)
            {
                int start = 0;
                var pieces = 0;
                for (int j = 0; j <= span.Length; j++)
                {
                    if (j == span.Length || IsHyphen(span[j]))
                    {
                        if (j > start)
                        {
                            var piece = span[start..j];
                            ulong h = WordKey.Hash(piece);
                            if (h != 0)
                            {
                                words.Add(new MatchWord(h, i, true, pieces == 0, false, IsAllCaps(piece), char.IsUpper(piece[0])));
                                pieces++;
                            }
                        }
                        start = j + 1;
                    }
                }
                if (pieces > 0)
                {
                    var last = words[^1];
                    words[^1] = last with { EndsToken = true };
                }
                continue;
            }
            if (IsPossessiveClitic(span))
            {
                // "Erbil’s airport" matches "Erbil airport"; "People’s Army" matches "Peoples Army".
                if (words.Count > 0 && words[^1].Token == i - 1)
                    words[^1] = words[^1] with { PossessiveHash = PossessiveHash(text.AsSpan(doc.Tokens[i - 1].Start, doc.Tokens[i - 1].Length)) };
                continue;
            }
            ulong hash = doc.TokenHash(i);
            if (hash == 0) hash = (ulong)span[0] * 0x100000001B3UL + 7; // punctuation keeps a distinct, non-matching key
            words.Add(new MatchWord(hash, i, false, true, true, caps, cap));
        }
        return words.ToArray();
    }

    /// <summary>The hash of a word with "s" joined ("People" + "s"), without building the string.</summary>
    private static ulong PossessiveHash(ReadOnlySpan<char> word)
    {
        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(word.Length + 1);
        word.CopyTo(rented);
        rented[word.Length] = 's';
        ulong h = WordKey.Hash(rented.AsSpan(0, word.Length + 1));
        System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return h;
    }

    private static bool IsPossessiveClitic(ReadOnlySpan<char> s) =>
        s.Length == 2 && (s[0] is '\'' or '’') && (s[1] is 's' or 'S');

    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c)) return false;
                letters++;
            }
        }
        return letters > 0;
    }
}

/// <summary>
/// Longest-match phrase lookup over hashed words (no allocation per token). Phrases are added with an entry
/// number; several entries may share one phrase. Acronyms (two or more capitals in the lexicon) only match
/// capitalised text, so "US" the country is not "us" the pronoun.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<ulong, List<int>> _entries = new();
    private readonly HashSet<ulong> _prefixes = new();
    private readonly HashSet<ulong> _caseSensitive = new();
    private int _maxWords;

    /// <summary>Longest phrase in words.</summary>
    public int MaxWords => _maxWords;

    /// <summary>Adds a phrase for an entry; returns false when the phrase is empty after normalization.</summary>
    public bool Add(string phrase, int entry, bool? caseSensitive = null)
    {
        // The words of WordKey.SplitPhrase, hashed in place: the lexicons add some 80,000 phrases at start-up.
        ulong h = 0;
        int words = 0;
        Range first = default;
        foreach (var range in phrase.AsSpan().SplitAny(WordKey.PhraseSeparators))
        {
            ulong word = WordKey.Hash(phrase.AsSpan(range));
            if (word == 0) continue; // an empty piece, or one with nothing left after normalization
            if (words++ == 0) first = range;
            h = WordKey.Combine(h, word);
            _prefixes.Add(h);
        }
        if (words == 0) return false;
        if (!_entries.TryGetValue(h, out var list)) _entries[h] = list = new List<int>(1);
        if (!list.Contains(entry)) list.Add(entry);
        if (words == 1 && (caseSensitive ?? IsAcronym(phrase.AsSpan(first)))) _caseSensitive.Add(h);
        _maxWords = Math.Max(_maxWords, words);
        return true;
    }

    /// <summary>Makes room for <paramref name="phrases"/> more phrases before a table of them is added.</summary>
    public void EnsureCapacity(int phrases)
    {
        _entries.EnsureCapacity(_entries.Count + phrases);
        _prefixes.EnsureCapacity(_prefixes.Count + phrases);
    }

    /// <summary>"US", "KH", "LeT", "AQAP": short words with two or more capitals are names only in capitals.</summary>
    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        int upper = 0;
        bool lower = false;
        foreach (char c in w)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower = true;
        }
        return upper >= 2 && (!lower || w.Length <= 5);
    }

    /// <summary>Entries stored under a phrase hash.</summary>
    public IReadOnlyList<int> EntriesOf(ulong phraseHash) => _entries.TryGetValue(phraseHash, out var l) ? l : [];

    /// <summary>
    /// Longest-leftmost matches over words [from, to). When <paramref name="wholeTokens"/> is set a match may
    /// not begin or end inside a hyphenated token ("Iran" in "Iran-backed" is no match).
    /// </summary>
    public void Match(MatchWord[] words, int from, int to, bool wholeTokens, List<PhraseMatch> output) =>
        Match(words, from, to, wholeTokens, output, firstEntryOnly: false);

    /// <summary>
    /// As <see cref="Match(MatchWord[], int, int, bool, List{PhraseMatch})"/>, but one match per phrase found, with
    /// the first entry stored under it: for callers that keep one span per phrase, since a common word ("police")
    /// can stand for hundreds of entries (one per country) and listing them all is most of the matching cost.
    /// </summary>
    public void MatchFirstEntries(MatchWord[] words, int from, int to, bool wholeTokens, List<PhraseMatch> output) =>
        Match(words, from, to, wholeTokens, output, firstEntryOnly: true);

    private void Match(MatchWord[] words, int from, int to, bool wholeTokens, List<PhraseMatch> output, bool firstEntryOnly)
    {
        int i = from;
        while (i < to)
        {
            if (wholeTokens && !words[i].StartsToken) { i++; continue; }
            int bestEnd = -1;
            ulong bestHash = 0;
            Extend(words, i, i, to, 0, wholeTokens, ref bestEnd, ref bestHash);
            if (bestEnd > 0)
            {
                var entries = _entries[bestHash];
                int firstToken = words[i].Token, endToken = words[bestEnd - 1].Token + 1;
                int count = firstEntryOnly ? 1 : entries.Count;
                for (int k = 0; k < count; k++)
                    output.Add(new PhraseMatch(i, bestEnd, firstToken, endToken, entries[k]));
                i = bestEnd;
            }
            else i++;
        }
    }

    /// <summary>Walks phrase prefixes from word <paramref name="j"/>, branching where a possessive gives a second spelling.</summary>
    private void Extend(MatchWord[] words, int start, int j, int to, ulong prefix, bool wholeTokens, ref int bestEnd, ref ulong bestHash)
    {
        if (j >= to || j - start >= _maxWords) return;
        var w = words[j];
        Step(words, start, j, to, WordKey.Combine(prefix, w.Hash), wholeTokens, ref bestEnd, ref bestHash);
        if (w.PossessiveHash != 0)
            Step(words, start, j, to, WordKey.Combine(prefix, w.PossessiveHash), wholeTokens, ref bestEnd, ref bestHash);
    }

    private void Step(MatchWord[] words, int start, int j, int to, ulong h, bool wholeTokens, ref int bestEnd, ref ulong bestHash)
    {
        if (!_prefixes.Contains(h)) return;
        if (j + 1 > bestEnd && (!wholeTokens || words[j].EndsToken) && _entries.ContainsKey(h)
            && !(j == start && _caseSensitive.Contains(h) && !words[start].AllCaps))
        {
            bestEnd = j + 1;
            bestHash = h;
        }
        Extend(words, start, j + 1, to, h, wholeTokens, ref bestEnd, ref bestHash);
    }
}
