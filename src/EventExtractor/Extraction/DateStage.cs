using EventExtractor.Pipeline;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Finds date expressions and resolves them against the publication date: "May 19, 2020", "on March 26",
/// "19 May", "on Monday", "late on Saturday", "last Wednesday night", "yesterday", "last week", "last December",
/// "in January 2020". A Date entity's Ref is the resolved day number (<see cref="DateOnly.DayNumber"/>), or
/// <see cref="Unresolved"/> when a relative date has no publication date to lean on; its Value is a
/// <see cref="DatePrecision"/>.
/// </summary>
internal sealed class DateStage(ExtractionKnowledge knowledge) : IStage
{
    /// <summary>Ref of a date that cannot be resolved (no publication date).</summary>
    public const int Unresolved = -1;


    public string Name => "dates";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences;
    public Annotations Provides => Annotations.Dates;

    /// <summary>What the token does to a date next to it (DateCue.None for any other word or outside the text).</summary>
    private DateCue Cue(Document doc, int t) =>
        t >= 0 && t < doc.TokenCount && knowledge.Calendar.TryGetValue(doc.TokenHash(t), out var w) ? w.Cue : DateCue.None;

    /// <summary>"last", "this", "earlier", "late", "early", "mid", "next": belongs to the date expression after it.</summary>
    private static bool IsQualifier(DateCue cue) =>
        cue is DateCue.Last or DateCue.This or DateCue.Earlier or DateCue.Late or DateCue.Early or DateCue.Mid or DateCue.Next;

    public void Process(Document doc)
    {
        var published = doc.Article.Published;
        for (int t = 0; t < doc.TokenCount; t++)
        {
            if (TryDate(doc, t, published, out int end, out int day, out DatePrecision precision))
            {
                // "last week", "earlier this month": the qualifier belongs to the expression.
                int begin = t;
                if (t > 0 && IsQualifier(Cue(doc, t - 1)) && !(doc.Entities.Count > 0 && doc.Entities[^1].Label == EntityLabel.Date && doc.Entities[^1].EndToken > t - 1))
                    begin = t - 1;
                doc.Entities.Add(new EntitySpan(begin, end - begin, EntityLabel.Date, day) { Value = (int)precision });
                t = end - 1;
            }
        }
    }

    private bool Word(Document doc, int t, out CalendarWord w)
    {
        w = default;
        if (t < 0 || t >= doc.TokenCount) return false;
        var tok = doc.Tokens[t];
        if (tok.Kind != TokenKind.Word) return false;
        return knowledge.Calendar.TryGetValue(doc.TokenHash(t), out w);
    }

    private static bool Int(Document doc, int t, out int value)
    {
        value = 0;
        if (t < 0 || t >= doc.TokenCount) return false;
        var s = doc.TokenText(t);
        // "27th", "1st"
        int n = 0, digits = 0;
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9') { n = n * 10 + (c - '0'); digits++; if (digits > 4) return false; }
            else if (digits > 0 && char.IsLetter(c)) break;
            else return false;
        }
        value = n;
        return digits > 0;
    }

    private bool TryDate(Document doc, int t, DateOnly? pub, out int end, out int day, out DatePrecision precision)
    {
        end = t; day = Unresolved; precision = DatePrecision.Day;
        // The token is looked up once: most tokens are neither calendar words nor numbers, and end here.
        bool word = Word(doc, t, out var w);
        bool number = Int(doc, t, out int value);
        if (!word && !number) return false;
        // Month-first: "May 19, 2020", "March 26", "Dec. 27", "January 2020", "October of 2019".
        if (word && w.Kind == "month" && IsCapitalized(doc, t))
        {
            int month = int.Parse(w.Value);
            int k = t + 1;
            if (Int(doc, k, out int d) && d is >= 1 and <= 31)
            {
                k++;
                int? year = null;
                int k2 = k;
                if (k2 < doc.TokenCount && doc.TokenText(k2) is ",") k2++;
                if (Int(doc, k2, out int y) && y is >= 1900 and <= 2100) { year = y; k = k2 + 1; }
                else if (Cue(doc, k) == DateCue.Last && Word(doc, k + 1, out var yw) && yw.Kind == "relative" && yw.Value == "year" && pub is { } p0) { year = p0.Year - 1; k += 2; }
                end = k;
                return Resolve(pub, year, month, d, out day, out precision);
            }
            int k3 = k;
            if (Cue(doc, k3) == DateCue.Of) k3++;
            if (Int(doc, k3, out int yy) && yy is >= 1900 and <= 2100)
            {
                end = k3 + 1;
                precision = DatePrecision.Month;
                day = MonthDay(yy, month, doc, t);
                return true;
            }
            // "last December", "in December": a month alone (not "May" the verb: it is capitalised and follows a cue).
            if (Cue(doc, t - 1) is var prev && prev is DateCue.Last or DateCue.In or DateCue.Late or DateCue.Early or DateCue.Mid or DateCue.This)
            {
                end = t + 1;
                precision = DatePrecision.Month;
                if (pub is not { } p) { day = Unresolved; return true; }
                int yr = p.Year;
                if (month > p.Month || (prev == DateCue.Last && month >= p.Month)) yr--;
                day = MonthDay(yr, month, doc, t);
                return true;
            }
            return false;
        }
        // Day-first: "19 May 2020", "01 September 2014", "3 March".
        if (number && value is >= 1 and <= 31 && Word(doc, t + 1, out var m2) && m2.Kind == "month" && IsCapitalized(doc, t + 1))
        {
            int month = int.Parse(m2.Value);
            int k = t + 2;
            int? year = null;
            if (Int(doc, k, out int y) && y is >= 1900 and <= 2100) { year = y; k++; }
            end = k;
            return Resolve(pub, year, month, value, out day, out precision);
        }
        // Weekdays: "on Monday", "late on Saturday", "last Wednesday night", "Tuesday morning".
        if (word && w.Kind == "weekday" && IsCapitalized(doc, t))
        {
            end = t + 1;
            if (Word(doc, t + 1, out var part) && part.Kind == "part") end++;
            bool last = Cue(doc, t - 1) == DateCue.Last;
            precision = DatePrecision.Day;
            // "on Thursday last week": that weekday of the week before publication.
            bool lastWeek = Cue(doc, end) == DateCue.Last && Word(doc, end + 1, out var wk) && wk.Kind == "relative" && wk.Value == "week";
            if (lastWeek) end += 2;
            if (pub is not { } p) { day = Unresolved; return true; }
            if (lastWeek)
            {
                int pubIndex = ((int)p.DayOfWeek + 6) % 7; // Monday = 0
                day = p.AddDays(-pubIndex - 7 + int.Parse(w.Value) - 1).DayNumber;
                return true;
            }
            int target = int.Parse(w.Value); // 1 = Monday
            int pubDow = ((int)p.DayOfWeek + 6) % 7 + 1;
            int back = (pubDow - target + 7) % 7;
            if (last && back == 0) back = 7;
            day = p.AddDays(-back).DayNumber;
            return true;
        }
        // Relative words: "yesterday", "today", "overnight", "last week", "this month", "last year".
        if (word && w.Kind == "relative")
        {
            var prev = Cue(doc, t - 1);
            end = t + 1;
            if (int.TryParse(w.Value, out int offset))
            {
                precision = DatePrecision.Day;
                day = pub is { } p ? p.AddDays(offset).DayNumber : Unresolved;
                return true;
            }
            if (prev is not (DateCue.Last or DateCue.This or DateCue.Earlier)) return false;
            if (pub is not { } pd) { day = Unresolved; precision = w.Value == "year" ? DatePrecision.Year : DatePrecision.Week; return true; }
            switch (w.Value)
            {
                case "week":
                case "weekend":
                    precision = DatePrecision.Week;
                    // The middle of that week (Wednesday), or its Saturday for a weekend.
                    int pubDow = ((int)pd.DayOfWeek + 6) % 7;
                    var monday = pd.AddDays(-pubDow - (prev == DateCue.Last ? 7 : 0));
                    day = monday.AddDays(w.Value == "weekend" ? 5 : 2).DayNumber;
                    return true;
                case "month":
                    precision = DatePrecision.Month;
                    var m = prev == DateCue.Last ? pd.AddMonths(-1) : pd;
                    day = new DateOnly(m.Year, m.Month, 15).DayNumber;
                    return true;
                case "year":
                    precision = DatePrecision.Year;
                    day = new DateOnly(prev == DateCue.Last ? pd.Year - 1 : pd.Year, 7, 1).DayNumber;
                    return true;
            }
            return false;
        }
        // A bare year after "in": background of another year ("in 2014", "in late 2017").
        if (number && value is >= 1900 and <= 2100 && doc.TokenText(t).Length == 4)
        {
            var p1 = Cue(doc, t - 1);
            if (p1 is DateCue.In or DateCue.Late or DateCue.Early or DateCue.Since or DateCue.Mid || Cue(doc, t - 2) == DateCue.In)
            {
                end = t + 1;
                precision = DatePrecision.Year;
                day = new DateOnly(value, 7, 1).DayNumber;
                return true;
            }
        }
        return false;
    }

    private static bool IsCapitalized(Document doc, int t) => (doc.Tokens[t].Flags & TokenFlags.Capitalized) != 0;

    /// <summary>Middle of the month, or its first/last day for "early"/"beginning" and "late"/"end".</summary>
    private int MonthDay(int year, int month, Document doc, int monthToken)
    {
        var prev = Cue(doc, monthToken - 1);
        var prev2 = Cue(doc, monthToken - 2);
        int dayOfMonth = 15;
        if (prev is DateCue.Late or DateCue.End || prev2 is DateCue.Late or DateCue.End) dayOfMonth = DateTime.DaysInMonth(year, month);
        else if (prev is DateCue.Early or DateCue.Beginning || prev2 is DateCue.Early or DateCue.Beginning) dayOfMonth = 1;
        return new DateOnly(year, month, dayOfMonth).DayNumber;
    }

    private static bool Resolve(DateOnly? pub, int? year, int month, int dayOfMonth, out int day, out DatePrecision precision)
    {
        precision = DatePrecision.Day;
        day = Unresolved;
        int y;
        if (year is { } given) y = given;
        else if (pub is { } p)
        {
            // Without a year, the most recent such date on or before publication.
            y = p.Year;
            if (month > p.Month || (month == p.Month && dayOfMonth > p.Day)) y--;
        }
        else return true;
        if (dayOfMonth > DateTime.DaysInMonth(y, month)) return false;
        day = new DateOnly(y, month, dayOfMonth).DayNumber;
        return true;
    }
}

/// <summary>How precise a date is; the first three are ACLED's time_precision codes.</summary>
internal enum DatePrecision
{
    Day = 1,
    Week = 2,
    Month = 3,
    /// <summary>Only the year: ACLED does not record such events; marks background history.</summary>
    Year = 4,
}
