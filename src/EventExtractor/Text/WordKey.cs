using System.Globalization;
using System.Text;

namespace EventExtractor.Text;

/// <summary>
/// Hashes words for lexicon matching without allocating: case-folded, apostrophes and periods dropped
/// (Kata’ib = Kata'ib = Kataib, U.S. = US), Latin diacritics folded (Ḩ = H). Lexicon phrases and document
/// tokens go through the same function, so the two always agree.
/// </summary>
internal static class WordKey
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a hash of the normalized word; 0 when nothing is left after normalization.</summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        ulong h = Offset;
        bool any = false;
        foreach (var raw in word)
        {
            char c = Fold(raw);
            if (c == '\0') continue;
            h ^= c;
            h *= Prime;
            any = true;
        }
        return any ? h : 0;
    }

    /// <summary>Combines word hashes into a phrase hash (order-sensitive).</summary>
    public static ulong Combine(ulong phrase, ulong word) => (phrase ^ word) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

    /// <summary>The normalized string form of a word (for building tables and for tests).</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var raw in word)
        {
            char c = Fold(raw);
            if (c != '\0') sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>What separates the words of a lexicon phrase: spaces and hyphens, as between document tokens.</summary>
    public static readonly char[] PhraseSeparators = [' ', '-', '\u2010', '\u2011', '\u2013', '\t'];

    /// <summary>Splits a lexicon phrase into words the way document tokens are split (spaces and hyphens).</summary>
    public static string[] SplitPhrase(string phrase) =>
        phrase.Split(PhraseSeparators, StringSplitOptions.RemoveEmptyEntries)
              .Where(w => Hash(w) != 0).ToArray();

    /// <summary>Phrase hash of a lexicon phrase.</summary>
    public static ulong HashPhrase(string phrase, out int wordCount)
    {
        var words = SplitPhrase(phrase);
        wordCount = words.Length;
        ulong h = 0;
        foreach (var w in words) h = Combine(h, Hash(w));
        return h;
    }

    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        // Latin-1 Supplement and Latin Extended-A/B and Additional: base letter by decomposition.
        var t = new char[0x2100];
        for (int i = 0; i < t.Length; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c)) { t[i] = c; continue; }
            string d = c.ToString().Normalize(NormalizationForm.FormD);
            char b = d[0];
            t[i] = char.ToLowerInvariant(CharUnicodeInfo.GetUnicodeCategory(b) == UnicodeCategory.NonSpacingMark ? c : b);
        }
        foreach (var (from, to) in new[] { ('ß', 's'), ('æ', 'a'), ('ø', 'o'), ('ł', 'l'), ('đ', 'd'), ('ı', 'i'), ('Ł', 'l'), ('Ø', 'o'), ('Đ', 'd') })
            t[from] = to;
        // Apostrophes, Arabic transliteration marks and periods vanish; combining marks too.
        foreach (var c in "'’‘`´ʼʻʿʾ.") t[c] = '\0';
        for (int i = 0x300; i < 0x370; i++) t[i] = '\0';
        return t;
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            if (c is >= 'A' and <= 'Z') return (char)(c + 32);
            if (c is '\'' or '.' or '`') return '\0';
            return c;
        }
        if (c < FoldTable.Length) return FoldTable[c];
        return char.ToLowerInvariant(c);
    }
}
