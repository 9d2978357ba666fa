using EventExtractor.Learning;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Decides, sentence by sentence, whether the text reports an event that happened, of which sub-event type,
/// by whom, against whom, where, when and with what toll. Threats, plans, denials, habitual or generic
/// references, quoted speech and noise paragraphs report nothing. One mention at most per sentence: the
/// tactics a sentence reports are one event, coded at the highest type in the codebook's hierarchy.
/// </summary>
internal sealed class MentionStage(ExtractionKnowledge knowledge, IEventClassifier? classifier = null) : IStage
{
    private readonly CasualtyReader _casualties = new(knowledge);

    public string Name => "mentions";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors | Annotations.Weapons |
                                   Annotations.Triggers | Annotations.Places | Annotations.Dates;
    public Annotations Provides => Annotations.Mentions | Annotations.Counts;

    private static readonly HashSet<ulong> TargetPrepositions = Set("on", "at", "against", "targeting", "toward", "towards", "into", "hit", "struck", "targeted", "near");
    private static readonly HashSet<ulong> ByWords = Set("by");
    private static readonly HashSet<ulong> PassiveAux = Set("was", "were", "been", "be", "being", "is", "are");
    private static readonly HashSet<ulong> ClauseBreaks = Set(",", ";", ":", "but", "while", "whereas", "although", "though", "after", "before", "when", "as", "which", "who", "that", "because");
    private static readonly HashSet<ulong> PassiveFollowers = Set("in", "at", "near", "during", "after", "as", "when", "while", "on", "outside");
    private static readonly HashSet<ulong> Anaphora = Set("the", "this", "that", "its", "their");

    private static HashSet<ulong> Set(params string[] w) => w.Select(x => WordKey.Hash(x)).ToHashSet();

    public void Process(Document doc)
    {
        doc.Entities.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : b.TokenCount.CompareTo(a.TokenCount));
        var byLabel = new List<int>[Enum.GetValues<EntityLabel>().Length];
        for (int i = 0; i < byLabel.Length; i++) byLabel[i] = new List<int>();
        int cursor = 0;
        var blocked = new bool[doc.TokenCount];
        foreach (var e in doc.Entities)
            if (e.Label is EntityLabel.Date or EntityLabel.Place)
                for (int t = e.FirstToken; t < e.EndToken; t++) blocked[t] = true;

        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            int end = sentence.FirstToken + sentence.TokenCount;
            foreach (var l in byLabel) l.Clear();
            while (cursor < doc.Entities.Count && doc.Entities[cursor].FirstToken < sentence.FirstToken) cursor++;
            for (int i = cursor; i < doc.Entities.Count && doc.Entities[i].FirstToken < end; i++)
                byLabel[(int)doc.Entities[i].Label].Add(i);
            if (!IsEvidence(doc, sentence)) continue;
            var mention = Analyse(doc, s, sentence.FirstToken, end, byLabel, blocked);
            if (mention is { } m) doc.Mentions.Add(m);
        }
        if (classifier != null) ApplyClassifier(doc, byLabel, blocked);
    }

    /// <summary>Deaths and injuries a sentence reports, read at each factual kill/wound trigger (-1: no figure).</summary>
    private (int Fatalities, int Injuries, bool Guessed) ReadTolls(Document doc, List<int> triggers, List<int> cues, int start, int end, bool[] blocked)
    {
        int fatalities = -1, injuries = -1;
        bool guessedToll = false;
        foreach (var ti in triggers)
        {
            var te = E(doc, ti);
            var entry = knowledge.Triggers[te.Ref];
            if (entry.Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            if (IsQuoted(doc, te.FirstToken) || !IsFactual(doc, te, cues, start)) continue;
            // "killing two civilians and wounding five": each figure belongs to the verb next to it.
            var others = MarkOtherCasualtyTriggers(doc, triggers, ti, blocked, true);
            int n = _casualties.Read(doc, te.FirstToken, te.EndToken, start, end, blocked);
            MarkOtherCasualtyTriggers(doc, triggers, ti, blocked, false, others);
            if (entry.Class == TriggerClass.Kill)
            {
                if (n < 0)
                {
                    n = PluralOrSingular(doc, te, start);
                    if (n >= 0) guessedToll = true;
                }
                if (n >= 0) fatalities = Math.Max(fatalities, 0) + n;
            }
            else if (n >= 0) injuries = Math.Max(injuries, 0) + n;
        }

        return (fatalities, injuries, guessedToll);
    }

    /// <summary>A short text's type is the classifier's when it is this sure (tuned on the corpus dev split).</summary>
    public const float ShortTextTypeConfidence = 0.8f;

    /// <summary>A short text the classifier finds no event in at this probability reports none.</summary>
    public const float ShortTextNoneProbability = 0.85f;

    /// <summary>An article's lede mention whose tactic the rules only guessed takes the classifier's type at this confidence.</summary>
    public const float LedeTypeConfidence = 0.7f;

    /// <summary>
    /// The learned classifier reads the whole text (a brief, a note, a snippet) or the headline and lede (an
    /// article). For a short text it decides the sub-event type, and whether there is an event at all; for an
    /// article it only replaces a tactic the rules guessed from "attacked"/"killed". Threats, denials and the
    /// codebook's special cases are still the rules' to decide.
    /// </summary>
    private void ApplyClassifier(Document doc, List<int>[] byLabel, bool[] blocked)
    {
        var p = classifier!.ClassifyDocument(doc, out var shape);
        if (shape == TrainingData.DocumentShape.Short)
        {
            if (p.Type == SubEventType.None)
            {
                if (p.NoneProbability >= ShortTextNoneProbability) doc.Mentions.Clear();
                return;
            }
            if (p.Confidence < ShortTextTypeConfidence) return;
            int first = doc.Mentions.FindIndex(x => x.Type != SubEventType.None);
            if (first >= 0)
            {
                // The classifier reads the brief as one event: it types the first mention when that is the only one
                // (or a guess); a rule's special case (an interception) stands.
                var m = doc.Mentions[first];
                bool single = doc.Mentions.Count(x => x.Type != SubEventType.None) == 1;
                bool weak = (m.Flags & MentionFlags.WeakType) != 0;
                if ((single || weak) && (m.Type != SubEventType.DisruptedWeaponsUse || p.Type == SubEventType.DisruptedWeaponsUse))
                    doc.Mentions[first] = m with { Type = p.Type, Flags = m.Flags & ~MentionFlags.WeakType };
                return;
            }
            // A trigger the rules found but judged a threat, a habit or a denial is no event, whatever the model says.
            if (doc.Entities.Any(e => e.Label == EntityLabel.Trigger)) return;
            var created = MentionForPrediction(doc, p.Type, byLabel, blocked);
            if (created is { } c) doc.Mentions.Insert(0, c);
            return;
        }
        if (shape != TrainingData.DocumentShape.Article || p.Type == SubEventType.None || p.Confidence < LedeTypeConfidence) return;
        for (int i = 0; i < doc.Mentions.Count; i++)
        {
            var m = doc.Mentions[i];
            if (m.Type == SubEventType.None || (m.Flags & MentionFlags.WeakType) == 0 || !InLedeZone(doc, m.Sentence)) continue;
            doc.Mentions[i] = m with { Type = p.Type, Flags = m.Flags & ~MentionFlags.WeakType };
        }
    }

    private static bool InLedeZone(Document doc, int sentence)
    {
        int p = doc.Sentences[sentence].Paragraph >= 0 ? doc.Sentences[sentence].Paragraph : doc.ParagraphAt(doc.Sentences[sentence].Start);
        if (p < 0) return true;
        if (doc.Paragraphs[p].Kind is ParagraphKind.Headline or ParagraphKind.Subheadline) return true;
        for (int i = 0; i < p; i++)
            if (doc.Paragraphs[i].Kind == ParagraphKind.Body) return false;
        return true;
    }

    /// <summary>
    /// A brief the rules found no trigger in but the classifier codes: the mention sits in the first evidence
    /// sentence that names a place (else the first), with that sentence's actors, place, date and toll.
    /// </summary>
    private EventMention? MentionForPrediction(Document doc, SubEventType type, List<int>[] byLabel, bool[] blocked)
    {
        int chosen = -1;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            if (!IsEvidence(doc, doc.Sentences[s])) continue;
            if (chosen < 0) chosen = s;
            int end = doc.Sentences[s].FirstToken + doc.Sentences[s].TokenCount;
            if (doc.Entities.Any(e => e.Label == EntityLabel.Place && e.FirstToken >= doc.Sentences[s].FirstToken && e.FirstToken < end)) { chosen = s; break; }
        }
        if (chosen < 0) return null;
        var sentence = doc.Sentences[chosen];
        int sentenceEnd = sentence.FirstToken + sentence.TokenCount;
        foreach (var l in byLabel) l.Clear();
        for (int i = 0; i < doc.Entities.Count; i++)
            if (doc.Entities[i].FirstToken >= sentence.FirstToken && doc.Entities[i].FirstToken < sentenceEnd)
                byLabel[(int)doc.Entities[i].Label].Add(i);
        // The verb is unknown: roles are read around the sentence's middle, the usual place of the predicate.
        var pivot = new EntitySpan(sentence.FirstToken + sentence.TokenCount / 3, 1, EntityLabel.Trigger, -1);
        var (agent, target, flags) = Roles(doc, pivot, byLabel[(int)EntityLabel.Actor], byLabel[(int)EntityLabel.Cue], sentence.FirstToken, sentenceEnd);
        var (fatalities, injuries, guessed) = ReadTolls(doc, byLabel[(int)EntityLabel.Trigger], byLabel[(int)EntityLabel.Cue], sentence.FirstToken, sentenceEnd, blocked);
        var m = new EventMention(chosen, -1, type) { Actor1 = agent, Actor2 = target, Flags = flags, Fatalities = fatalities, Injuries = injuries };
        if (guessed) m.Flags |= MentionFlags.GuessedToll;
        m.Place = ChoosePlace(doc, byLabel[(int)EntityLabel.Place], pivot, out bool near);
        if (near) m.Flags |= MentionFlags.NearPlace;
        m.Date = ChooseDate(doc, byLabel[(int)EntityLabel.Date], pivot);
        m.Confidence = 0.5f;
        return m;
    }

    private static bool IsEvidence(Document doc, Sentence sentence)
    {
        if (doc.Paragraphs.Length == 0) return true;
        int p = sentence.Paragraph >= 0 ? sentence.Paragraph : doc.ParagraphAt(sentence.Start);
        return p < 0 || doc.Paragraphs[p].IsEvidence;
    }

    private EntitySpan E(Document doc, int i) => doc.Entities[i];

    private EventMention? Analyse(Document doc, int s, int start, int end, List<int>[] byLabel, bool[] blocked)
    {
        var triggers = byLabel[(int)EntityLabel.Trigger];
        var weapons = byLabel[(int)EntityLabel.Weapon];
        var actors = byLabel[(int)EntityLabel.Actor];
        var cues = byLabel[(int)EntityLabel.Cue];

        var (fatalities, injuries, guessedToll) = ReadTolls(doc, triggers, cues, start, end, blocked);

        // The tactics this sentence reports as having happened.
        var candidates = new List<(int Trigger, SubEventType Type, TriggerClass Class)>();
        SubEventType weaponHint = SubEventType.None;
        foreach (var wi in weapons)
        {
            var hint = knowledge.Weapons[E(doc, wi).Ref].Hint;
            if (hint != SubEventType.None && (weaponHint == SubEventType.None || AcledTaxonomy.Precedence(hint) < AcledTaxonomy.Precedence(weaponHint)))
                weaponHint = hint;
        }
        bool intercepted = false, protest = false, riot = false, agreementOrChange = false;
        foreach (var ti in triggers)
        {
            var te = E(doc, ti);
            if (IsQuoted(doc, te.FirstToken)) continue;
            if (blocked[te.FirstToken]) continue; // "March 26" is a date, not a march
            if (InsideLongerActor(doc, te, actors)) continue; // "riot police" are no riot
            if (!IsFactual(doc, te, cues, start)) continue;
            var entry = knowledge.Triggers[te.Ref];
            var nearHint = WeaponHintNear(doc, te, weapons);
            var type = entry.Class switch
            {
                TriggerClass.Specific => entry.Type,
                TriggerClass.Attack or TriggerClass.Fire => nearHint,
                TriggerClass.Explosion => nearHint != SubEventType.None ? nearHint : SubEventType.RemoteExplosiveLandmineIed,
                _ => SubEventType.None,
            };
            if (type == SubEventType.DisruptedWeaponsUse) intercepted = true;
            if (type is SubEventType.PeacefulProtest or SubEventType.ProtestWithIntervention or SubEventType.ExcessiveForceAgainstProtesters) protest = true;
            if (type is SubEventType.ViolentDemonstration or SubEventType.MobViolence) riot = true;
            if (type is SubEventType.Agreement or SubEventType.ChangeToGroupActivity) agreementOrChange = true;
            candidates.Add((ti, type, entry.Class));
        }
        if (candidates.Count == 0) return null;

        // Roles: who acted, against whom, around the trigger that names the tactic (the first typed one).
        int main = candidates.FirstOrDefault(c => c.Type != SubEventType.None) is { Trigger: var typed } && candidates.Any(c => c.Type != SubEventType.None)
            ? typed : candidates[0].Trigger;
        var mainSpan = E(doc, main);
        var (agent, target, flags) = Roles(doc, mainSpan, actors, cues, start, end, PassiveKill(doc, triggers, start));
        bool civilianVictims = CivilianVictims(doc, actors, target, start, end, mainSpan);
        if (civilianVictims) flags |= MentionFlags.CivilianVictims;
        bool protesters = IsGroup(doc, target, 6) || IsGroup(doc, agent, 6) || actors.Any(a => IsGroup(doc, a, 6));
        bool rioters = IsGroup(doc, agent, 5) || actors.Any(a => IsGroup(doc, a, 5));
        bool armedAgent = agent >= 0 && IsArmed(doc, agent);
        bool armedTarget = target >= 0 && IsArmed(doc, target);

        // Violence without a weapon that names its tactic: decided by who hit whom.
        var resolved = new List<SubEventType>();
        var weakResolved = new List<SubEventType>();
        bool allWeak = true;
        foreach (var (ti, type0, cls) in candidates)
        {
            var type = type0;
            bool weak = false;
            if (type == SubEventType.None && cls is TriggerClass.Kill or TriggerClass.Attack or TriggerClass.Fire or TriggerClass.Wound)
            {
                weak = true;
                bool gunfire = cls is TriggerClass.Fire && IsGunfire(doc, E(doc, ti));
                if (cls == TriggerClass.Fire && !gunfire && weapons.Count == 0) continue; // "landed", "launched" alone
                if (protesters && (agent < 0 || IsState(doc, agent)) && cls is TriggerClass.Kill or TriggerClass.Fire) type = SubEventType.ExcessiveForceAgainstProtesters;
                else if (!civilianVictims && !armedTarget && agent >= 0 && IsNonStateArmed(doc, agent) && AnyPersonVictims(doc, E(doc, ti), start, end, agent))
                {
                    type = SubEventType.Attack; // "gunmen killed twelve people": unarmed people are civilians
                    civilianVictims = true;
                    flags |= MentionFlags.CivilianVictims;
                    weak = false;
                }
                else if (civilianVictims && !armedTarget)
                {
                    type = SubEventType.Attack;
                    if (armedAgent) weak = false; // armed men killing civilians: no doubt about the tactic
                }
                else if ((armedAgent || agent >= 0) && (armedTarget || target >= 0)) type = SubEventType.ArmedClash;
                else if (cls == TriggerClass.Kill && (armedTarget || IsSecurityVictims(doc, E(doc, ti), start, end))) type = SubEventType.ArmedClash;
                else if (cls == TriggerClass.Attack && (armedAgent || armedTarget)) type = SubEventType.ArmedClash;
                else if (cls == TriggerClass.Attack && IsSecurityVictims(doc, E(doc, ti), start, end)) type = SubEventType.ArmedClash; // "attacked a checkpoint"
                else continue;
                // Armed men against a checkpoint, a convoy or soldiers: enough to start an event on its own.
                if (type == SubEventType.ArmedClash && armedAgent && IsSecurityVictims(doc, E(doc, ti), start, end, agent)) flags |= MentionFlags.ArmedTarget;
            }
            // The codebook's special cases.
            if (type == SubEventType.ViolentDemonstration && !protesters && !rioters && !protest)
                type = knowledge.Triggers[E(doc, ti).Ref].Phrase is "torched" or "set fire" or "set ablaze" ? SubEventType.LootingPropertyDestruction : SubEventType.None;
            if (type == SubEventType.MobViolence && !rioters && !riot) type = SubEventType.MobViolence;
            if (type == SubEventType.Arrests && protest) type = SubEventType.ProtestWithIntervention;
            if (type == SubEventType.ProtestWithIntervention && !protest && !protesters) type = SubEventType.None;
            if (type == SubEventType.PeacefulProtest && fatalities > 0 && !riot) type = SubEventType.ExcessiveForceAgainstProtesters;
            // "Clashes between protesters and police": a riot, not a battle.
            if (type == SubEventType.ArmedClash && (protesters || rioters || protest)) type = SubEventType.ViolentDemonstration;
            // Rebels who "bombed" a position used explosives, not aircraft.
            if (type == SubEventType.AirDroneStrike && agent >= 0 && IsNonStateArmed(doc, agent) && !weapons.Any(w => knowledge.Weapons[E(doc, w).Ref].Hint == SubEventType.AirDroneStrike))
                type = SubEventType.RemoteExplosiveLandmineIed;
            // Guns and grenades against armed men make a gun battle, not a grenade attack.
            if (type == SubEventType.Grenade && (armedTarget || IsSecurityVictims(doc, mainSpan, start, end)) && weapons.Any(w => knowledge.Weapons[E(doc, w).Ref].Name is "small arms" or "firearm" or "rifle" or "assault rifle"))
                type = SubEventType.ArmedClash;
            if (type != SubEventType.None)
            {
                (weak ? weakResolved : resolved).Add(type);
                if (!weak) allWeak = false;
            }
        }
        // A tactic the sentence names beats one inferred from "killed" ("bombers blew themselves up, killing 8").
        if (resolved.Count == 0) resolved = weakResolved;
        if (resolved.Count == 0)
        {
            // "3 fatalities.", "Two more bodies were found.": a toll with no tactic belongs to the event told before.
            if (fatalities < 0 && injuries < 0) return null;
            var toll = new EventMention(s, candidates[0].Trigger, SubEventType.None) { Fatalities = fatalities, Injuries = injuries, Flags = MentionFlags.Reference };
            if (guessedToll) toll.Flags |= MentionFlags.GuessedToll;
            return toll;
        }
        if (allWeak) flags |= MentionFlags.WeakType;
        if (guessedToll) flags |= MentionFlags.GuessedToll;
        if (IsPerfect(doc, mainSpan, start)) flags |= MentionFlags.Background;

        SubEventType final;
        if (intercepted && !resolved.Any(t => AcledTaxonomy.EventTypeOf(t) == EventType.Battles))
            final = SubEventType.DisruptedWeaponsUse; // an intercepted rocket is no shelling
        else if (riot && resolved.Contains(SubEventType.ViolentDemonstration) && resolved.All(t => t is SubEventType.PeacefulProtest or SubEventType.ViolentDemonstration or SubEventType.ProtestWithIntervention or SubEventType.MobViolence or SubEventType.LootingPropertyDestruction or SubEventType.Arrests))
            final = SubEventType.ViolentDemonstration; // a protest that turns violent is a riot
        else
            final = resolved.OrderBy(AcledTaxonomy.Precedence).First();
        int finalTrigger = candidates.FirstOrDefault(c => c.Type == final).Trigger;
        if (candidates.Any(c => c.Type == final) && finalTrigger != main)
        {
            var keep = flags & (MentionFlags.CivilianVictims | MentionFlags.WeakType | MentionFlags.GuessedToll);
            main = finalTrigger;
            mainSpan = E(doc, main);
            (agent, target, flags) = Roles(doc, mainSpan, actors, cues, start, end, PassiveKill(doc, triggers, start));
            flags |= keep;
            if (IsPerfect(doc, mainSpan, start)) flags |= MentionFlags.Background;
        }
        if (agreementOrChange && final is SubEventType.Agreement or SubEventType.ChangeToGroupActivity && fatalities > 0) fatalities = -1;

        var m = new EventMention(s, main, final)
        {
            Actor1 = agent,
            Actor2 = target,
            Fatalities = fatalities,
            Injuries = injuries,
            Flags = flags,
        };
        m.Place = ChoosePlace(doc, byLabel[(int)EntityLabel.Place], mainSpan, out bool near);
        if (near) m.Flags |= MentionFlags.NearPlace;
        m.Date = ChooseDate(doc, byLabel[(int)EntityLabel.Date], mainSpan);
        int para = doc.Sentences[s].Paragraph >= 0 ? doc.Sentences[s].Paragraph : doc.ParagraphAt(doc.Sentences[s].Start);
        if (para >= 0 && para < doc.Paragraphs.Length && doc.Paragraphs[para].Kind is ParagraphKind.Headline or ParagraphKind.Subheadline)
            m.Flags |= MentionFlags.Headline;
        if (IsReference(doc, candidates, weapons, actors, m)) m.Flags |= MentionFlags.Reference;
        m.Confidence = Confidence(doc, m, candidates);
        return m;
    }

    /// <summary>The tactic the weapon nearest a generic trigger suggests ("rockets ... fired", "struck by a drone").</summary>
    private SubEventType WeaponHintNear(Document doc, EntitySpan trigger, List<int> weapons)
    {
        const int Reach = 10;
        var best = SubEventType.None;
        int bestDistance = int.MaxValue;
        foreach (var wi in weapons)
        {
            var w = doc.Entities[wi];
            int distance = w.FirstToken >= trigger.EndToken ? w.FirstToken - trigger.EndToken : trigger.FirstToken - w.EndToken;
            if (distance < 0) distance = 0; // overlapping: "rocket attack" is both
            var hint = knowledge.Weapons[w.Ref].Hint;
            if (distance > Reach || hint == SubEventType.None) continue;
            if (distance < bestDistance || (distance == bestDistance && AcledTaxonomy.Precedence(hint) < AcledTaxonomy.Precedence(best)))
            {
                best = hint;
                bestDistance = distance;
            }
        }
        return best;
    }

    private List<int>? MarkOtherCasualtyTriggers(Document doc, List<int> triggers, int self, bool[] blocked, bool mark, List<int>? undo = null)
    {
        if (!mark)
        {
            if (undo != null) foreach (var t in undo) blocked[t] = false;
            return null;
        }
        List<int>? marked = null;
        foreach (var ti in triggers)
        {
            if (ti == self) continue;
            var t = doc.Entities[ti];
            if (knowledge.Triggers[t.Ref].Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            for (int k = t.FirstToken; k < t.EndToken; k++)
                if (!blocked[k]) { blocked[k] = true; (marked ??= new List<int>()).Add(k); }
        }
        return marked;
    }

    /// <summary>"has pledged allegiance", "have attacked": the perfect tells background, not the day's event.</summary>
    private static bool IsPerfect(Document doc, EntitySpan trigger, int start)
    {
        for (int k = trigger.FirstToken - 1; k >= Math.Max(start, trigger.FirstToken - 2); k--)
        {
            var h = doc.TokenHash(k);
            if (h == Been) return false;
            if (h == Has || h == Have) return true;
        }
        return false;
    }

    private static bool IsHeadline(Document doc, int token)
    {
        int p = doc.ParagraphAt(doc.Tokens[token].Start);
        return p >= 0 && doc.Paragraphs[p].Kind is ParagraphKind.Headline or ParagraphKind.Subheadline;
    }

    private static bool InsideLongerActor(Document doc, EntitySpan trigger, List<int> actors)
    {
        foreach (var ai in actors)
        {
            var a = doc.Entities[ai];
            if (a.FirstToken <= trigger.FirstToken && a.EndToken >= trigger.EndToken && a.TokenCount > trigger.TokenCount) return true;
        }
        return false;
    }

    private static bool IsQuoted(Document doc, int token) => (doc.Tokens[token].Flags & TokenFlags.Quoted) != 0;

    /// <summary>No threat, plan, condition, negation or habitual cue governs the trigger within its clause.</summary>
    private static readonly HashSet<ulong> HabitualAfter = Set("since", "periodically", "often", "repeatedly", "regularly", "frequently", "routinely");
    private static readonly ulong And = WordKey.Hash("and");
    private static readonly ulong To = WordKey.Hash("to"), Been = WordKey.Hash("been"), Has = WordKey.Hash("has"), Have = WordKey.Hash("have");

    private bool IsFactual(Document doc, EntitySpan trigger, List<int> cues, int sentenceStart)
    {
        int t = trigger.FirstToken;
        // "to attack", "commitment to fighting": an intention, not an act.
        if (t > sentenceStart && doc.TokenHash(t - 1) == To) return false;
        // "has been fighting ... since 2003", "often targeted": a habit, not one event.
        if (t > sentenceStart + 1 && doc.TokenHash(t - 1) == Been && doc.TokenText(t).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && doc.TokenHash(t - 2) is var aux && (aux == Has || aux == Have)) return false;
        int sentenceEnd = doc.SentenceOfToken(t) is var si and >= 0 ? doc.Sentences[si].FirstToken + doc.Sentences[si].TokenCount : doc.TokenCount;
        for (int k = trigger.EndToken; k < Math.Min(sentenceEnd, trigger.EndToken + 7); k++)
            if (HabitualAfter.Contains(doc.TokenHash(k))) return false;
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            if (c.FirstToken >= trigger.FirstToken) break;
            int distance = trigger.FirstToken - c.EndToken;
            var effect = knowledge.Cues[c.Ref];
            int reach = effect switch
            {
                CueEffect.Future => 8,
                CueEffect.Negation => 2,
                CueEffect.Generic => 4,
                _ => -1,
            };
            if (distance < 0 || distance > reach) continue;
            if (HasClauseBreak(doc, c.EndToken, trigger.FirstToken) && effect != CueEffect.Future) continue;
            if (effect == CueEffect.Future && HasSentenceLevelBreak(doc, c.EndToken, trigger.FirstToken)) continue;
            return false;
        }
        return true;
    }

    private static bool HasClauseBreak(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (ClauseBreaks.Contains(doc.TokenHash(k)) || doc.TokenText(k) is "," or ";") return true;
        return false;
    }

    private static bool HasSentenceLevelBreak(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (doc.TokenText(k) is ";" or "—" or "–") return true;
        return false;
    }

    /// <summary>"killed" with no figure: a plural subject counts 3 per the codebook, a singular one 1; else none.</summary>
    private int PluralOrSingular(Document doc, EntitySpan trigger, int sentenceStart)
    {
        for (int k = trigger.FirstToken - 1; k >= Math.Max(sentenceStart, trigger.FirstToken - 4); k--)
        {
            var t = doc.TokenText(k);
            if (knowledge.PersonNouns.ContainsKey(WordKey.Hash(t)))
            {
                bool plural = t.EndsWith("s", StringComparison.OrdinalIgnoreCase) || t.EndsWith("men", StringComparison.OrdinalIgnoreCase) || t.Equals("people", StringComparison.OrdinalIgnoreCase) || t.Equals("police", StringComparison.OrdinalIgnoreCase) || t.Equals("personnel", StringComparison.OrdinalIgnoreCase);
                return plural ? 3 : 1;
            }
        }
        return -1;
    }

    /// <summary>The first "were killed"/"was wounded" of the sentence: who stands before it suffered, not acted.</summary>
    private int PassiveKill(Document doc, List<int> triggers, int start)
    {
        foreach (var ti in triggers)
        {
            var t = doc.Entities[ti];
            if (knowledge.Triggers[t.Ref].Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            for (int k = t.FirstToken - 1; k >= Math.Max(start, t.FirstToken - 2); k--)
                if (PassiveAux.Contains(doc.TokenHash(k))) return t.FirstToken;
            // Headline style without the auxiliary: "Police officers killed in Kano", "Two soldiers wounded as ...".
            if (IsHeadline(doc, t.FirstToken)
                && (t.EndToken >= doc.TokenCount || PassiveFollowers.Contains(doc.TokenHash(t.EndToken)) || doc.Tokens[t.EndToken].Kind == TokenKind.Punctuation))
                if (t.FirstToken > start && doc.Tokens[t.FirstToken - 1].Kind == TokenKind.Word && !doc.TokenText(t.FirstToken).EndsWith("ing", StringComparison.Ordinal))
                    return t.FirstToken;
        }
        return -1;
    }

    private (int Agent, int Target, MentionFlags Flags) Roles(Document doc, EntitySpan trigger, List<int> actors, List<int> cues, int start, int end, int passiveKill = -1)
    {
        int agent = -1, target = -1;
        var flags = MentionFlags.None;
        bool passive = trigger.FirstToken > start && PassiveAux.Contains(doc.TokenHash(trigger.FirstToken - 1))
                       || trigger.FirstToken > start + 1 && PassiveAux.Contains(doc.TokenHash(trigger.FirstToken - 2));
        int claimant = -1;
        foreach (var ai in actors)
        {
            var a = doc.Entities[ai];
            if (a.Value == LexiconStage.PartialToken) continue; // "Iran" in "Iran-backed" is a modifier, not an actor
            var entry = knowledge.Actors[a.Ref];
            if (IsSource(doc, a, cues, start, end))
            {
                // A group that tells of its own deed claims it ("JNIM said its fighters took the town").
                if (entry.Kind == ActorKind.Group && claimant < 0) claimant = ai;
                continue; // otherwise who tells is no participant
            }
            var blame = BlameRole(doc, a, cues);
            if (blame == BlameSide.Blamer) continue;
            if (blame == BlameSide.Blamed)
            {
                flags |= MentionFlags.UnidentifiedAgent;
                continue;
            }
            // A demonym acts only when it qualifies the weapon or the deed itself ("Russian missiles", "Israeli strike").
            if (entry.Role == "modifier")
            {
                if (a.EndToken <= trigger.FirstToken && StartsWeaponOrTrigger(doc, a.EndToken) && agent < 0) agent = ai;
                continue;
            }
            // A country's bare name acts only right before its deed ("US air strikes", "Iran fired").
            if (entry.Kind == ActorKind.CountryName && (a.EndToken > trigger.FirstToken || trigger.FirstToken - a.EndToken > 2 || HasPunctuation(doc, a.EndToken, trigger.FirstToken))) continue;
            var cue = CueAround(doc, a, cues);
            if (cue == CueEffect.Denial)
            {
                flags |= MentionFlags.UnidentifiedAgent;
                continue;
            }
            if (cue == CueEffect.Claim) flags |= MentionFlags.Claimed;
            // An actor that is itself the trigger ("Protesters" for a protest) is its subject.
            bool before = a.EndToken <= trigger.FirstToken || (a.FirstToken < trigger.EndToken && a.EndToken > trigger.FirstToken);
            var prep = PrepositionBefore(doc, a.FirstToken, start); // "by the Houthis": the word before the article
            bool afterBy = ByWords.Contains(prep);
            bool asTarget = TargetPrepositions.Contains(prep) || (!before && !afterBy);
            if (afterBy || cue == CueEffect.Claim)
            {
                agent = ai;
                continue;
            }
            // "Fighters from X were killed in US air strikes": X suffered; the adjective names who struck.
            if (passiveKill >= 0 && a.EndToken <= passiveKill && !(entry.Kind == ActorKind.CountryName && a.EndToken >= trigger.FirstToken - 2))
            {
                if (target < 0 || Rank(doc, ai) > Rank(doc, target)) target = ai;
                continue;
            }
            if (before && !passive && !asTarget && entry.Role != "victim")
            {
                // The named actor in the subject beats a generic one ("Fighters of the ADF killed").
                if (agent < 0 || Rank(doc, ai) > Rank(doc, agent) || (Rank(doc, ai) == Rank(doc, agent) && ai > agent && HasNoClauseBreak(doc, a.EndToken, trigger.FirstToken)))
                    agent = ai;
                continue;
            }
            if (before && passive && target < 0 && !TargetPrepositions.Contains(prep))
            {
                target = ai; // "Three soldiers were killed"
                continue;
            }
            if (entry.Kind == ActorKind.CountryName) continue;
            // "Twelve people were killed when gunmen stormed a market": after a passive toll, armed men act.
            if (!before && passiveKill == trigger.FirstToken && agent < 0 && !TargetPrepositions.Contains(prep) && entry.Role != "victim"
                && entry.Kind is ActorKind.Generic or ActorKind.Group && entry.Inter is 2 or 3 or 4 or 8)
            {
                agent = ai;
                continue;
            }
            if (target < 0 && ai != agent && (asTarget || entry.Role == "victim")) target = ai;
            else if (target >= 0 && ai != agent && !before && Rank(doc, ai) > Rank(doc, target) && a.FirstToken - doc.Entities[target].EndToken <= 3) target = ai;
        }
        if (agent < 0 && claimant >= 0)
        {
            agent = claimant;
            flags |= MentionFlags.Claimed;
        }
        if (agent >= 0 && target >= 0 && SameActor(doc, agent, target)) target = -1;
        return (agent, target, flags);
    }

    private static bool StartsWeaponOrTrigger(Document doc, int token)
    {
        for (int i = doc.FirstEntityAt(token); i < doc.Entities.Count && doc.Entities[i].FirstToken == token; i++)
            if (doc.Entities[i].Label is EntityLabel.Weapon or EntityLabel.Trigger) return true;
        return false;
    }

    private static readonly HashSet<ulong> Determiners = Set("the", "a", "an", "its", "their", "his", "her", "suspected", "alleged");

    private static ulong PrepositionBefore(Document doc, int token, int start)
    {
        int k = token - 1;
        while (k > start && Determiners.Contains(doc.TokenHash(k))) k--;
        return k >= start ? doc.TokenHash(k) : 0UL;
    }

    /// <summary>Named groups and states say more than generic actors.</summary>
    private int Rank(Document doc, int entity) => knowledge.Actors[doc.Entities[entity].Ref].Kind switch
    {
        ActorKind.Group => 3,
        ActorKind.State => knowledge.Actors[doc.Entities[entity].Ref].Iso3.Length == 3 ? 2 : 1,
        ActorKind.CountryName => 2,
        _ => 0,
    };

    private static bool HasNoClauseBreak(Document doc, int from, int to) => !HasClauseBreak(doc, from, to);

    private static bool HasPunctuation(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (doc.Tokens[k].Kind == TokenKind.Punctuation) return true;
        return false;
    }

    private enum BlameSide { None, Blamer, Blamed }

    /// <summary>
    /// "X blamed Y for the attack", "accused Y of", "blamed the attack on Y": Y is only blamed, X only speaks.
    /// "Y, which has been accused of": Y is blamed (passive).
    /// </summary>
    private BlameSide BlameRole(Document doc, EntitySpan actor, List<int> cues)
    {
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            if (knowledge.Cues[c.Ref] != CueEffect.Blame) continue;
            bool passive = c.FirstToken > 0 && PassiveAux.Contains(doc.TokenHash(c.FirstToken - 1));
            if (c.EndToken <= actor.FirstToken && !HasSentenceLevelBreak(doc, c.EndToken, actor.FirstToken)) return BlameSide.Blamed;
            if (actor.EndToken <= c.FirstToken && c.FirstToken - actor.EndToken <= 6)
                return passive || IsAdjectival(doc, c) ? BlameSide.Blamed : BlameSide.Blamer;
        }
        return BlameSide.None;
    }

    /// <summary>"suspected militants", "alleged gunmen": the cue qualifies the noun after it.</summary>
    private static bool IsAdjectival(Document doc, EntitySpan cue) =>
        doc.TokenText(cue.FirstToken).Equals("suspected", StringComparison.OrdinalIgnoreCase) || doc.TokenText(cue.FirstToken).Equals("alleged", StringComparison.OrdinalIgnoreCase);

    /// <summary>The actor tells of the event ("X said", "according to X", "a statement from X").</summary>
    private bool IsSource(Document doc, EntitySpan actor, List<int> cues, int start, int end)
    {
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            if (knowledge.Cues[c.Ref] != CueEffect.Speech) continue;
            int after = c.FirstToken - actor.EndToken;
            int before = actor.FirstToken - c.EndToken;
            if (after >= 0 && after <= 2) return true;
            // "The Iraqi government on Monday condemned"
            if (after > 2 && after <= 4 && !HasPunctuation(doc, actor.EndToken, c.FirstToken)) return true;
            // "residents and a local official said"
            if (after > 2 && after <= 5 && !HasPunctuation(doc, actor.EndToken, c.FirstToken)
                && doc.TokenHash(actor.EndToken) == And) return true;
            // "according to X", "a statement from X", "X's spokesman": the source stands after these cues only.
            if (before >= 0 && before <= 3 && !HasClauseBreak(doc, c.EndToken, actor.FirstToken) && IntroducesSource(doc, c)) return true;
        }
        return false;
    }

    private static readonly HashSet<ulong> SourceIntroducers = Set("according", "statement", "spokesman", "spokeswoman", "spokesperson", "told");

    private static bool IntroducesSource(Document doc, EntitySpan cue) => SourceIntroducers.Contains(doc.TokenHash(cue.FirstToken));

    private bool SameActor(Document doc, int a, int b) => knowledge.Actors[doc.Entities[a].Ref] == knowledge.Actors[doc.Entities[b].Ref];

    /// <summary>A blame, denial or claim cue next to the actor in its clause.</summary>
    private CueEffect? CueAround(Document doc, EntitySpan actor, List<int> cues)
    {
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            var effect = knowledge.Cues[c.Ref];
            if (effect is not (CueEffect.Blame or CueEffect.Denial or CueEffect.Claim)) continue;
            // A claim quoted from someone else ("'almost certainly conducted by' a militia") is an attribution.
            if (effect == CueEffect.Claim && IsQuoted(doc, c.FirstToken)) continue;
            int before = actor.FirstToken - c.EndToken;   // cue ... actor
            int after = c.FirstToken - actor.EndToken;    // actor ... cue
            if (before >= 0 && before <= 3 && !HasClauseBreak(doc, c.EndToken, actor.FirstToken)) return effect;
            if (after >= 0 && after <= 3 && effect is CueEffect.Denial or CueEffect.Claim) return effect;
            // "X, one of the largest groups ..., denied being behind the barrage"
            if (effect == CueEffect.Denial && after > 3 && after <= 15 && !HasSentenceLevelBreak(doc, actor.EndToken, c.FirstToken)) return effect;
            // "X, which has been accused of ..." / "X claimed responsibility"
            if (after >= 0 && after <= 6 && effect == CueEffect.Claim) return effect;
        }
        return null;
    }

    private bool IsGroup(Document doc, int entity, int inter) =>
        entity >= 0 && knowledge.Actors[doc.Entities[entity].Ref] is { Kind: ActorKind.Generic } a && a.Inter == inter;

    private bool IsState(Document doc, int entity) =>
        entity >= 0 && knowledge.Actors[doc.Entities[entity].Ref].Kind is ActorKind.State or ActorKind.CountryName;

    private bool IsArmed(Document doc, int entity)
    {
        var a = knowledge.Actors[doc.Entities[entity].Ref];
        return a.Kind is ActorKind.State or ActorKind.CountryName or ActorKind.Group || (a.Kind == ActorKind.Generic && a.Inter is 2 or 3 or 4 or 8);
    }

    private bool CivilianVictims(Document doc, List<int> actors, int target, int start, int end, EntitySpan trigger)
    {
        if (target >= 0 && knowledge.Actors[doc.Entities[target].Ref] is { Kind: ActorKind.Generic, Inter: 7 }) return true;
        // A person noun of the civilian kind next to the trigger ("killing two farmers", "a teacher was shot").
        for (int k = Math.Max(start, trigger.FirstToken - 6); k < Math.Min(end, trigger.EndToken + 6); k++)
            if (knowledge.PersonNouns.TryGetValue(doc.TokenHash(k), out var g) && g == "civilian") return true;
        return false;
    }

    private bool IsSecurityVictims(Document doc, EntitySpan trigger, int start, int end, int agent = -1)
    {
        for (int k = Math.Max(start, trigger.FirstToken - 6); k < Math.Min(end, trigger.EndToken + 6); k++)
            if (!InAgent(doc, agent, k) && knowledge.PersonNouns.TryGetValue(doc.TokenHash(k), out var g) && g is "security" or "armed" or "security-site") return true;
        return false;
    }

    private static bool InAgent(Document doc, int agent, int token) =>
        agent >= 0 && token >= doc.Entities[agent].FirstToken && token < doc.Entities[agent].EndToken;

    /// <summary>"people", "residents" near the trigger, with no soldiers or fighters among them.</summary>
    private bool AnyPersonVictims(Document doc, EntitySpan trigger, int start, int end, int agent)
    {
        bool any = false;
        for (int k = Math.Max(start, trigger.FirstToken - 6); k < Math.Min(end, trigger.EndToken + 6); k++)
            if (!InAgent(doc, agent, k) && knowledge.PersonNouns.TryGetValue(doc.TokenHash(k), out var g))
            {
                if (g is "security" or "armed" or "security-site") return false;
                any = true;
            }
        return any;
    }

    private bool IsNonStateArmed(Document doc, int entity)
    {
        var a = knowledge.Actors[doc.Entities[entity].Ref];
        return a.Kind == ActorKind.Group || (a.Kind == ActorKind.Generic && a.Inter is 2 or 3 or 4);
    }

    private bool IsGunfire(Document doc, EntitySpan trigger)
    {
        var phrase = knowledge.Triggers[trigger.Ref].Phrase;
        return phrase is "opened fire" or "shot at" or "shooting" or "shootings" or "gunfire" or "shot";
    }

    /// <summary>
    /// Where it happened: a site or a town with a locative cue, nearest the trigger; never the launch site
    /// ("fired from X") when another place is named.
    /// </summary>
    private static int ChoosePlace(Document doc, List<int> places, EntitySpan trigger, out bool near)
    {
        near = false;
        int best = -1;
        int bestScore = int.MinValue;
        foreach (var pi in places)
        {
            var p = doc.Entities[pi];
            var flags = (PlaceFlags)p.Value;
            int score = 0;
            if ((flags & PlaceFlags.Source) != 0) score -= 100;
            if ((flags & PlaceFlags.Site) != 0) score += 30;
            if ((flags & PlaceFlags.Locative) != 0) score += 20;
            if ((flags & PlaceFlags.Region) != 0) score -= 15;
            if ((flags & PlaceFlags.Near) != 0) score -= 5;
            if ((flags & PlaceFlags.Dateline) != 0) score -= 150;
            if ((flags & PlaceFlags.Reference) != 0) score -= 25;
            int distance = Math.Abs(p.FirstToken - trigger.FirstToken);
            // A bare name far from the trigger ("before the troops withdrew toward X") is not where it happened.
            if ((flags & (PlaceFlags.Locative | PlaceFlags.Site)) == 0 && distance > 8) continue;
            score -= Math.Min(distance, 40) / 2;
            if (p.FirstToken > trigger.FirstToken) score += 3; // "struck X in Y" names the place after the verb
            if (score > bestScore) { bestScore = score; best = pi; }
        }
        if (best >= 0)
        {
            var flags = (PlaceFlags)doc.Entities[best].Value;
            if ((flags & (PlaceFlags.Source | PlaceFlags.Dateline)) != 0) return -1;
            near = (flags & PlaceFlags.Near) != 0;
        }
        return best;
    }

    private static int ChooseDate(Document doc, List<int> dates, EntitySpan trigger)
    {
        int best = -1, bestDistance = int.MaxValue;
        foreach (var di in dates)
        {
            var d = doc.Entities[di];
            int distance = Math.Abs(d.FirstToken - trigger.FirstToken);
            if (distance < bestDistance) { bestDistance = distance; best = di; }
        }
        return best;
    }

    /// <summary>"The attack came after ...": a generic trigger with no weapon, actor, place, date or toll of its own.</summary>
    private static bool IsReference(Document doc, List<(int Trigger, SubEventType Type, TriggerClass Class)> candidates, List<int> weapons, List<int> actors, EventMention m)
    {
        if (m.Place >= 0 || m.Date >= 0) return false;
        var t = doc.Entities[m.TriggerEntity];
        return t.FirstToken > 0 && Anaphora.Contains(doc.TokenHash(t.FirstToken - 1));
    }

    private float Confidence(Document doc, EventMention m, List<(int Trigger, SubEventType Type, TriggerClass Class)> candidates)
    {
        float c = 0.4f;
        if (candidates.Any(x => x.Class == TriggerClass.Specific && x.Type == m.Type)) c += 0.2f;
        if (m.Place >= 0) c += 0.15f;
        if (m.Date >= 0) c += 0.1f;
        if (m.Actor1 >= 0) c += 0.1f;
        if (m.Fatalities >= 0) c += 0.05f;
        return Math.Min(c, 1f);
    }
}
