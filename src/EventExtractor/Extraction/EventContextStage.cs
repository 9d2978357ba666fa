using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Decides for each event mention whether the text around it shows that it reports no conflict event: a
/// disaster or accident ("an earthquake killed 30"), an arrest for ordinary crime, a past event recalled by a
/// trial, verdict, warrant or anniversary, an election or market metaphor ("a closely fought race"), a drill or
/// weapons test, a threat in any tense. Adds <see cref="Document.MentionNonEvents"/>; the mentions stay as the
/// mention stage made them, and the assembler leaves out those marked. The rules are <see cref="Rules"/>, in order;
/// the words they look for are data (models/nonevent-cues.tsv).
/// </summary>
internal sealed class EventContextStage(ExtractionKnowledge knowledge, NonEventCues cues) : IStage
{
    /// <summary>How many words a threat cue may stand before the deed it threatens ("threatened on Monday to expand attacks").</summary>
    public const int ThreatReach = 6;

    /// <summary>An event dated more than this many days before publication is history the article recalls.</summary>
    public const int PastDays = 365;

    /// <summary>How many words may stand between a violent-sounding verb and the civil word it is said of ("fought presidential election").</summary>
    public const int MetaphorReach = 2;

    public string Name => "event context";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors | Annotations.Weapons | Annotations.Dates | Annotations.Mentions;
    public Annotations Provides => Annotations.EventContext;

    /// <summary>One rule: its name (for tests and explanations), the reason it gives, and when it applies.</summary>
    public sealed record Rule(string Name, NonEventReason Reason, Func<MentionView, bool> Applies);

    /// <summary>The rules, in order; the first that applies gives the reason.</summary>
    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("threat before the deed", NonEventReason.Threat, ThreatBeforeDeed),
        new("drill or weapons test", NonEventReason.DrillOrTest, DrillOrTest),
        new("past event recalled", NonEventReason.PastEventRecalled, PastEventRecalled),
        new("past event dated long before publication", NonEventReason.PastEventRecalled, DatedLongBefore),
        new("undated under a headline that recalls", NonEventReason.PastEventRecalled, UndatedUnderRecallingHeadline),
        new("disaster or accident", NonEventReason.Disaster, DisasterOrAccident),
        new("accidental explosion or fire", NonEventReason.Disaster, AccidentalExplosionOrFire),
        new("tally over a period", NonEventReason.Tally, TallyOverPeriod),
        new("arrest for ordinary crime", NonEventReason.OrdinaryCrime, OrdinaryCrimeArrest),
        new("election, market or sport metaphor", NonEventReason.Metaphor, Metaphor),
        new("trade or business agreement", NonEventReason.Metaphor, CivilAgreement),
    ];

    public void Process(Document doc)
    {
        var reasons = new NonEventReason[doc.Mentions.Count];
        var headline = HeadlineCues(doc);
        var sentence = new List<CueHit>();
        int cuesOf = -1;
        bool headlineRecalls = false;
        for (int i = 0; i < doc.Mentions.Count; i++)
        {
            var m = doc.Mentions[i];
            if (m.Sentence != cuesOf)
            {
                sentence.Clear();
                FindCues(doc, doc.Sentences[m.Sentence], sentence);
                cuesOf = m.Sentence;
            }
            reasons[i] = Judge(new MentionView(doc, knowledge, m, sentence, headline, headlineRecalls));
            // Headline mentions come first: the body is read knowing whether its headline only recalls history.
            if ((m.Flags & MentionFlags.Headline) != 0 && m.Type != SubEventType.None)
                headlineRecalls = reasons[i] == NonEventReason.PastEventRecalled;
        }
        doc.MentionNonEvents = reasons;
    }

    /// <summary>The reason of the first rule that applies, or None.</summary>
    public static NonEventReason Judge(MentionView view) => Decide(view)?.Reason ?? NonEventReason.None;

    /// <summary>The first rule that applies, or null.</summary>
    public static Rule? Decide(MentionView view)
    {
        foreach (var rule in Rules)
            if (rule.Applies(view)) return rule;
        return null;
    }

    /// <summary>
    /// The rule that marks one mention of an analysed document, or null: for explanations and tests (the layer keeps
    /// only the reason).
    /// </summary>
    public Rule? RuleFor(Document doc, int mention)
    {
        var headline = HeadlineCues(doc);
        var sentence = new List<CueHit>();
        var m = doc.Mentions[mention];
        FindCues(doc, doc.Sentences[m.Sentence], sentence);
        bool headlineRecalls = false;
        for (int i = 0; i < mention && i < doc.MentionNonEvents.Length; i++)
            if ((doc.Mentions[i].Flags & MentionFlags.Headline) != 0 && doc.Mentions[i].Type != SubEventType.None)
                headlineRecalls = doc.MentionNonEvents[i] == NonEventReason.PastEventRecalled;
        return Decide(new MentionView(doc, knowledge, m, sentence, headline, headlineRecalls));
    }

    private List<CueHit> HeadlineCues(Document doc)
    {
        var hits = new List<CueHit>();
        foreach (var s in doc.Sentences)
            if (s.Paragraph >= 0 && s.Paragraph < doc.Paragraphs.Length && doc.Paragraphs[s.Paragraph].Kind == ParagraphKind.Headline)
                FindCues(doc, s, hits);
        return hits;
    }

    private void FindCues(Document doc, Sentence s, List<CueHit> hits)
    {
        var words = doc.Words.AsSpan();
        int end = s.FirstToken + s.TokenCount;
        int w = FirstWordAt(words, s.FirstToken), last = w;
        while (last < words.Length && words[last].Token < end) last++;
        while (w < last)
        {
            int n = cues.Match(words, w, last, out var kind);
            if (n == 0) { w++; continue; }
            hits.Add(new CueHit(words[w].Token, words[w + n - 1].Token, kind));
            w += n;
        }
    }

    private static int FirstWordAt(ReadOnlySpan<MatchWord> words, int token)
    {
        int lo = 0, hi = words.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (words[mid].Token < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // --- the rules ---

    /// <summary>"Al Shabaab threatens attacks", "factions threatened on Thursday to expand attacks": the deed is not done.</summary>
    public static bool ThreatBeforeDeed(MentionView v)
    {
        foreach (var c in v.Sentence)
            if (c.Kind == NonEventCue.Threat && c.LastToken < v.TriggerStart
                && v.WordsBetween(c.LastToken, v.TriggerStart) <= ThreatReach && v.SameClause(c.LastToken, v.TriggerStart))
                return true;
        return false;
    }

    /// <summary>"began joint exercises", "test-fired cruise missiles": a drill or test that harms no one.</summary>
    public static bool DrillOrTest(MentionView v) =>
        v.Has(v.Sentence, NonEventCue.Drill) && v.Mention.Fatalities <= 0 && v.Mention.Injuries <= 0
        && (v.Mention.Flags & MentionFlags.CivilianVictims) == 0;

    /// <summary>
    /// "sentenced two men over the 2019 bombing", "mark the anniversary of the massacre", "the bombing trial": the trigger
    /// stands in the clause a recall word governs, or right after it names the trial or the anniversary. An attack told
    /// before the recall word ("gunmen attacked a village on the anniversary of ...") is reported, not recalled.
    /// </summary>
    public static bool PastEventRecalled(MentionView v)
    {
        foreach (var c in v.Sentence)
        {
            if (c.Kind != NonEventCue.Recall) continue;
            if (c.FirstToken > v.TriggerEnd && v.WordsBetween(v.TriggerEnd, c.FirstToken) == 0) return true;
            // "Gunmen attacked a village on Sunday, the anniversary of a massacre": a deed told before the recall word
            // is the sentence's news, whichever trigger the mention names.
            if (v.TriggerBefore(c.FirstToken)) continue;
            if (c.LastToken < v.TriggerStart && v.SameClause(c.LastToken, v.TriggerStart)) return true;
        }
        return false;
    }

    /// <summary>A mention whose own date lies more than a year before the publication date tells history, not news.</summary>
    public static bool DatedLongBefore(MentionView v)
    {
        if (v.Mention.Date < 0 || v.Doc.Article.Published is not { } published) return false;
        var date = v.Doc.Entities[v.Mention.Date];
        if (date.Ref == DateStage.Unresolved || published.DayNumber - date.Ref <= PastDays) return false;
        // "On the anniversary of the protests of November 2019, thousands marched": the old date is the recalled
        // event's, not this mention's.
        foreach (var c in v.Sentence)
            if (c.Kind == NonEventCue.Recall && c.LastToken < date.FirstToken && v.SameClause(c.LastToken, date.FirstToken)) return false;
        return true;
    }

    /// <summary>
    /// Under "Court sentences men over Kampala bombings", a later "The twin blasts killed seven" with no date of its own
    /// tells the recalled event again, not a new one.
    /// </summary>
    public static bool UndatedUnderRecallingHeadline(MentionView v) =>
        v.HeadlineRecalls && v.Mention.Date < 0 && (v.Mention.Flags & MentionFlags.Headline) == 0;

    /// <summary>
    /// "An earthquake destroyed houses, killing 30": a disaster named in the sentence, no weapon, and only a tactic the
    /// rules guess from killing or destruction. A landslide set off by shelling keeps its shelling (a named tactic).
    /// </summary>
    public static bool DisasterOrAccident(MentionView v) =>
        v.Has(v.Sentence, NonEventCue.Disaster) && !v.SentenceHasWeapon
        && v.Mention.Type is SubEventType.None or SubEventType.Attack or SubEventType.ArmedClash or SubEventType.LootingPropertyDestruction;

    /// <summary>
    /// "A gas cylinder exploded in a restaurant, killing six": an accidental blast or fire, with no perpetrator and no
    /// weapon named. "Gunmen set fire to a fuel tanker" keeps its perpetrator and stays an event.
    /// </summary>
    public static bool AccidentalExplosionOrFire(MentionView v) =>
        v.Has(v.Sentence, NonEventCue.Accident) && !v.SentenceHasWeapon && v.Mention.Actor1 < 0
        && (v.Mention.Type is SubEventType.None or SubEventType.Attack or SubEventType.LootingPropertyDestruction
            || AcledTaxonomy.EventTypeOf(v.Mention.Type) == EventType.ExplosionsRemoteViolence);

    /// <summary>
    /// "The pipeline has been attacked 51 times so far this year", "air strikes caused 37 per cent of casualties": a
    /// tally over a period, unless the sentence dates the mention to a day ("killed five on Monday, bringing the total
    /// so far this year to 80").
    /// </summary>
    public static bool TallyOverPeriod(MentionView v) =>
        v.Has(v.Sentence, NonEventCue.Aggregate)
        && (v.Mention.Date < 0 || v.Doc.Entities[v.Mention.Date].Value != (int)DatePrecision.Day);

    /// <summary>
    /// "arrested a bank clerk for embezzlement", "three workers detained" under "Cocaine haul seized": an arrest for
    /// ordinary crime, with nothing that makes it political (an armed group, protesters, journalists, terrorism charges).
    /// </summary>
    public static bool OrdinaryCrimeArrest(MentionView v)
    {
        if (v.Mention.Type != SubEventType.Arrests) return false;
        if (!v.Has(v.Sentence, NonEventCue.Crime) && !v.Has(v.Headline, NonEventCue.Crime)) return false;
        if (v.Has(v.Sentence, NonEventCue.Political) || v.Has(v.Headline, NonEventCue.Political)) return false;
        return !v.ArrestsArmedOrPolitical;
    }

    /// <summary>
    /// "Two provinces signed an agreement to open a border market and boost trade": ACLED's agreements are between
    /// conflict parties (ceasefires, peace deals, prisoner exchanges), never trade or business deals.
    /// </summary>
    public static bool CivilAgreement(MentionView v)
    {
        if (v.Mention.Type != SubEventType.Agreement) return false;
        if (!v.Has(v.Sentence, NonEventCue.Metaphor) && !v.Has(v.Headline, NonEventCue.Metaphor)) return false;
        if (v.Has(v.Sentence, NonEventCue.Political) || v.Has(v.Headline, NonEventCue.Political)) return false;
        return !v.ArmedActorInSentence;
    }

    /// <summary>
    /// "a closely fought election", "tourism hits record": a violent-sounding verb next to a civil word, with no
    /// victim, weapon or casualty. "Rebels hit army positions in an election-day raid" keeps its raid: the civil word is
    /// not the verb's.
    /// </summary>
    public static bool Metaphor(MentionView v)
    {
        var m = v.Mention;
        if (v.SentenceHasWeapon || m.Actor2 >= 0 || m.Fatalities > 0 || m.Injuries > 0 || v.ArmedAgent
            || (m.Flags & (MentionFlags.CivilianVictims | MentionFlags.ArmedTarget)) != 0
            || AcledTaxonomy.EventTypeOf(m.Type) is not (EventType.Battles or EventType.ExplosionsRemoteViolence)) return false;
        foreach (var c in v.Sentence)
            if (c.Kind == NonEventCue.Metaphor
                && (c.FirstToken > v.TriggerEnd ? v.WordsBetween(v.TriggerEnd, c.FirstToken) : c.LastToken < v.TriggerStart ? v.WordsBetween(c.LastToken, v.TriggerStart) : 0) <= MetaphorReach)
                return true;
        return false;
    }
}

/// <summary>A non-event cue found in a sentence: its tokens and kind.</summary>
internal readonly record struct CueHit(int FirstToken, int LastToken, NonEventCue Kind);

/// <summary>What a rule sees of one mention: the mention, the cues of its sentence and of the headline, and the document.</summary>
internal readonly struct MentionView(Document doc, ExtractionKnowledge knowledge, EventMention mention, List<CueHit> sentence, List<CueHit> headline, bool headlineRecalls = false)
{
    /// <summary>The headline's event is a past one recalled (a trial, an anniversary).</summary>
    public bool HeadlineRecalls => headlineRecalls;

    public Document Doc => doc;
    public EventMention Mention => mention;
    public List<CueHit> Sentence => sentence;
    public List<CueHit> Headline => headline;

    public int TriggerStart => mention.TriggerEntity >= 0 ? doc.Entities[mention.TriggerEntity].FirstToken : doc.Sentences[mention.Sentence].FirstToken;
    public int TriggerEnd => mention.TriggerEntity >= 0 ? doc.Entities[mention.TriggerEntity].EndToken - 1 : TriggerStart;

    public bool Has(List<CueHit> hits, NonEventCue kind)
    {
        foreach (var h in hits) if (h.Kind == kind) return true;
        return false;
    }

    /// <summary>Word tokens strictly between two tokens.</summary>
    public int WordsBetween(int from, int to)
    {
        int n = 0;
        for (int t = from + 1; t < to; t++) if (doc.Tokens[t].Kind != TokenKind.Punctuation) n++;
        return n;
    }

    /// <summary>
    /// No clause starts between the two tokens: no clause word ("after", "while") and no comma, semicolon, colon or
    /// dash, unless a relative word follows it ("..., in which 40 were killed").
    /// </summary>
    public bool SameClause(int from, int to)
    {
        foreach (var c in sentence)
            if (c.Kind == NonEventCue.Clause && c.FirstToken > from && c.FirstToken < to) return false;
        for (int t = from + 1; t < to; t++)
        {
            if (doc.Tokens[t].Kind != TokenKind.Punctuation) continue;
            var p = doc.TokenText(t);
            if (p is not ("," or ";" or ":" or "—" or "–" or "(" or ")")) continue;
            bool relative = false;
            foreach (var c in sentence)
                if (c.Kind == NonEventCue.Relative && c.FirstToken == t + 1) relative = true;
            if (!relative) return false;
        }
        return true;
    }

    /// <summary>
    /// A trigger of the mention's sentence stands before the token, apart from it: one right before it is what the
    /// token names ("arrest warrant", "bombing anniversary"), not a deed of its own.
    /// </summary>
    public bool TriggerBefore(int token)
    {
        var s = doc.Sentences[mention.Sentence];
        for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < token; i++)
            if (doc.Entities[i].Label == EntityLabel.Trigger && WordsBetween(doc.Entities[i].EndToken - 1, token) > 0) return true;
        return false;
    }

    public bool SentenceHasWeapon
    {
        get
        {
            var s = doc.Sentences[mention.Sentence];
            for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < s.FirstToken + s.TokenCount; i++)
                if (doc.Entities[i].Label == EntityLabel.Weapon) return true;
            return false;
        }
    }

    /// <summary>The mention's agent is a non-state armed group or gunmen (inter 2-4): "Gunmen attacked a tax office" is no metaphor.</summary>
    public bool ArmedAgent =>
        mention.Actor1 >= 0 && doc.Entities[mention.Actor1].Label == EntityLabel.Actor
        && knowledge.Actors[doc.Entities[mention.Actor1].Ref].Inter is >= InterCode.RebelGroup and <= InterCode.IdentityMilitia;

    /// <summary>The sentence names a non-state armed group, militia, rioters or protesters (inter 2-6).</summary>
    public bool ArmedActorInSentence
    {
        get
        {
            var s = doc.Sentences[mention.Sentence];
            for (int i = doc.FirstEntityAt(s.FirstToken); i < doc.Entities.Count && doc.Entities[i].FirstToken < s.FirstToken + s.TokenCount; i++)
                if (doc.Entities[i].Label == EntityLabel.Actor && knowledge.Actors[doc.Entities[i].Ref].Inter is >= InterCode.RebelGroup and <= InterCode.Protesters) return true;
            return false;
        }
    }

    /// <summary>Those arrested are an armed group, militia, rioters or protesters (inter 2-6), as ACLED codes arrests.</summary>
    public bool ArrestsArmedOrPolitical =>
        mention.Actor2 >= 0 && doc.Entities[mention.Actor2].Label == EntityLabel.Actor
        && knowledge.Actors[doc.Entities[mention.Actor2].Ref].Inter is >= InterCode.RebelGroup and <= InterCode.Protesters;
}
