using EventExtractor.Ingestion;
using EventExtractor.Records;
using EventExtractor.Pipeline;

namespace EventExtractor.Text;

/// <summary>
/// An article's text and everything found in it. The document owns the text once; tokens, sentences,
/// paragraphs, entities and event mentions are small structs holding offsets into it, and strings are cut
/// only when a record is written (the Catalyst / spaCy layout).
/// </summary>
internal sealed class Document
{
    public Document(Article article)
    {
        Article = article;
        Text = article.Text;
    }

    /// <summary>Convenience constructor for tests and tools: an article with only text.</summary>
    public Document(string text, DateOnly? published = null)
        : this(new Article("doc", null, text, published, null, null, "<text>"))
    {
    }

    public Article Article { get; }

    /// <summary>The text every offset in this document refers to.</summary>
    public string Text { get; }

    /// <summary>Which annotation layers have been filled by stages so far.</summary>
    public Annotations Done { get; internal set; }

    /// <summary>Paragraphs (runs of non-empty lines), with what kind of text they are.</summary>
    public Paragraph[] Paragraphs { get; set; } = [];

    /// <summary>Tokens in text order; only the first <see cref="TokenCount"/> entries are valid.</summary>
    public Token[] Tokens { get; set; } = [];

    public int TokenCount { get; set; }

    /// <summary>Sentences in text order, each a token range inside one paragraph.</summary>
    public Sentence[] Sentences { get; set; } = [];

    /// <summary>Entity spans (actors, places, weapons, dates, counts ...) as token ranges, in text order.</summary>
    public List<EntitySpan> Entities { get; } = new();

    /// <summary>The words lexicon matchers run over (hyphenated tokens split into parts); set by the lexicon stage.</summary>
    public MatchWord[] Words { get; set; } = [];

    /// <summary>Places resolved in this document; Place entities point here with their Ref.</summary>
    public List<PlaceInfo> Places { get; } = new();

    /// <summary>ISO2 codes of the story's countries, most likely first; set by the place stage.</summary>
    public List<string> Countries { get; } = new();

    /// <summary>Event mentions found by the event stages, in text order.</summary>
    public List<EventMention> Mentions { get; } = new();

    /// <summary>
    /// For each mention (same index as <see cref="Mentions"/>), the place and date a neighbouring sentence gives it
    /// ("The attack took place near X."); filled by the discourse stage.
    /// </summary>
    public MentionContext[] MentionContexts { get; set; } = [];

    /// <summary>
    /// For each mention (same index as <see cref="Mentions"/>), why the text shows it reports no conflict event, or
    /// <see cref="NonEventReason.None"/>; filled by the event context stage.
    /// </summary>
    public NonEventReason[] MentionNonEvents { get; set; } = [];

    /// <summary>
    /// The sub-event type decided for each mention (parallel to <see cref="Mentions"/>) and its probability, filled by
    /// the event-type stage; empty when no classifier runs (the rules' types stand).
    /// </summary>
    public MentionType[] MentionTypes { get; set; } = [];

    /// <summary>
    /// An event the classifier reads in a short text in which the rules found no trigger word at all (filled by the
    /// event-type stage); the assembler adds it after every mention.
    /// </summary>
    public EventMention? InferredMention { get; set; }

    /// <summary>Normalized word hashes of the tokens (see <see cref="WordKey"/>), filled once by the lexicon stage.</summary>
    public ulong[] TokenHashes { get; set; } = [];

    /// <summary>The normalized word hash of a token: cached when the lexicon stage has run, else computed.</summary>
    public ulong TokenHash(int tokenIndex) =>
        tokenIndex < TokenHashes.Length ? TokenHashes[tokenIndex] : WordKey.Hash(TokenText(tokenIndex));

    /// <summary>The text of a token, as a span (no allocation).</summary>
    public ReadOnlySpan<char> TokenText(int tokenIndex)
    {
        var t = Tokens[tokenIndex];
        return Text.AsSpan(t.Start, t.Length);
    }

    /// <summary>Character range covered by tokens [first, first+count).</summary>
    public (int Start, int End) CharRange(int firstToken, int tokenCount)
    {
        var a = Tokens[firstToken];
        var b = Tokens[firstToken + tokenCount - 1];
        return (a.Start, b.Start + b.Length);
    }

    /// <summary>Cuts the text of a token range into a string (for records and messages only).</summary>
    public string Cut(int firstToken, int tokenCount)
    {
        var (s, e) = CharRange(firstToken, tokenCount);
        return Text[s..e];
    }

    /// <summary>Index of the paragraph containing a character offset, or -1.</summary>
    public int ParagraphAt(int charOffset)
    {
        int lo = 0, hi = Paragraphs.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var p = Paragraphs[mid];
            if (charOffset < p.Start) hi = mid - 1;
            else if (charOffset >= p.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>
    /// Index of the first entity starting at or after a token, by binary search: valid once the entities are sorted
    /// by first token (the mention stage sorts them).
    /// </summary>
    public int FirstEntityAt(int tokenIndex)
    {
        int lo = 0, hi = Entities.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Entities[mid].FirstToken < tokenIndex) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Index of the sentence containing a token, or -1.</summary>
    public int SentenceOfToken(int tokenIndex)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (tokenIndex < s.FirstToken) hi = mid - 1;
            else if (tokenIndex >= s.FirstToken + s.TokenCount) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}

/// <summary>What a token looks like; set by the tokenizer.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>Shape flags of a token, set by the tokenizer, used by features and matchers.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    HasDigit = 4,
    Hyphenated = 8,
    Abbreviation = 16,
    OpeningQuote = 32,
    ClosingQuote = 64,
    /// <summary>Inside quoted speech (between an opening and its closing quote, across sentences).</summary>
    Quoted = 128,
}

/// <summary>One token: a range of the document's text.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    public int End => Start + Length;
}

/// <summary>One sentence: a token range (and its character range) inside one paragraph.</summary>
internal readonly record struct Sentence(int FirstToken, int TokenCount, int Start, int End, int Paragraph);

/// <summary>What a paragraph of the article is; anything but Headline and Body is noise, never evidence.</summary>
internal enum ParagraphKind : byte
{
    Body,
    Headline,
    Subheadline,
    Caption,
    Byline,
    Dateline,
    Promotion,
    Boilerplate,
}

/// <summary>A paragraph: a run of non-empty lines, and its kind.</summary>
internal readonly record struct Paragraph(int Start, int End, ParagraphKind Kind)
{
    /// <summary>True when the paragraph may be used as evidence of an event.</summary>
    public bool IsEvidence => Kind is ParagraphKind.Body or ParagraphKind.Headline or ParagraphKind.Subheadline;
}

/// <summary>Label of an entity span.</summary>
internal enum EntityLabel : byte
{
    Actor,
    Place,
    Site,
    Weapon,
    Date,
    Count,
    Trigger,
    /// <summary>A country named as such (context for places and actors, never an event location by itself).</summary>
    Country,
    /// <summary>A word that changes what a nearby trigger or actor means (threat, denial, blame, "near" ...).</summary>
    Cue,
}

/// <summary>
/// An entity: a token range, its label, and the id of what it refers to in the knowledge that found it
/// (a lexicon entry, a gazetteer entry, a resolved date as a day number ...).
/// </summary>
internal record struct EntitySpan(int FirstToken, int TokenCount, EntityLabel Label, int Ref)
{
    public int EndToken => FirstToken + TokenCount;

    /// <summary>Extra integer payload (e.g. a count's value, a date's precision).</summary>
    public int Value { get; set; }
}

/// <summary>
/// An event mention: the sentence that reports it, its main trigger, the sub-event type it signals, and the
/// entity spans (indexes into <see cref="Document.Entities"/>) chosen for its roles; -1 means no filler.
/// </summary>
internal record struct EventMention(int Sentence, int TriggerEntity, SubEventType Type)
{
    public int Actor1 { get; set; } = -1;
    public int Actor2 { get; set; } = -1;
    public int Place { get; set; } = -1;
    public int Date { get; set; } = -1;
    /// <summary>Deaths the sentence reports for this event, or -1 when it gives no figure.</summary>
    public int Fatalities { get; set; } = -1;
    /// <summary>Injuries the sentence reports, or -1.</summary>
    public int Injuries { get; set; } = -1;
    public float Confidence { get; set; }
    public MentionFlags Flags { get; set; }
}

/// <summary>Who decided a mention's sub-event type.</summary>
internal enum TypeSource : byte
{
    /// <summary>The rules' type stands.</summary>
    Rules,
    /// <summary>The classifier's type (None: the classifier reads no event).</summary>
    Model,
    /// <summary>
    /// The classifier's type for a whole short text it is sure of: a brief or a coder note tells one event, so the event
    /// stands even where the rules found it thinly told (a tactic guessed from "attacked" with a side unnamed).
    /// </summary>
    WholeText,
}

/// <summary>The sub-event type decided for a mention, the probability the classifier gives it, and who decided.</summary>
internal readonly record struct MentionType(SubEventType Type, float Probability, TypeSource Source);

/// <summary>
/// What a mention takes from the sentences around it: a place entity and a date entity (indexes into
/// <see cref="Document.Entities"/>), -1 for none. Used only where the mention has none of its own.
/// </summary>
internal readonly record struct MentionContext(int Place, int Date)
{
    public static readonly MentionContext None = new(-1, -1);
}

/// <summary>Why a mention reports no conflict event, as the event context stage reads the text around it.</summary>
internal enum NonEventReason : byte
{
    /// <summary>Nothing shows it is not an event.</summary>
    None,
    /// <summary>A natural disaster, an epidemic or an accident (an accidental explosion or fire too).</summary>
    Disaster,
    /// <summary>An arrest for ordinary crime (ACLED codes only political or conflict-related arrests).</summary>
    OrdinaryCrime,
    /// <summary>A past event recalled by a trial, verdict, warrant, anniversary or an old date.</summary>
    PastEventRecalled,
    /// <summary>An election, market or sport metaphor ("fought", "hits").</summary>
    Metaphor,
    /// <summary>A military drill or weapons test.</summary>
    DrillOrTest,
    /// <summary>A threat, warning, plan or call, in any tense.</summary>
    Threat,
    /// <summary>A tally over a period ("attacked 51 times so far this year"), not one event.</summary>
    Tally,
}

/// <summary>What else a mention's sentence says.</summary>
[Flags]
internal enum MentionFlags
{
    None = 0,
    /// <summary>The mention is in the headline or standfirst.</summary>
    Headline = 1,
    /// <summary>The victims are civilians (named by a person noun, not an actor phrase).</summary>
    CivilianVictims = 2,
    /// <summary>The perpetrator is unnamed, or only blamed or suspected: Unidentified Armed Group.</summary>
    UnidentifiedAgent = 4,
    /// <summary>A named group claimed the act.</summary>
    Claimed = 8,
    /// <summary>Only refers back to an event told elsewhere ("the attack"): adds facts, starts nothing.</summary>
    Reference = 16,
    /// <summary>The place is only near the event.</summary>
    NearPlace = 32,
    /// <summary>The type was inferred from who hit whom ("attacked", "killed"), not named by a trigger or a weapon.</summary>
    WeakType = 64,
    /// <summary>The toll is the codebook's guess for an unnumbered plural ("soldiers were killed" = 3), not a figure.</summary>
    GuessedToll = 128,
    /// <summary>Told in the perfect ("has pledged", "have attacked"): background unless the sentence dates it.</summary>
    Background = 256,
    /// <summary>Armed men against a checkpoint, a convoy or soldiers named without an actor phrase.</summary>
    ArmedTarget = 512,
    /// <summary>The type is a sub-type the rules decided from a trigger naming it or a codebook special case (see TacticRules.RuleDecidedTypes).</summary>
    RuleDecided = 1024,
}
