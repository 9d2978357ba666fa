using CsvHelper;
using EventExtractor.Diagnostics;
using EventExtractor.Evaluation;
using EventExtractor.Ingestion;
using EventExtractor.Records;
using EventExtractor.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Learning;

/// <summary>A text and its class, before analysis. <paramref name="Label"/> is null when the input gave none.</summary>
internal sealed record LabelledText(string Text, SubEventType? Label, string Source);

/// <summary>The examples one corpus item gives, and the item's split (null when splits.tsv does not list it).</summary>
internal sealed record CorpusItemExamples(string Id, string? Split, IReadOnlyList<LabelledExample> Examples);

/// <summary>Readers of labelled training texts: ACLED exports, JSON Lines, and our annotated corpus.</summary>
internal static class TrainingData
{
    /// <summary>At most this many trigger-less body sentences of one article become None examples.</summary>
    public const int MaxNoneSentencesPerArticle = 3;

    /// <summary>A short report has at most this many evidence sentences and is classified as a whole.</summary>
    public const int MaxShortReportSentences = 3;

    /// <summary>
    /// Reads an ACLED CSV export: the text is <c>notes</c>, the class <c>sub_event_type</c>. Header-driven and
    /// case-insensitive, so extra, missing or reordered columns do not matter. Rows without notes or with an
    /// unknown sub-event type are skipped and counted.
    /// </summary>
    /// <exception cref="UsageException">The file has no sub_event_type column.</exception>
    public static List<LabelledText> ReadAcledCsv(string path, out int noText, out int unknownLabel)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return ReadAcledCsv(reader, path, out noText, out unknownLabel);
    }

    /// <inheritdoc cref="ReadAcledCsv(string, out int, out int)"/>
    public static List<LabelledText> ReadAcledCsv(TextReader text, string name, out int noText, out int unknownLabel)
    {
        noText = unknownLabel = 0;
        var result = new List<LabelledText>();
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var headers = csv.Headers;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < headers.Count; i++) index.TryAdd(headers[i].Trim(), i);
        if (!index.TryGetValue("sub_event_type", out int labelColumn)) throw new UsageException(Messages.EvalNotAcledCsv(name));
        int notesColumn = index.TryGetValue("notes", out var n) ? n : -1;
        while (csv.Read())
        {
            string notes = notesColumn >= 0 && notesColumn < csv.FieldCount ? csv.GetString(notesColumn).Trim() : "";
            string label = labelColumn < csv.FieldCount ? csv.GetString(labelColumn) : "";
            if (notes.Length == 0) { noText++; continue; }
            var type = AcledTaxonomy.ParseSubEvent(label);
            if (type == SubEventType.None) { unknownLabel++; continue; }
            result.Add(new LabelledText(notes, type, $"{name}:{csv.LineNumber}"));
        }
        return result;
    }

    /// <summary>
    /// Reads JSON Lines of <c>{"text": ..., "label": ...}</c>. The label is an ACLED sub-event type, or "None" /
    /// empty / null for a non-event; a missing label is null (allowed unless <paramref name="labelRequired"/>).
    /// Bad lines are reported through <paramref name="warn"/> and skipped.
    /// </summary>
    public static List<LabelledText> ReadJsonLines(TextReader reader, string name, bool labelRequired, Action<string> warn)
    {
        var result = new List<LabelledText>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"{name}:{lineNumber}";
            JObject obj;
            try
            {
                obj = JObject.Parse(line);
            }
            catch (JsonException e)
            {
                warn(Messages.TrainBadJsonLine(where, e.Message));
                continue;
            }
            var text = obj["text"]?.Type == JTokenType.String ? (string?)obj["text"] : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                warn(Messages.TrainBadJsonLine(where, Messages.MissingText));
                continue;
            }
            SubEventType? label = null;
            var token = obj["label"];
            if (token == null || token.Type == JTokenType.Null)
            {
                if (labelRequired) label = SubEventType.None;
            }
            else
            {
                var s = token.Type == JTokenType.String ? (string?)token : token.ToString(Formatting.None);
                if (!EventClassifierModel.TryParseClass(s, out var t))
                {
                    warn(Messages.TrainUnknownLabel(where, s ?? ""));
                    continue;
                }
                label = t;
            }
            result.Add(new LabelledText(text, label, where));
        }
        return result;
    }

    /// <summary>Analyses a whole short text and extracts its features (position <see cref="TextPosition.Whole"/>).</summary>
    public static FeatureVector Featurize(string text, string id, TextAnalyzer analyzer, IFeatureExtractor features, FeatureBuffer buffer)
    {
        var doc = analyzer.Analyse(text, id);
        buffer.Clear();
        features.Extract(doc, 0, doc.TokenCount, TextPosition.Whole, buffer);
        return buffer.ToVector();
    }

    /// <summary>
    /// Finds a corpus in <paramref name="folder"/>: the folder itself holding <c>articles/</c> and <c>gold/</c>,
    /// or an <c>articles</c> folder with a <c>gold</c> folder beside it. Returns the corpus root.
    /// </summary>
    public static string? FindCorpus(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Directory.Exists(Path.Combine(full, "articles")) && Directory.Exists(Path.Combine(full, "gold"))) return full;
        var parent = Path.GetDirectoryName(full);
        if (Path.GetFileName(full) == "articles" && parent != null && Directory.Exists(Path.Combine(parent, "gold"))) return parent;
        return null;
    }

    /// <summary>True for the gold folder of <c>eventextractor review</c> (a corpus layout with a <c>review/</c> folder).</summary>
    public static bool IsReviewFolder(string corpusRoot) => Directory.Exists(Path.Combine(corpusRoot, "review"));

    /// <summary>
    /// The labelled examples of a corpus (articles/*.json with gold/&lt;id&gt;.jsonl; items without a gold file are
    /// skipped), in file-name order:
    /// <list type="bullet">
    /// <item>A short report (at most <see cref="MaxShortReportSentences"/> evidence sentences): the whole text, labelled
    /// with the first gold record's sub-event type, None when the gold file is empty.</item>
    /// <item>A full article: the headline (position Headline) plus the first body paragraph (position Lede) as one
    /// example with the first gold record's type (None when empty); and up to
    /// <see cref="MaxNoneSentencesPerArticle"/> later body sentences in which the lexicons find no trigger, each
    /// labelled None (position Body): the first such sentences of at least five tokens.</item>
    /// </list>
    /// </summary>
    public static List<CorpusItemExamples> ReadCorpus(string corpusRoot, TextAnalyzer analyzer, IFeatureExtractor features, Action<string> warn)
    {
        var articles = Path.Combine(corpusRoot, "articles");
        var gold = Path.Combine(corpusRoot, "gold");
        var splitsFile = Path.Combine(corpusRoot, "splits.tsv");
        var splits = File.Exists(splitsFile) ? RecordSetReader.ReadSplits(splitsFile, warn) : new Dictionary<string, string>();
        var files = Directory.GetFiles(articles, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        var reader = new ArticleReader(new ArticleReaderOptions());
        var buffer = new FeatureBuffer();
        var result = new List<CorpusItemExamples>();
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var goldFile = Path.Combine(gold, id + ".jsonl");
            if (!File.Exists(goldFile)) continue;
            foreach (var outcome in reader.ReadAll([file], null))
            {
                if (outcome.Problem is { } p) { warn($"{file}: {p}"); continue; }
                var doc = analyzer.Analyse(outcome.Article!);
                var examples = ItemExamples(doc, id, FirstGoldType(goldFile, out int goldRecords), goldRecords, features, buffer);
                result.Add(new CorpusItemExamples(id, splits.TryGetValue(id, out var s) ? s : null, examples));
            }
        }
        return result;
    }

    /// <summary>The first gold record's sub-event type, None for an empty gold file.</summary>
    public static SubEventType FirstGoldType(string goldFile) => FirstGoldType(goldFile, out _);

    /// <summary>The first gold record's sub-event type (None for an empty gold file), and how many records there are.</summary>
    public static SubEventType FirstGoldType(string goldFile, out int records)
    {
        records = 0;
        var first = SubEventType.None;
        foreach (var line in File.ReadLines(goldFile))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (records++ == 0) first = AcledTaxonomy.ParseSubEvent((string?)JObject.Parse(line)["sub_event_type"]);
        }
        return first;
    }

    /// <summary>
    /// The features the classifier sees for one sentence of an article: the headline and lede (the context that
    /// says what the article is about) and the sentence itself at <paramref name="position"/>. The same in training
    /// and in extraction.
    /// </summary>
    public static void SentenceInContextFeatures(Document doc, int sentence, TextPosition position, IFeatureExtractor features, FeatureBuffer buffer)
    {
        DocumentFeatures(doc, features, buffer, out _);
        var s = doc.Sentences[sentence];
        features.Extract(doc, s.FirstToken, s.TokenCount, position, buffer);
    }

    /// <summary>The paragraph of the first evidence sentence that is not a headline: the lede; -1 when there is none.</summary>
    public static int LedeParagraph(Document doc)
    {
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var kind = KindOf(doc, doc.Sentences[s]);
            if (kind == ParagraphKind.Body) return doc.Sentences[s].Paragraph;
        }
        return -1;
    }

    /// <summary>The position a sentence of an article has for the classifier.</summary>
    public static TextPosition PositionOf(Document doc, int sentence, int ledeParagraph)
    {
        var s = doc.Sentences[sentence];
        var kind = KindOf(doc, s);
        if (kind is ParagraphKind.Headline or ParagraphKind.Subheadline) return TextPosition.Headline;
        return s.Paragraph == ledeParagraph ? TextPosition.Lede : TextPosition.Body;
    }

    private static List<LabelledExample> ItemExamples(Document doc, string id, SubEventType label, int goldRecords, IFeatureExtractor features, FeatureBuffer buffer)
    {
        var examples = new List<LabelledExample>();
        var shape = DocumentFeatures(doc, features, buffer, out int ledeParagraph);
        if (shape == DocumentShape.Empty) return examples;
        examples.Add(new LabelledExample(buffer.ToVector(), label, shape == DocumentShape.Short ? $"{id} whole" : $"{id} lede"));
        if (shape == DocumentShape.Short) return examples;

        // An article that reports one event: the rules' mentions in its headline and lede tell that event, and are
        // examples of a sentence in its context with the gold type (what the event-type stage asks the model).
        if (goldRecords == 1)
            foreach (var m in doc.Mentions)
            {
                if (m.Type == SubEventType.None) continue;
                var position = PositionOf(doc, m.Sentence, ledeParagraph);
                if (position == TextPosition.Body) continue;
                SentenceInContextFeatures(doc, m.Sentence, position, features, buffer);
                examples.Add(new LabelledExample(buffer.ToVector(), label, $"{id} sentence {m.Sentence + 1}"));
            }
        var evidence = EvidenceSentences(doc);

        int taken = 0;
        foreach (int s in evidence)
        {
            if (taken >= MaxNoneSentencesPerArticle) break;
            var sentence = doc.Sentences[s];
            if (KindOf(doc, sentence) != ParagraphKind.Body || sentence.Paragraph == ledeParagraph || sentence.TokenCount < 5) continue;
            if (HasTrigger(doc, sentence)) continue;
            buffer.Clear();
            features.Extract(doc, sentence.FirstToken, sentence.TokenCount, TextPosition.Body, buffer);
            examples.Add(new LabelledExample(buffer.ToVector(), SubEventType.None, $"{id} sentence {s + 1}"));
            taken++;
        }
        return examples;
    }

    /// <summary>How a document is presented to the classifier.</summary>
    public enum DocumentShape { Empty, Short, Article }

    private static List<int> EvidenceSentences(Document doc)
    {
        var evidence = new List<int>();
        for (int s = 0; s < doc.Sentences.Length; s++)
            if (IsEvidence(KindOf(doc, doc.Sentences[s]))) evidence.Add(s);
        return evidence;
    }

    private static bool IsEvidence(ParagraphKind kind) => kind is ParagraphKind.Body or ParagraphKind.Headline or ParagraphKind.Subheadline;

    /// <summary>
    /// The features the classifier sees for a whole document, the same in training and in extraction: a short
    /// text (a brief, a note, a snippet: at most <see cref="MaxShortReportSentences"/> evidence sentences) whole;
    /// an article as its headline and first body paragraph.
    /// </summary>
    public static DocumentShape DocumentFeatures(Document doc, IFeatureExtractor features, FeatureBuffer buffer, out int ledeParagraph)
    {
        ledeParagraph = -1;
        buffer.Clear();
        int evidence = 0, firstEvidence = -1, lastEvidence = -1; // counted in place: a list per document would be garbage
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            if (!IsEvidence(KindOf(doc, doc.Sentences[s]))) continue;
            evidence++;
            if (firstEvidence < 0) firstEvidence = s;
            lastEvidence = s;
        }
        if (evidence == 0) return DocumentShape.Empty;
        if (evidence <= MaxShortReportSentences)
        {
            var first = doc.Sentences[firstEvidence];
            var last = doc.Sentences[lastEvidence];
            features.Extract(doc, first.FirstToken, last.FirstToken + last.TokenCount - first.FirstToken, TextPosition.Whole, buffer);
            return DocumentShape.Short;
        }
        for (int s = firstEvidence; s <= lastEvidence; s++)
        {
            var sentence = doc.Sentences[s];
            var kind = KindOf(doc, sentence);
            if (!IsEvidence(kind)) continue;
            if (kind is ParagraphKind.Headline or ParagraphKind.Subheadline)
                features.Extract(doc, sentence.FirstToken, sentence.TokenCount, TextPosition.Headline, buffer);
            else if (ledeParagraph < 0 || sentence.Paragraph == ledeParagraph)
            {
                ledeParagraph = sentence.Paragraph;
                features.Extract(doc, sentence.FirstToken, sentence.TokenCount, TextPosition.Lede, buffer);
            }
        }
        return DocumentShape.Article;
    }

    private static ParagraphKind KindOf(Document doc, Sentence s)
    {
        if (doc.Paragraphs.Length == 0) return ParagraphKind.Body;
        int p = s.Paragraph >= 0 ? s.Paragraph : doc.ParagraphAt(s.Start);
        return p < 0 ? ParagraphKind.Body : doc.Paragraphs[p].Kind;
    }

    private static bool HasTrigger(Document doc, Sentence s)
    {
        int end = s.FirstToken + s.TokenCount;
        foreach (var e in doc.Entities)
            if (e.Label == EntityLabel.Trigger && e.FirstToken < end && e.EndToken > s.FirstToken) return true;
        return false;
    }
}
