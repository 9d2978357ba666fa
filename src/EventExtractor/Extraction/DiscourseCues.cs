using EventExtractor.Lexicons;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// The words by which a sentence refers back to the event told before it ("The attack took place near X.",
/// "It happened in Y region."), loaded from models/discourse-cues.tsv and hashed once.
/// </summary>
internal sealed class DiscourseCues
{
    public const string FileName = "discourse-cues.tsv";

    private readonly HashSet<ulong> _pronouns = new();
    private readonly HashSet<ulong> _determiners = new();
    private readonly HashSet<ulong> _nouns = new();
    private readonly List<ulong[]> _occurrences = new();

    public static DiscourseCues Load(string modelsDir) =>
        From(TsvReader.Read(Path.Combine(modelsDir, FileName), "phrase", "kind").Select(r =>
        {
            if (r[1] is not ("pronoun" or "determiner" or "noun" or "occurrence")) throw r.Bad(1, "pronoun, determiner, noun or occurrence");
            return (r[0], r[1]);
        }));

    /// <summary>Builds the cues from (phrase, kind) pairs; kind is pronoun, determiner, noun or occurrence.</summary>
    public static DiscourseCues From(IEnumerable<(string Phrase, string Kind)> rows)
    {
        var cues = new DiscourseCues();
        foreach (var (phrase, kind) in rows)
        {
            var words = WordKey.SplitPhrase(phrase).Select(w => WordKey.Hash(w)).ToArray();
            if (words.Length == 0) continue;
            switch (kind)
            {
                case "pronoun": cues._pronouns.Add(words[0]); break;
                case "determiner": cues._determiners.Add(words[0]); break;
                case "noun": cues._nouns.Add(words[0]); break;
                default: cues._occurrences.Add(words); break;
            }
        }
        return cues;
    }

    public bool IsPronoun(ulong word) => _pronouns.Contains(word);
    public bool IsDeterminer(ulong word) => _determiners.Contains(word);
    public bool IsEventNoun(ulong word) => _nouns.Contains(word);

    /// <summary>True when the words from <paramref name="at"/> on start an occurrence phrase ("took place").</summary>
    public bool OccurrenceAt(ReadOnlySpan<ulong> words, int at)
    {
        foreach (var phrase in _occurrences)
        {
            if (at + phrase.Length > words.Length) continue;
            bool same = true;
            for (int i = 0; i < phrase.Length && same; i++) same = words[at + i] == phrase[i];
            if (same) return true;
        }
        return false;
    }
}
