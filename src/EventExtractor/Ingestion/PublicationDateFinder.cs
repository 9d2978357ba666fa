using System.Globalization;
using System.Text.RegularExpressions;

namespace EventExtractor.Ingestion;

/// <summary>
/// Finds an article's publication date: metadata first, then a dateline in the text, then the user's
/// <c>--published</c> default. Only unambiguous full dates are taken ("October 31, 2021", "Oct. 31, 2021",
/// "31 October 2021", "2021-10-31"); "31/10/2021" (day/month order unknown) and month-day datelines without a
/// year ("BAGHDAD, May 19 (Reuters) -") are ignored, because a wrong year or month silently misdates every event.
/// </summary>
internal static class PublicationDateFinder
{
    /// <summary>How many non-empty lines at the top of the text may hold a standalone date.</summary>
    public const int TopLines = 8;

    /// <summary>How many non-empty lines at the end of the text may hold a standalone date.</summary>
    public const int BottomLines = 5;

    private const string Month =
        @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string Weekday = @"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?";

    // Three full-date shapes; the named groups are read by ToDate.
    private const string Date =
        @"(?:" + Month + @"\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" +
        @"|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?,?\s+(?<year>\d{4})" +
        @"|(?<year>\d{4})-(?<mnum>\d{2})-(?<day>\d{2}))(?![\d\p{L}])";

    private const string Time =
        @"(?:\s*[,|·•\-–—]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?" +
        @"(?:\s*\(?(?:[a-z]{2,5}|(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?)\)?)?)?";

    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex DateAtStart = new(@"\G" + Weekday + Date, Opts);

    private static readonly Regex Labelled = new(
        @"^(?<label>first\s+published|published|posted|last\s+updated|last\s+modified|updated|modified|date)" +
        @"(?:\s+(?:on|at))?\s*[:\-–—]?\s*" + Weekday + Date, Opts);

    private static readonly Regex Standalone = new(@"^" + Weekday + Date + Time + @"\s*$", Opts);

    // "WASHINGTON, Oct. 31, 2021 (AP) —" at the head of a story.
    private static readonly Regex PlaceDateline = new(
        @"^\p{Lu}[\p{L} .'’\-]{1,40},\s*" + Weekday + Date + @"\s*(?:\([^)]{1,30}\))?\s*[-–—:]", Opts);

    /// <summary>
    /// Chooses the publication date and where it came from: <paramref name="metadata"/> when present, else a date
    /// found in <paramref name="text"/>, else <paramref name="fallback"/> (the command line), else none.
    /// </summary>
    public static (DateOnly? Date, PublishedDateSource Source) Resolve(DateOnly? metadata, string text, DateOnly? fallback)
    {
        if (metadata is { } m) return (m, PublishedDateSource.Metadata);
        if (FindInText(text) is { } d) return (d, PublishedDateSource.Dateline);
        if (fallback is { } f) return (f, PublishedDateSource.CommandLine);
        return (null, PublishedDateSource.None);
    }

    /// <summary>
    /// Looks for a publication date written in the text. Preference: a "Published:"/"Posted:" line anywhere; a date
    /// standing alone (or a place dateline) in the first <see cref="TopLines"/> lines; an "Updated:" line anywhere
    /// (an update is later than publication, so it is a weaker guess); a date alone in the last
    /// <see cref="BottomLines"/> lines or an ISO date line anywhere. Within one rank the earliest line wins.
    /// </summary>
    public static DateOnly? FindInText(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;

        // Line ranges only (no strings) so a long text costs one pass.
        var lines = new List<(int Start, int Length)>();
        int pos = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var (s, len) = Trimmed(text, pos, end);
            if (len > 0) lines.Add((s, len));
            if (nl < 0) break;
            pos = nl + 1;
        }

        DateOnly? best = null;
        int bestRank = int.MaxValue;
        for (int i = 0; i < lines.Count; i++)
        {
            var (start, length) = lines[i];
            // Datelines are short; skipping long lines keeps the regexes off body paragraphs.
            if (length > 120) continue;
            int rank = int.MaxValue;
            DateOnly date = default;

            var labelled = Labelled.Match(text, start, length);
            if (labelled.Success && ToDate(labelled, out date))
            {
                var label = labelled.Groups["label"].Value.ToLowerInvariant();
                rank = label.Contains("updated") || label.Contains("modified") ? 2 : 0;
            }

            if (rank == int.MaxValue)
            {
                bool top = i < TopLines, bottom = i >= lines.Count - BottomLines;
                var match = Standalone.Match(text, start, length);
                if (match.Success)
                {
                    if (ToDate(match, out date))
                    {
                        bool iso = match.Groups["mnum"].Success;
                        if (top) rank = 1;
                        else if (bottom || iso) rank = 3;
                    }
                }
                else if (top)
                {
                    if (ToDate(PlaceDateline.Match(text, start, length), out date)) rank = 1;
                }
            }

            if (rank < bestRank)
            {
                bestRank = rank;
                best = date;
                if (rank == 0) break;
            }
        }
        return best;
    }

    /// <summary>
    /// Parses an ISO date as found in metadata: "2021-10-31", or a date-time such as "2021-10-31T09:58:00+03:00"
    /// or "2021-10-31 09:58" (the date as written is taken, without time-zone conversion).
    /// </summary>
    public static bool TryParseIso(string? value, out DateOnly date)
    {
        date = default;
        if (value is null) return false;
        var s = value.AsSpan().Trim();
        if (s.Length < 10) return false;
        if (s.Length > 10 && s[10] is not ('T' or 't' or ' ')) return false;
        return DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
               && (s.Length == 10 || s.Length > 11);
    }

    /// <summary>
    /// Parses a full written date at the start of <paramref name="s"/> ("Tuesday, October 31, 2021", "Oct. 31, 2021",
    /// "31 October 2021", "2021-10-31"); <paramref name="length"/> is how many characters it used.
    /// </summary>
    public static bool TryParseDate(string s, out DateOnly date, out int length)
    {
        date = default;
        length = 0;
        var m = DateAtStart.Match(s);
        if (!m.Success || !ToDate(m, out date)) return false;
        length = m.Length;
        return true;
    }

    /// <summary>A date from metadata in any form a page may use: ISO first, then a written full date.</summary>
    public static bool TryParseLoose(string? value, out DateOnly date)
    {
        if (TryParseIso(value, out date)) return true;
        if (value is null) return false;
        var t = value.Trim();
        return TryParseDate(t, out date, out int len) && len == t.Length;
    }

    private static bool ToDate(Match m, out DateOnly date)
    {
        date = default;
        if (!m.Success) return false;
        int year = int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        int day = int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        int month = m.Groups["mnum"].Success
            ? int.Parse(m.Groups["mnum"].ValueSpan, CultureInfo.InvariantCulture)
            : MonthNumber(m.Groups["mon"].ValueSpan);
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[3];
        name[..3].ToLowerInvariant(lower);
        return lower switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => 0,
        };
    }

    private static (int Start, int Length) Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }
}
