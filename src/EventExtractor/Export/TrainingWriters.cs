using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Text;
using Newtonsoft.Json;

namespace EventExtractor.Export;

/// <summary>The training-data formats <c>export</c> writes.</summary>
internal enum ExportFormat
{
    /// <summary>CoNLL-style BIO: one "token TAB tag" line per token, a blank line after each sentence.</summary>
    Conll,
    /// <summary>JSON Lines of <c>{"id", "text", "spans": [{"start", "end", "label"}]}</c>, one line per article.</summary>
    Spans,
}

/// <summary>Writes training examples in one format.</summary>
internal interface ITrainingWriter : IDisposable
{
    /// <summary>Writes one article; an example without sentences writes nothing.</summary>
    void Write(TrainingExample example);

    /// <summary>Completes the output (for a file: makes it appear at its path).</summary>
    void Commit();
}

/// <summary>Opens training-data writers on files (atomically) or on standard output.</summary>
internal static class TrainingWriters
{
    /// <summary>The output name for standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Parses a <c>--format</c> value (case-insensitive): conll or spans.</summary>
    /// <exception cref="UsageException">Another value.</exception>
    public static ExportFormat ParseFormat(string value) => value.Trim().ToLowerInvariant() switch
    {
        "conll" => ExportFormat.Conll,
        "spans" => ExportFormat.Spans,
        _ => throw new UsageException(Messages.ExportUnknownFormat(value)),
    };

    /// <summary>
    /// A writer on <paramref name="output"/>: a file, written to a temporary name and renamed on
    /// <see cref="ITrainingWriter.Commit"/> (disposed uncommitted, nothing appears), or "-" for
    /// <paramref name="standardOutput"/>.
    /// </summary>
    public static ITrainingWriter Open(ExportFormat format, string output, TextWriter? standardOutput = null)
    {
        if (output == StandardOutput)
        {
            var writer = standardOutput ?? Console.Out;
            return Create(format, writer, writer.Flush, () => { });
        }
        var file = new AtomicFileWriter(output);
        return Create(format, file.Writer, file.Commit, file.Dispose);
    }

    /// <summary>A writer on any text writer; <see cref="ITrainingWriter.Commit"/> only flushes it.</summary>
    public static ITrainingWriter Create(ExportFormat format, TextWriter writer) =>
        Create(format, writer, writer.Flush, () => { });

    private static ITrainingWriter Create(ExportFormat format, TextWriter writer, Action commit, Action dispose) => format switch
    {
        ExportFormat.Conll => new ConllTrainingWriter(writer, commit, dispose),
        ExportFormat.Spans => new SpansTrainingWriter(writer, commit, dispose),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>
/// CoNLL-style BIO. Each article starts with a line "-DOCSTART- ID" (the id with any white space replaced by '_')
/// and a blank line, as CoNLL-2003 readers expect; then each exported sentence, one "token TAB tag" line per token
/// (tags O, B-LABEL, I-LABEL), followed by a blank line.
/// </summary>
internal sealed class ConllTrainingWriter(TextWriter writer, Action commit, Action dispose) : ITrainingWriter
{
    public void Write(TrainingExample example)
    {
        if (example.Sentences.Count == 0) return;
        var doc = example.Document;
        writer.Write("-DOCSTART- ");
        writer.Write(NoWhiteSpace(example.Id));
        writer.Write("\n\n");
        var spans = example.Spans;
        int next = 0; // first span not yet behind the current token
        foreach (var s in example.Sentences)
        {
            var sentence = doc.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                while (next < spans.Count && spans[next].EndToken <= t) next++;
                var token = doc.TokenText(t);
                if (token.ContainsAny(WhiteSpace)) writer.Write(NoWhiteSpace(token.ToString()));
                else writer.Write(token);
                writer.Write('\t');
                if (next < spans.Count && spans[next].FirstToken <= t)
                {
                    writer.Write(spans[next].FirstToken == t ? "B-" : "I-");
                    writer.Write(spans[next].Label);
                }
                else
                {
                    writer.Write('O');
                }
                writer.Write('\n');
            }
            writer.Write('\n');
        }
    }

    private static readonly System.Buffers.SearchValues<char> WhiteSpace =
        System.Buffers.SearchValues.Create(" \t\n\r\v\f\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static string NoWhiteSpace(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s) b.Append(char.IsWhiteSpace(c) ? '_' : c);
        return b.Length == 0 ? "_" : b.ToString();
    }

    public void Commit() => commit();

    public void Dispose() => dispose();
}

/// <summary>
/// JSON Lines, one object per article: <c>id</c>; <c>text</c>, the article's evidence paragraphs (headline,
/// standfirst, body, in order, each as in the article) joined by a blank line ("\n\n"), so captions and other
/// noise are absent rather than present but unlabelled; <c>spans</c>, <c>{"start", "end", "label"}</c> in text
/// order, where start and end (exclusive) count Unicode code points of <c>text</c>, as Python's <c>str</c> does.
/// </summary>
internal sealed class SpansTrainingWriter(TextWriter writer, Action commit, Action dispose) : ITrainingWriter
{
    private const string ParagraphSeparator = "\n\n";

    public void Write(TrainingExample example)
    {
        if (example.Sentences.Count == 0) return;
        var doc = example.Document;
        var text = new StringBuilder();
        // Per exported paragraph: its start in the document and in the output text.
        var paragraphs = new List<(int Paragraph, int DocStart, int OutStart)>();
        foreach (var s in example.Sentences)
        {
            var sentence = doc.Sentences[s];
            int p = sentence.Paragraph >= 0 && sentence.Paragraph < doc.Paragraphs.Length ? sentence.Paragraph : doc.ParagraphAt(sentence.Start);
            if (paragraphs.Count > 0 && paragraphs[^1].Paragraph == p) continue;
            if (text.Length > 0) text.Append(ParagraphSeparator);
            var para = doc.Paragraphs[p];
            paragraphs.Add((p, para.Start, text.Length));
            text.Append(doc.Text, para.Start, para.End - para.Start);
        }
        var output = text.ToString();
        var codePoints = CodePointIndex.Of(output);

        using var json = new JsonTextWriter(writer) { Formatting = Formatting.None, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(example.Id);
        json.WritePropertyName("text");
        json.WriteValue(output);
        json.WritePropertyName("spans");
        json.WriteStartArray();
        int at = 0;
        foreach (var span in example.Spans)
        {
            var (start, end) = doc.CharRange(span.FirstToken, span.TokenCount);
            while (at + 1 < paragraphs.Count && paragraphs[at + 1].DocStart <= start) at++;
            int shift = paragraphs[at].OutStart - paragraphs[at].DocStart;
            json.WriteStartObject();
            json.WritePropertyName("start");
            json.WriteValue(codePoints(start + shift));
            json.WritePropertyName("end");
            json.WriteValue(codePoints(end + shift));
            json.WritePropertyName("label");
            json.WriteValue(span.Label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.Write('\n');
    }

    public void Commit() => commit();

    public void Dispose() => dispose();
}
