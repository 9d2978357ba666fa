using System.IO.Compression;
using EventExtractor.Learning;
using EventExtractor.Records;

namespace EventExtractor.Tests.Learning;

/// <summary>Tiny invented texts of three clearly separable kinds, for the learner's tests.</summary>
internal static class LearningTestData
{
    public static readonly (string Text, SubEventType Label)[] Train =
    [
        ("Thousands of teachers marched peacefully through the capital demanding higher pay.", SubEventType.PeacefulProtest),
        ("Students held a peaceful sit-in outside the ministry to demand lower fees.", SubEventType.PeacefulProtest),
        ("Farmers rallied peacefully in the main square against the new land law.", SubEventType.PeacefulProtest),
        ("Nurses staged a peaceful march to protest unpaid wages.", SubEventType.PeacefulProtest),
        ("Hundreds of traders demonstrated peacefully against a market tax.", SubEventType.PeacefulProtest),
        ("Warplanes bombed a village overnight, destroying several houses.", SubEventType.AirDroneStrike),
        ("A drone strike hit a vehicle on the highway, killing two fighters.", SubEventType.AirDroneStrike),
        ("Fighter jets carried out air strikes on positions near the border.", SubEventType.AirDroneStrike),
        ("An air raid by military aircraft struck a depot outside the town.", SubEventType.AirDroneStrike),
        ("Drones bombed a training camp in the hills on Sunday.", SubEventType.AirDroneStrike),
        ("The central bank announced new interest rates for the coming year.", SubEventType.None),
        ("The football season opens next week with twelve teams.", SubEventType.None),
        ("A new bridge over the river was opened to traffic by the mayor.", SubEventType.None),
        ("The weather service forecast heavy rain for the weekend.", SubEventType.None),
        ("The university celebrated its fiftieth anniversary with a concert.", SubEventType.None),
    ];

    public static readonly (string Text, SubEventType Label)[] Held =
    [
        ("Workers marched peacefully to demand better pay.", SubEventType.PeacefulProtest),
        ("Warplanes carried out air strikes on a village.", SubEventType.AirDroneStrike),
        ("The weather will be sunny and the season opens next week.", SubEventType.None),
    ];

    public static List<LabelledExample> Featurize(IEnumerable<(string Text, SubEventType Label)> texts, TextAnalyzer analyzer, IFeatureExtractor features)
    {
        var buffer = new FeatureBuffer();
        var list = new List<LabelledExample>();
        int i = 0;
        foreach (var (text, label) in texts)
            list.Add(new LabelledExample(TrainingData.Featurize(text, $"t{++i}", analyzer, features, buffer), label, $"t{i}"));
        return list;
    }

    public static EventClassifierModel TrainPlain(TrainerKind trainer = TrainerKind.LbfgsMaximumEntropy)
    {
        var analyzer = TextAnalyzer.Plain();
        var features = new DocumentFeatureExtractor(new FeatureHasher(), null);
        return new EventClassifierTrainer(new TrainerOptions { Trainer = trainer })
            .Train(Featurize(Train, analyzer, features), features.Hasher, usesKnowledge: false, lexiconHash: "");
    }

    public static byte[] Bytes(EventClassifierModel model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    /// <summary>The bytes of one entry of a model zip.</summary>
    public static byte[] Entry(byte[] model, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(model), ZipArchiveMode.Read);
        using var s = zip.GetEntry(name)!.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>A model zip with one entry replaced by <paramref name="text"/> (removed when null).</summary>
    public static byte[] Rewrite(byte[] model, string name, string? text)
    {
        using var input = new ZipArchive(new MemoryStream(model), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in input.Entries)
            {
                byte[] bytes;
                if (e.FullName == name)
                {
                    if (text == null) continue;
                    bytes = System.Text.Encoding.UTF8.GetBytes(text);
                }
                else bytes = Entry(model, e.FullName);
                using var s = zip.CreateEntry(e.FullName).Open();
                s.Write(bytes);
            }
        return output.ToArray();
    }

    /// <summary>The same model, marked as trained with lexicon knowledge whose fingerprint is <paramref name="lexiconHash"/>.</summary>
    public static EventClassifierModel WithKnowledge(EventClassifierModel model, string lexiconHash)
    {
        var bytes = Bytes(model);
        var meta = Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(Entry(bytes, "EventExtractor/metadata.json")));
        meta["UsesKnowledge"] = lexiconHash.Length > 0;
        meta["LexiconHash"] = lexiconHash;
        return EventClassifierModel.Load(new MemoryStream(Rewrite(bytes, "EventExtractor/metadata.json", meta.ToString())));
    }
}
