using EventExtractor.Pipeline;

namespace EventExtractor.Text;

/// <summary>
/// Groups tokens into sentences. Rules:
/// <list type="bullet">
/// <item>Every line break is a hard boundary: news paragraphs are lines, and a sentence never crosses one.</item>
/// <item>A sentence ends at . ! ? … (and runs of them), taking along the closing quotes and brackets right after
/// it ("… win.” He" ends after ”). It does not end when the next token starts with a lower-case letter or is a
/// comma, semicolon or colon (“Why?” he asked.), so a quotation that ends in ! or ? continues its sentence.</item>
/// <item>An abbreviation's period ends a sentence only if the abbreviation may be final ("U.S.", "a.m.",
/// "Inc.", not a title such as "Gen." and not an initial such as "W.") and the next token is a common sentence
/// starter ("The", "He" ...), or a closing quote came between and a capitalised word follows.</item>
/// </list>
/// <see cref="Sentence.Paragraph"/> is the index into <see cref="Document.Paragraphs"/> when paragraphs are
/// known, else -1.
/// </summary>
internal sealed class SentenceSplitter : IStage
{
    private readonly HashSet<string> _nonFinal;
    private readonly HashSet<string> _starters;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nonFinalLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _starterLookup;

    /// <summary>A splitter with the English news lists of <see cref="TextLexicon"/>.</summary>
    public SentenceSplitter() : this(TextLexicon.NonFinalAbbreviations, TextLexicon.SentenceStarters)
    {
    }

    /// <summary>A splitter with the given lists.</summary>
    /// <param name="nonFinalAbbreviations">Abbreviations (with their period) that never end a sentence.</param>
    /// <param name="sentenceStarters">Words that, after a possibly final abbreviation, start a new sentence.</param>
    public SentenceSplitter(IEnumerable<string> nonFinalAbbreviations, IEnumerable<string> sentenceStarters)
    {
        _nonFinal = new HashSet<string>(nonFinalAbbreviations, StringComparer.Ordinal);
        _starters = new HashSet<string>(sentenceStarters, StringComparer.Ordinal);
        _nonFinalLookup = _nonFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        _starterLookup = _starters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => "sentence-splitter";

    public Annotations Requires => Annotations.Tokens;

    public Annotations Provides => Annotations.Sentences;

    // Reused per thread (the stage is shared; a thread runs one document at a time): only the result is allocated.
    [ThreadStatic] private static List<Sentence>? t_sentences;

    /// <summary>Fills <see cref="Document.Sentences"/>; every token belongs to exactly one sentence.</summary>
    public void Process(Document document)
    {
        var text = document.Text.AsSpan();
        var tokens = document.Tokens;
        int n = document.TokenCount;
        var sentences = t_sentences ??= new List<Sentence>(128);
        sentences.Clear();
        int first = 0, t = 0;
        while (t < n)
        {
            int end = t;
            bool split;
            bool terminal = IsTerminal(text, tokens[t]);
            bool abbreviation = !terminal && IsPossiblyFinalAbbreviation(text, tokens[t]);
            if (terminal || abbreviation)
            {
                while (end + 1 < n && IsCloser(text, tokens[end], tokens[end + 1])) end++;
                if (end + 1 >= n || LineBreakBetween(text, tokens[end], tokens[end + 1])) split = true;
                else if (terminal) split = StartsSentence(text, tokens[end + 1]);
                else
                {
                    var next = tokens[end + 1];
                    split = _starterLookup.Contains(text.Slice(next.Start, next.Length))
                            || (end > t && (next.Flags & (TokenFlags.Capitalized | TokenFlags.OpeningQuote)) != 0);
                }
            }
            else split = t + 1 >= n || LineBreakBetween(text, tokens[t], tokens[t + 1]);

            if (split)
            {
                var a = tokens[first];
                var b = tokens[end];
                int paragraph = document.Paragraphs.Length > 0 ? document.ParagraphAt(a.Start) : -1;
                sentences.Add(new Sentence(first, end - first + 1, a.Start, b.End, paragraph));
                first = end + 1;
            }
            t = end + 1;
        }
        document.Sentences = sentences.ToArray();
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, Token t)
    {
        if (t.Kind != TokenKind.Punctuation) return false;
        return text[t.Start] is '.' or '!' or '?' or '…' or '‼' or '⁇' or '؟' or '。' or '！' or '？';
    }

    private bool IsPossiblyFinalAbbreviation(ReadOnlySpan<char> text, Token t)
    {
        if ((t.Flags & TokenFlags.Abbreviation) == 0 || text[t.End - 1] != '.') return false;
        if (t.Length == 2) return false; // an initial ("W.") is followed by the rest of a name
        return !_nonFinalLookup.Contains(text.Slice(t.Start, t.Length));
    }

    /// <summary>Closing quotes and brackets glued to the end of a sentence belong to it.</summary>
    private static bool IsCloser(ReadOnlySpan<char> text, Token previous, Token t)
    {
        if ((t.Flags & TokenFlags.ClosingQuote) != 0) return !LineBreakBetween(text, previous, t);
        if (t.Kind != TokenKind.Punctuation) return false;
        char c = text[t.Start];
        if (c is ')' or ']' or '}') return !LineBreakBetween(text, previous, t);
        // A quote mark touching the full stop closes it even when the tokenizer could not pair it.
        return t.Start == previous.End && (t.Flags & TokenFlags.OpeningQuote) == 0 && c is '\'' or '’' or '"' or '”' or '»' or '›';
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, Token next)
    {
        char c = text[next.Start];
        if (next.Kind == TokenKind.Word && char.IsLower(c)) return false;
        return c is not (',' or ';' or ':' or ')' or ']' or '}');
    }

    private static bool LineBreakBetween(ReadOnlySpan<char> text, Token a, Token b)
    {
        for (int i = a.End; i < b.Start; i++)
            if (Tokenizer.IsNewline(text[i])) return true;
        return false;
    }
}
