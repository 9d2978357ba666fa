using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>The parts a function word plays for the readers (the class column of grammar-words.tsv).</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,
    TargetPreposition = 1 << 0,
    Agentive = 1 << 1,
    PassiveAuxiliary = 1 << 2,
    PluralPast = 1 << 3,
    PerfectAuxiliary = 1 << 4,
    Been = 1 << 5,
    ClauseBreak = 1 << 6,
    PassiveFollower = 1 << 7,
    Anaphor = 1 << 8,
    Determiner = 1 << 9,
    SuspicionAdjective = 1 << 10,
    SourceIntroducer = 1 << 11,
    HabitualAfter = 1 << 12,
    Coordinator = 1 << 13,
    Infinitive = 1 << 14,
    CollectivePlural = 1 << 15,
    CountUnit = 1 << 16,
    TollAuxiliary = 1 << 17,
    TollBound = 1 << 18,
    TollPart = 1 << 19,
    Definite = 1 << 20,
    Firearm = 1 << 21,
    PastPerfectAuxiliary = 1 << 22,
}

/// <summary>
/// Function words by the parts they play, looked up by a token's word hash: one dictionary probe per question,
/// nothing allocated. Built once from grammar-words.tsv.
/// </summary>
internal sealed class GrammarWords
{
    private readonly Dictionary<ulong, WordClass> _classes = new();

    /// <summary>The class names of the file, in kebab case ("target-preposition").</summary>
    public static string ClassName(WordClass c) =>
        string.Concat(c.ToString().Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    /// <summary>Parses a class name of the file; false for an unknown one.</summary>
    public static bool TryParseClass(string name, out WordClass c)
    {
        foreach (var v in Enum.GetValues<WordClass>())
            if (v != WordClass.None && ClassName(v) == name) { c = v; return true; }
        c = WordClass.None;
        return false;
    }

    public void Add(string word, WordClass c)
    {
        var h = WordKey.Hash(word);
        _classes[h] = _classes.GetValueOrDefault(h) | c;
    }

    /// <summary>True when the word with this hash plays part <paramref name="c"/>.</summary>
    public bool Is(ulong hash, WordClass c) => _classes.TryGetValue(hash, out var found) && (found & c) != 0;

    /// <summary>
    /// True when the document's token plays part <paramref name="c"/>. A capitalised word inside an actor's name
    /// is a name, not a function word: "IS" in "IS militants attacked" is no "is", nor "Of" in a headline's
    /// "Army Of ...". Needs the entities sorted (as the mention stage has them).
    /// </summary>
    public bool Is(Document doc, int token, WordClass c)
    {
        if (!Is(doc.TokenHash(token), c)) return false;
        var flags = doc.Tokens[token].Flags;
        if ((flags & TokenFlags.AllCaps) == 0 && ((flags & TokenFlags.Capitalized) == 0 || !ClauseReader.IsHeadline(doc, token))) return true;
        return !InsideActor(doc, token);
    }

    /// <summary>The longest actor phrase in the lexicons is shorter than this many tokens.</summary>
    private const int LongestActor = 12;

    private static bool InsideActor(Document doc, int token)
    {
        for (int i = doc.FirstEntityAt(token + 1) - 1; i >= 0 && doc.Entities[i].FirstToken > token - LongestActor; i--)
        {
            var e = doc.Entities[i];
            if (e.Label == EntityLabel.Actor && e.FirstToken <= token && e.EndToken > token) return true;
        }
        return false;
    }

    /// <summary>True when the (multi-word) phrase, hashed as a whole, plays part <paramref name="c"/>.</summary>
    public bool IsPhrase(string phrase, WordClass c) => Is(WordKey.Hash(phrase), c);
}
