namespace EventExtractor.Diagnostics;

/// <summary>
/// One input that could not be (fully) used: which input, which line (0 when not line-based), and why, in
/// words a user can act on. Written as one line on standard error and one line of <c>&lt;output&gt;.errors.jsonl</c>.
/// </summary>
public sealed record InputProblem(string Input, int Line, string Reason)
{
    /// <summary>The one-line form for standard error.</summary>
    public override string ToString() =>
        Line > 0 ? $"{Messages.Printable(Input)}:{Line}: {Messages.Printable(Reason)}" : $"{Messages.Printable(Input)}: {Messages.Printable(Reason)}";
}
