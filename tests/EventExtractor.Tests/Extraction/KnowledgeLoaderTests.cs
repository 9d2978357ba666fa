using EventExtractor.Extraction;
using EventExtractor.Models;
using EventExtractor.Text;

namespace EventExtractor.Tests.Extraction;

[Collection("engine")]
public class KnowledgeLoaderTests(EngineFixture fx)
{
    [Fact]
    public void The_real_models_load()
    {
        var k = fx.Knowledge;
        Assert.True(k.Triggers.Length > 100);
        Assert.True(k.Actors.Length > 1000);
        Assert.NotEmpty(k.Weapons);
        Assert.NotEmpty(k.Sites);
        Assert.Equal("Nigeria", k.CountryOfIso2("NG")?.Name);
        Assert.Equal(368, k.CountryOfIso3("IRQ")?.IsoNumeric);
        Assert.Equal("weekday", k.Calendar[WordKey.Hash("Monday")].Kind);
        Assert.Equal(12, k.Numbers[WordKey.Hash("dozens")].Value);
        Assert.True(k.PersonNouns.ContainsKey(WordKey.Hash("villagers")));
        Assert.Contains(k.Cues, c => c == CueEffect.Future);
        Assert.True(fx.Loaded.Places.TryCapital("SO", out var mogadishu));
        Assert.Equal("Mogadishu", mogadishu.Location);
    }

    [Fact]
    public void Every_trigger_has_a_type_or_a_class()
    {
        Assert.All(fx.Knowledge.Triggers, t => Assert.True(t.Class != TriggerClass.Specific || t.Type != Records.SubEventType.None, t.Phrase));
    }

    /// <summary>A copy of the files the knowledge builder reads, in a folder removed afterwards.</summary>
    private sealed class ModelCopy : IDisposable
    {
        public ModelCopy(string from, bool withGazetteer = false)
        {
            Dir = Path.Combine(Path.GetTempPath(), "ee-knowledge-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Dir);
            foreach (var f in Directory.GetFiles(from))
            {
                if (!withGazetteer && f.EndsWith(".bin", StringComparison.Ordinal)) continue;
                System.IO.File.Copy(f, Path.Combine(Dir, Path.GetFileName(f)));
            }
        }

        public string Dir { get; }

        public string File(string name) => Path.Combine(Dir, name);

        /// <summary>Replaces the line whose text starts with <paramref name="startsWith"/>; returns its 1-based number.</summary>
        public int Corrupt(string file, string startsWith, string replacement)
        {
            var lines = System.IO.File.ReadAllLines(File(file)).ToList();
            int i = lines.FindIndex(l => l.StartsWith(startsWith, StringComparison.Ordinal));
            Assert.True(i >= 0, $"no line starting with '{startsWith}' in {file}");
            lines[i] = replacement;
            System.IO.File.WriteAllLines(File(file), lines);
            return i + 1;
        }

        public void Dispose()
        {
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_trigger_with_an_unknown_type_names_the_file_and_line()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        int line = copy.Corrupt(KnowledgeLoader.TriggersFile, "clashed\t", "clashed\tArmed scuffle\t");
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon));
        Assert.Contains(KnowledgeLoader.TriggersFile, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
        Assert.Contains("Armed scuffle", ex.Message);
    }

    [Fact]
    public void A_broken_trigger_file_stops_the_whole_load()
    {
        using var copy = new ModelCopy(fx.ModelsDir, withGazetteer: true);
        int line = copy.Corrupt(KnowledgeLoader.TriggersFile, "ambushed\t", "ambushed\t@ambush\t");
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Load(copy.Dir));
        Assert.Contains(KnowledgeLoader.TriggersFile, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
    }

    [Fact]
    public void An_unknown_cue_effect_names_the_file_and_line()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        int line = copy.Corrupt(KnowledgeLoader.CuesFile, "vowed\t", "vowed\tmaybe");
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon));
        Assert.Contains(KnowledgeLoader.CuesFile, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
    }

    [Fact]
    public void A_number_word_without_a_number_names_the_file_and_line()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        int line = copy.Corrupt(KnowledgeLoader.NumbersFile, "dozens\t", "dozens\tmany\tvague");
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon));
        Assert.Contains(KnowledgeLoader.NumbersFile, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
    }

    [Theory]
    [InlineData(KnowledgeLoader.GrammarWordsFile, "by\t", "by\tpreposition-ish")]
    [InlineData(KnowledgeLoader.PersonNounsFile, "farmers\t", "farmers\tpeasant")]
    [InlineData(KnowledgeLoader.TriggersFile, "torched\t", "torched\tViolent demonstration\tfire")]
    [InlineData(KnowledgeLoader.CalendarFile, "since\t", "since\tcue\tsoon")]
    public void An_unknown_class_or_group_names_the_file_and_line(string file, string startsWith, string replacement)
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        int line = copy.Corrupt(file, startsWith, replacement);
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon));
        Assert.Contains(file, ex.Message);
        Assert.Contains($"line {line}", ex.Message);
    }

    [Fact]
    public void Inter_codes_forces_and_roles_are_parsed_at_load()
    {
        var k = fx.Knowledge;
        Assert.Contains(k.Actors, a => a.Kind == ActorKind.Generic && a.Inter == InterCode.Protesters);
        Assert.Contains(k.Actors, a => a.Kind == ActorKind.State && a.Force == EventExtractor.Lexicons.StateForce.Police);
        Assert.Contains(k.Actors, a => a.Kind == ActorKind.CountryName && a.Role == EventExtractor.Lexicons.ActorRole.Modifier);
        Assert.All(k.Actors.Where(a => a.Kind == ActorKind.State), a => Assert.Equal(InterCode.StateForces, a.Inter));
    }

    [Fact]
    public void A_missing_trigger_file_is_reported()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        File.Delete(copy.File(KnowledgeLoader.TriggersFile));
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon));
        Assert.Contains(KnowledgeLoader.TriggersFile, ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void A_missing_gazetteer_is_reported()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        var ex = Assert.Throws<ModelException>(() => KnowledgeLoader.Load(copy.Dir));
        Assert.Contains("gazetteer", ex.Message);
    }

    [Fact]
    public void An_intact_copy_builds_the_same_knowledge()
    {
        using var copy = new ModelCopy(fx.ModelsDir);
        var k = KnowledgeLoader.Build(copy.Dir, fx.Loaded.Lexicon);
        Assert.Equal(fx.Knowledge.Triggers.Length, k.Triggers.Length);
        Assert.Equal(fx.Knowledge.Actors.Length, k.Actors.Length);
    }
}
