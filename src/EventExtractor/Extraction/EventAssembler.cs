using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Groups a document's mentions into events: one event per actors + place + day. A mention without its own
/// date or place continues the event before it when their tactics agree; a new date or a distant place starts
/// a new event; the headline's mention joins the first matching event of the body. Events the text does not
/// anchor (no date, no place, not in the lede) are background references and are dropped.
/// </summary>
internal sealed class EventAssembler(ExtractionKnowledge knowledge, IPlaceLookup gazetteer, PlaceOptions? options = null)
{
    /// <summary>Tag of a record placed in its country only.</summary>
    public const string CountryOnlyTag = "location: country only (no place named or resolved)";

    /// <summary>Tag of a record with no place at all.</summary>
    public const string UnresolvedTag = "location unresolved";

    private readonly bool _requireLocation = options?.RequireLocation ?? false;

    /// <summary>Paragraphs (after the headline) that count as the lede, where the main event is told.</summary>
    private const int LedeParagraphs = 3;

    /// <summary>Places farther apart than this are different events.</summary>
    private const double SamePlaceKm = 25;

    public List<ExtractedEvent> Assemble(Document doc)
    {
        ApplyDecidedTypes(doc);
        var mentions = WithInferredMention(doc, WithContext(doc));
        var events = new List<ExtractedEvent>();
        var headline = new List<int>();
        int headlineEvent = FirstTypedHeadline(doc, mentions);
        for (int i = 0; i < mentions.Length; i++)
        {
            if (NonEvent(doc, i)) continue;
            var m = mentions[i];
            if ((m.Flags & MentionFlags.Headline) != 0) { headline.Add(i); continue; }
            bool weak = (m.Flags & MentionFlags.WeakType) != 0;
            // "have for years raided villages": background told in the perfect, with no date, is no event.
            if ((m.Flags & MentionFlags.Background) != 0 && m.Date < 0) continue;
            // "Gunmen storm police post" over a body whose sentences each lack something: the body completes the
            // headline's event rather than being lost for want of an event to join.
            if (events.Count == 0 && headlineEvent >= 0 && !Starts(doc, m) && HeadlineTakes(mentions[headlineEvent], m))
            {
                events.Add(Start(doc, mentions, headlineEvent));
                headlineEvent = -1;
                if ((m.Flags & MentionFlags.Reference) == 0) { Merge(doc, mentions, events[^1], i); continue; }
            }
            if ((m.Flags & MentionFlags.Reference) != 0 || (weak && m.Date < 0 && m.Place < 0))
            {
                // "The attack killed three": the toll joins the event told before; its actors say nothing new,
                // unless a group claims it ("Al Shabaab claimed the attack").
                if (events.Count > 0 && (m.Fatalities >= 0 || m.Injuries >= 0)) AddToll(events[^1], m);
                if (events.Count > 0 && (m.Flags & MentionFlags.Claimed) != 0 && m.Actor1 >= 0)
                {
                    events[^1].Actor1 = m.Actor1;
                    events[^1].Flags |= MentionFlags.Claimed;
                }
                continue;
            }
            var target = FindCompatible(doc, events, m);
            if (target != null) Merge(doc, mentions, target, i);
            else if (Starts(doc, m)) events.Add(Start(doc, mentions, i));
        }

        // The headline tells the main event again: it joins the first body event of the same kind.
        foreach (var h in headline)
        {
            if (HasMention(events, h)) continue; // already the body's event
            var m = mentions[h];
            if (m.Type == SubEventType.None)
            {
                if (events.Count > 0) AddToll(events[0], m); // a toll in the headline: the main event's
                continue;
            }
            // The headline tells the lede's event in fewer words ("near Mogadishu" for "near Afgooye, west of Mogadishu").
            var target = HeadlineTarget(doc, events, mentions, m);
            if (target != null)
            {
                // The headline confirms the lede's event; its wording ("the anniversary of a US air strike") does not
                // retype it, and its toll counts only when it names the same tactic.
                var type = target.Type;
                var weak = target.WeakType;
                if (m.Type != type) doc.Mentions[h] = mentions[h] = m with { Fatalities = -1, Injuries = -1 };
                Merge(doc, mentions, target, h, addAnchor: false);
                if (!weak) target.Type = type;
            }
            else events.Insert(0, Start(doc, mentions, h));
        }
        events.Sort((a, b) => a.Mentions.Min().CompareTo(b.Mentions.Min()));

        var main = events.FirstOrDefault();
        var defaultDay = DefaultDate(doc, out var defaultPrecision);
        var defaultPlace = DefaultPlace(doc);
        var kept = new List<ExtractedEvent>();
        foreach (var e in events)
        {
            bool inLede = AnyInLede(doc, mentions, e);
            if (!e.Anchored && !inLede) continue; // a background reference with nothing of its own
            // Past the lede, an event needs a date of its own: an undated one is background history.
            if (!inLede && e.DateEntity < 0) continue;
            if (e.DatePrecision == DatePrecision.Year) continue; // ACLED records nothing vaguer than a month
            if (e.DateEntity < 0)
            {
                e.Day = defaultDay;
                e.DatePrecision = defaultPrecision;
                e.Tags.Add(defaultDay == DateStage.Unresolved ? "date unresolved: no date in the text and no publication date" : "date taken from the article's main date");
            }
            else if (e.Day == DateStage.Unresolved)
                e.Tags.Add("relative date unresolved: no publication date");
            if (e.Place == null && defaultPlace is { } dp)
            {
                e.Place = doc.Places[doc.Entities[dp].Ref];
                e.PlaceEntity = dp;
                e.NearPlace = ((PlaceFlags)doc.Entities[dp].Value & PlaceFlags.Near) != 0;
                e.Tags.Add("location taken from the article's main place");
                // The confidence is the probability of the sub-event type (see eval's reliability table), not of the place.
                if ((doc.Done & Pipeline.Annotations.EventTypes) == 0) e.Confidence *= 0.8f;
            }
            // A reported event is never dropped for want of a place: it falls back to the story's country, else it is
            // written without one. --require-location keeps ACLED's rule (nothing it cannot place in a country).
            if (e.Place == null)
            {
                if (_requireLocation) continue;
                if (doc.Countries.Count > 0)
                {
                    e.Place = PlaceInfo.CountryOnly(doc.Countries[0]);
                    e.Tags.Add(CountryOnlyTag);
                }
                else e.Tags.Add(UnresolvedTag);
                e.Confidence *= 0.8f;
            }
            kept.Add(e);
        }
        return Deduplicate(doc, kept);
    }

    /// <summary>Whether an event holds the mention <paramref name="mention"/>.</summary>
    private static bool HasMention(List<ExtractedEvent> events, int mention)
    {
        foreach (var e in events)
            if (e.Mentions.Contains(mention)) return true;
        return false;
    }

    /// <summary>The body event a headline mention tells again, or null (the first event of the first test that finds one).</summary>
    private ExtractedEvent? HeadlineTarget(Document doc, List<ExtractedEvent> events, EventMention[] mentions, EventMention m)
    {
        foreach (var e in events)
            if (Compatible(doc, e, m, strictType: false)) return e;
        foreach (var e in events)
            if (TypesAgree(e.Type, m.Type, strict: false) && SameCountry(doc, e, m)) return e;
        // "Supporters clash with police in X" over a lede that tells the riot in X: the headline's
        // word for the violence is vaguer than the body's, and the event is the lede's.
        foreach (var e in events)
            if (IsViolence(e.Type) && IsViolence(m.Type) && SamePlace(doc, e, m) && AnyInLede(doc, mentions, e)) return e;
        return null;
    }

    /// <summary>Whether one of the event's mentions is told in the lede.</summary>
    private static bool AnyInLede(Document doc, EventMention[] mentions, ExtractedEvent e)
    {
        foreach (var i in e.Mentions)
            if (InLede(doc, mentions[i])) return true;
        return false;
    }

    /// <summary>
    /// The event-type stage's decisions (when a classifier ran) become the mentions' types, and a mention's confidence
    /// is the probability of its type.
    /// </summary>
    private static void ApplyDecidedTypes(Document doc)
    {
        if ((doc.Done & Pipeline.Annotations.EventTypes) == 0) return;
        for (int i = 0; i < doc.Mentions.Count && i < doc.MentionTypes.Length; i++)
        {
            var m = doc.Mentions[i];
            var d = doc.MentionTypes[i];
            // The type is the model's, but a mention the rules only guessed is still as thinly told as it was
            // (no named tactic): it starts an event only when fully told, as before.
            doc.Mentions[i] = d.Type == SubEventType.None && d.Source == TypeSource.Model
                // The classifier reads no event here: the mention starts nothing and brings no toll.
                ? m with { Type = SubEventType.None, Confidence = d.Probability, Fatalities = -1, Injuries = -1, Flags = m.Flags | MentionFlags.Reference }
                : d.Source == TypeSource.WholeText
                    // A short text's event as the classifier read the whole of it: no longer only guessed.
                    ? m with { Type = d.Type, Confidence = d.Probability, Flags = m.Flags & ~MentionFlags.WeakType }
                    : m with { Type = d.Type, Confidence = d.Probability };
        }
    }

    /// <summary>
    /// The event the classifier read in a text without trigger words, last in the mention layer and in the
    /// assembler's copy.
    /// </summary>
    private static EventMention[] WithInferredMention(Document doc, EventMention[] mentions)
    {
        if (doc.InferredMention is not { } inferred) return mentions;
        // Appended, so that every layer indexed like the mention stage's mentions (contexts, non-event reasons, decided
        // types) stays aligned; a text without trigger words has no mention before it that it could need to follow.
        doc.Mentions.Add(inferred);
        doc.InferredMention = null; // added once, should the document be assembled again
        return [.. mentions, inferred];
    }

    /// <summary>A tactic guessed from "attacked"/"killed" starts an event only when fully told; a named one always.</summary>
    private static bool Starts(Document doc, EventMention m)
    {
        if ((m.Flags & MentionFlags.Reference) != 0) return false;
        if ((m.Flags & MentionFlags.WeakType) == 0) return true;
        // A tactic guessed from "attacked"/"killed" starts an event only when told with its date, both sides and
        // its place; in a text that names no place the gazetteer knows, without it (the record then falls back).
        return m.Date >= 0 && (m.Place >= 0 || doc.Places.Count == 0) && m.Actor1 >= 0
               && (m.Actor2 >= 0 || (m.Flags & (MentionFlags.CivilianVictims | MentionFlags.ArmedTarget)) != 0);
    }

    /// <summary>The first headline mention that names a tactic, or -1.</summary>
    private static int FirstTypedHeadline(Document doc, EventMention[] mentions)
    {
        for (int i = 0; i < mentions.Length; i++)
            if ((mentions[i].Flags & MentionFlags.Headline) != 0 && mentions[i].Type != SubEventType.None && !NonEvent(doc, i)) return i;
        return -1;
    }

    /// <summary>The text shows the mention reports no conflict event (see <see cref="EventContextStage"/>).</summary>
    private static bool NonEvent(Document doc, int mention) =>
        (doc.Done & Pipeline.Annotations.EventContext) != 0 && mention < doc.MentionNonEvents.Length && doc.MentionNonEvents[mention] != NonEventReason.None;

    /// <summary>A body mention completes the headline's event when it tells the same kind of event, or only a toll.</summary>
    private static bool HeadlineTakes(EventMention headline, EventMention body) =>
        body.Type == SubEventType.None
            // A toll is a violent event's: "bodies found" under "suspect arrested" is not the arrest's toll.
            ? AcledTaxonomy.EventTypeOf(headline.Type) != EventType.StrategicDevelopments
            : (body.Flags & MentionFlags.WeakType) != 0 || (headline.Flags & MentionFlags.WeakType) != 0 || TypesAgree(headline.Type, body.Type, strict: false);

    /// <summary>
    /// The mentions as the assembler reads them: each with the place and date its neighbouring sentences give it
    /// (see <see cref="DiscourseStage"/>) where it has none of its own. A copy: the mention layer stays as made.
    /// </summary>
    private static EventMention[] WithContext(Document doc)
    {
        var mentions = doc.Mentions.ToArray();
        if ((doc.Done & Pipeline.Annotations.Discourse) == 0) return mentions;
        for (int i = 0; i < mentions.Length; i++)
        {
            var c = doc.MentionContexts[i];
            var m = mentions[i];
            if (m.Place < 0 && c.Place >= 0)
            {
                m.Place = c.Place;
                if (((PlaceFlags)doc.Entities[c.Place].Value & PlaceFlags.Near) != 0) m.Flags |= MentionFlags.NearPlace;
            }
            if (m.Date < 0 && c.Date >= 0) m.Date = c.Date;
            mentions[i] = m;
        }
        return mentions;
    }

    /// <summary>Conflicting reports of one event: the lowest figure (codebook); a guessed toll never replaces a figure.</summary>
    private static void AddToll(ExtractedEvent e, EventMention m)
    {
        bool guessed = (m.Flags & MentionFlags.GuessedToll) != 0;
        if (m.Fatalities >= 0)
        {
            if (e.Fatalities < 0 || (e.TollGuessed && !guessed)) e.Fatalities = m.Fatalities;
            else if (!guessed) e.Fatalities = Math.Min(e.Fatalities, m.Fatalities);
            if (!guessed) e.TollGuessed = false;
            else if (e.Fatalities == m.Fatalities) e.TollGuessed = true;
        }
        if (m.Injuries >= 0) e.Injuries = e.Injuries < 0 ? m.Injuries : Math.Min(e.Injuries, m.Injuries);
    }

    /// <summary>Sub-event types whose triggers ("merged", "new base", "withdrew") are too loose to stand without a date.</summary>
    private static bool LowPrecision(SubEventType t) => t is SubEventType.ChangeToGroupActivity or SubEventType.HeadquartersOrBaseEstablished
        or SubEventType.Agreement or SubEventType.Other or SubEventType.NonViolentTransferOfTerritory;

    private ExtractedEvent Start(Document doc, EventMention[] mentions, int mentionIndex)
    {
        var e = new ExtractedEvent();
        Merge(doc, mentions, e, mentionIndex);
        return e;
    }

    private static bool InLede(Document doc, EventMention m)
    {
        var s = doc.Sentences[m.Sentence];
        int p = s.Paragraph >= 0 ? s.Paragraph : doc.ParagraphAt(s.Start);
        if (p < 0) return true;
        int bodyIndex = 0;
        for (int i = 0; i < p && i < doc.Paragraphs.Length; i++)
            if (doc.Paragraphs[i].Kind == ParagraphKind.Body) bodyIndex++;
        return doc.Paragraphs[p].Kind != ParagraphKind.Body || bodyIndex < LedeParagraphs;
    }

    private ExtractedEvent? FindCompatible(Document doc, List<ExtractedEvent> events, EventMention m)
    {
        // The latest events first: a story tells one event, then the next; it rarely returns far back.
        for (int k = events.Count - 1; k >= Math.Max(0, events.Count - 3); k--)
            if (Compatible(doc, events[k], m, strictType: true)) return events[k];
        return null;
    }

    private bool Compatible(Document doc, ExtractedEvent e, EventMention m, bool strictType)
    {
        // Arrests of demonstrators are the authorities' intervention in the protest or riot of that day and place.
        if (m.Type == SubEventType.Arrests && IsDemonstration(e.Type))
            return SameDayAndPlace(doc, e, m);
        // A tactic inferred only from "attacked"/"killed" defers to the event told with its weapon.
        bool weak = (m.Flags & MentionFlags.WeakType) != 0;
        if (!weak && !e.WeakType && !TypesAgree(e.Type, m.Type, strictType)) return false;
        // A dated tactic does not join an undated event of another tactic ("another pair of rockets landed on March 26").
        if (e.Type != m.Type && !weak && m.Date >= 0 && e.DateEntity < 0) return false;
        // Different tactics are one event only when told together, not paragraphs apart.
        // A demonstration is one event per place and day, however far apart its parts are told, unless a sentence
        // gives another place or day ("Police dispersed them" paragraphs later is still that protest's intervention).
        bool sameDemonstration = IsDemonstration(e.Type) && IsDemonstration(m.Type) && m.Date < 0 && m.Place < 0;
        if (e.Type != m.Type && !weak && strictType && !sameDemonstration && m.Sentence - doc.Mentions[e.Mentions[^1]].Sentence > 2) return false;
        if (m.Date >= 0 && e.DateEntity >= 0)
        {
            var a = doc.Entities[m.Date];
            var b = doc.Entities[e.DateEntity];
            if (a.Ref != b.Ref || a.Value != b.Value) return false;
        }
        else if (m.Date >= 0 && e.DateEntity < 0 && e.Anchored && e.Place != null)
        {
            // A dated mention after an undated but placed event: the same event only if the place agrees.
            if (m.Place < 0) return false;
        }
        if (m.Place >= 0 && e.Place is { } ep)
        {
            var mp = doc.Places[doc.Entities[m.Place].Ref];
            if (mp.Iso2 != ep.Iso2) return false;
            if (!mp.IsRegion && !ep.IsRegion && gazetteer.DistanceKm(mp, ep) > SamePlaceKm) return false;
        }
        if (m.Actor1 >= 0 && e.Actor1 >= 0)
        {
            var a = knowledge.Actors[doc.Entities[m.Actor1].Ref];
            var b = knowledge.Actors[doc.Entities[e.Actor1].Ref];
            if (a.Kind != ActorKind.Generic && b.Kind != ActorKind.Generic && a != b && (m.Date >= 0 || m.Place >= 0)) return false;
        }
        return true;
    }

    private bool SameDayAndPlace(Document doc, ExtractedEvent e, EventMention m)
    {
        if (m.Date >= 0 && e.DateEntity >= 0 && doc.Entities[m.Date].Ref != doc.Entities[e.DateEntity].Ref) return false;
        if (m.Place >= 0 && e.Place is { } ep && gazetteer.DistanceKm(doc.Places[doc.Entities[m.Place].Ref], ep) > SamePlaceKm) return false;
        return true;
    }

    private static bool IsDemonstration(SubEventType t) => AcledTaxonomy.EventTypeOf(t) is EventType.Protests or EventType.Riots;

    /// <summary>Political violence and demonstrations: everything but strategic developments.</summary>
    private static bool IsViolence(SubEventType t) =>
        t != SubEventType.None && AcledTaxonomy.EventTypeOf(t) != EventType.StrategicDevelopments;

    /// <summary>The mention names the event's place (within the same-place distance), or no place at all.</summary>
    private bool SamePlace(Document doc, ExtractedEvent e, EventMention m) =>
        m.Place < 0 || e.Place is not { } ep || gazetteer.DistanceKm(doc.Places[doc.Entities[m.Place].Ref], ep) <= SamePlaceKm;

    private static bool SameCountry(Document doc, ExtractedEvent e, EventMention m) =>
        m.Place < 0 || e.Place is not { } ep || doc.Places[doc.Entities[m.Place].Ref].Iso2 == ep.Iso2;

    private static bool TypesAgree(SubEventType a, SubEventType b, bool strict)
    {
        if (a == b) return true;
        var ea = AcledTaxonomy.EventTypeOf(a);
        var eb = AcledTaxonomy.EventTypeOf(b);
        // An intercepted rocket told in two sentences: "rockets landed near the airport ... were intercepted".
        if ((a == SubEventType.DisruptedWeaponsUse && eb == EventType.ExplosionsRemoteViolence) ||
            (b == SubEventType.DisruptedWeaponsUse && ea == EventType.ExplosionsRemoteViolence)) return true;
        // Protests and riots at one place and day are one event at the higher type.
        if (ea is EventType.Protests or EventType.Riots && eb is EventType.Protests or EventType.Riots) return true;
        // Several tactics of one event type (air strikes with shelling, killings with abductions) are one event.
        if (ea == eb && ea != EventType.StrategicDevelopments) return true;
        // Remote violence inside a battle is the battle.
        if ((ea == EventType.Battles && eb == EventType.ExplosionsRemoteViolence) || (eb == EventType.Battles && ea == EventType.ExplosionsRemoteViolence)) return !strict;
        if (!strict && ea == eb) return true;
        return false;
    }

    private void Merge(Document doc, EventMention[] mentions, ExtractedEvent e, int mentionIndex, bool addAnchor = true)
    {
        var m = mentions[mentionIndex];
        e.Mentions.Add(mentionIndex);
        bool weak = (m.Flags & MentionFlags.WeakType) != 0;
        // An arrest at a protest is its intervention: a peaceful protest becomes a protest with intervention.
        if (m.Type == SubEventType.Arrests && IsDemonstration(e.Type))
        {
            if (e.Type == SubEventType.PeacefulProtest) e.Type = SubEventType.ProtestWithIntervention;
            return;
        }
        // A weak guess yields to a named tactic, but a strategic development never overrides violence.
        if (e.Type == SubEventType.None || (e.WeakType && !weak && AcledTaxonomy.EventTypeOf(m.Type) != EventType.StrategicDevelopments)) e.Type = m.Type;
        else if (!weak) e.Type = CombineTypes(e.Type, m.Type);
        if (!weak) e.WeakType = false;
        if (m.Date >= 0 && e.DateEntity < 0)
        {
            var d = doc.Entities[m.Date];
            e.DateEntity = m.Date;
            e.Day = d.Ref;
            e.DatePrecision = (DatePrecision)d.Value;
            if (addAnchor) e.Anchored = true;
        }
        // Background in the perfect, and strategic developments, count as told only when the text dates them.
        bool needsDate = (m.Flags & MentionFlags.Background) != 0 || LowPrecision(m.Type);
        if (needsDate && m.Date < 0) addAnchor = false;
        if (m.Place >= 0)
        {
            var p = doc.Places[doc.Entities[m.Place].Ref];
            bool better = e.Place == null
                || (e.Place.Value.IsRegion && p.Level < e.Place.Value.Level && p.Iso2 == e.Place.Value.Iso2)
                || (e.Place.Value.IsRegion && !p.IsRegion)
                || (((PlaceFlags)doc.Entities[m.Place].Value & PlaceFlags.Site) != 0 && e.PlaceEntity >= 0 && ((PlaceFlags)doc.Entities[e.PlaceEntity].Value & PlaceFlags.Site) == 0 && gazetteer.DistanceKm(p, e.Place.Value) <= SamePlaceKm);
            if (better)
            {
                e.Place = p;
                e.PlaceEntity = m.Place;
                e.NearPlace = (m.Flags & MentionFlags.NearPlace) != 0;
            }
            if (addAnchor) e.Anchored = true;
        }
        e.Actor1 = BetterActor(doc, e.Actor1, m.Actor1);
        e.Actor2 = BetterActor(doc, e.Actor2, m.Actor2);
        e.Flags |= m.Flags & (MentionFlags.CivilianVictims | MentionFlags.UnidentifiedAgent | MentionFlags.Claimed);
        AddToll(e, m);
        e.Confidence = Math.Max(e.Confidence, m.Confidence);
    }

    private static SubEventType CombineTypes(SubEventType a, SubEventType b)
    {
        // Demonstrators who turn violent make a riot, whatever the police then did.
        if (AcledTaxonomy.EventTypeOf(a) == EventType.Riots && AcledTaxonomy.EventTypeOf(b) == EventType.Protests) return a;
        if (AcledTaxonomy.EventTypeOf(b) == EventType.Riots && AcledTaxonomy.EventTypeOf(a) == EventType.Protests) return b;
        if (a == SubEventType.DisruptedWeaponsUse || b == SubEventType.DisruptedWeaponsUse)
        {
            var other = a == SubEventType.DisruptedWeaponsUse ? b : a;
            if (AcledTaxonomy.EventTypeOf(other) == EventType.ExplosionsRemoteViolence || other == SubEventType.DisruptedWeaponsUse)
                return SubEventType.DisruptedWeaponsUse;
        }
        if (AcledTaxonomy.EventTypeOf(a) == EventType.Battles && AcledTaxonomy.EventTypeOf(b) == EventType.ExplosionsRemoteViolence) return a;
        if (AcledTaxonomy.EventTypeOf(b) == EventType.Battles && AcledTaxonomy.EventTypeOf(a) == EventType.ExplosionsRemoteViolence) return b;
        return AcledTaxonomy.Precedence(a) <= AcledTaxonomy.Precedence(b) ? a : b;
    }

    /// <summary>A named actor beats a generic one; the first named one stays.</summary>
    private int BetterActor(Document doc, int current, int candidate)
    {
        if (candidate < 0) return current;
        if (current < 0) return candidate;
        var c = knowledge.Actors[doc.Entities[current].Ref];
        var n = knowledge.Actors[doc.Entities[candidate].Ref];
        return c.Kind == ActorKind.Generic && n.Kind != ActorKind.Generic ? candidate : current;
    }

    /// <summary>The article's main date: the first day-precise date in the lede, else the publication date.</summary>
    private int DefaultDate(Document doc, out DatePrecision precision)
    {
        precision = DatePrecision.Day;
        foreach (var e in doc.Entities)
        {
            if (e.Label != EntityLabel.Date || (DatePrecision)e.Value != DatePrecision.Day || e.Ref == DateStage.Unresolved) continue;
            int s = doc.SentenceOfToken(e.FirstToken);
            if (s < 0) continue;
            var p = doc.ParagraphAt(doc.Sentences[s].Start);
            if (p >= 0 && !doc.Paragraphs[p].IsEvidence) continue;
            if (!InLede(doc, new EventMention(s, -1, SubEventType.None))) break;
            return e.Ref;
        }
        return doc.Article.Published is { } pub ? pub.DayNumber : DateStage.Unresolved;
    }

    /// <summary>The article's main place: the first town with a locative cue in the headline or lede, else the most named town.</summary>
    private static int? DefaultPlace(Document doc)
    {
        int? first = null, datelinePlace = null;
        var counts = t_placeCounts ??= new Dictionary<string, (int Count, int Entity)>();
        counts.Clear();
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Label != EntityLabel.Place) continue;
            var flags = (PlaceFlags)e.Value;
            if ((flags & PlaceFlags.Source) != 0) continue;
            int s = doc.SentenceOfToken(e.FirstToken);
            bool dateline = (flags & PlaceFlags.Dateline) != 0;
            if (s < 0) continue;
            int p = doc.ParagraphAt(doc.Sentences[s].Start);
            if (p >= 0 && !doc.Paragraphs[p].IsEvidence) continue;
            var place = doc.Places[e.Ref];
            if (first == null && (flags & PlaceFlags.Locative) != 0 && !place.IsRegion && InLede(doc, new EventMention(s, -1, SubEventType.None))) first = i;
            if (dateline) { datelinePlace ??= i; continue; } // the dateline is the last resort
            var key = place.Location;
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.Entity) : (1, i);
        }
        if (first != null) return first;
        if (counts.Count == 0) return datelinePlace;
        // The most named town; of equally named ones, the first named.
        (int Count, int Entity) best = (0, int.MaxValue);
        foreach (var c in counts.Values)
            if (c.Count > best.Count || (c.Count == best.Count && c.Entity < best.Entity)) best = c;
        return best.Entity;
    }

    [ThreadStatic] private static Dictionary<string, (int Count, int Entity)>? t_placeCounts;

    /// <summary>Events that ended up with the same type, place and day are one event.</summary>
    private List<ExtractedEvent> Deduplicate(Document doc, List<ExtractedEvent> events)
    {
        var result = new List<ExtractedEvent>();
        foreach (var e in events)
        {
            ExtractedEvent? same = null;
            foreach (var r in result)
                if (r.Type == e.Type && r.Day == e.Day && r.Place?.Location == e.Place?.Location
                    && (r.Actor1 < 0 || e.Actor1 < 0 || knowledge.Actors[doc.Entities[r.Actor1].Ref] == knowledge.Actors[doc.Entities[e.Actor1].Ref]))
                {
                    same = r;
                    break;
                }
            if (same == null) { result.Add(e); continue; }
            foreach (var mi in e.Mentions) same.Mentions.Add(mi);
            same.Actor1 = BetterActor(doc, same.Actor1, e.Actor1);
            same.Actor2 = BetterActor(doc, same.Actor2, e.Actor2);
            if (e.Fatalities >= 0) same.Fatalities = same.Fatalities < 0 ? e.Fatalities : Math.Min(same.Fatalities, e.Fatalities);
            if (e.Injuries >= 0) same.Injuries = same.Injuries < 0 ? e.Injuries : Math.Min(same.Injuries, e.Injuries);
            same.Flags |= e.Flags;
        }
        return result;
    }
}
