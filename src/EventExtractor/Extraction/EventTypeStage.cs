using EventExtractor.Learning;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Text;

namespace EventExtractor.Extraction;

/// <summary>
/// Decides the sub-event type of each event mention with the learned classifier, after the rules have found the
/// mentions. The rules' types, flags and the trigger words they judged no event are features of the classifier;
/// what the rules know for certain stays a hard constraint, applied by the named rules below in order. A short
/// text (a brief, an ACLED note) is classified whole, as the classifier was trained on it; a sentence of an article
/// is classified with its headline and lede as context. The decisions go to a layer of their own
/// (<see cref="Document.MentionTypes"/>); the assembler reads them.
/// </summary>
internal sealed class EventTypeStage(IEventClassifier classifier, ExtractionKnowledge knowledge) : IStage
{
    /// <summary>A short text the classifier finds no event in at this probability reports none (tuned on the dev split).</summary>
    public const float NonEventProbability = 0.85f;

    /// <summary>
    /// A short text the rules found no event in gets the classifier's event when it is this sure (as sure as the
    /// perceptron had to be: non-events without trigger words are common); at this probability the classifier's type
    /// for a short text also stands where the rules found the event thinly told.
    /// </summary>
    public const float InferredEventConfidence = 0.8f;

    /// <summary>
    /// In an article, the classifier replaces a type the rules named with a trigger or a weapon only when it is this
    /// sure (tuned on the dev split: articles are long, the training data few, and the rules read them well).
    /// </summary>
    public const float ArticleOverrideConfidence = 0.9f;

    /// <summary>
    /// In an article, the classifier decides a type the rules only guessed from "attacked" or "killed" when it is this
    /// sure (tuned on the dev split: 0 types every guess, and the guesses it then confirms start events of their own).
    /// </summary>
    public const float GuessedTypeConfidence = 0.7f;

    public string Name => "event types";
    public Annotations Requires => Annotations.Tokens | Annotations.Sentences | Annotations.Actors | Annotations.Weapons |
                                   Annotations.Triggers | Annotations.Places | Annotations.Dates | Annotations.Mentions;
    public Annotations Provides => Annotations.EventTypes;

    /// <summary>The classifier the stage consults.</summary>
    public IEventClassifier Classifier => classifier;

    public void Process(Document doc)
    {
        var types = new MentionType[doc.Mentions.Count];
        for (int i = 0; i < types.Length; i++) types[i] = new MentionType(doc.Mentions[i].Type, doc.Mentions[i].Confidence, TypeSource.Rules);
        Span<float> probabilities = stackalloc float[EventClassifierModel.AllClasses.Count];
        var p = classifier.ClassifyDocument(doc, out var shape, probabilities);
        if (shape == TrainingData.DocumentShape.Short && !SeveralDays(doc)) DecideShortText(doc, p, probabilities, types);
        else if (shape == TrainingData.DocumentShape.Short) DecideArticle(doc, types, probabilities); // a brief of several events
        else if (shape == TrainingData.DocumentShape.Article) DecideArticle(doc, types, probabilities);
        else for (int i = 0; i < types.Length; i++) types[i] = types[i] with { Probability = probabilities[(int)types[i].Type] };
        doc.MentionTypes = types;
    }

    /// <summary>
    /// A short text tells one event (unless its events fall on several days): the classifier's type goes to every
    /// typed mention, with these constraints:
    /// <list type="number">
    /// <item><b>Modality</b>: trigger words the rules judged a threat, plan, denial, habit or quoted claim (no mention)
    /// stay no event, whatever the classifier reads.</item>
    /// <item><b>Non-event</b>: the classifier's None removes the events only when it is <see cref="NonEventProbability"/> sure.</item>
    /// <item><b>Hierarchy</b>: a type a tactic rule decided (an interception, an intervention, a riot ..., which the
    /// codebook puts above the tactic they involve) stands against the classifier's.</item>
    /// <item><b>Inferred event</b>: a text the rules found no event in gets the classifier's event when it is
    /// <see cref="InferredEventConfidence"/> sure, unless a trigger word of the same event type is in the text
    /// (the rules judged it a threat, a plan, a denial ...: "threatened to attack" is no attack, while "took the
    /// town without fighting" is still a transfer of territory).</item>
    /// <item><b>Whole text</b>: at <see cref="InferredEventConfidence"/>, the classifier's type stands even for a
    /// mention the rules only guessed and found thinly told: a note tells one event, and the classifier read all of it.</item>
    /// </list>
    /// </summary>
    private void DecideShortText(Document doc, EventPrediction p, ReadOnlySpan<float> probabilities, MentionType[] types)
    {
        bool anyTyped = false;
        foreach (var m in doc.Mentions) anyTyped |= m.Type != SubEventType.None;
        if (!anyTyped)
        {
            if (p.Type != SubEventType.None && p.Confidence >= InferredEventConfidence && !TriggerOfSameEventType(doc, p.Type))
                doc.InferredMention = InferMention(doc, p);
            return;
        }
        if (p.Type == SubEventType.None)
        {
            if (p.NoneProbability < NonEventProbability)
            {
                for (int i = 0; i < types.Length; i++) // the rules' types stand, with the probability the classifier gives them
                    if (types[i].Type != SubEventType.None) types[i] = types[i] with { Probability = probabilities[(int)types[i].Type] };
                return;
            }
            for (int i = 0; i < types.Length; i++)
                if (types[i].Type != SubEventType.None) types[i] = new MentionType(SubEventType.None, p.NoneProbability, TypeSource.Model);
            return;
        }
        for (int i = 0; i < types.Length; i++)
        {
            var rule = types[i].Type;
            if (rule == SubEventType.None) continue;
            if (RuleStands(doc.Mentions[i], p.Type)) // hierarchy
            {
                types[i] = new MentionType(rule, probabilities[(int)rule], TypeSource.Rules);
                continue;
            }
            types[i] = new MentionType(p.Type, p.Confidence, p.Confidence >= InferredEventConfidence ? TypeSource.WholeText : TypeSource.Model);
        }
    }

    /// <summary>
    /// Each typed mention of an article is classified in its context (headline and lede). The classifier decides a
    /// type the rules only guessed when it is <see cref="GuessedTypeConfidence"/> sure, and replaces a named one when
    /// it is <see cref="ArticleOverrideConfidence"/> sure;
    /// the modality and hierarchy constraints hold as for short texts, and None never removes an article's mention
    /// (an article reports many things besides its event; the rules' modality cues already judged the sentence).
    /// The probability kept is the classifier's probability of the type decided.
    /// </summary>
    private void DecideArticle(Document doc, MentionType[] types, ReadOnlySpan<float> documentProbabilities)
    {
        int lede = TrainingData.LedeParagraph(doc);
        Span<float> probabilities = stackalloc float[documentProbabilities.Length];
        // Mentions of one sentence get the same answer (the position is the sentence's): it is asked once.
        int classified = -1;
        var q = default(EventPrediction);
        for (int i = 0; i < types.Length; i++)
        {
            var m = doc.Mentions[i];
            if (m.Type == SubEventType.None) continue;
            bool weak = (m.Flags & MentionFlags.WeakType) != 0;
            var position = TrainingData.PositionOf(doc, m.Sentence, lede);
            if (!weak && !InLedeZone(doc, m.Sentence))
            {
                // A named tactic told later in the article: the model would not be sure enough to replace it (its
                // examples are headlines, ledes and short texts); its confidence is the article's probability of it.
                types[i] = new MentionType(m.Type, documentProbabilities[(int)m.Type], TypeSource.Rules);
                continue;
            }
            if (m.Sentence != classified)
            {
                q = classifier.ClassifySentence(doc, m.Sentence, position, probabilities);
                classified = m.Sentence;
            }
            bool decide = q.Type != SubEventType.None
                          && q.Confidence >= (weak ? GuessedTypeConfidence : ArticleOverrideConfidence)
                          && !RuleStands(m, q.Type);
            types[i] = decide
                ? new MentionType(q.Type, q.Confidence, TypeSource.Model)
                : new MentionType(m.Type, probabilities[(int)m.Type], TypeSource.Rules);
        }
    }

    /// <summary>The headline and the first <see cref="LedeZoneParagraphs"/> body paragraphs, where an article tells its main event.</summary>
    private static bool InLedeZone(Document doc, int sentence)
    {
        var s = doc.Sentences[sentence];
        int p = s.Paragraph >= 0 ? s.Paragraph : doc.ParagraphAt(s.Start);
        if (p < 0 || doc.Paragraphs.Length == 0) return true;
        if (doc.Paragraphs[p].Kind is ParagraphKind.Headline or ParagraphKind.Subheadline) return true;
        int body = 0;
        for (int i = 0; i < p; i++)
            if (doc.Paragraphs[i].Kind == ParagraphKind.Body && ++body >= LedeZoneParagraphs) return false;
        return true;
    }

    /// <summary>Body paragraphs that count as the lede zone (as the assembler's lede).</summary>
    private const int LedeZoneParagraphs = 3;

    /// <summary>
    /// True when the rules' typed mentions fall on two or more days: a brief that tells several events ("killed four
    /// on Monday; on Tuesday, soldiers clashed ..."), whose sentences are typed one by one as in an article.
    /// </summary>
    private static bool SeveralDays(Document doc)
    {
        int day = int.MinValue;
        foreach (var m in doc.Mentions)
        {
            if (m.Type == SubEventType.None || m.Date < 0) continue;
            int d = doc.Entities[m.Date].Ref;
            if (day == int.MinValue) day = d;
            else if (d != day) return true;
        }
        return false;
    }

    /// <summary>
    /// The codebook's hierarchy: a type a tactic rule decided (an interception, an intervention, a riot ...; see
    /// <see cref="TacticRules.RuleTypeStands"/>) stands against the classifier's.
    /// </summary>
    private static bool RuleStands(EventMention m, SubEventType predicted) =>
        (m.Flags & MentionFlags.RuleDecided) != 0 && TacticRules.RuleTypeStands(m.Type, predicted);

    /// <summary>
    /// A trigger word that tells an event of the same event type as <paramref name="predicted"/>: in a text without a
    /// typed mention, the rules judged it no event (a threat, a plan, a denial, a habit, a quoted claim). A trigger that
    /// names its type tells that type's event type; "attack", "killed", "fired", "blast" tell political violence
    /// (a battle, an explosion or violence against civilians).
    /// </summary>
    private bool TriggerOfSameEventType(Document doc, SubEventType predicted)
    {
        var wanted = AcledTaxonomy.EventTypeOf(predicted);
        bool violence = wanted is EventType.Battles or EventType.ExplosionsRemoteViolence or EventType.ViolenceAgainstCivilians;
        var triggers = knowledge.Triggers;
        foreach (var e in doc.Entities)
        {
            if (e.Label != EntityLabel.Trigger || (uint)e.Ref >= (uint)triggers.Length) continue;
            var trigger = triggers[e.Ref];
            if (trigger.Class == TriggerClass.Specific ? AcledTaxonomy.EventTypeOf(trigger.Type) == wanted : violence) return true;
        }
        return false;
    }

    /// <summary>
    /// The event of a short text without trigger words: in its first evidence sentence that names a place (else
    /// the first), with that sentence's first actor as actor1, the next as actor2, its first place and date.
    /// </summary>
    private static EventMention? InferMention(Document doc, EventPrediction p)
    {
        int chosen = -1;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            if (!IsEvidence(doc, doc.Sentences[s])) continue;
            if (chosen < 0) chosen = s;
            if (First(doc, s, EntityLabel.Place, 0) >= 0) { chosen = s; break; }
        }
        if (chosen < 0) return null;
        int actor1 = First(doc, chosen, EntityLabel.Actor, 0);
        return new EventMention(chosen, -1, p.Type)
        {
            Actor1 = actor1,
            Actor2 = actor1 >= 0 ? First(doc, chosen, EntityLabel.Actor, actor1 + 1) : -1,
            Place = First(doc, chosen, EntityLabel.Place, 0),
            Date = First(doc, chosen, EntityLabel.Date, 0),
            Confidence = p.Confidence,
        };
    }

    private static int First(Document doc, int sentence, EntityLabel label, int from)
    {
        var s = doc.Sentences[sentence];
        int end = s.FirstToken + s.TokenCount;
        for (int i = from; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Label == label && e.FirstToken >= s.FirstToken && e.FirstToken < end) return i;
        }
        return -1;
    }

    private static bool IsEvidence(Document doc, Sentence sentence)
    {
        if (doc.Paragraphs.Length == 0) return true;
        int p = sentence.Paragraph >= 0 ? sentence.Paragraph : doc.ParagraphAt(sentence.Start);
        return p < 0 || doc.Paragraphs[p].IsEvidence;
    }
}
