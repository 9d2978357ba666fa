using System.Security;
using EventExtractor.Diagnostics;
using EventExtractor.Text;

namespace EventExtractor.Ingestion;

/// <summary>Options for reading articles.</summary>
public sealed class ArticleReaderOptions
{
    /// <summary>Publication date used when neither metadata nor a dateline gives one (<c>--published</c>).</summary>
    public DateOnly? DefaultPublished { get; init; }

    /// <summary>
    /// Noise cues used to pick a plain-text file's headline: when set, leading lines that are page furniture
    /// (boilerplate, promotions, bylines, datelines, such as "Skip to main content") are passed over and the first
    /// real line becomes the headline; the skipped lines follow it in <see cref="Article.Text"/>. When null, the
    /// first non-empty line is the headline.
    /// </summary>
    internal NoiseCues? HeadlineCues { get; init; }

    /// <summary>The default of <see cref="MaxArticleBytes"/>: 8 MiB, some hundred times a long news article.</summary>
    public const long DefaultMaxArticleBytes = 8L * 1024 * 1024;

    /// <summary>
    /// The largest input read as one article (<c>--max-article-bytes</c>): a .txt, .html or .json file, a JSON Lines
    /// line. Larger ones are reported and skipped, so that one huge input cannot take the run's memory and time.
    /// </summary>
    public long MaxArticleBytes { get; init; } = DefaultMaxArticleBytes;

    /// <summary>Told of every file as it is opened (for the checkpoint's input digests); called on the reading thread.</summary>
    internal Action<string>? FileOpened { get; init; }
}

/// <summary>One result of reading: an article, or a problem with an input (never both).</summary>
public readonly record struct ReadOutcome(Article? Article, InputProblem? Problem);

/// <summary>
/// Reads articles from files, folders (recursively, in ordinal path order), and JSON Lines on standard input
/// ("-"), lazily, one article at a time. Bad inputs become <see cref="InputProblem"/>s; reading goes on.
/// </summary>
/// <remarks>
/// Formats: <c>.txt</c> (first non-empty line is the headline), <c>.json</c> (an object or an array of objects),
/// <c>.jsonl</c> (one object a line, streamed), <c>.html</c>/<c>.htm</c> (main text extracted). Inside folders,
/// hidden entries (names starting with '.') and files of other types are skipped silently; a file of another type
/// named explicitly is reported. A JSON article whose 'published' is not an ISO date is reported and still read,
/// its date then coming from a dateline or the default like any article without metadata.
/// </remarks>
public sealed class ArticleReader(ArticleReaderOptions options)
{
    /// <summary>The input name "-": JSON Lines on standard input.</summary>
    public const string StandardInputArgument = "-";

    /// <summary>How standard input is named in problems and article origins.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>File extensions read, lower case with the dot.</summary>
    public static readonly IReadOnlySet<string> SupportedExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".json", ".jsonl", ".html", ".htm" };

    /// <summary>The options the reader was made with.</summary>
    public ArticleReaderOptions Options { get; } = options;

    /// <summary>Reads every input in order; <paramref name="standardInput"/> is used for "-".</summary>
    public IEnumerable<ReadOutcome> ReadAll(IReadOnlyList<string> inputs, TextReader? standardInput)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Iterate(inputs, standardInput);
    }

    private IEnumerable<ReadOutcome> Iterate(IReadOnlyList<string> inputs, TextReader? standardInput)
    {
        foreach (var input in inputs)
        {
            if (input == StandardInputArgument)
            {
                foreach (var o in ReadStandardInput(standardInput)) yield return o;
            }
            else if (Directory.Exists(input))
            {
                var files = new List<string>();
                var problems = new List<ReadOutcome>();
                CollectFolder(input, files, problems, new HashSet<string>(StringComparer.Ordinal));
                foreach (var p in problems) yield return p;
                if (files.Count == 0 && problems.Count == 0) yield return Problem(input, 0, Messages.EmptyFolder);
                files.Sort(StringComparer.Ordinal);
                foreach (var file in files)
                foreach (var o in ReadFile(file)) yield return o;
            }
            else if (File.Exists(input))
            {
                var ext = Path.GetExtension(input);
                if (!FileKind.IsRegularOrFolder(input))
                    yield return Problem(input, 0, Messages.NotARegularFile);
                else if (!SupportedExtensions.Contains(ext))
                    yield return Problem(input, 0, Messages.UnsupportedExtension(ext.Length == 0 ? "(none)" : ext));
                else
                    foreach (var o in ReadFile(input)) yield return o;
            }
            else
            {
                yield return Problem(input, 0, Messages.InputNotFound);
            }
        }
    }

    private static void CollectFolder(string dir, List<string> files, List<ReadOutcome> problems, HashSet<string> seen)
    {
        CollectFolderEntries(dir, files, problems, seen);
        // A pipe or a device among the files would block the run for ever at the first read.
        for (int i = files.Count - 1; i >= 0; i--)
        {
            if (FileKind.IsRegularOrFolder(files[i])) continue;
            problems.Add(Problem(files[i], 0, Messages.NotARegularFile));
            files.RemoveAt(i);
        }
    }

    private static void CollectFolderEntries(string dir, List<string> files, List<ReadOutcome> problems, HashSet<string> seen)
    {
        string[] entries, subdirs;
        try
        {
            // Symbolic links may point back up the tree; each real folder is listed once.
            var info = new DirectoryInfo(dir);
            var real = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(true)?.FullName ?? info.FullName;
            if (!seen.Add(real)) return;
            entries = Directory.GetFiles(dir);
            subdirs = Directory.GetDirectories(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            problems.Add(Problem(dir, 0, Messages.InputUnreadable(ex.Message)));
            return;
        }
        foreach (var f in entries)
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith('.')) continue;
            if (SupportedExtensions.Contains(Path.GetExtension(name))) files.Add(f);
        }
        foreach (var d in subdirs)
        {
            if (Path.GetFileName(d).StartsWith('.')) continue;
            CollectFolderEntries(d, files, problems, seen);
        }
    }

    private IEnumerable<ReadOutcome> ReadFile(string path)
    {
        Options.FileOpened?.Invoke(path);
        if (string.Equals(Path.GetExtension(path), ".jsonl", StringComparison.OrdinalIgnoreCase))
            return ReadJsonLinesFile(path);
        return ReadWholeFile(path);
    }

    /// <summary>Formats holding one article (or one JSON array) per file: read, check, parse in one go.</summary>
    private List<ReadOutcome> ReadWholeFile(string path)
    {
        var result = new List<ReadOutcome>(1);
        byte[] bytes;
        try
        {
            long size = new FileInfo(path).Length;
            if (size > Options.MaxArticleBytes)
            {
                result.Add(Problem(path, 0, Messages.ArticleTooLarge(size, Options.MaxArticleBytes)));
                return result;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            result.Add(Problem(path, 0, Messages.InputNotFound));
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            result.Add(Problem(path, 0, Messages.InputUnreadable(ex.Message)));
            return result;
        }

        var text = TextDecoder.DecodeFile(bytes, out var problem);
        if (text is null)
        {
            result.Add(Problem(path, 0, problem!));
            return result;
        }
        text = TextDecoder.NormalizeNewlines(TextDecoder.StripBomChar(text));
        var id = Path.GetFileNameWithoutExtension(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".txt":
                result.Add(new ReadOutcome(FromPlainText(text, id, path), null));
                break;
            case ".json":
                JsonArticleParser.ParseDocument(text, path, id, Options.DefaultPublished, result);
                break;
            default:
                FromHtml(text, id, path, result);
                break;
        }
        return result;
    }

    /// <summary>How many leading furniture lines may be passed over when looking for a plain-text headline.</summary>
    private const int MaxSkippedLeadLines = 5;

    private Article FromPlainText(string text, string id, string path)
    {
        int pos = 0, firstStart = -1, skipped = 0;
        string headline = "";
        int headStart = 0, headEnd = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, end - pos).Trim();
            int lineStart = pos;
            pos = nl < 0 ? text.Length : nl + 1;
            if (line.IsEmpty) continue;
            if (firstStart < 0) firstStart = lineStart;
            if (skipped < MaxSkippedLeadLines && Options.HeadlineCues?.Classify(line) is
                    ParagraphKind.Boilerplate or ParagraphKind.Promotion or ParagraphKind.Byline or ParagraphKind.Dateline)
            {
                skipped++;
                continue;
            }
            headline = line.ToString();
            headStart = lineStart;
            headEnd = pos;
            break;
        }
        string body;
        if (headline.Length == 0)
        {
            // Nothing but furniture: keep the text as it is, first line as headline.
            var first = text.AsSpan(firstStart).Trim();
            int nl = first.IndexOf('\n');
            headline = (nl < 0 ? first : first[..nl]).Trim().ToString();
            body = (nl < 0 ? "" : first[(nl + 1)..].ToString()).Trim();
        }
        else
        {
            // Furniture lines passed over stay in the text, after the headline, where the paragraph stage marks them.
            body = (text[firstStart..headStart] + text[headEnd..]).Trim();
        }
        var full = body.Length == 0 ? headline : headline + "\n\n" + body;
        var (date, from) = PublicationDateFinder.Resolve(null, full, Options.DefaultPublished);
        return new Article(id, headline, full, date, null, null, path) { PublishedFrom = from };
    }

    private void FromHtml(string html, string id, string path, List<ReadOutcome> into)
    {
        var page = HtmlArticleExtractor.Extract(html);
        if (page.Body.Length == 0)
        {
            into.Add(Problem(path, 0, Messages.NoArticleText));
            return;
        }
        var full = page.Title is null ? page.Body : page.Title + "\n\n" + page.Body;
        DateOnly? meta = PublicationDateFinder.TryParseLoose(page.PublishedRaw, out var d) ? d : null;
        var (date, from) = PublicationDateFinder.Resolve(meta, full, Options.DefaultPublished);
        into.Add(new ReadOutcome(new Article(id, page.Title, full, date, page.Source, page.Url, path) { PublishedFrom = from }, null));
    }

    private IEnumerable<ReadOutcome> ReadJsonLinesFile(string path)
    {
        var outcomes = new List<ReadOutcome>();
        var reader = OpenJsonLines(path, outcomes);
        foreach (var o in outcomes) yield return o;
        if (reader is null) yield break;
        using (reader)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            bool anyLine = false, failed = false;
            while (true)
            {
                outcomes.Clear();
                bool more = NextJsonLine(reader, path, id, outcomes, ref anyLine, ref failed);
                foreach (var o in outcomes) yield return o;
                if (!more) break;
            }
            if (!anyLine && !failed) yield return Problem(path, 0, Messages.EmptyFile);
        }
    }

    private ByteLineReader? OpenJsonLines(string path, List<ReadOutcome> problems)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length == 0)
            {
                problems.Add(Problem(path, 0, Messages.EmptyFile));
                stream.Dispose();
                return null;
            }
            var probe = new byte[Math.Min(stream.Length, TextDecoder.BinaryProbeLength)];
            stream.ReadExactly(probe);
            if (TextDecoder.LooksBinary(probe))
            {
                problems.Add(Problem(path, 0, Messages.BinaryFile));
                stream.Dispose();
                return null;
            }
            stream.Position = 0;
            return new ByteLineReader(stream, Options.MaxArticleBytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stream?.Dispose();
            problems.Add(Problem(path, 0, Messages.InputNotFound));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            stream?.Dispose();
            problems.Add(Problem(path, 0, Messages.InputUnreadable(ex.Message)));
        }
        return null;
    }

    /// <summary>Reads and parses one line; false at the end of the file or after an IO error (which is reported).</summary>
    private bool NextJsonLine(ByteLineReader reader, string path, string id, List<ReadOutcome> into,
        ref bool anyLine, ref bool failed)
    {
        ReadOnlySpan<byte> bytes;
        try
        {
            if (!reader.TryReadLine(out bytes)) return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            into.Add(Problem(path, reader.LineNumber + 1, Messages.InputUnreadable(ex.Message)));
            failed = true;
            return false;
        }
        int line = reader.LineNumber;
        if (reader.LineTooLong)
        {
            anyLine = true;
            into.Add(Problem(path, line, Messages.ArticleTooLarge(reader.LineBytes, Options.MaxArticleBytes)));
            return true;
        }
        int bom = line == 1 ? TextDecoder.BomLength(bytes) : 0;
        var text = TextDecoder.TryDecode(bytes[bom..], out long bad);
        if (text is null)
        {
            into.Add(Problem(path, line, Messages.InvalidUtf8(reader.LineOffset + bom + bad)));
            failed = true;
            return true;
        }
        if (string.IsNullOrWhiteSpace(text)) return true;
        anyLine = true;
        JsonArticleParser.ParseLine(text, path, line, $"{id}-{line}", Options.DefaultPublished, into);
        return true;
    }

    private IEnumerable<ReadOutcome> ReadStandardInput(TextReader? stdin)
    {
        if (stdin is null)
        {
            yield return Problem(StandardInputName, 0, Messages.StandardInputUnavailable);
            yield break;
        }
        var outcomes = new List<ReadOutcome>();
        int line = 0;
        while (true)
        {
            string? text;
            try
            {
                text = stdin.ReadLine();
            }
            catch (Exception ex) when (ex is IOException or System.Text.DecoderFallbackException)
            {
                text = null;
                outcomes.Add(Problem(StandardInputName, line + 1, Messages.InputUnreadable(ex.Message)));
            }
            foreach (var o in outcomes) yield return o;
            outcomes.Clear();
            if (text is null) yield break;
            line++;
            if (line == 1) text = TextDecoder.StripBomChar(text);
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text.Length > Options.MaxArticleBytes)
            {
                // Counted in characters here, each at least one byte: a line over the limit in characters is over it in bytes.
                outcomes.Add(Problem(StandardInputName, line, Messages.ArticleTooLarge(text.Length, Options.MaxArticleBytes)));
                foreach (var o in outcomes) yield return o;
                outcomes.Clear();
                continue;
            }
            // Handed out before the next line is read, so a live stream yields each article as it arrives.
            JsonArticleParser.ParseLine(text, StandardInputName, line, $"stdin-{line}", Options.DefaultPublished, outcomes);
            foreach (var o in outcomes) yield return o;
            outcomes.Clear();
        }
    }

    private static ReadOutcome Problem(string input, int line, string reason) =>
        new(null, new InputProblem(input, line, reason));
}
