namespace EventExtractor.Evaluation;

/// <summary>
/// ACLED's actor type codes, which exports write either as numbers (older: inter1 "1", interaction "13") or as
/// text (newer: "State forces", "State forces-Political militia"). Both forms normalize to the numeric one so
/// the two kinds of export compare equal.
/// </summary>
internal static class ActorCodes
{
    /// <summary>The names of codes 1 to 8, as the codebook spells them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "State forces", "Rebel group", "Political militia", "Identity militia",
        "Rioters", "Protesters", "Civilians", "External/Other forces",
    ];

    /// <summary>
    /// The code of an inter1/inter2 value: 1..8 from a digit or a name (case-insensitive), 0 for "", "0" or
    /// "None" (no actor), null when the text is neither.
    /// </summary>
    public static int? ParseInter(string? value)
    {
        var v = (value ?? "").Trim();
        if (v.Length == 0 || v == "0" || v.Equals("None", StringComparison.OrdinalIgnoreCase)) return 0;
        if (v.Length == 1 && v[0] is >= '1' and <= '8') return v[0] - '0';
        for (int i = 0; i < Names.Count; i++)
            if (v.Equals(Names[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        return null;
    }

    /// <summary>The codebook name of an inter code ("" for 0).</summary>
    public static string NameOf(int code) => code >= 1 && code <= Names.Count ? Names[code - 1] : "";

    /// <summary>
    /// The two-digit code of an interaction, lower code first: "13" from "13", "31", "State forces-Political
    /// militia" or "Political militia-State forces"; "10" from "State forces only" or "1"; "" for an empty value;
    /// null when the text is not an interaction.
    /// </summary>
    public static string? NormalizeInteraction(string? value)
    {
        var v = (value ?? "").Trim();
        if (v.Length == 0) return "";
        if (v.All(char.IsAsciiDigit))
        {
            if (v.Length == 1 && ParseInter(v) is int single and > 0) return Pair(single, 0);
            if (v.Length == 2 && ParseInter(v[..1]) is int a && ParseInter(v[1..]) is int b && a + b > 0) return Pair(a, b);
            return null;
        }
        const string only = " only";
        if (v.EndsWith(only, StringComparison.OrdinalIgnoreCase))
            return ParseInter(v[..^only.Length]) is int one and > 0 ? Pair(one, 0) : null;
        // No code name contains a hyphen, so the first one separates the two sides.
        int dash = v.IndexOf('-');
        if (dash <= 0) return ParseInter(v) is int solo and > 0 ? Pair(solo, 0) : null;
        if (ParseInter(v[..dash]) is int x and > 0 && ParseInter(v[(dash + 1)..]) is int y and > 0) return Pair(x, y);
        return null;
    }

    // ACLED writes the lower code first, with 0 (no second actor) last: 13, 78, 10.
    private static string Pair(int a, int b)
    {
        if (b == 0 || a == 0) return $"{Math.Max(a, b)}0";
        return a <= b ? $"{a}{b}" : $"{b}{a}";
    }
}
