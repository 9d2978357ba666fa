using System.Text;

namespace EventExtractor.Ingestion;

/// <summary>
/// Bounds how deep a page's elements nest before it is parsed. An HTML parser checks the stack of open elements at
/// every start tag, so a page of 100,000 nested elements costs it time quadratic in its size (minutes for a 1 MB
/// page). Start and end tags deeper than <see cref="MaxDepth"/> are dropped, their text kept: the deep elements'
/// text becomes part of their ancestor at that depth. Real pages nest a few dozen levels and are returned unchanged.
/// </summary>
/// <remarks>
/// A light scan, not a parser: comments, doctypes and the raw text of script, style, textarea and title are passed
/// over; void elements, self-closing tags and elements whose end tag is optional (p, li, td ...) are not counted, so a
/// page that leaves those open does not drift deeper.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>The deepest nesting kept.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // end tag optional: often left open
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp", "colgroup", "caption",
        "html", "head", "body",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext"];

    /// <summary>The page with nesting deeper than <paramref name="maxDepth"/> flattened (the same string when none is).</summary>
    public static string Flatten(string html, int maxDepth = MaxDepth)
    {
        StringBuilder? output = null;
        int depth = 0, copied = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            char c = html[lt + 1];
            if (c == '!' || c == '?')
            {
                // Comment, doctype, CDATA or processing instruction: to its end.
                bool comment = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0;
                int end = comment ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt + 2);
                i = end < 0 ? html.Length : end + (comment ? 3 : 1);
                continue;
            }
            bool closing = c == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1; // a '<' that opens no tag is text
                continue;
            }
            int gt = TagEnd(html, nameEnd);
            if (gt < 0) break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            bool selfClosing = html[gt - 1] == '/';
            if (!closing && IsRawText(name))
            {
                // Its content is text, whatever it looks like: skip to its end tag.
                int close = html.IndexOf("</" + name.ToString(), gt + 1, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            i = gt + 1;
            if (selfClosing || Uncounted.Contains(name.ToString())) continue;
            bool drop;
            if (closing)
            {
                drop = depth > maxDepth;
                depth = Math.Max(0, depth - 1);
            }
            else
            {
                depth++;
                drop = depth > maxDepth;
            }
            if (!drop) continue;
            output ??= new StringBuilder(html.Length);
            output.Append(html, copied, lt - copied);
            copied = gt + 1;
        }
        if (output is null) return html;
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    private static bool IsRawText(ReadOnlySpan<char> name)
    {
        foreach (var raw in RawText)
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool PrecededByEquals(string html, int i, int from)
    {
        int j = i - 1;
        while (j >= from && char.IsWhiteSpace(html[j])) j--;
        return j >= from && html[j] == '=';
    }

    /// <summary>The '&gt;' that ends a tag, quoted attribute values passed over; -1 when the tag never ends.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (int i = from; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'' && PrecededByEquals(html, i, from))
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }
        return -1;
    }
}
