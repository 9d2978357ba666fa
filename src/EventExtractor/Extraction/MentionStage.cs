using EventExtractor.Lexicons;
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
internal sealed class MentionStage(ExtractionKnowledge knowledge) : IStage
{
    private readonly TollReader _tolls = new(knowledge);
    private readonly RoleFinder _roles = new(knowledge);
    private readonly ClauseReader _clauses = new(knowledge);
    private readonly BackgroundRules _background = new(knowledge);

    public string Name => "mentions";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors | Annotations.Weapons |
                                   Annotations.Triggers | Annotations.Places | Annotations.Dates;
    public Annotations Provides => Annotations.Mentions | Annotations.Counts;

    public void Process(Document doc)
    {
        doc.Entities.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : b.TokenCount.CompareTo(a.TokenCount));
        var scratch = t_scratch ??= new Scratch();
        var byLabel = scratch.ByLabel;
        int cursor = 0;
        if (scratch.Blocked.Length < doc.TokenCount) scratch.Blocked = new bool[Math.Max(doc.TokenCount, 2 * scratch.Blocked.Length)];
        var blocked = scratch.Blocked;
        Array.Clear(blocked, 0, doc.TokenCount);
        var mentions = scratch.Mentions;
        mentions.Clear();
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
            var mention = Analyse(doc, s, sentence.FirstToken, end, byLabel, blocked, scratch);
            if (mention is { } m) mentions.Add(m);
        }
        // Added at once: the layer gets its exact size, not the doublings of one mention at a time.
        doc.Mentions.AddRange(mentions);
    }

    /// <summary>Per-thread buffers of one document's analysis (stages are shared across threads; a document is not).</summary>
    private sealed class Scratch
    {
        public readonly List<int>[] ByLabel = Enumerable.Range(0, LabelCount).Select(_ => new List<int>()).ToArray();
        public bool[] Blocked = [];
        public readonly List<EventMention> Mentions = [];
        public readonly List<(int Trigger, SubEventType Type, TriggerClass Class)> Candidates = [];
        public readonly List<SubEventType> Resolved = [];
        public readonly List<SubEventType> WeakResolved = [];
    }

    private static readonly int LabelCount = Enum.GetValues<EntityLabel>().Length;

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>Deaths and injuries a sentence reports, read at each factual kill/wound trigger (-1: no figure).</summary>
    private (int Fatalities, int Injuries, bool Guessed) ReadTolls(Document doc, List<int> triggers, List<int> cues, int start, int end, bool[] blocked)
    {
        var toll = _tolls.Read(doc, triggers, cues, start, end, blocked);
        return (toll.Fatalities, toll.Injuries, toll.Guessed);
    }

    private (int Agent, int Target, MentionFlags Flags) Roles(Document doc, EntitySpan trigger, List<int> actors, List<int> cues, int start, int end, int passiveKill = -1) =>
        _roles.Roles(doc, trigger, actors, cues, start, end, passiveKill);

    private static bool IsEvidence(Document doc, Sentence sentence)
    {
        if (doc.Paragraphs.Length == 0) return true;
        int p = sentence.Paragraph >= 0 ? sentence.Paragraph : doc.ParagraphAt(sentence.Start);
        return p < 0 || doc.Paragraphs[p].IsEvidence;
    }

    private EntitySpan E(Document doc, int i) => doc.Entities[i];

    private EventMention? Analyse(Document doc, int s, int start, int end, List<int>[] byLabel, bool[] blocked, Scratch scratch)
    {
        var triggers = byLabel[(int)EntityLabel.Trigger];
        var weapons = byLabel[(int)EntityLabel.Weapon];
        var actors = byLabel[(int)EntityLabel.Actor];
        var cues = byLabel[(int)EntityLabel.Cue];

        var (fatalities, injuries, guessedToll) = ReadTolls(doc, triggers, cues, start, end, blocked);

        // The tactics this sentence reports as having happened.
        var candidates = scratch.Candidates;
        candidates.Clear();
        var facts = new TacticFacts { Fatalities = fatalities };
        foreach (var ti in triggers)
        {
            var te = E(doc, ti);
            if (ClauseReader.IsQuoted(doc, te.FirstToken)) continue;
            if (blocked[te.FirstToken]) continue; // "March 26" is a date, not a march
            if (InsideLongerActor(doc, te, actors)) continue; // "riot police" are no riot
            if (!_clauses.IsFactual(doc, te, cues, start)) continue;
            if (_background.IsBackground(doc, te, start, end)) continue; // "fighting has killed 2,000 in the past six months"
            var entry = knowledge.Triggers[te.Ref];
            var nearHint = WeaponHintNear(doc, te, weapons);
            var type = entry.Class switch
            {
                TriggerClass.Specific => entry.Type,
                TriggerClass.Attack or TriggerClass.Fire => nearHint,
                TriggerClass.Explosion => nearHint != SubEventType.None ? nearHint : SubEventType.RemoteExplosiveLandmineIed,
                _ => SubEventType.None,
            };
            if (type == SubEventType.DisruptedWeaponsUse) facts.Intercepted = true;
            if (type == SubEventType.Arrests) facts.ArrestTrigger = true;
            if (type is SubEventType.PeacefulProtest or SubEventType.ProtestWithIntervention or SubEventType.ExcessiveForceAgainstProtesters) facts.ProtestTrigger = true;
            if ((entry.Flags & TriggerFlags.Peaceful) != 0) facts.PeacefulTrigger = true;
            if (type is SubEventType.ViolentDemonstration or SubEventType.MobViolence) facts.RiotTrigger = true;
            candidates.Add((ti, type, entry.Class));
        }
        if (candidates.Count == 0) return null;

        // Roles: who acted, against whom, around the trigger that names the tactic (the first typed one).
        int main = FirstOfType(candidates, SubEventType.None, typed: true) is >= 0 and var typed ? candidates[typed].Trigger : candidates[0].Trigger;
        var mainSpan = E(doc, main);
        var (agent, target, flags) = Roles(doc, mainSpan, actors, cues, start, end, _roles.PassiveKill(doc, triggers, start));
        var mainVictims = VictimScan.Around(doc, knowledge, mainSpan, start, end, agent);
        ActorEntry? Actor(int entity) => entity >= 0 ? knowledge.Actors[doc.Entities[entity].Ref] : null;
        // Whether one of the sentence's actors is generic of the inter code (a loop: a lambda here would cost a closure per sentence).
        bool AnyGeneric(InterCode inter)
        {
            foreach (var a in actors)
                if (Actor(a)!.IsGeneric(inter)) return true;
            return false;
        }
        bool civilianVictims = Actor(target) is { } t0 && t0.IsGeneric(InterCode.Civilians) || mainVictims.Civilians;
        if (civilianVictims) flags |= MentionFlags.CivilianVictims;
        facts.CivilianVictims = civilianVictims;
        facts.Protesters = Actor(target)?.IsGeneric(InterCode.Protesters) == true || Actor(agent)?.IsGeneric(InterCode.Protesters) == true
            || AnyGeneric(InterCode.Protesters);
        facts.Rioters = Actor(agent)?.IsGeneric(InterCode.Rioters) == true || AnyGeneric(InterCode.Rioters);
        facts.ArmedParty = false;
        foreach (var a in actors)
            if (Actor(a)!.IsArmed) { facts.ArmedParty = true; break; }
        facts.HasAgent = agent >= 0;
        facts.HasTarget = target >= 0;
        facts.AgentIsStateOrUnnamed = agent < 0 || Actor(agent)!.IsState;
        facts.AgentArmed = Actor(agent)?.IsArmed == true;
        facts.AgentNonStateArmed = Actor(agent)?.IsNonStateArmed == true;
        facts.TargetArmed = Actor(target)?.IsArmed == true;
        facts.AnyWeapon = weapons.Count > 0;
        foreach (var w in weapons)
        {
            var weapon = knowledge.Weapons[E(doc, w).Ref];
            if (weapon.Hint == SubEventType.AirDroneStrike) facts.AirWeapon = true;
            if (weapon.IsFirearm) facts.Firearm = true;
        }
        facts.ArmedPeopleNearMain = mainVictims.ArmedPeople;

        // Violence without a weapon that names its tactic: decided by who hit whom.
        var resolved = scratch.Resolved;
        var weakResolved = scratch.WeakResolved;
        resolved.Clear();
        weakResolved.Clear();
        bool allWeak = true;
        foreach (var (ti, type0, cls) in candidates)
        {
            var type = type0;
            bool weak = false;
            facts.Class = cls;
            facts.TriggerFlags = knowledge.Triggers[E(doc, ti).Ref].Flags;
            if (type == SubEventType.None && cls is TriggerClass.Kill or TriggerClass.Attack or TriggerClass.Fire or TriggerClass.Wound)
            {
                facts.Victims = VictimScan.Around(doc, knowledge, E(doc, ti), start, end, agent);
                var rule = TacticRules.Infer(facts);
                if (rule == null || rule.Type == SubEventType.None) continue;
                type = rule.Type;
                weak = !rule.Certain(facts);
                if (rule.MarksCivilians)
                {
                    facts.CivilianVictims = true;
                    flags |= MentionFlags.CivilianVictims;
                }
                // Armed men against a checkpoint, a convoy or soldiers: enough to start an event on its own.
                if (type == SubEventType.ArmedClash && facts.AgentArmed && facts.Victims.ArmedPeopleBesideAgent) flags |= MentionFlags.ArmedTarget;
            }
            type = TacticRules.ApplySpecialCases(facts, type);
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
        if (_clauses.IsPerfect(doc, mainSpan, start)) flags |= MentionFlags.Background;

        var final = TacticRules.Resolve(facts, resolved);
        if (!allWeak && TacticRules.RuleDecidedTypes.Contains(final)) flags |= MentionFlags.RuleDecided;
        int finalIndex = FirstOfType(candidates, final, typed: false);
        int finalTrigger = finalIndex >= 0 ? candidates[finalIndex].Trigger : 0;
        if (finalIndex >= 0 && finalTrigger != main)
        {
            var keep = flags & (MentionFlags.CivilianVictims | MentionFlags.WeakType | MentionFlags.GuessedToll);
            main = finalTrigger;
            mainSpan = E(doc, main);
            (agent, target, flags) = Roles(doc, mainSpan, actors, cues, start, end, _roles.PassiveKill(doc, triggers, start));
            flags |= keep;
            if (_clauses.IsPerfect(doc, mainSpan, start)) flags |= MentionFlags.Background;
        }
        // An agreement or a change of group reports no deaths of its own.
        if (final is SubEventType.Agreement or SubEventType.ChangeToGroupActivity && fatalities > 0
            && (FirstOfType(candidates, SubEventType.Agreement, typed: false) >= 0 || FirstOfType(candidates, SubEventType.ChangeToGroupActivity, typed: false) >= 0)) fatalities = -1;
        // "Missile strike kills three as drones downed": the toll is the strike's, not the interception's.
        if (final == SubEventType.DisruptedWeaponsUse && (AnyOtherThan(resolved, final) || AnyOtherThan(weakResolved, final)))
            (fatalities, injuries) = (-1, -1);

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

    /// <summary>
    /// Index of the first candidate of type <paramref name="type"/>, or with <paramref name="typed"/> the first whose
    /// type is not <paramref name="type"/>; -1 when there is none.
    /// </summary>
    private static int FirstOfType(List<(int Trigger, SubEventType Type, TriggerClass Class)> candidates, SubEventType type, bool typed)
    {
        for (int i = 0; i < candidates.Count; i++)
            if ((candidates[i].Type == type) != typed) return i;
        return -1;
    }

    private static bool AnyOtherThan(List<SubEventType> types, SubEventType type)
    {
        foreach (var t in types)
            if (t != type) return true;
        return false;
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

    private static bool InsideLongerActor(Document doc, EntitySpan trigger, List<int> actors)
    {
        foreach (var ai in actors)
        {
            var a = doc.Entities[ai];
            if (a.FirstToken <= trigger.FirstToken && a.EndToken >= trigger.EndToken && a.TokenCount > trigger.TokenCount) return true;
        }
        return false;
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
    private bool IsReference(Document doc, List<(int Trigger, SubEventType Type, TriggerClass Class)> candidates, List<int> weapons, List<int> actors, EventMention m)
    {
        if (m.Place >= 0 || m.Date >= 0) return false;
        var t = doc.Entities[m.TriggerEntity];
        return t.FirstToken > 0 && knowledge.Grammar.Is(doc, t.FirstToken - 1, WordClass.Anaphor);
    }

    private float Confidence(Document doc, EventMention m, List<(int Trigger, SubEventType Type, TriggerClass Class)> candidates)
    {
        float c = 0.4f;
        foreach (var x in candidates)
            if (x.Class == TriggerClass.Specific && x.Type == m.Type) { c += 0.2f; break; }
        if (m.Place >= 0) c += 0.15f;
        if (m.Date >= 0) c += 0.1f;
        if (m.Actor1 >= 0) c += 0.1f;
        if (m.Fatalities >= 0) c += 0.05f;
        return Math.Min(c, 1f);
    }
}
