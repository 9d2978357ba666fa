using System.Text;
using EventExtractor.Export;
using EventExtractor.Ingestion;
using EventExtractor.Text;

namespace EventExtractor.Tests.Export;

/// <summary>Articles and helpers shared by the export tests.</summary>
internal static class ExportFixtures
{
    /// <summary>
    /// An invented report with a headline, a dateline, body paragraphs, a photo caption and a promotion line: the
    /// last two are noise and must not reach the training data. The emoji (outside the BMP) checks that span
    /// offsets count code points.
    /// </summary>
    public static Article Article() => new(
        "export-sample",
        "Gunmen kill four soldiers in attack on army post in Mali",
        "Gunmen kill four soldiers in attack on army post in Mali\n\n" +
        "BAMAKO, Mali (Newswire) — Gunmen on motorbikes attacked an army checkpoint near the town of Douentza " +
        "in central Mali on Tuesday, killing four soldiers, the army said.\n\n" +
        "Photo: Soldiers patrol a road near Gao in Mali in 2019.\n\n" +
        "\U0001F4F0 The attackers fired rocket-propelled grenades and fled toward the border with Burkina Faso, a " +
        "local official said. No group has claimed the attack.\n\n" +
        "Sign up for our daily newsletter to get the latest news from Mali.",
        new DateOnly(2023, 5, 10), "Newswire", null, "<test>");

    public static string Conll(params TrainingExample[] examples)
    {
        var text = new StringWriter { NewLine = "\n" };
        using (var writer = TrainingWriters.Create(ExportFormat.Conll, text))
        {
            foreach (var e in examples) writer.Write(e);
            writer.Commit();
        }
        return text.ToString();
    }

    public static string Spans(params TrainingExample[] examples)
    {
        var text = new StringWriter { NewLine = "\n" };
        using (var writer = TrainingWriters.Create(ExportFormat.Spans, text))
        {
            foreach (var e in examples) writer.Write(e);
            writer.Commit();
        }
        return text.ToString();
    }

    /// <summary>Cuts a string by code point offsets (as Python's <c>text[start:end]</c>).</summary>
    public static string CutCodePoints(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        var b = new StringBuilder();
        for (int i = start; i < end; i++) b.Append(runes[i].ToString());
        return b.ToString();
    }

    public static int CodePointLength(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// The sentences of a CoNLL text as (token, tag) lists; -DOCSTART- lines and the blank line after them are
    /// returned separately.
    /// </summary>
    public static (List<string> Docs, List<List<(string Token, string Tag)>> Sentences) ParseConll(string conll)
    {
        var docs = new List<string>();
        var sentences = new List<List<(string, string)>>();
        var current = new List<(string, string)>();
        foreach (var line in conll.Split('\n'))
        {
            if (line.StartsWith("-DOCSTART- ", StringComparison.Ordinal))
            {
                Assert.Empty(current);
                docs.Add(line["-DOCSTART- ".Length..]);
                continue;
            }
            if (line.Length == 0)
            {
                if (current.Count > 0) sentences.Add(current);
                current = new List<(string, string)>();
                continue;
            }
            var parts = line.Split('\t');
            Assert.True(parts.Length == 2, $"not 'token<TAB>tag': '{line}'");
            current.Add((parts[0], parts[1]));
        }
        Assert.Empty(current); // the last sentence ends with a blank line
        return (docs, sentences);
    }
}
