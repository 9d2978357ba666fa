using System.Globalization;
using System.Text;

namespace EventExtractor.Lexicons;

/// <summary>
/// The one normalization every lexicon phrase and every text span goes through before they are compared, so
/// that "Kata’ib Hezbollah", "Kata'ib Hezbollah" and "KATAIB-HEZBOLLAH" meet as "kataib hezbollah".
/// </summary>
/// <remarks>
/// Rules: lowercase (invariant); diacritics dropped ("Türkiye" → "turkiye"); apostrophes of every kind and the
/// Arabic transliteration marks ʿ ʾ removed (so a possessive "Iraq's" becomes "iraqs"); hyphens and dashes become
/// spaces; runs of whitespace collapse to one space; leading/trailing spaces go. Other punctuation (the dots of
/// "u.s.", the ampersand of "AT&amp;T") is kept, because it tells acronyms apart.
/// </remarks>
internal static class LexiconText
{
    /// <summary>Normalizes a phrase or a span of text for lookup.</summary>
    public static string Normalize(string text) => Normalize(text.AsSpan());

    /// <summary>Normalizes a span of text for lookup.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        Append(text, sb);
        return sb.ToString();
    }

    /// <summary>
    /// Appends the normalized form of <paramref name="text"/> to <paramref name="sb"/>, lets a matcher build a
    /// key from several tokens without intermediate strings. A space is written between the existing content
    /// and the new one only when both are non-empty, as <see cref="Normalize(string)"/> would.
    /// </summary>
    public static void Append(ReadOnlySpan<char> text, StringBuilder sb)
    {
        bool pendingSpace = sb.Length > 0 && sb[^1] != ' ';
        foreach (char raw in text)
        {
            if (IsDropped(raw)) continue;
            if (char.IsWhiteSpace(raw) || IsDash(raw))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (raw < 128)
            {
                if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                sb.Append(raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw);
                continue;
            }
            // Non-ASCII: strip combining marks after decomposition, then lowercase.
            var decomposed = raw.ToString().Normalize(NormalizationForm.FormD);
            foreach (char c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                if (IsDropped(c)) continue;
                if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                sb.Append(char.ToLowerInvariant(c));
            }
        }
    }

    /// <summary>
    /// True for a phrase written as a short all-capitals acronym ("US", "CAR", "KH", "IS"): its lowercase form is
    /// often an ordinary word ("us", "car", "is"), so a matcher must only take it where the text is in capitals
    /// too. Tables list such phrases in their <c>IsCaseSensitive</c> check.
    /// </summary>
    public static bool IsShortAcronym(string phrase)
    {
        var t = phrase.Trim();
        if (t.Length is < 2 or > 4) return false;
        foreach (char c in t)
            if (c is < 'A' or > 'Z') return false;
        return true;
    }

    private static bool IsDropped(char c) => c is '\'' or '’' or '‘' or 'ʼ' or 'ʻ' or '`' or '´' or 'ʿ' or 'ʾ' or '′';

    private static bool IsDash(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−';
}
