using System.Text.RegularExpressions;
using EventExtractor.Models;
using EventExtractor.Text;

namespace EventExtractor.Ingestion;

/// <summary>
/// The patterns that mark a paragraph as noise (caption, byline, dateline, promotion, boilerplate), loaded from
/// <c>models/noise-cues.tsv</c>. Thread-safe; the patterns start on the regex interpreter and are compiled once
/// enough paragraphs were classified (<see cref="CompileAfter"/>), which changes no result.
/// </summary>
/// <remarks>
/// File format: tab-separated <c>kind  pattern</c> with one header line; '#' starts a comment line. A kind of the
/// form <c>@NAME</c> defines a macro that later patterns use as <c>{NAME}</c>, so shared pieces (month names, date
/// shapes) are written once. The first matching row decides the kind.
/// </remarks>
internal sealed class NoiseCues
{
    /// <summary>File name inside the models folder.</summary>
    public const string FileName = "noise-cues.tsv";

    /// <summary>Paragraphs longer than this are never noise: captions, bylines and notices are short.</summary>
    public const int MaxNoiseLength = 600;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>
    /// Paragraphs classified on the regex interpreter before the patterns are compiled. Compiling and jitting the
    /// cues costs about as much as classifying a few thousand paragraphs on the interpreter, so a run of a few
    /// articles never pays for it, and a long run switches to the compiled patterns after a few dozen articles.
    /// </summary>
    internal const int CompileAfter = 500;

    private readonly (ParagraphKind Kind, bool AnyLength)[] _cues;
    private readonly string[] _patterns;

    // The interpreted patterns until the compiled ones replace them (same matches, only faster); one array is read
    // per paragraph, so a classification never mixes the two.
    private Regex[] _regexes;
    private int _classified;

    private NoiseCues((ParagraphKind, bool)[] cues, string[] patterns, Regex[] regexes)
    {
        _cues = cues;
        _patterns = patterns;
        _regexes = regexes;
    }

    /// <summary>Number of cue rows (macros excluded).</summary>
    public int Count => _cues.Length;

    /// <summary>True once the patterns run as compiled code.</summary>
    internal bool IsCompiled => (Volatile.Read(ref _regexes) is [var first, ..] && (first.Options & RegexOptions.Compiled) != 0);

    /// <summary>Loads <see cref="FileName"/> from a models folder.</summary>
    /// <exception cref="ModelException">The file is missing or a row cannot be used.</exception>
    public static NoiseCues FromModels(string modelsDirectory) => Load(Path.Combine(modelsDirectory, FileName));

    /// <summary>Loads a cue file.</summary>
    /// <exception cref="ModelException">The file is missing or a row cannot be used.</exception>
    public static NoiseCues Load(string path)
    {
        if (!File.Exists(path)) throw new ModelException(Diagnostics.Messages.ModelFileMissing(path));
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, true));
        return Parse(reader, path);
    }

    /// <summary>Parses cue rows from a reader; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="ModelException">A row cannot be used.</exception>
    public static NoiseCues Parse(TextReader reader, string name)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        var cues = new List<(ParagraphKind, bool)>();
        var patterns = new List<string>();
        var regexes = new List<Regex>();
        bool header = true;
        int lineNo = 0;
        for (string? line; (line = reader.ReadLine()) != null;)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw Bad(name, lineNo, "expected 'kind<TAB>pattern'");
            var kindText = line[..tab].Trim();
            var pattern = Expand(line[(tab + 1)..], macros, name, lineNo);
            if (kindText.StartsWith('@'))
            {
                macros[kindText[1..]] = pattern;
                continue;
            }
            // "Caption!": a cue so telling that it marks a paragraph of any length (an agency's archive caption).
            bool anyLength = kindText.EndsWith('!');
            if (anyLength) kindText = kindText[..^1];
            if (!Enum.TryParse<ParagraphKind>(kindText, ignoreCase: false, out var kind)
                || kind is ParagraphKind.Body or ParagraphKind.Headline or ParagraphKind.Subheadline)
                throw Bad(name, lineNo, $"unknown noise kind '{kindText}' (use Caption, Byline, Dateline, Promotion or Boilerplate)");
            try
            {
                regexes.Add(new Regex(pattern, Options, MatchTimeout));
                patterns.Add(pattern);
                cues.Add((kind, anyLength));
            }
            catch (ArgumentException ex)
            {
                throw Bad(name, lineNo, $"bad pattern: {ex.Message}");
            }
        }
        return new NoiseCues(cues.ToArray(), patterns.ToArray(), regexes.ToArray());
    }

    /// <summary>The noise kind of one paragraph's text, or null when it looks like article prose.</summary>
    public ParagraphKind? Classify(ReadOnlySpan<char> paragraph)
    {
        if (paragraph.IsEmpty) return null;
        var regexes = Volatile.Read(ref _regexes);
        if (_classified < CompileAfter && Interlocked.Increment(ref _classified) == CompileAfter && _patterns.Length > 0)
        {
            // Compiled here rather than on a thread of its own: the other threads go on classifying on the
            // interpreter meanwhile, and a third thread on a busy machine would only make that while longer.
            Compile(paragraph.ToString());
            regexes = Volatile.Read(ref _regexes);
        }
        bool tooLong = paragraph.Length > MaxNoiseLength;
        for (int i = 0; i < _cues.Length; i++)
        {
            var (kind, anyLength) = _cues[i];
            if (tooLong && !anyLength) continue;
            try
            {
                if (regexes[i].IsMatch(paragraph)) return kind;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line is treated as prose rather than failing the whole document.
            }
        }
        return null;
    }

    /// <summary>
    /// Replaces the interpreted patterns by compiled ones. Each is first run once over <paramref name="sample"/>,
    /// so that much of its code is jitted here rather than inside a paragraph's match (and its timeout).
    /// </summary>
    internal void Compile(string sample = "")
    {
        var compiled = new Regex[_patterns.Length];
        for (int i = 0; i < compiled.Length; i++)
        {
            compiled[i] = new Regex(_patterns[i], Options | RegexOptions.Compiled, MatchTimeout);
            try
            {
                compiled[i].IsMatch(sample);
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        Volatile.Write(ref _regexes, compiled);
    }

    private static string Expand(string pattern, Dictionary<string, string> macros, string name, int lineNo)
    {
        if (pattern.IndexOf('{') < 0) return pattern;
        foreach (var (key, value) in macros)
            pattern = pattern.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return pattern;
    }

    private static ModelException Bad(string name, int line, string why) =>
        new(Diagnostics.Messages.ModelFileBad($"{name}:{line}", why));
}
