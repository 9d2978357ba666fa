using EventExtractor.Lexicons;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Who acted and against whom, read around the trigger that names the tactic: the subject before an active verb,
/// the object after it or after "on"/"at", the agent after "by"; sources ("X said"), the blamed and the blamers,
/// denials and claims are weighed first. Named groups and states beat generic actors.
/// </summary>
internal sealed class RoleFinder(ExtractionKnowledge knowledge)
{
    private readonly ClauseReader _clauses = new(knowledge);

    private GrammarWords Grammar => knowledge.Grammar;

    /// <summary>The first "were killed"/"was wounded" of the sentence: who stands before it suffered, not acted.</summary>
    public int PassiveKill(Document doc, List<int> triggers, int start)
    {
        foreach (var ti in triggers)
        {
            var t = doc.Entities[ti];
            if (knowledge.Triggers[t.Ref].Class is not (TriggerClass.Kill or TriggerClass.Wound)) continue;
            for (int k = t.FirstToken - 1; k >= Math.Max(start, t.FirstToken - 2); k--)
                if (Grammar.Is(doc, k, WordClass.PassiveAuxiliary)) return t.FirstToken;
            // Headline style without the auxiliary: "Police officers killed in Kano", "Two soldiers wounded as ...".
            if (ClauseReader.IsHeadline(doc, t.FirstToken)
                && (t.EndToken >= doc.TokenCount || Grammar.Is(doc, t.EndToken, WordClass.PassiveFollower) || doc.Tokens[t.EndToken].Kind == TokenKind.Punctuation))
                if (t.FirstToken > start && doc.Tokens[t.FirstToken - 1].Kind == TokenKind.Word && !doc.TokenText(t.FirstToken).EndsWith("ing", StringComparison.Ordinal))
                    return t.FirstToken;
        }
        return -1;
    }

    public (int Agent, int Target, MentionFlags Flags) Roles(Document doc, EntitySpan trigger, List<int> actors, List<int> cues, int start, int end, int passiveKill = -1)
    {
        int agent = -1, target = -1;
        var flags = MentionFlags.None;
        bool passive = trigger.FirstToken > start && Grammar.Is(doc, trigger.FirstToken - 1, WordClass.PassiveAuxiliary)
                       || trigger.FirstToken > start + 1 && Grammar.Is(doc, trigger.FirstToken - 2, WordClass.PassiveAuxiliary);
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
            if (entry.Role == ActorRole.Modifier)
            {
                if (a.EndToken <= trigger.FirstToken && StartsWeaponOrTrigger(doc, a.EndToken) && agent < 0) agent = ai;
                continue;
            }
            // A country's bare name acts only right before its deed ("US air strikes", "Iran fired").
            if (entry.Kind == ActorKind.CountryName && (a.EndToken > trigger.FirstToken || trigger.FirstToken - a.EndToken > 2 || ClauseReader.HasPunctuation(doc, a.EndToken, trigger.FirstToken))) continue;
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
            bool afterBy = Grammar.Is(prep, WordClass.Agentive);
            bool asTarget = Grammar.Is(prep, WordClass.TargetPreposition) || (!before && !afterBy);
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
            if (before && !passive && !asTarget && entry.Role != ActorRole.Victim)
            {
                // The named actor in the subject beats a generic one ("Fighters of the ADF killed").
                if (agent < 0 || Rank(doc, ai) > Rank(doc, agent) || (Rank(doc, ai) == Rank(doc, agent) && ai > agent && !_clauses.HasClauseBreak(doc, a.EndToken, trigger.FirstToken)))
                    agent = ai;
                continue;
            }
            if (before && passive && target < 0 && !Grammar.Is(prep, WordClass.TargetPreposition))
            {
                target = ai; // "Three soldiers were killed"
                continue;
            }
            if (entry.Kind == ActorKind.CountryName) continue;
            // "Twelve people were killed when gunmen stormed a market": after a passive toll, armed men act.
            if (!before && passiveKill == trigger.FirstToken && agent < 0 && !Grammar.Is(prep, WordClass.TargetPreposition) && entry.Role != ActorRole.Victim
                && entry.Kind is ActorKind.Generic or ActorKind.Group && entry.IsArmedInter)
            {
                agent = ai;
                continue;
            }
            if (target < 0 && ai != agent && (asTarget || entry.Role == ActorRole.Victim)) target = ai;
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

        private ulong PrepositionBefore(Document doc, int token, int start)
    {
        int k = token - 1;
        while (k > start && Grammar.Is(doc, k, WordClass.Determiner)) k--;
        return k >= start ? doc.TokenHash(k) : 0UL;
    }

    /// <summary>Named groups and states say more than generic actors.</summary>
    public int Rank(Document doc, int entity) => knowledge.Actors[doc.Entities[entity].Ref].Kind switch
    {
        ActorKind.Group => 3,
        ActorKind.State => knowledge.Actors[doc.Entities[entity].Ref].Iso3.Length == 3 ? 2 : 1,
        ActorKind.CountryName => 2,
        _ => 0,
    };

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
            bool passive = c.FirstToken > 0 && Grammar.Is(doc, c.FirstToken - 1, WordClass.PassiveAuxiliary);
            if (c.EndToken <= actor.FirstToken && !ClauseReader.HasSentenceLevelBreak(doc, c.EndToken, actor.FirstToken)) return BlameSide.Blamed;
            if (actor.EndToken <= c.FirstToken && c.FirstToken - actor.EndToken <= 6)
                return passive || IsAdjectival(doc, c) ? BlameSide.Blamed : BlameSide.Blamer;
        }
        return BlameSide.None;
    }

    /// <summary>"suspected militants", "alleged gunmen": the cue qualifies the noun after it.</summary>
    private bool IsAdjectival(Document doc, EntitySpan cue) => Grammar.Is(doc, cue.FirstToken, WordClass.SuspicionAdjective);

    /// <summary>The actor tells of the event ("X said", "according to X", "a statement from X").</summary>
    public bool IsSource(Document doc, EntitySpan actor, List<int> cues, int start, int end)
    {
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            if (knowledge.Cues[c.Ref] != CueEffect.Speech) continue;
            int after = c.FirstToken - actor.EndToken;
            int before = actor.FirstToken - c.EndToken;
            if (after >= 0 && after <= 2) return true;
            // "The Iraqi government on Monday condemned"
            if (after > 2 && after <= 4 && !ClauseReader.HasPunctuation(doc, actor.EndToken, c.FirstToken)) return true;
            // "residents and a local official said"
            if (after > 2 && after <= 5 && !ClauseReader.HasPunctuation(doc, actor.EndToken, c.FirstToken)
                && Grammar.Is(doc, actor.EndToken, WordClass.Coordinator)) return true;
            // "according to X", "a statement from X", "X's spokesman": the source stands after these cues only.
            if (before >= 0 && before <= 3 && !_clauses.HasClauseBreak(doc, c.EndToken, actor.FirstToken) && IntroducesSource(doc, c)) return true;
        }
        return false;
    }

    private bool IntroducesSource(Document doc, EntitySpan cue) => Grammar.Is(doc, cue.FirstToken, WordClass.SourceIntroducer);

    public bool SameActor(Document doc, int a, int b) => knowledge.Actors[doc.Entities[a].Ref] == knowledge.Actors[doc.Entities[b].Ref];

    /// <summary>A blame, denial or claim cue next to the actor in its clause.</summary>
    private CueEffect? CueAround(Document doc, EntitySpan actor, List<int> cues)
    {
        foreach (var ci in cues)
        {
            var c = doc.Entities[ci];
            var effect = knowledge.Cues[c.Ref];
            if (effect is not (CueEffect.Blame or CueEffect.Denial or CueEffect.Claim)) continue;
            // A claim quoted from someone else ("'almost certainly conducted by' a militia") is an attribution.
            if (effect == CueEffect.Claim && ClauseReader.IsQuoted(doc, c.FirstToken)) continue;
            int before = actor.FirstToken - c.EndToken;   // cue ... actor
            int after = c.FirstToken - actor.EndToken;    // actor ... cue
            if (before >= 0 && before <= 3 && !_clauses.HasClauseBreak(doc, c.EndToken, actor.FirstToken)) return effect;
            if (after >= 0 && after <= 3 && effect is CueEffect.Denial or CueEffect.Claim) return effect;
            // "X, one of the largest groups ..., denied being behind the barrage"
            if (effect == CueEffect.Denial && after > 3 && after <= 15 && !ClauseReader.HasSentenceLevelBreak(doc, actor.EndToken, c.FirstToken)) return effect;
            // "X, which has been accused of ..." / "X claimed responsibility"
            if (after >= 0 && after <= 6 && effect == CueEffect.Claim) return effect;
        }
        return null;
    }
}
