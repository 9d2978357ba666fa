using EventExtractor.Extraction;
using EventExtractor.Text;

namespace EventExtractor.Export;

/// <summary>The entity labels written to training data.</summary>
internal static class TrainingLabels
{
    /// <summary>An actor phrase: a state force, an armed group, a generic actor ("gunmen", "protesters").</summary>
    public const string Actor = "ACTOR";

    /// <summary>A place: a town, a province, a named site, or a country named as a place.</summary>
    public const string Location = "LOC";

    /// <summary>A weapon ("rockets", "an improvised explosive device").</summary>
    public const string Weapon = "WEAPON";

    /// <summary>A date or a relative date ("on Monday", "March 3").</summary>
    public const string Date = "DATE";

    /// <summary>The word or phrase an event mention hangs on ("attacked", "an airstrike").</summary>
    public const string Trigger = "TRIGGER";

    /// <summary>Every label, in the order of the README's table.</summary>
    public static IReadOnlyList<string> All { get; } = [Actor, Location, Weapon, Date, Trigger];
}

/// <summary>One labelled entity of a training example: a token range of the document.</summary>
/// <param name="FirstToken">Index of the first token in <see cref="Document.Tokens"/>.</param>
/// <param name="TokenCount">Number of tokens (at least 1).</param>
/// <param name="Label">One of <see cref="TrainingLabels"/>.</param>
internal readonly record struct TrainingSpan(int FirstToken, int TokenCount, string Label)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>
/// What one analysed article gives as training data: the sentences of its evidence paragraphs (headline,
/// standfirst, body; captions, bylines, promotions and boilerplate are left out) and non-overlapping labelled
/// spans inside them. Both export formats are written from this, so they always carry the same entities.
/// </summary>
/// <remarks>
/// Which entities become spans:
/// <list type="bullet">
/// <item>Actor -> ACTOR; Place and Site -> LOC; Weapon -> WEAPON; Date -> DATE.</item>
/// <item>Country (a country named as such) -> LOC: in running text "in Iraq" is a location. When a country name is
/// also an actor ("Iran retaliated"), the actor wins only if an event mention uses it as an actor.</item>
/// <item>Trigger -> TRIGGER only for the trigger of an event mention; trigger words no event was read from are
/// left unlabelled, so the label means "an event is reported here".</item>
/// <item>Count and Cue are not exported; nor is a lexicon match that covers only part of a hyphenated token
/// ("Iran" in "Iran-backed"), which no token-level tag can express; nor an entity that crosses a sentence end.</item>
/// </list>
/// Overlaps are resolved greedily: the longest span (in tokens) first; among equally long ones, a span an event
/// mention uses (as trigger, actor, place or date) first; then by label: TRIGGER, WEAPON, LOC (place or site),
/// LOC (country), ACTOR, DATE; then the earlier one. A span overlapping one already taken is dropped whole.
/// </remarks>
internal sealed class TrainingExample
{
    private TrainingExample(Document document, int[] sentences, TrainingSpan[] spans)
    {
        Document = document;
        Sentences = sentences;
        Spans = spans;
    }

    /// <summary>The analysed article.</summary>
    public Document Document { get; }

    /// <summary>The article's id (as read from the input).</summary>
    public string Id => Document.Article.Id;

    /// <summary>Indexes into <see cref="Document.Sentences"/> of the sentences exported, in text order.</summary>
    public IReadOnlyList<int> Sentences { get; }

    /// <summary>The labelled spans, in text order, never overlapping, each inside one exported sentence.</summary>
    public IReadOnlyList<TrainingSpan> Spans { get; }

    /// <summary>Builds the training example of a document the pipeline has analysed.</summary>
    public static TrainingExample From(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = new List<int>();
        // Per token: the exported sentence it belongs to, or -1 (noise, or outside any sentence).
        var sentenceOfToken = new int[document.TokenCount];
        Array.Fill(sentenceOfToken, -1);
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (!IsEvidence(document, sentence)) continue;
            sentences.Add(s);
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++) sentenceOfToken[t] = s;
        }

        var used = new HashSet<int>();
        foreach (var m in document.Mentions)
        {
            foreach (var e in (ReadOnlySpan<int>)[m.TriggerEntity, m.Actor1, m.Actor2, m.Place, m.Date])
                if (e >= 0) used.Add(e);
        }

        var candidates = new List<(EntitySpan Entity, string Label, int Rank, bool Used, int Index)>();
        for (int i = 0; i < document.Entities.Count; i++)
        {
            var e = document.Entities[i];
            if (e.TokenCount <= 0 || e.FirstToken < 0 || e.EndToken > document.TokenCount) continue;
            var (label, rank) = LabelOf(e.Label);
            if (label is null) continue;
            bool isUsed = used.Contains(i);
            if (e.Label == EntityLabel.Trigger && !isUsed) continue;
            if (IsLexiconLabel(e.Label) && (e.Value & LexiconStage.PartialToken) != 0) continue;
            int s = sentenceOfToken[e.FirstToken];
            if (s < 0 || sentenceOfToken[e.EndToken - 1] != s) continue;
            candidates.Add((e, label, rank, isUsed, i));
        }
        candidates.Sort((a, b) =>
        {
            int c = b.Entity.TokenCount.CompareTo(a.Entity.TokenCount);
            if (c == 0) c = b.Used.CompareTo(a.Used);
            if (c == 0) c = a.Rank.CompareTo(b.Rank);
            if (c == 0) c = a.Entity.FirstToken.CompareTo(b.Entity.FirstToken);
            if (c == 0) c = a.Index.CompareTo(b.Index);
            return c;
        });

        var taken = new bool[document.TokenCount];
        var spans = new List<TrainingSpan>();
        foreach (var (e, label, _, _, _) in candidates)
        {
            if (taken.AsSpan(e.FirstToken, e.TokenCount).Contains(true)) continue;
            taken.AsSpan(e.FirstToken, e.TokenCount).Fill(true);
            spans.Add(new TrainingSpan(e.FirstToken, e.TokenCount, label));
        }
        spans.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return new TrainingExample(document, sentences.ToArray(), spans.ToArray());
    }

    private static bool IsEvidence(Document document, Sentence sentence)
    {
        if (sentence.TokenCount <= 0) return false;
        int p = sentence.Paragraph;
        if (p < 0 || p >= document.Paragraphs.Length) p = document.ParagraphAt(sentence.Start);
        return p >= 0 && document.Paragraphs[p].IsEvidence;
    }

    private static bool IsLexiconLabel(EntityLabel label) =>
        label is EntityLabel.Actor or EntityLabel.Weapon or EntityLabel.Trigger or EntityLabel.Country;

    // The rank breaks ties between equally long spans (lower wins); see the remarks on the class.
    private static (string? Label, int Rank) LabelOf(EntityLabel label) => label switch
    {
        EntityLabel.Trigger => (TrainingLabels.Trigger, 0),
        EntityLabel.Weapon => (TrainingLabels.Weapon, 1),
        EntityLabel.Place => (TrainingLabels.Location, 2),
        EntityLabel.Site => (TrainingLabels.Location, 2),
        EntityLabel.Country => (TrainingLabels.Location, 3),
        EntityLabel.Actor => (TrainingLabels.Actor, 4),
        EntityLabel.Date => (TrainingLabels.Date, 5),
        _ => (null, int.MaxValue),
    };
}
