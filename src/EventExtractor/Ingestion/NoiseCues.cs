using System.Text.RegularExpressions;
using EventExtractor.Models;
using EventExtractor.Text;

namespace EventExtractor.Ingestion;

/// <summary>
/// The patterns that mark a paragraph as noise (caption, byline, dateline, promotion, boilerplate), loaded from
/// <c>models/noise-cues.tsv</c> and compiled once. Immutable and thread-safe after loading.
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

    private readonly (ParagraphKind Kind, Regex Pattern, bool AnyLength)[] _cues;

    private NoiseCues((ParagraphKind, Regex, bool)[] cues) => _cues = cues;

    /// <summary>Number of cue rows (macros excluded).</summary>
    public int Count => _cues.Length;

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
        var cues = new List<(ParagraphKind, Regex, bool)>();
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
                cues.Add((kind, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout), anyLength));
            }
            catch (ArgumentException ex)
            {
                throw Bad(name, lineNo, $"bad pattern: {ex.Message}");
            }
        }
        return new NoiseCues(cues.ToArray());
    }

    /// <summary>The noise kind of one paragraph's text, or null when it looks like article prose.</summary>
    public ParagraphKind? Classify(ReadOnlySpan<char> paragraph)
    {
        if (paragraph.IsEmpty) return null;
        bool tooLong = paragraph.Length > MaxNoiseLength;
        foreach (var (kind, pattern, anyLength) in _cues)
        {
            if (tooLong && !anyLength) continue;
            try
            {
                if (pattern.IsMatch(paragraph)) return kind;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line is treated as prose rather than failing the whole document.
            }
        }
        return null;
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
