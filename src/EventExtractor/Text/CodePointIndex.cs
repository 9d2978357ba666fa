namespace EventExtractor.Text;

/// <summary>UTF-16 offsets to Unicode code point offsets.</summary>
internal static class CodePointIndex
{
    /// <summary>
    /// A function from a UTF-16 offset of <paramref name="text"/> to the number of code points before it (the
    /// identity when the text has no surrogate pairs).
    /// </summary>
    public static Func<int, int> Of(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uDC00', '\uDFFF') < 0) return i => i;
        // Second halves of surrogate pairs before each offset; a lone surrogate counts as a code point of its own.
        var lows = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
            lows[i + 1] = lows[i] + (i > 0 && char.IsSurrogatePair(text[i - 1], text[i]) ? 1 : 0);
        return i => i - lows[i];
    }
}
