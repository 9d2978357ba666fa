namespace EventExtractor.Lexicons;

/// <summary>
/// The normalized phrases of a lexicon that came only from short all-capitals acronyms ("US" → "us", "KH" →
/// "kh"): a matcher takes them only where the text is in capitals. A phrase that also has a plain spelling in the
/// same lexicon ("Hamas" and "HAMAS") is not one.
/// </summary>
internal sealed class AcronymPhrases
{
    private readonly HashSet<string> _phrases;

    private AcronymPhrases(HashSet<string> phrases) => _phrases = phrases;

    /// <summary>Builds the set from the phrases as written in the file.</summary>
    public static AcronymPhrases From(IEnumerable<string> originals)
    {
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in originals)
        {
            var k = LexiconText.Normalize(o);
            if (LexiconText.IsShortAcronym(o)) acronyms.Add(k); else plain.Add(k);
        }
        acronyms.ExceptWith(plain);
        return new AcronymPhrases(acronyms);
    }

    /// <summary>True when the normalized phrase must match capitals only.</summary>
    public bool Contains(string normalizedPhrase) => _phrases.Contains(normalizedPhrase);
}
