using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>What a background cue does (the kind column of background-cues.tsv).</summary>
internal enum BackgroundCueKind : byte
{
    /// <summary>Opens a period that runs to now ("since").</summary>
    Since,
    /// <summary>Opens a stretch of time ("over the past"); a total when a long unit follows.</summary>
    Span,
    /// <summary>Months or years.</summary>
    LongUnit,
    /// <summary>A conflict as a whole ("the insurgency").</summary>
    Conflict,
    /// <summary>A relative word ("which", "in which").</summary>
    Relative,
}

/// <summary>Background cue phrases, matched token by token without allocating (longest phrase first).</summary>
internal sealed class BackgroundCues
{
    private readonly Dictionary<ulong, List<(ulong[] Words, BackgroundCueKind Kind)>> _byFirstWord = new();

    public void Add(string phrase, BackgroundCueKind kind)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => WordKey.Hash(w)).ToArray();
        if (words.Length == 0) return;
        if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = new();
        list.Add((words[1..], kind));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The longest cue starting at <paramref name="token"/> and ending before <paramref name="end"/>.</summary>
    public bool MatchAt(Document doc, int token, int end, out BackgroundCueKind kind, out int cueEnd)
    {
        kind = default;
        cueEnd = token;
        if (!_byFirstWord.TryGetValue(doc.TokenHash(token), out var list)) return false;
        foreach (var (rest, k) in list)
        {
            if (token + 1 + rest.Length > end) continue;
            bool all = true;
            for (int i = 0; i < rest.Length && all; i++) all = doc.TokenHash(token + 1 + i) == rest[i];
            if (!all) continue;
            kind = k;
            cueEnd = token + 1 + rest.Length;
            return true;
        }
        return false;
    }
}

/// <summary>
/// Background is not an event: history told by its month or year long before the article, and totals — "the
/// conflict has killed more than 6,000 people", "thousands killed since 2012",
/// "attacks have killed 400 civilians so far this year" sum up months or years. A trigger such a total governs
/// reports no event and its figure is no toll. The rules, in order; the first that applies names the reason.
/// </summary>
internal sealed class BackgroundRules(ExtractionKnowledge knowledge)
{
    /// <summary>How far (in tokens) a period cue governs a trigger.</summary>
    public const int Reach = 12;

    /// <summary>How far before the trigger a conflict can be its subject ("the insurgency of the 1990s, in which ... died").</summary>
    public const int ConflictReach = 25;

    /// <summary>Days before publication past which an event told by its month or year only is history.</summary>
    public const int HistoryDays = 365;

    public const string SinceAYear = "a total since a year or a month";
    public const string OverMonthsOrYears = "a total over months or years";
    public const string PerfectSince = "a perfect toll since something";
    public const string ConflictToll = "the conflict's own toll";
    public const string History = "history told by its month or year";

    /// <summary>The rules in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> Rules = [SinceAYear, OverMonthsOrYears, PerfectSince, ConflictToll, History];

    private BackgroundCues Cues => knowledge.BackgroundCues;

    /// <summary>True when a background total governs the trigger.</summary>
    public bool IsBackground(Document doc, EntitySpan trigger, int start, int end) => Reason(doc, trigger, start, end) != null;

    /// <summary>The rule that makes the trigger a background total, or null when it reports the day's event.</summary>
    public string? Reason(Document doc, EntitySpan trigger, int start, int end)
    {
        bool perfect = IsPerfectOrPluperfect(doc, trigger, start);
        bool anyPeriod = false;
        string? found = null;
        for (int k = start; k < end && found == null; k++)
        {
            if (!Cues.MatchAt(doc, k, end, out var kind, out int cueEnd)) continue;
            if (kind is BackgroundCueKind.Since or BackgroundCueKind.Span)
            {
                bool governs = Near(doc, trigger, k, cueEnd) && !DayDateNearer(doc, trigger, k, start, end);
                if (kind == BackgroundCueKind.Since && governs && SinceAYearOrMonth(doc, cueEnd, end)) found = SinceAYear;
                else if (kind == BackgroundCueKind.Span && governs && LongUnitAfter(doc, cueEnd, end)) found = OverMonthsOrYears;
                if (kind == BackgroundCueKind.Since || (kind == BackgroundCueKind.Span && LongUnitAfter(doc, cueEnd, end))) anyPeriod = true;
            }
            else if (kind == BackgroundCueKind.Conflict && cueEnd <= trigger.FirstToken && trigger.FirstToken - cueEnd <= ConflictReach
                     && (perfect || RelativeBetween(doc, cueEnd, trigger.FirstToken) || PerfectBetween(doc, cueEnd, trigger.FirstToken)))
                found ??= ConflictToll;
            k = Math.Max(k, cueEnd - 1);
        }
        if (found is SinceAYear or OverMonthsOrYears) return found;
        if (perfect && anyPeriod) return PerfectSince;
        if (found != null) return found;
        return IsHistory(doc, trigger, start, end) ? History : null;
    }

    /// <summary>"overran the town in August 2014" in an article of 2021: the nearest date, vague and long past.</summary>
    private static bool IsHistory(Document doc, EntitySpan trigger, int start, int end)
    {
        if (doc.Article.Published is not { } published) return false;
        int best = -1, bestDistance = int.MaxValue;
        for (int i = doc.FirstEntityAt(start); i < doc.Entities.Count && doc.Entities[i].FirstToken < end; i++)
        {
            var e = doc.Entities[i];
            if (e.Label != EntityLabel.Date) continue;
            int distance = Math.Abs(e.FirstToken - trigger.FirstToken);
            if (distance < bestDistance) { bestDistance = distance; best = i; }
        }
        if (best < 0) return false;
        var date = doc.Entities[best];
        return (DatePrecision)date.Value is DatePrecision.Month or DatePrecision.Year && date.Ref != DateStage.Unresolved
            && date.Ref < published.DayNumber - HistoryDays;
    }

    private static bool Near(Document doc, EntitySpan trigger, int cueStart, int cueEnd)
    {
        int distance = cueStart >= trigger.EndToken ? cueStart - trigger.EndToken : trigger.FirstToken - cueEnd;
        if (distance > Reach) return false;
        int from = Math.Min(trigger.EndToken, cueEnd), to = Math.Max(trigger.FirstToken, cueStart);
        return !ClauseReader.HasSentenceLevelBreak(doc, from, to);
    }

    /// <summary>A day's date nearer the trigger than the cue: the trigger is that day's event ("on Monday ..., the first for months").</summary>
    private static bool DayDateNearer(Document doc, EntitySpan trigger, int cue, int start, int end)
    {
        int cueDistance = Math.Abs(cue - trigger.FirstToken);
        for (int i = doc.FirstEntityAt(start); i < doc.Entities.Count && doc.Entities[i].FirstToken < end; i++)
        {
            var e = doc.Entities[i];
            if (e.Label != EntityLabel.Date || (DatePrecision)e.Value != DatePrecision.Day) continue;
            if (e.FirstToken > cue - 1 && e.FirstToken <= cue + 1) continue; // "since Monday" is the period itself
            if (Math.Abs(e.FirstToken - trigger.FirstToken) < cueDistance) return true;
        }
        return false;
    }

    /// <summary>"since 2017", "since March 2019", "since the war began".</summary>
    private bool SinceAYearOrMonth(Document doc, int from, int end)
    {
        for (int k = from; k < Math.Min(end, from + 3); k++)
        {
            var s = doc.TokenText(k);
            if (s.Length == 4 && int.TryParse(s, out int year) && year is >= 1900 and <= 2100) return true;
            for (int i = doc.FirstEntityAt(k); i < doc.Entities.Count && doc.Entities[i].FirstToken == k; i++)
                if (doc.Entities[i].Label == EntityLabel.Date && (DatePrecision)doc.Entities[i].Value is DatePrecision.Month or DatePrecision.Year) return true;
            if (Cues.MatchAt(doc, k, end, out var kind, out _) && kind == BackgroundCueKind.Conflict) return true;
        }
        return false;
    }

    private bool LongUnitAfter(Document doc, int from, int end)
    {
        for (int k = from; k < Math.Min(end, from + 3); k++)
            if (Cues.MatchAt(doc, k, end, out var kind, out _) && kind == BackgroundCueKind.LongUnit) return true;
        return false;
    }

    private bool RelativeBetween(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (Cues.MatchAt(doc, k, to, out var kind, out _) && kind == BackgroundCueKind.Relative) return true;
        return false;
    }

    /// <summary>"Violence ... has spread ..., killing thousands": the conflict's clause is in the perfect.</summary>
    private bool PerfectBetween(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (knowledge.Grammar.Is(doc, k, WordClass.PerfectAuxiliary | WordClass.PastPerfectAuxiliary)) return true;
        return false;
    }

    /// <summary>"has killed", "have been killed", "had died".</summary>
    private bool IsPerfectOrPluperfect(Document doc, EntitySpan trigger, int start)
    {
        for (int k = trigger.FirstToken - 1; k >= Math.Max(start, trigger.FirstToken - 3); k--)
            if (knowledge.Grammar.Is(doc, k, WordClass.PerfectAuxiliary | WordClass.PastPerfectAuxiliary)) return true;
        return false;
    }
}
