using EventExtractor.Diagnostics;
using EventExtractor.Extraction;
using EventExtractor.Learning;
using EventExtractor.Models;
using EventExtractor.Pipeline;
using EventExtractor.Records;
using EventExtractor.Tests.Extraction;
using EventExtractor.Text;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Learning;

/// <summary>The event-type stage: the classifier decides the mentions' types under the rules' hard constraints.</summary>
[Collection("engine")]
public sealed class EventTypeStageTests(EngineFixture fixture)
{
    private static readonly Lazy<TextAnalyzer> Analyzer = new(() => TextAnalyzer.Load(EngineFixture.FindModels()));

    /// <summary>A classifier that says the same thing of every text.</summary>
    private sealed class FixedClassifier(SubEventType type, float confidence) : IEventClassifier
    {
        private EventPrediction Fill(Span<float> probabilities)
        {
            float none = type == SubEventType.None ? confidence : (1 - confidence) / 2;
            if (probabilities.Length > 0)
            {
                probabilities.Fill((1 - confidence - (type == SubEventType.None ? 0 : none)) / 24);
                probabilities[(int)SubEventType.None] = none;
                probabilities[(int)type] = confidence;
            }
            return new EventPrediction(type, confidence, none);
        }

        public EventPrediction Classify(Document doc, int firstToken, int tokenCount, TextPosition position, Span<float> probabilities = default) => Fill(probabilities);

        public EventPrediction ClassifyDocument(Document doc, out TrainingData.DocumentShape shape, Span<float> probabilities = default)
        {
            shape = TrainingData.DocumentFeatures(doc, new DocumentFeatureExtractor(new FeatureHasher(), null), new FeatureBuffer(), out _);
            return Fill(probabilities);
        }

        public EventPrediction ClassifySentence(Document doc, int sentence, TextPosition position, Span<float> probabilities = default) => Fill(probabilities);
    }

    private static Document Decide(string text, IEventClassifier classifier)
    {
        var doc = Analyzer.Value.Analyse(text, "t");
        var stage = new EventTypeStage(classifier, Analyzer.Value.Knowledge!);
        stage.Process(doc);
        return doc;
    }

    [Fact]
    public void The_stage_runs_after_the_mentions_and_adds_its_own_layer()
    {
        var stage = new EventTypeStage(new FixedClassifier(SubEventType.Attack, 0.9f), fixture.Knowledge);
        Assert.True((stage.Requires & Annotations.Mentions) != 0);
        Assert.Equal(Annotations.EventTypes, stage.Provides);
        var names = fixture.Engine.Pipeline.Stages.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf("event types") > names.IndexOf("mentions"));
        Assert.Equal(names.Count - 1, names.IndexOf("event types")); // the last stage: every rule's layer is made
    }

    [Fact]
    public void A_short_text_takes_the_classifiers_type_and_probability_without_touching_the_mentions()
    {
        var doc = Decide("On 3 May 2021, gunmen attacked a police checkpoint in Maiduguri, killing two officers.",
            new FixedClassifier(SubEventType.Grenade, 0.7f));
        var typed = doc.Mentions.Select((m, i) => (m, i)).Where(x => x.m.Type != SubEventType.None).ToList();
        Assert.NotEmpty(typed);
        foreach (var (m, i) in typed)
        {
            Assert.Equal(new MentionType(SubEventType.Grenade, 0.7f, TypeSource.Model), doc.MentionTypes[i]);
            Assert.NotEqual(SubEventType.Grenade, m.Type); // the mention layer is the rules' own
        }
    }

    [Fact]
    public void Modality_a_threat_stays_no_event_whatever_the_classifier_reads()
    {
        var doc = Decide("The militia threatened to attack the town of Goma next week.", new FixedClassifier(SubEventType.Attack, 0.99f));
        Assert.DoesNotContain(doc.Mentions, m => m.Type != SubEventType.None);
        Assert.Null(doc.InferredMention);
    }

    [Fact]
    public void Non_event_the_classifiers_none_removes_a_short_texts_event_only_when_sure()
    {
        const string text = "On 3 May 2021, gunmen attacked a police checkpoint in Maiduguri, killing two officers.";
        var sure = Decide(text, new FixedClassifier(SubEventType.None, 0.95f));
        Assert.All(sure.MentionTypes, t => Assert.Equal(SubEventType.None, t.Type));
        var unsure = Decide(text, new FixedClassifier(SubEventType.None, 0.6f));
        Assert.Contains(unsure.MentionTypes, t => t.Type != SubEventType.None && t.Source == TypeSource.Rules);
    }

    [Fact]
    public void Hierarchy_an_interception_the_rules_coded_stands()
    {
        var doc = Decide("On 3 May 2021, air defences intercepted two rockets fired at Erbil airport.", new FixedClassifier(SubEventType.ShellingArtilleryMissileAttack, 0.9f));
        int i = doc.Mentions.FindIndex(m => m.Type == SubEventType.DisruptedWeaponsUse);
        Assert.True(i >= 0, "the rules code the interception");
        Assert.Equal(SubEventType.DisruptedWeaponsUse, doc.MentionTypes[i].Type);
        Assert.Equal(TypeSource.Rules, doc.MentionTypes[i].Source);
    }

    [Fact]
    public void A_text_without_trigger_words_gets_the_classifiers_event()
    {
        var doc = Decide("On 3 May 2021, Al Shabaab fighters and Somali soldiers in Baidoa.", new FixedClassifier(SubEventType.ArmedClash, 0.8f));
        Assert.DoesNotContain(doc.Entities, e => e.Label == EntityLabel.Trigger);
        Assert.NotNull(doc.InferredMention);
        Assert.Equal(SubEventType.ArmedClash, doc.InferredMention!.Value.Type);
    }

    [Fact]
    public void A_trigger_of_another_event_type_does_not_stop_the_classifiers_event()
    {
        // "no fighting": the rules judged the clash no event, which says nothing against the handover.
        const string text = "On 18 December 2022, government forces moved into the town of Baidoa and there was no fighting.";
        var doc = Decide(text, new FixedClassifier(SubEventType.NonViolentTransferOfTerritory, 0.9f));
        Assert.Contains(doc.Entities, e => e.Label == EntityLabel.Trigger);
        Assert.DoesNotContain(doc.Mentions, m => m.Type != SubEventType.None);
        Assert.Equal(SubEventType.NonViolentTransferOfTerritory, doc.InferredMention?.Type);
        // The same trigger does stop a classifier that reads the clash the rules judged no event.
        Assert.Null(Decide(text, new FixedClassifier(SubEventType.ArmedClash, 0.9f)).InferredMention);
    }

    [Fact]
    public void Whole_text_a_short_texts_sure_type_stands_where_the_rules_only_guessed_it()
    {
        // The attackers are only "suspected": the rules guess the tactic and name no agent.
        const string text = "On 8 April 2023, gunmen suspected to be militants attacked a village near Djibo.";
        var unsure = Decide(text, new FixedClassifier(SubEventType.Attack, 0.7f));
        var sure = Decide(text, new FixedClassifier(SubEventType.Attack, 0.9f));
        int i = sure.Mentions.FindIndex(m => m.Type != SubEventType.None && (m.Flags & MentionFlags.WeakType) != 0);
        Assert.True(i >= 0, "the rules only guess the tactic");
        Assert.Equal(TypeSource.Model, unsure.MentionTypes[i].Source);
        Assert.Equal(new MentionType(SubEventType.Attack, 0.9f, TypeSource.WholeText), sure.MentionTypes[i]);
    }

    [Fact]
    public void Extraction_uses_the_decided_type_and_its_probability_as_confidence()
    {
        var records = fixture.Extract("On Tuesday, Al Shabaab fighters attacked a military base in Baidoa, killing three soldiers.");
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.InRange(r.Confidence, 0, 1));
    }

    [Fact]
    public void The_engine_refuses_a_model_trained_on_other_lexicons()
    {
        var models = fixture.ModelsDir;
        var copy = Directory.CreateTempSubdirectory("ee-lexicons-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(models, "*.tsv")) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            var path = Path.Combine(models, EventClassifierModel.DefaultFileName);
            EventClassifier.Load(copy, fixture.Knowledge, path); // the same lexicons: accepted
            File.AppendAllText(Path.Combine(copy, KnowledgeLoader.TriggersFile), "# one more line\n");
            var e = Assert.Throws<ModelException>(() => EventClassifier.Load(copy, fixture.Knowledge, path));
            var model = EventClassifierModel.Load(path);
            Assert.Equal(Messages.ClassifierOtherLexicons(path, copy, model.Metadata.LexiconHash, LexiconFingerprint.Of(copy)), e.Message);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>
    /// The measurement on the corpus: a model trained on an ACLED-style export of the train split's gold
    /// notes; on the other splits' notes, extraction types every note it makes a record of as the classifier alone
    /// does (a note without a record is one whose place the gazetteer does not resolve, which no type can mend).
    /// </summary>
    [Fact]
    public void Extraction_with_a_model_trained_on_notes_agrees_with_the_classifier_alone()
    {
        var root = Path.GetDirectoryName(fixture.ModelsDir)!;
        var splits = EventExtractor.Evaluation.RecordSetReader.ReadSplits(Path.Combine(root, "corpus", "splits.tsv"));
        var train = new List<(string Text, SubEventType Label)>();
        var other = new List<(string Id, string Text, SubEventType Label)>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "corpus", "gold"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            if (!splits.TryGetValue(id, out var split)) continue;
            int n = 0;
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                var o = JObject.Parse(line);
                var notes = (string?)o["notes"];
                if (string.IsNullOrWhiteSpace(notes)) continue;
                var label = AcledTaxonomy.ParseSubEvent((string?)o["sub_event_type"]);
                if (split == "train") train.Add((notes, label));
                else other.Add(($"{id}-{n++}", notes, label));
            }
        }
        var csv = new StringWriter();
        csv.WriteLine("sub_event_type,notes");
        foreach (var (text, label) in train) csv.WriteLine($"{AcledTaxonomy.Name(label)},\"{text.Replace("\"", "\"\"")}\"");
        var rows = TrainingData.ReadAcledCsv(new StringReader(csv.ToString()), "notes.csv", out _, out _);
        var analyzer = Analyzer.Value;
        var features = new DocumentFeatureExtractor(new FeatureHasher(), analyzer.Knowledge);
        var buffer = new FeatureBuffer();
        var examples = rows.Select(r => new LabelledExample(TrainingData.Featurize(r.Text, r.Source, analyzer, features, buffer), r.Label!.Value, r.Source)).ToList();
        var model = new EventClassifierTrainer().Train(examples, features.Hasher, true, LexiconFingerprint.Of(fixture.ModelsDir));

        var path = Path.Combine(Directory.CreateTempSubdirectory("ee-notes-model-").FullName, "notes.zip");
        try
        {
            model.Save(path);
            var engine = ExtractorEngine.Load(fixture.ModelsDir, path);
            var classifier = new EventClassifier(model, analyzer.Knowledge, LexiconFingerprint.Of(fixture.ModelsDir));
            int withRecord = 0, classifyRight = 0, extractRight = 0;
            foreach (var (id, text, label) in other)
            {
                var doc = analyzer.Analyse(text, id);
                var alone = classifier.Classify(doc, 0, doc.TokenCount, TextPosition.Whole).Type;
                var records = engine.Extract(new EventExtractor.Ingestion.Article(id, null, text, null, null, null, id));
                if (records.Count == 0) continue;
                withRecord++;
                if (alone == label) classifyRight++;
                if (records[0].SubEventType == AcledTaxonomy.Name(label)) extractRight++;
            }
            Assert.True(withRecord >= other.Count * 3 / 4, $"{withRecord} of {other.Count} notes gave a record");
            double classify = (double)classifyRight / withRecord, extract = (double)extractRight / withRecord;
            Assert.True(extract >= classify - 0.03, $"extract {extract:0.000}, classify alone {classify:0.000} on {withRecord} notes");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
