using EventExtractor.Lexicons;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>What a non-event cue says about the sentence it stands in (see models/nonevent-cues.tsv).</summary>
internal enum NonEventCue : byte
{
    /// <summary>A natural disaster, an epidemic or an accident ("earthquake", "landslide").</summary>
    Disaster,
    /// <summary>An accidental explosion or fire ("gas cylinder", "fireworks").</summary>
    Accident,
    /// <summary>A count or share over a period ("so far this year", "per cent"): a tally, not one event.</summary>
    Aggregate,
    /// <summary>Ordinary crime ("cocaine", "embezzlement"): an arrest for it is no conflict event.</summary>
    Crime,
    /// <summary>What makes an arrest political after all ("militants", "protesters", "journalists").</summary>
    Political,
    /// <summary>A past event recalled by a trial, verdict, warrant or commemoration ("anniversary", "sentenced").</summary>
    Recall,
    /// <summary>Elections, markets, tourism, sport: violent-sounding verbs without violence ("race", "record").</summary>
    Metaphor,
    /// <summary>Military drills and weapons tests ("exercises", "test fired").</summary>
    Drill,
    /// <summary>A threat, warning or plan in any tense ("threatens", "warned", "vowed").</summary>
    Threat,
    /// <summary>A word starting a new clause ("after", "while"): a cue before it does not reach past it.</summary>
    Clause,
    /// <summary>A relative word after a comma that keeps the clause going ("..., in which").</summary>
    Relative,
}

/// <summary>
/// The words by which a sentence shows that its event mention reports no conflict event (a disaster, an ordinary
/// crime, a recalled past event, a metaphor, a drill, a threat), loaded from models/nonevent-cues.tsv and hashed once.
/// </summary>
internal sealed class NonEventCues
{
    public const string FileName = "nonevent-cues.tsv";

    // First word -> the phrases starting with it, longest first.
    private readonly Dictionary<ulong, List<(ulong[] Words, NonEventCue Kind)>> _byFirstWord = new();

    public static NonEventCues Load(string modelsDir) =>
        From(TsvReader.Read(Path.Combine(modelsDir, FileName), "phrase", "kind").Select(r =>
        {
            if (!Enum.TryParse<NonEventCue>(r[1], ignoreCase: true, out var kind) || !char.IsLower(r[1][0]))
                throw r.Bad(1, "disaster, accident, crime, political, recall, metaphor, drill, threat, aggregate, clause or relative");
            return (r[0], kind);
        }));

    /// <summary>Builds the cues from (phrase, kind) pairs.</summary>
    public static NonEventCues From(IEnumerable<(string Phrase, NonEventCue Kind)> rows)
    {
        var cues = new NonEventCues();
        foreach (var (phrase, kind) in rows)
        {
            var words = WordKey.SplitPhrase(phrase).Select(w => WordKey.Hash(w)).ToArray();
            if (words.Length == 0) continue;
            if (!cues._byFirstWord.TryGetValue(words[0], out var list)) cues._byFirstWord[words[0]] = list = new();
            list.Add((words, kind));
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        return cues;
    }

    /// <summary>
    /// The cue starting at word <paramref name="at"/> of <paramref name="words"/> that ends before <paramref name="end"/>:
    /// its kind and length in words (0 when none). The longest phrase wins.
    /// </summary>
    public int Match(ReadOnlySpan<MatchWord> words, int at, int end, out NonEventCue kind)
    {
        kind = default;
        if (!_byFirstWord.TryGetValue(words[at].Hash, out var list)) return 0;
        foreach (var (phrase, k) in list)
        {
            if (at + phrase.Length > end) continue;
            bool same = true;
            for (int i = 1; i < phrase.Length && same; i++) same = words[at + i].Hash == phrase[i];
            if (!same) continue;
            kind = k;
            return phrase.Length;
        }
        return 0;
    }
}
