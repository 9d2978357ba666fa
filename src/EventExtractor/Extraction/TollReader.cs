using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// The deaths and injuries a sentence reports, read at each factual kill/wound trigger: "killing two civilians
/// and wounding five" gives each verb its own figure; "soldiers were killed" with no figure is the codebook's
/// guess (3 for a plural, 1 for a singular). A total summed up over months or years is no toll.
/// </summary>
internal sealed class TollReader(ExtractionKnowledge knowledge)
{
    private readonly CasualtyReader _casualties = new(knowledge);
    private readonly ClauseReader _clauses = new(knowledge);
    private readonly BackgroundRules _background = new(knowledge);

    /// <summary>A sentence's toll: -1 where it gives no figure; Guessed when a death count is the plural/singular guess.</summary>
    public readonly record struct Toll(int Fatalities, int Injuries, bool Guessed);

    /// <summary>Reads the toll of the sentence [start, end) at its <paramref name="triggers"/> (entity indexes).</summary>
    public Toll Read(Document doc, List<int> triggers, List<int> cues, int start, int end, bool[] blocked)
    {
        int fatalities = -1, injuries = -1;
        bool guessedToll = false;
        foreach (var ti in triggers)
        {
            var te = doc.Entities[ti];
            var entry = knowledge.Triggers[te.Ref];
            if (entry.Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            if (ClauseReader.IsQuoted(doc, te.FirstToken) || !_clauses.IsFactual(doc, te, cues, start)) continue;
            // "The conflict has killed more than 6,000 people since 2017": a total, no event's toll.
            if (_background.IsBackground(doc, te, start, end)) continue;
            // "killing two civilians and wounding five": each figure belongs to the verb next to it.
            var others = MarkOtherCasualtyTriggers(doc, triggers, ti, blocked);
            int n = _casualties.Read(doc, te.FirstToken, te.EndToken, start, end, blocked);
            if (others != null) foreach (var t in others) blocked[t] = false;
            if (entry.Class == TriggerClass.Kill)
            {
                if (n < 0)
                {
                    n = PluralOrSingular(doc, te, start);
                    if (n >= 0) guessedToll = true;
                }
                if (n >= 0) fatalities = Math.Max(fatalities, 0) + n;
            }
            else if (n >= 0) injuries = Math.Max(injuries, 0) + n;
        }
        return new Toll(fatalities, injuries, guessedToll);
    }

    /// <summary>Blocks the other kill/wound triggers' tokens so the reader stops at them; returns the tokens it blocked.</summary>
    private List<int>? MarkOtherCasualtyTriggers(Document doc, List<int> triggers, int self, bool[] blocked)
    {
        List<int>? marked = null;
        foreach (var ti in triggers)
        {
            if (ti == self) continue;
            var t = doc.Entities[ti];
            if (knowledge.Triggers[t.Ref].Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            for (int k = t.FirstToken; k < t.EndToken; k++)
                if (!blocked[k]) { blocked[k] = true; (marked ??= new List<int>()).Add(k); }
        }
        return marked;
    }

    /// <summary>"killed" with no figure: a plural subject counts 3 per the codebook, a singular one 1; else none.</summary>
    public int PluralOrSingular(Document doc, EntitySpan trigger, int sentenceStart)
    {
        for (int k = trigger.FirstToken - 1; k >= Math.Max(sentenceStart, trigger.FirstToken - 4); k--)
        {
            var h = doc.TokenHash(k);
            if (knowledge.PersonNouns.ContainsKey(h))
            {
                var t = doc.TokenText(k);
                bool plural = t.EndsWith("s", StringComparison.OrdinalIgnoreCase) || t.EndsWith("men", StringComparison.OrdinalIgnoreCase)
                    || knowledge.Grammar.Is(h, WordClass.CollectivePlural);
                return plural ? 3 : 1;
            }
        }
        return -1;
    }
}
