using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EventExtractor.Ingestion;

/// <summary>What was found in a web page: the main text as paragraphs separated by blank lines, and metadata.</summary>
/// <param name="Title">From og:title, else &lt;title&gt;, else the first &lt;h1&gt;.</param>
/// <param name="Body">Paragraphs separated by blank lines; empty when no article text was found.</param>
/// <param name="PublishedRaw">The raw publication date value from the page's metadata, if any.</param>
/// <param name="Source">og:site_name, if any.</param>
/// <param name="Url">og:url, else the canonical link, if any.</param>
internal sealed record HtmlExtraction(string? Title, string Body, string? PublishedRaw, string? Source, string? Url);

/// <summary>
/// Pulls the article out of a news web page: drops page furniture (scripts, menus, headers, footers, share bars,
/// captions, promotions), picks the &lt;article&gt; (or the element holding the most paragraph text), and keeps
/// its paragraphs. Everything dropped here would otherwise reach the event stages as text.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <summary>Elements that never carry article prose.</summary>
    private static readonly string[] DroppedTags =
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "label",
        "figure", "figcaption", "picture", "dialog",
    ];

    /// <summary>
    /// Words in a class or id that mark page furniture. Matched against whole words of the attribute (split at
    /// spaces, '-' and '_'), so "comment" drops "comments-section" but keeps "commentary".
    /// </summary>
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "sharebar", "social", "newsletter", "newsletters", "related", "advert", "adverts",
        "advertisement", "advertising", "ad", "ads", "adslot", "promo", "promotion", "sponsored", "menu", "navbar",
        "breadcrumb", "breadcrumbs", "comment", "comments", "caption", "captions", "credit", "credits", "byline",
        "cookie", "cookies", "consent", "subscribe", "subscription", "paywall", "popup", "modal", "sidebar",
        "recommended", "trending", "outbrain", "taboola", "widget", "toolbar", "tags", "signup",
    };

    /// <summary>Block elements whose text makes up the article, in document order.</summary>
    private const string BlockSelector = "p, h2, h3, h4, blockquote, li, pre";

    /// <summary>Extracts the main text and metadata of an HTML page.</summary>
    public static HtmlExtraction Extract(string html)
    {
        var parser = new HtmlParser();
        using var doc = parser.ParseDocument(HtmlNesting.Flatten(html));

        string? Meta(string attr, string value)
        {
            foreach (var m in doc.QuerySelectorAll("meta"))
            {
                if (string.Equals(m.GetAttribute(attr), value, StringComparison.OrdinalIgnoreCase))
                {
                    var c = m.GetAttribute("content")?.Trim();
                    if (!string.IsNullOrEmpty(c)) return c;
                }
            }
            return null;
        }

        var title = Clean(Meta("property", "og:title") ?? Meta("name", "og:title"))
                    ?? Clean(doc.QuerySelector("title")?.TextContent)
                    ?? Clean(doc.QuerySelector("h1")?.TextContent);
        var source = Clean(Meta("property", "og:site_name") ?? Meta("name", "og:site_name"));
        var url = Clean(Meta("property", "og:url") ?? Meta("name", "og:url"))
                  ?? Clean(doc.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"));
        var published = Meta("property", "article:published_time") ?? Meta("name", "article:published_time")
                        ?? Meta("property", "og:published_time") ?? Meta("name", "date") ?? Meta("name", "pubdate")
                        ?? Meta("name", "publishdate") ?? Meta("itemprop", "datePublished")
                        ?? Clean(doc.QuerySelector("[itemprop='datePublished']")?.GetAttribute("datetime"))
                        ?? Clean(doc.QuerySelector("[itemprop='datePublished']")?.GetAttribute("content"))
                        ?? Clean(doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"));

        // Titles often carry the outlet ("Headline | Outlet"); the outlet is not part of the headline.
        if (title is not null && source is not null)
        {
            foreach (var sep in new[] { " | ", " - ", " – ", " — " })
            {
                var suffix = sep + source;
                if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
                    title = title[..^suffix.Length].TrimEnd();
            }
        }

        var body = doc.Body;
        if (body is null) return new HtmlExtraction(title, "", published, source, url);

        foreach (var el in body.QuerySelectorAll(string.Join(",", DroppedTags)).ToList())
            el.Remove();
        // A wrapper whose class merely mentions furniture ("content has-sidebar") can hold the whole story, so an
        // element holding most of the page's paragraph text is never dropped.
        int total = ParagraphText(body);
        foreach (var el in body.QuerySelectorAll("[class], [id], [role], [aria-hidden='true'], [hidden]").ToList())
        {
            if (el.LocalName is "html" or "body" or "main" || el.Parent is null) continue;
            if (IsFurniture(el) && (total == 0 || ParagraphText(el) * 2 <= total)) el.Remove();
        }

        var container = ChooseContainer(body);
        var paragraphs = new StringBuilder();
        var blocks = container.QuerySelectorAll(BlockSelector);
        foreach (var block in blocks)
        {
            // A block inside another collected block (a <p> in a <blockquote>, a list inside a list item) is
            // already part of its parent's text.
            if (HasBlockAncestor(block, container)) continue;
            var text = Clean(block.TextContent);
            if (text is null) continue;
            if (paragraphs.Length > 0) paragraphs.Append("\n\n");
            paragraphs.Append(text);
        }
        if (paragraphs.Length == 0)
        {
            // Pages without paragraph markup: fall back to the text's own lines.
            foreach (var line in container.TextContent.Split('\n'))
            {
                var t = Clean(line);
                if (t is null) continue;
                if (paragraphs.Length > 0) paragraphs.Append("\n\n");
                paragraphs.Append(t);
            }
        }
        return new HtmlExtraction(title, paragraphs.ToString(), published, source, url);
    }

    private static bool IsFurniture(IElement el)
    {
        if (el.HasAttribute("hidden") || el.GetAttribute("aria-hidden") == "true") return true;
        var role = el.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog") return true;
        return HasFurnitureWord(el.GetAttribute("class")) || HasFurnitureWord(el.GetAttribute("id"));
    }

    private static bool HasFurnitureWord(string? attr)
    {
        if (string.IsNullOrEmpty(attr)) return false;
        foreach (var word in attr.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (FurnitureWords.Contains(word)) return true;
        }
        return false;
    }

    /// <summary>The &lt;article&gt; with the most paragraph text, else the element whose own &lt;p&gt; children hold the most text.</summary>
    private static IElement ChooseContainer(IElement body)
    {
        IElement? best = null;
        int bestScore = 0;
        foreach (var article in body.QuerySelectorAll("article"))
        {
            int score = ParagraphText(article);
            if (score > bestScore) { best = article; bestScore = score; }
        }
        if (best is not null) return best;

        var scores = new Dictionary<IElement, int>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            if (p.ParentElement is not { } parent) continue;
            scores[parent] = scores.GetValueOrDefault(parent) + (p.TextContent?.Trim().Length ?? 0);
        }
        foreach (var (el, score) in scores)
        {
            if (score > bestScore) { best = el; bestScore = score; }
        }
        return best ?? body;
    }

    private static int ParagraphText(IElement el)
    {
        int n = 0;
        foreach (var p in el.QuerySelectorAll("p")) n += p.TextContent.Trim().Length;
        return n;
    }

    private static bool HasBlockAncestor(IElement el, IElement container)
    {
        for (var a = el.ParentElement; a is not null && a != container; a = a.ParentElement)
        {
            if (a.LocalName is "p" or "blockquote" or "li" or "pre" or "h2" or "h3" or "h4") return true;
        }
        return false;
    }

    /// <summary>Collapses runs of whitespace (including non-breaking spaces) to one space; null when nothing is left.</summary>
    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
