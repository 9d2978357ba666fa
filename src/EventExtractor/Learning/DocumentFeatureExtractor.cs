using System.Runtime.InteropServices;
using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Learning;

/// <summary>Where a span of text sits in its article; a feature of its own (headlines and ledes report events differently).</summary>
internal enum TextPosition : byte
{
    /// <summary>The headline (or standfirst).</summary>
    Headline,
    /// <summary>The first body paragraph.</summary>
    Lede,
    /// <summary>Any later body paragraph.</summary>
    Body,
    /// <summary>A whole short text: a brief, an ACLED note, a snippet.</summary>
    Whole,
}

/// <summary>Turns a span of an analysed <see cref="Document"/> into hashed features.</summary>
internal interface IFeatureExtractor
{
    /// <summary>The hasher, whose bucket count bounds every id produced.</summary>
    FeatureHasher Hasher { get; }

    /// <summary>
    /// Appends the features of tokens [<paramref name="firstToken"/>, +<paramref name="tokenCount"/>) to
    /// <paramref name="into"/> (call <see cref="FeatureBuffer.Clear"/> first for a new example; several spans may
    /// go into one example). The document needs tokens and sentences; entity features need the lexicon, place and
    /// date stages to have run. Allocation-free once the buffer is warm.
    /// </summary>
    void Extract(Document doc, int firstToken, int tokenCount, TextPosition position, FeatureBuffer into);
}

/// <summary>
/// The features of the event classifier: lower-cased words and word bigrams; a shape bigram sequence where actor,
/// place, site, weapon, date and country spans become one marker each and numbers a COUNT marker ("ACTOR killed",
/// "killed COUNT", "in PLACE"); trigger phrases with the sub-event type and class the trigger lexicon gives them and
/// the entity markers right around them; weapons and their suggested type; cue words (threat, negation, denial ...)
/// and their effect; actor kinds and inter codes; numbers bucketed; quoted speech; the span's position and length.
/// Knowledge is optional: without it, entity features are the entity label plus its matched words, and a model
/// records whether it was trained with knowledge (<see cref="UsesKnowledge"/>).
/// </summary>
internal sealed class DocumentFeatureExtractor : IFeatureExtractor
{
    /// <summary>Version of the feature definitions; a model trained on another version is refused.</summary>
    public const int FeatureSetVersion = 2;

    private const int ContextWindow = 3;
    private static readonly ulong SpanStart = WordKey.Hash("<s>");
    private static readonly ulong CountMarker = WordKey.Hash("<COUNT>");
    private static readonly ulong[] LabelMarkers =
        Enum.GetNames<EntityLabel>().Select(n => WordKey.Hash("<" + n.ToUpperInvariant() + ">")).ToArray();

    private readonly ExtractionKnowledge? _knowledge;

    /// <summary>An extractor hashing into <paramref name="hasher"/>'s buckets, with lexicon knowledge when given.</summary>
    public DocumentFeatureExtractor(FeatureHasher hasher, ExtractionKnowledge? knowledge)
    {
        Hasher = hasher;
        _knowledge = knowledge;
    }

    public FeatureHasher Hasher { get; }

    /// <summary>True when trigger types, weapon hints, cue effects and actor kinds come from the lexicons.</summary>
    public bool UsesKnowledge => _knowledge != null;

    public void Extract(Document doc, int firstToken, int tokenCount, TextPosition position, FeatureBuffer into)
    {
        var h = Hasher;
        into.Add(h.Bucket(FeatureKind.Position, (ulong)position));
        into.Add(h.Bucket(FeatureKind.Length, (ulong)LengthBucket(tokenCount)));
        if (tokenCount <= 0) return;
        int end = firstToken + tokenCount;

        // Marks: 0 = no entity, else label + 1; bit 0x80 on an entity's first token (so a marker is emitted once).
        var marks = into.Marks(tokenCount);
        var entities = EntitiesNear(doc, firstToken, end);
        foreach (var e in entities)
        {
            if (e.EndToken <= firstToken || e.FirstToken >= end) continue;
            EntityFeatures(doc, e, into);
            if (e.Label is EntityLabel.Trigger or EntityLabel.Cue) continue;
            int a = Math.Max(e.FirstToken, firstToken), b = Math.Min(e.EndToken, end);
            if (marks[a - firstToken] != 0) continue; // an earlier (longer) span already covers it
            for (int t = a; t < b; t++)
                if (marks[t - firstToken] == 0) marks[t - firstToken] = (byte)((int)e.Label + 1);
            marks[a - firstToken] |= 0x80;
        }

        ulong prevWord = SpanStart, prevShape = SpanStart;
        bool quoted = false;
        for (int t = firstToken; t < end; t++)
        {
            var token = doc.Tokens[t];
            if ((token.Flags & TokenFlags.Quoted) != 0) quoted = true;
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            var text = doc.TokenText(t);
            ulong word = doc.TokenHash(t); // WordKey.Hash of the text, cached by the lexicon stage
            if (word == 0) continue;
            byte mark = marks[t - firstToken];

            int number = NumberValue(token, text, word);
            if (number >= 0) into.Add(h.Bucket(FeatureKind.Number, (ulong)NumberBucket(number, token.Kind == TokenKind.Number)));
            else into.Add(h.Bucket(FeatureKind.Word, word));
            into.Add(h.Bucket(FeatureKind.Bigram, prevWord, number >= 0 ? CountMarker : word));
            prevWord = number >= 0 ? CountMarker : word;

            ulong shape;
            if (mark != 0)
            {
                if ((mark & 0x80) == 0) continue; // inside an entity already emitted
                shape = LabelMarkers[(mark & 0x7F) - 1];
            }
            else shape = number >= 0 ? CountMarker : word;
            if (shape != prevShape) into.Add(h.Bucket(FeatureKind.ShapeBigram, prevShape, shape));
            prevShape = shape;
        }
        if (quoted) into.Add(h.Bucket(FeatureKind.Quoted, 1));
        if ((doc.Done & Pipeline.Annotations.Mentions) != 0) RuleFeatures(doc, firstToken, end, entities, into);

        // The entity markers next to each trigger: "ACTOR <attacked>", "<killed> ... PLACE".
        foreach (var e in entities)
        {
            if (e.Label != EntityLabel.Trigger || e.EndToken <= firstToken || e.FirstToken >= end) continue;
            ulong key = TriggerKey(doc, e);
            int before = NearestMark(marks, firstToken, e.FirstToken - 1, -1, firstToken);
            int after = NearestMark(marks, firstToken, e.EndToken, +1, end);
            into.Add(h.Bucket(FeatureKind.TriggerContext, key, (ulong)(before + 1)));
            into.Add(h.Bucket(FeatureKind.TriggerContext, key, (ulong)(after + 1 + 64)));
        }
    }

    /// <summary>
    /// What the rules made of the span: each mention's sub-event type and flags (a tactic only guessed, a reference
    /// back, background, civilian victims ...), and whether they found trigger words but judged them no event (a
    /// threat, a plan, a denial, a habit, a quoted claim).
    /// </summary>
    private void RuleFeatures(Document doc, int firstToken, int end, ReadOnlySpan<EntitySpan> entities, FeatureBuffer into)
    {
        var h = Hasher;
        int typed = 0;
        foreach (var m in doc.Mentions)
        {
            int start = doc.Sentences[m.Sentence].FirstToken;
            if (start < firstToken || start >= end) continue;
            into.Add(h.Bucket(FeatureKind.RuleType, (ulong)m.Type));
            if (m.Type != Records.SubEventType.None) typed++;
            for (int bit = 0; bit < 16; bit++)
                if (((int)m.Flags & (1 << bit)) != 0) into.Add(h.Bucket(FeatureKind.RuleFlag, (ulong)bit, (ulong)m.Type));
        }
        if (typed > 0) return;
        foreach (var e in entities)
            if (e.Label == EntityLabel.Trigger && e.FirstToken >= firstToken && e.FirstToken < end)
            {
                into.Add(h.Bucket(FeatureKind.RuleNoEvent, 1));
                return;
            }
    }

    [ThreadStatic] private static Document? t_measured;
    [ThreadStatic] private static int t_measuredCount, t_longestEntity;

    /// <summary>
    /// The entities, in their order, that may overlap tokens [<paramref name="firstToken"/>, <paramref name="end"/>):
    /// every one until the mention stage has sorted them by first token, then only those that start less than the
    /// longest entity's length before the span and before its end. A document's sentences are featurized many
    /// times each, and scanning every entity of the article for each was most of the work.
    /// </summary>
    private static ReadOnlySpan<EntitySpan> EntitiesNear(Document doc, int firstToken, int end)
    {
        var all = CollectionsMarshal.AsSpan(doc.Entities);
        if ((doc.Done & Pipeline.Annotations.Mentions) == 0) return all;
        if (!ReferenceEquals(t_measured, doc) || t_measuredCount != all.Length)
        {
            int longest = 0;
            foreach (var e in all) longest = Math.Max(longest, e.TokenCount);
            t_measured = doc;
            t_measuredCount = all.Length;
            t_longestEntity = longest;
        }
        int from = doc.FirstEntityAt(firstToken - t_longestEntity + 1);
        int to = doc.FirstEntityAt(end);
        return from < to ? all[from..to] : default;
    }

    private void EntityFeatures(Document doc, EntitySpan e, FeatureBuffer into)
    {
        var h = Hasher;
        into.Add(h.Bucket(FeatureKind.EntityLabel, (ulong)e.Label));
        var k = _knowledge;
        switch (e.Label)
        {
            case EntityLabel.Trigger:
                into.Add(h.Bucket(FeatureKind.TriggerText, PhraseHash(doc, e)));
                if (k != null && (uint)e.Ref < (uint)k.Triggers.Length)
                {
                    var entry = k.Triggers[e.Ref];
                    into.Add(h.Bucket(FeatureKind.TriggerType, (ulong)entry.Type));
                    into.Add(h.Bucket(FeatureKind.TriggerClass, (ulong)entry.Class));
                }
                break;
            case EntityLabel.Weapon:
                into.Add(h.Bucket(FeatureKind.WeaponText, PhraseHash(doc, e)));
                if (k != null && (uint)e.Ref < (uint)k.Weapons.Length)
                    into.Add(h.Bucket(FeatureKind.WeaponHint, (ulong)k.Weapons[e.Ref].Hint));
                break;
            case EntityLabel.Cue:
                into.Add(h.Bucket(FeatureKind.CueText, PhraseHash(doc, e)));
                if (k != null && (uint)e.Ref < (uint)k.Cues.Length)
                    into.Add(h.Bucket(FeatureKind.CueEffect, (ulong)k.Cues[e.Ref]));
                break;
            case EntityLabel.Actor:
                if (k != null && (uint)e.Ref < (uint)k.Actors.Length)
                {
                    var actor = k.Actors[e.Ref];
                    into.Add(h.Bucket(FeatureKind.ActorKind, (ulong)actor.Kind));
                    into.Add(h.Bucket(FeatureKind.ActorInter, (ulong)actor.Inter));
                }
                break;
        }
    }

    /// <summary>The trigger's type (with knowledge, so "shelled" and "bombarded" share context weights) or its words.</summary>
    private ulong TriggerKey(Document doc, EntitySpan e)
    {
        if (_knowledge != null && (uint)e.Ref < (uint)_knowledge.Triggers.Length)
        {
            var entry = _knowledge.Triggers[e.Ref];
            return 0x1000UL + (ulong)entry.Type * 16 + (ulong)entry.Class;
        }
        return PhraseHash(doc, e);
    }

    private static ulong PhraseHash(Document doc, EntitySpan e)
    {
        ulong h = 0;
        for (int t = e.FirstToken; t < e.EndToken && t < doc.TokenCount; t++)
        {
            ulong w = WordKey.Hash(doc.TokenText(t));
            if (w != 0) h = WordKey.Combine(h, w);
        }
        return h;
    }

    /// <summary>Label of the nearest entity within <see cref="ContextWindow"/> tokens in one direction, or -1.</summary>
    private static int NearestMark(ReadOnlySpan<byte> marks, int offset, int from, int step, int limit)
    {
        for (int i = 0, t = from; i < ContextWindow; i++, t += step)
        {
            if (step < 0 ? t < limit : t >= limit) break;
            byte m = marks[t - offset];
            if (m != 0) return (m & 0x7F) - 1;
        }
        return -1;
    }

    /// <summary>The value of a number token or number word ("three", "dozens"), or -1.</summary>
    private int NumberValue(Token token, ReadOnlySpan<char> text, ulong word)
    {
        if (token.Kind == TokenKind.Number)
        {
            long v = 0;
            int digits = 0;
            foreach (var c in text)
            {
                if (c is >= '0' and <= '9') { if (digits++ < 9) v = v * 10 + (c - '0'); }
                else if (c is ',' ) continue;
                else break;
            }
            return digits == 0 ? -1 : (int)Math.Min(v, int.MaxValue);
        }
        if (_knowledge != null && _knowledge.Numbers.TryGetValue(word, out var n) && n.Kind != "article") return n.Value;
        return -1;
    }

    private static int NumberBucket(int n, bool digits) => n switch
    {
        0 => 0,
        1 => 1,
        <= 5 => 2,
        <= 10 => 3,
        <= 50 => 4,
        <= 500 => 5,
        >= 1900 and <= 2100 when digits => 7, // a year
        _ => 6,
    };

    private static int LengthBucket(int tokens) => tokens switch
    {
        <= 8 => 0,
        <= 20 => 1,
        <= 40 => 2,
        <= 80 => 3,
        _ => 4,
    };
}
