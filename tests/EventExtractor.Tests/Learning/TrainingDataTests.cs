using EventExtractor.Diagnostics;
using EventExtractor.Learning;
using EventExtractor.Records;

namespace EventExtractor.Tests.Learning;

public sealed class TrainingDataTests
{
    [Fact]
    public void Acled_csv_reader_is_header_driven_and_keeps_quoted_commas_and_newlines()
    {
        var csv =
            "event_id_cnty,Sub_Event_Type,extra,notes\n" +
            "XYZ1,Air/drone strike,x,\"On 3 May 2021, aircraft struck a depot, destroying it.\nNo fatalities.\"\n" +
            "XYZ2,Peaceful protest,y,\"Teachers, nurses and \"\"others\"\" marched.\"\n" +
            "XYZ3,Peaceful protest,z,\n" +
            "XYZ4,Tea party,z,Something happened.\n" +
            "XYZ5,armed clash\n";
        var rows = TrainingData.ReadAcledCsv(new StringReader(csv), "t.csv", out int noText, out int unknown);
        Assert.Equal(2, rows.Count);
        Assert.Equal("On 3 May 2021, aircraft struck a depot, destroying it.\nNo fatalities.", rows[0].Text);
        Assert.Equal(SubEventType.AirDroneStrike, rows[0].Label);
        Assert.Equal("Teachers, nurses and \"others\" marched.", rows[1].Text);
        Assert.Equal(SubEventType.PeacefulProtest, rows[1].Label);
        Assert.Equal(2, noText); // XYZ3 empty notes, XYZ5 short row
        Assert.Equal(1, unknown);
    }

    [Fact]
    public void Acled_csv_without_sub_event_type_is_refused()
    {
        var e = Assert.Throws<UsageException>(() => TrainingData.ReadAcledCsv(new StringReader("notes,event_type\nx,Battles\n"), "t.csv", out _, out _));
        Assert.Equal(Messages.EvalNotAcledCsv("t.csv"), e.Message);
    }

    [Fact]
    public void Json_lines_reader_parses_labels_and_reports_bad_lines()
    {
        var text =
            "{\"text\": \"Gunmen abducted two traders.\", \"label\": \"Abduction/forced disappearance\"}\n" +
            "\n" +
            "{\"text\": \"The market reopened.\", \"label\": \"None\"}\n" +
            "{\"text\": \"Unlabelled text.\"}\n" +
            "{\"text\": \"Bad label.\", \"label\": \"Battle royale\"}\n" +
            "not json\n" +
            "{\"label\": \"Attack\"}\n";
        var warnings = new List<string>();
        var rows = TrainingData.ReadJsonLines(new StringReader(text), "s.jsonl", labelRequired: false, warnings.Add);
        Assert.Equal(3, rows.Count);
        Assert.Equal(SubEventType.AbductionForcedDisappearance, rows[0].Label);
        Assert.Equal(SubEventType.None, rows[1].Label);
        Assert.Null(rows[2].Label);
        Assert.Equal("s.jsonl:4", rows[2].Source);
        Assert.Equal(3, warnings.Count);
        Assert.Equal(Messages.TrainUnknownLabel("s.jsonl:5", "Battle royale"), warnings[0]);
        Assert.StartsWith("s.jsonl:6:", warnings[1]);
        Assert.Equal(Messages.TrainBadJsonLine("s.jsonl:7", Messages.MissingText), warnings[2]);
    }

    [Fact]
    public void Corpus_items_give_a_lede_example_and_trigger_free_none_sentences()
    {
        var dir = Directory.CreateTempSubdirectory("ee-corpus-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "articles"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "gold"));
            File.WriteAllText(Path.Combine(dir.FullName, "articles", "x-1.json"),
                "{\"id\":\"x-1\",\"title\":\"Teachers march in the capital\",\"text\":\"Teachers marched peacefully on Monday.\\nThey agreed.\\nThe union leader spoke to reporters at length afterwards.\\nSchools will reopen next week as planned by the ministry.\\nThe weather was mild and sunny across the whole region.\\nThe capital has about two million residents today.\\nMore talks are planned for the summer months.\"}");
            File.WriteAllText(Path.Combine(dir.FullName, "gold", "x-1.jsonl"), "{\"sub_event_type\":\"Peaceful protest\"}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "articles", "x-2.json"), "{\"id\":\"x-2\",\"text\":\"The bank raised rates.\"}");
            File.WriteAllText(Path.Combine(dir.FullName, "gold", "x-2.jsonl"), "");
            File.WriteAllText(Path.Combine(dir.FullName, "articles", "x-3.json"), "{\"id\":\"x-3\",\"text\":\"No gold for this one.\"}");
            File.WriteAllText(Path.Combine(dir.FullName, "splits.tsv"), "x-1\ttrain\nx-2\tdev\n");

            Assert.Equal(dir.FullName, TrainingData.FindCorpus(Path.Combine(dir.FullName, "articles")));
            var items = TrainingData.ReadCorpus(dir.FullName, TextAnalyzer.Plain(), new DocumentFeatureExtractor(new FeatureHasher(), null), _ => { });
            Assert.Equal(["x-1", "x-2"], items.Select(i => i.Id));
            Assert.Equal(["train", "dev"], items.Select(i => i.Split));
            var x1 = items[0].Examples;
            Assert.Equal(1 + TrainingData.MaxNoneSentencesPerArticle, x1.Count);
            Assert.Equal(SubEventType.PeacefulProtest, x1[0].Label);
            Assert.Equal("x-1 lede", x1[0].Source);
            Assert.All(x1.Skip(1), e => Assert.Equal(SubEventType.None, e.Label));
            Assert.Equal(["x-1 sentence 4", "x-1 sentence 5", "x-1 sentence 6"], x1.Skip(1).Select(e => e.Source)); // not the 3-token "They agreed."
            var x2 = Assert.Single(items[1].Examples);
            Assert.Equal(SubEventType.None, x2.Label);
            Assert.Equal("x-2 whole", x2.Source);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
