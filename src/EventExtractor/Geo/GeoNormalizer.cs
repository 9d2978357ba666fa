using System.Globalization;
using System.Text;

namespace EventExtractor.Geo;

/// <summary>
/// Turns a place name into the key the gazetteer is indexed by: lower case, no diacritics ("Ḩ" -> "h"), no
/// apostrophes or full stops ("Qa'im" -> "qaim"), every other non-letter/digit (hyphen, underscore, comma ...)
/// becomes one space, runs of spaces collapse and the ends are trimmed. The build script
/// (tools/gazetteer/build.mjs) applies exactly the same rules when it writes the index, character by character,
/// so a key computed here finds the entry written there.
/// </summary>
internal static class GeoNormalizer
{
    /// <summary>Leading Arabic-style articles; a name that starts with one is also indexed without it.</summary>
    private static readonly string[] Articles =
        ["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "et", "ez", "ul"];

    // Characters below this limit are folded through a precomputed table (Latin, Greek, Cyrillic, Arabic ...
    // and the combining marks); above it only lower-casing applies, as in the build script.
    private const int FoldLimit = 0x3000;
    private static readonly string?[] Fold = BuildFoldTable();

    /// <summary>The longest expansion of one character (ß -> "ss"); output buffers need this many chars per input char.</summary>
    public const int MaxExpansion = 4;

    /// <summary>Normalizes <paramref name="name"/> into a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty) return string.Empty;
        int cap = name.Length * MaxExpansion;
        Span<char> buffer = cap <= 512 ? stackalloc char[cap] : new char[cap];
        int n = Normalize(name, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Normalizes <paramref name="name"/> into <paramref name="destination"/> without allocating and returns the
    /// number of chars written. The destination needs <c>name.Length * MaxExpansion</c> chars to be safe; output
    /// that does not fit is cut (at a character boundary).
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination)
    {
        int n = 0;
        bool pendingSpace = false;
        foreach (char c in name)
        {
            if (IsDropped(c)) continue;
            if (c < 128)
            {
                // ASCII fast path: the common case for English news.
                char lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                {
                    if (!Append(lower, destination, ref n, ref pendingSpace)) return n;
                }
                else pendingSpace = true;
                continue;
            }
            string? folded = c < FoldLimit ? Fold[c] : null;
            if (folded == null)
            {
                char lower = char.ToLowerInvariant(c);
                if (char.IsLetterOrDigit(lower)) { if (!Append(lower, destination, ref n, ref pendingSpace)) return n; }
                else pendingSpace = true;
                continue;
            }
            foreach (char f in folded)
            {
                if (char.IsLetterOrDigit(f)) { if (!Append(f, destination, ref n, ref pendingSpace)) return n; }
                else pendingSpace = true;
            }
        }
        return n;
    }

    /// <summary>
    /// If a normalized name starts with an article followed by more words ("al qaim"), gives the rest ("qaim").
    /// </summary>
    public static bool TryStripArticle(ReadOnlySpan<char> normalized, out ReadOnlySpan<char> rest)
    {
        int sp = normalized.IndexOf(' ');
        if (sp > 0 && sp < normalized.Length - 1)
        {
            var first = normalized[..sp];
            foreach (var a in Articles)
            {
                if (first.SequenceEqual(a))
                {
                    rest = normalized[(sp + 1)..];
                    return true;
                }
            }
        }
        rest = default;
        return false;
    }

    /// <summary>Marks skeleton keys in the gazetteer index, so they never meet a normalized name.</summary>
    public const char SkeletonMark = '~';

    /// <summary>Skeletons shorter than this match too much to be used.</summary>
    public const int MinSkeletonLength = 3;

    /// <summary>
    /// The transliteration skeleton of a normalized name: the consonants that survive the ways Arabic, Kurdish,
    /// Persian, Pashto, Urdu, Somali, Hausa and Burmese names are romanised. Article words are dropped ("dayr az
    /// zawr" -> "dayr zawr"), the words joined ("lashkar gah" = "lashkargah"), one final -iyah/-iya/-ah/-eh/-a
    /// dropped, kh -> x, sh/ch -> c, dh/th/z -> z, ph -> f, gh/q/k/g/c -> k, vowels and the glides h, w, y dropped,
    /// and a letter doubled in place kept once. So "Tikreet", "Deir Ezzor", "Dair al-Zour", "Peshawer",
    /// "Maidugiri" meet "Tikrit", "Dayr az Zawr", "Peshawar", "Maiduguri". Writes into <paramref name="destination"/>
    /// (at least <c>normalized.Length</c> chars) without allocating and returns the length. tools/gazetteer/build.mjs
    /// computes exactly the same function (skeleton()) when it indexes the names.
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> normalized, Span<char> destination)
    {
        // Join the words, less the articles (only when another word remains).
        Span<char> joined = normalized.Length <= 256 ? stackalloc char[normalized.Length] : new char[normalized.Length];
        int words = WordCount(normalized);
        int j = 0;
        var rest = normalized;
        while (!rest.IsEmpty)
        {
            int sp = rest.IndexOf(' ');
            var word = sp < 0 ? rest : rest[..sp];
            rest = sp < 0 ? default : rest[(sp + 1)..];
            if (words > 1 && IsArticle(word)) continue;
            word.CopyTo(joined[j..]);
            j += word.Length;
        }
        var s = joined[..j];
        foreach (var ending in FinalEndings)
        {
            if (s.Length >= ending.Length + 3 && s.EndsWith(ending, StringComparison.Ordinal))
            {
                s = s[..^ending.Length];
                break;
            }
        }
        int n = 0;
        char previous = '\0';
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            char next = i + 1 < s.Length ? s[i + 1] : '\0';
            char m;
            if (next == 'h' && c is 'k' or 's' or 'c' or 'd' or 't' or 'p' or 'g')
            {
                m = c switch { 'k' => 'x', 's' or 'c' => 'c', 'd' or 't' => 'z', 'p' => 'f', _ => 'k' };
                i++;
            }
            else
            {
                switch (c)
                {
                    case 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h':
                        previous = '\0';
                        continue;
                    case 'q' or 'k' or 'g' or 'c': m = 'k'; break;
                    default: m = c; break;
                }
            }
            if (m == previous) continue;
            if (n >= destination.Length) break;
            destination[n++] = m;
            previous = m;
        }
        return n;
    }

    /// <summary>Levenshtein distance between two normalized names, spaces ignored ("tal afar" / "tall afar": 1).</summary>
    public static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > 128 || b.Length > 128) return Math.Max(a.Length, b.Length);
        Span<int> row = stackalloc int[b.Length + 1];
        int bn = 0;
        Span<char> bs = stackalloc char[b.Length];
        foreach (char c in b) if (c != ' ') bs[bn++] = c;
        bs = bs[..bn];
        for (int j = 0; j <= bn; j++) row[j] = j;
        int i = 0;
        foreach (char ca in a)
        {
            if (ca == ' ') continue;
            i++;
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= bn; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + (ca == bs[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[bn];
    }

    /// <summary>Final syllables that romanisations add or drop (-a, -ah, -eh, -iya, -iyah), longest first.</summary>
    private static readonly string[] FinalEndings = ["iyah", "iya", "ah", "eh", "a"];

    private static bool IsArticle(ReadOnlySpan<char> word)
    {
        foreach (var a in Articles)
            if (word.SequenceEqual(a)) return true;
        return false;
    }

    /// <summary>Number of space-separated words in a normalized name.</summary>
    public static int WordCount(ReadOnlySpan<char> normalized) =>
        normalized.IsEmpty ? 0 : normalized.Count(' ') + 1;

    private static bool Append(char c, Span<char> destination, ref int n, ref bool pendingSpace)
    {
        if (pendingSpace && n > 0)
        {
            if (n >= destination.Length) return false;
            destination[n++] = ' ';
        }
        pendingSpace = false;
        if (n >= destination.Length) return false;
        destination[n++] = c;
        return true;
    }

    private static bool IsDropped(char c) => c switch
    {
        '\'' or '\u2019' or '\u2018' or '\u02BF' or '\u02BE' or '`' or '\u00B4' or '\u02BB' or '\u02BC' or '\u02B9'
            or '\u2032' or '.' => true,
        _ => false,
    };

    private static string?[] BuildFoldTable()
    {
        // Letters that NFD leaves whole but that have an obvious Latin reading; mirrors SPECIAL in build.mjs.
        var special = new Dictionary<char, string>
        {
            ['ł'] = "l", ['Ł'] = "l", ['ø'] = "o", ['Ø'] = "o", ['đ'] = "d", ['Đ'] = "d", ['ð'] = "d", ['Ð'] = "d",
            ['ħ'] = "h", ['Ħ'] = "h", ['ı'] = "i", ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae",
            ['œ'] = "oe", ['Œ'] = "oe", ['þ'] = "th", ['Þ'] = "th", ['ŀ'] = "l", ['Ŀ'] = "l", ['ŧ'] = "t", ['Ŧ'] = "t",
            ['ɨ'] = "i", ['ƚ'] = "l", ['ɗ'] = "d", ['Ɗ'] = "d", ['ɓ'] = "b", ['Ɓ'] = "b", ['ƙ'] = "k", ['Ƙ'] = "k",
            ['ŋ'] = "ng", ['Ŋ'] = "ng", ['ə'] = "e", ['Ə'] = "e", ['ɛ'] = "e", ['Ɛ'] = "e", ['ɔ'] = "o", ['Ɔ'] = "o",
        };
        var table = new string?[FoldLimit];
        var sb = new StringBuilder(8);
        for (int i = 128; i < FoldLimit; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c)) continue;
            if (special.TryGetValue(c, out var s)) { table[i] = s; continue; }
            string nfd;
            try { nfd = c.ToString().Normalize(NormalizationForm.FormD); }
            catch (ArgumentException) { continue; }
            sb.Clear();
            foreach (char d in nfd)
            {
                var cat = CharUnicodeInfo.GetUnicodeCategory(d);
                if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                    continue;
                sb.Append(char.ToLowerInvariant(d));
            }
            string folded = sb.ToString();
            if (folded.Length == 1 && folded[0] == char.ToLowerInvariant(c)) continue; // plain lower-casing suffices
            table[i] = folded;
        }
        return table;
    }
}
