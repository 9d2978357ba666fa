using EventExtractor.Models;
using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Ingestion;

/// <summary>
/// First stage of every pipeline: splits the text into paragraphs (one per non-empty line) and marks which are
/// article prose (headline, subheadline, body) and which are noise (captions, bylines, datelines, promotions,
/// boilerplate), so later stages never take a photo caption or a "related stories" link as evidence of an event.
/// </summary>
/// <remarks>
/// <para>Noise is recognised by the layout patterns in <see cref="NoiseCues"/>. The headline is the first paragraph
/// that is not noise (pages often start with a "skip to content" or promotion line).</para>
/// <para>Subheadline: the paragraph right after the headline when it is short (at most
/// <see cref="MaxSubheadlineWords"/> words) and has no final sentence punctuation, the usual shape of a standfirst.
/// A short second paragraph that does end with a period is left as Body: in plain text it is as often the lede
/// as a standfirst, and Body keeps it full-weight evidence (both kinds are evidence anyway).</para>
/// </remarks>
internal sealed class ParagraphClassifier : IStage
{
    /// <summary>Longest paragraph (in words) still taken for a subheadline.</summary>
    public const int MaxSubheadlineWords = 40;

    private readonly NoiseCues _cues;

    public ParagraphClassifier(NoiseCues cues) => _cues = cues ?? throw new ArgumentNullException(nameof(cues));

    /// <summary>Builds the stage from a models folder.</summary>
    /// <exception cref="ModelException">The cue file is missing or bad.</exception>
    public static ParagraphClassifier FromModels(string modelsDirectory) => new(NoiseCues.FromModels(modelsDirectory));

    public string Name => "paragraphs";

    public Annotations Requires => Annotations.None;

    public Annotations Provides => Annotations.Paragraphs | Annotations.Noise;

    public void Process(Document document)
    {
        // A JSON article without a title (a snippet, a note) has no headline: its first paragraph is the story.
        bool titled = document.Article.Title is { Length: > 0 } || !IsJsonOrigin(document.Article.Origin);
        document.Paragraphs = Classify(document.Text, titled);
    }

    private static bool IsJsonOrigin(string origin) =>
        origin.Contains(".json", StringComparison.OrdinalIgnoreCase) || origin.StartsWith(ArticleReader.StandardInputName, StringComparison.Ordinal);

    /// <summary>Splits and classifies a text; the same work as <see cref="Process"/>, for callers without a document.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="titled">False when the text has no headline line (the first paragraph is then body).</param>
    public Paragraph[] Classify(string text, bool titled = true)
    {
        var paragraphs = new List<Paragraph>();
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int s = pos, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s)
            {
                var kind = _cues.Classify(text.AsSpan(s, e - s)) ?? ParagraphKind.Body;
                paragraphs.Add(new Paragraph(s, e, kind));
            }
            pos = end + 1;
        }

        int headline = titled ? paragraphs.FindIndex(p => p.Kind == ParagraphKind.Body) : -1;
        if (headline >= 0)
        {
            paragraphs[headline] = paragraphs[headline] with { Kind = ParagraphKind.Headline };
            int next = headline + 1;
            if (next < paragraphs.Count && paragraphs[next].Kind == ParagraphKind.Body
                && LooksLikeSubheadline(text.AsSpan(paragraphs[next].Start, paragraphs[next].End - paragraphs[next].Start)))
                paragraphs[next] = paragraphs[next] with { Kind = ParagraphKind.Subheadline };
        }
        return paragraphs.ToArray();
    }

    private static bool LooksLikeSubheadline(ReadOnlySpan<char> p)
    {
        int words = 1;
        foreach (char c in p)
        {
            if (c == ' ' && ++words > MaxSubheadlineWords) return false;
        }
        var last = p.TrimEnd("\"'”’)]»");
        return last.Length > 0 && last[^1] is not ('.' or '!' or '?' or ':' or ';' or '…');
    }
}
