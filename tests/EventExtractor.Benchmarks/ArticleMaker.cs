using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Benchmarks;

/// <summary>
/// Makes distinct news-style articles of about 4 KB for benchmarks, deterministically, by recombining the
/// sentences of corpus/articles: each article takes a headline and body sentences from several corpus articles,
/// with its figures changed and its place names swapped for other places of the corpus's gold records. The same
/// N always gives the same file.
/// </summary>
public sealed partial class ArticleMaker
{
    /// <summary>Size the body grows to, in characters (the headline comes on top).</summary>
    public const int TargetLength = 4000;

    private readonly List<string> _headlines = new();
    private readonly List<string> _sentences = new();
    private readonly string[] _places;
    private readonly Regex _placePattern;

    /// <summary>Reads the sentences of <paramref name="corpusDir"/>/articles and the places of its gold records.</summary>
    public ArticleMaker(string corpusDir)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(corpusDir, "articles"), "*.json").Order(StringComparer.Ordinal))
        {
            var article = JObject.Parse(File.ReadAllText(file));
            if ((string?)article["title"] is { Length: > 0 } title) _headlines.Add(title.Trim());
            foreach (var line in ((string?)article["text"] ?? "").Split('\n'))
                foreach (var sentence in SentenceEnd().Split(line.Trim()))
                    if (sentence.Length >= 40) _sentences.Add(sentence);
        }
        var places = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(corpusDir, "gold"), "*.jsonl").Order(StringComparer.Ordinal))
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0) continue;
                var record = JObject.Parse(line);
                foreach (var key in (string[])["location", "admin1"])
                    if ((string?)record[key] is { Length: >= 4 } place && !place.Contains(' ') && char.IsUpper(place[0]))
                        places.Add(place);
            }
        _places = places.ToArray();
        if (_sentences.Count == 0 || _headlines.Count == 0 || _places.Length == 0)
            throw new InvalidOperationException($"no sentences, headlines or places found under {corpusDir}");
        _placePattern = new Regex(@"\b(" + string.Join("|", _places.Select(Regex.Escape)) + @")\b", RegexOptions.CultureInvariant);
    }

    /// <summary>Sentences available for recombination.</summary>
    public int SentenceCount => _sentences.Count;

    /// <summary>The article number <paramref name="index"/> (0-based): id, title, text and publication date.</summary>
    public (string Id, string Title, string Text, string Published) Make(int index)
    {
        var random = new Random(unchecked(index * 7919 + 17));
        var title = Vary(_headlines[random.Next(_headlines.Count)], random);
        var body = new StringBuilder(TargetLength + 400);
        int inParagraph = 0, paragraphSize = random.Next(2, 4);
        while (body.Length < TargetLength)
        {
            if (inParagraph == paragraphSize)
            {
                body.Append('\n');
                inParagraph = 0;
                paragraphSize = random.Next(2, 4);
            }
            else if (inParagraph > 0)
            {
                body.Append(' ');
            }
            body.Append(Vary(_sentences[random.Next(_sentences.Count)], random));
            inParagraph++;
        }
        // The article number in a figure of the first sentence makes every text distinct whatever the draws.
        var published = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 6 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = $"Report {index + 1} of the day. " + body;
        return ($"perf-{index + 1:D5}", title, text, published);
    }

    /// <summary>Writes articles 0..<paramref name="count"/>-1 as JSON Lines; returns the bytes of text written.</summary>
    public long Write(int count, TextWriter output)
    {
        long chars = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var (id, title, text, published) = Make(i);
            if (!seen.Add(text)) throw new InvalidOperationException($"article {id} repeats an earlier one");
            chars += Encoding.UTF8.GetByteCount(text);
            var json = new JObject
            {
                ["id"] = id,
                ["title"] = title,
                ["published"] = published,
                ["source"] = "Benchmark Wire",
                ["text"] = text,
            };
            output.Write(json.ToString(Formatting.None));
            output.Write('\n');
        }
        return chars;
    }

    private string Vary(string sentence, Random random)
    {
        sentence = Figure().Replace(sentence, m =>
        {
            // Years stay years (a date parser must still see a date); other figures change.
            if (m.Value.Length == 4 && m.Value[0] is '1' or '2') return m.Value;
            int value = int.Parse(m.Value, CultureInfo.InvariantCulture);
            return Math.Max(1, value + random.Next(-value / 2 - 1, value / 2 + 3)).ToString(CultureInfo.InvariantCulture);
        });
        return _placePattern.Replace(sentence, _ => _places[random.Next(_places.Length)]);
    }

    [GeneratedRegex(@"(?<=[.!?][""”’]?)\s+(?=[""“‘]?[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b\d{1,4}\b")]
    private static partial Regex Figure();
}
