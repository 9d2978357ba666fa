using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;

namespace EventExtractor.Tests.Ingestion;

public class ArticleReaderTests
{
    [Fact]
    public void Txt_FirstNonEmptyLineIsHeadline_BodyKeepsLineBreaks_CrLfAndBomRemoved()
    {
        using var dir = new TempDir();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }
            .Concat(Encoding.UTF8.GetBytes("\r\n  Gunmen attack checkpoint near Kirkuk  \r\n\r\nTwo police officers were wounded.\r\nThe attackers fled.\r\n"))
            .ToArray();
        var path = dir.WriteBytes("kirkuk-attack.txt", bytes);

        var outcome = Assert.Single(Shared.Read([path]));
        var a = outcome.Article!;
        Assert.Null(outcome.Problem);
        Assert.Equal("kirkuk-attack", a.Id);
        Assert.Equal("Gunmen attack checkpoint near Kirkuk", a.Title);
        Assert.Equal("Gunmen attack checkpoint near Kirkuk\n\nTwo police officers were wounded.\nThe attackers fled.", a.Text);
        Assert.Equal(path, a.Origin);
        Assert.Null(a.Published);
        Assert.Equal(PublishedDateSource.None, a.PublishedFrom);
    }

    [Fact]
    public void Txt_WithHeadlineCues_LeadingFurnitureIsPassedOverButKept()
    {
        using var dir = new TempDir();
        var path = dir.Write("p.txt", "Skip to main content\nSubscribe to our newsletter\n\nFerry sinks off the coast\n\nDozens were rescued.");
        var cues = EventExtractor.Ingestion.NoiseCues.FromModels(EventExtractor.Models.ModelDirectory.Locate());

        var withCues = new ArticleReader(new ArticleReaderOptions { HeadlineCues = cues }).ReadAll([path], null).Single().Article!;
        Assert.Equal("Ferry sinks off the coast", withCues.Title);
        Assert.Equal("Ferry sinks off the coast\n\nSkip to main content\nSubscribe to our newsletter\n\n\nDozens were rescued.", withCues.Text);

        var without = Shared.Read([path]).Single().Article!;
        Assert.Equal("Skip to main content", without.Title);
    }

    [Fact]
    public void Txt_DatelineGivesDate_ElseCommandLineDefault()
    {
        using var dir = new TempDir();
        var dated = dir.Write("a.txt", "Headline here\n\nMarch 3, 2022\n\nShelling hit the town overnight.");
        var undated = dir.Write("b.txt", "Headline there\n\nShelling hit the town overnight.");

        var read = Shared.Read([dated, undated], defaultDate: new DateOnly(2020, 1, 2));
        Assert.Equal(new DateOnly(2022, 3, 3), read[0].Article!.Published);
        Assert.Equal(PublishedDateSource.Dateline, read[0].Article!.PublishedFrom);
        Assert.Equal(new DateOnly(2020, 1, 2), read[1].Article!.Published);
        Assert.Equal(PublishedDateSource.CommandLine, read[1].Article!.PublishedFrom);
    }

    [Fact]
    public void Json_SingleObject_AllFields()
    {
        using var dir = new TempDir();
        var path = dir.Write("one.json",
            """{"id":"x-1","title":"Blast in market","text":"A bomb exploded.\r\nThree people died.","published":"2021-10-31T09:58:00+03:00","source":"Daily Wire Service","url":"https://example.org/a"}""");

        var a = Assert.Single(Shared.Read([path], defaultDate: new DateOnly(2000, 1, 1))).Article!;
        Assert.Equal("x-1", a.Id);
        Assert.Equal("Blast in market", a.Title);
        Assert.Equal("Blast in market\n\nA bomb exploded.\nThree people died.", a.Text);
        Assert.Equal(new DateOnly(2021, 10, 31), a.Published);
        Assert.Equal(PublishedDateSource.Metadata, a.PublishedFrom);
        Assert.Equal("Daily Wire Service", a.Source);
        Assert.Equal("https://example.org/a", a.Url);
    }

    [Fact]
    public void Json_ArrayWithoutIdsOrTitles_UsesFileNameAndIndex()
    {
        using var dir = new TempDir();
        var path = dir.Write("batch.json", """[{"text":"First story."},{"title":"T2","text":"Second story."}]""");

        var read = Shared.Read([path]);
        Assert.Equal(2, read.Count);
        Assert.Equal("batch-1", read[0].Article!.Id);
        Assert.Equal("First story.", read[0].Article!.Text);
        Assert.Null(read[0].Article!.Title);
        Assert.Equal("batch-2", read[1].Article!.Id);
        Assert.Equal("T2\n\nSecond story.", read[1].Article!.Text);
    }

    [Fact]
    public void Json_ArrayElementWithoutText_IsProblem_OthersRead()
    {
        using var dir = new TempDir();
        var path = dir.Write("mixed.json", "[\n{\"text\":\"Good one.\"},\n{\"title\":\"No body\",\"text\":\"  \"},\n{\"text\":\"Good two.\"}\n]");

        var read = Shared.Read([path]);
        Assert.Equal(3, read.Count);
        Assert.NotNull(read[0].Article);
        Assert.Equal(Messages.MissingText, read[1].Problem!.Reason);
        Assert.Equal(3, read[1].Problem!.Line);
        Assert.Equal("mixed-3", read[2].Article!.Id);
    }

    [Fact]
    public void Json_NotAnObject_IsProblem()
    {
        using var dir = new TempDir();
        var path = dir.Write("n.json", "42");
        var p = Assert.Single(Shared.Read([path])).Problem!;
        Assert.Equal(Messages.NotAnArticleObject, p.Reason);
    }

    [Fact]
    public void Json_Malformed_IsProblemWithLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", "{\n\"text\": \"abc\",\n\"title\": \n}");
        var p = Assert.Single(Shared.Read([path])).Problem!;
        Assert.StartsWith("is not valid JSON", p.Reason);
        Assert.Equal(path, p.Input);
        Assert.True(p.Line >= 3, $"line {p.Line}");
    }

    [Fact]
    public void Json_BadPublished_ReportedButArticleStillRead()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.json", """{"text":"Clashes erupted.","published":"31/10/2021"}""");

        var read = Shared.Read([path]);
        Assert.Equal(2, read.Count);
        Assert.Equal(Messages.BadPublishedDate("31/10/2021"), read[0].Problem!.Reason);
        Assert.NotNull(read[1].Article);
        Assert.Null(read[1].Article!.Published);
    }

    [Fact]
    public void Jsonl_MalformedLineInMiddle_GoodLinesBeforeAndAfterRead()
    {
        using var dir = new TempDir();
        var path = dir.Write("feed.jsonl",
            "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":\"b\",\"text\":\"Two.\"\n{\"text\":\"Three.\"}\n");

        var read = Shared.Read([path]);
        Assert.Equal(3, read.Count);
        Assert.Equal("a", read[0].Article!.Id);
        Assert.Equal($"{path}:1", read[0].Article!.Origin);
        Assert.Equal(3, read[1].Problem!.Line);
        Assert.StartsWith("is not valid JSON", read[1].Problem!.Reason);
        Assert.Equal("feed-4", read[2].Article!.Id);
        Assert.Equal("Three.", read[2].Article!.Text);
    }

    [Fact]
    public void Jsonl_InvalidUtf8Line_ReportedWithOffset_OthersRead()
    {
        using var dir = new TempDir();
        var first = Encoding.UTF8.GetBytes("{\"text\":\"Ok.\"}\n");
        var bad = Encoding.UTF8.GetBytes("{\"text\":\"b").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var last = Encoding.UTF8.GetBytes("{\"text\":\"Fine.\"}\n");
        var path = dir.WriteBytes("u.jsonl", first.Concat(bad).Concat(last).ToArray());

        var read = Shared.Read([path]);
        Assert.Equal(3, read.Count);
        Assert.NotNull(read[0].Article);
        Assert.Equal(2, read[1].Problem!.Line);
        Assert.Equal(Messages.InvalidUtf8(first.Length + 10), read[1].Problem!.Reason);
        Assert.Equal("Fine.", read[2].Article!.Text);
    }

    private sealed class CountingReader(string[] lines) : TextReader
    {
        public int LinesRead { get; private set; }

        public override string? ReadLine() => LinesRead < lines.Length ? lines[LinesRead++] : null;
    }

    [Fact]
    public void Reading_IsLazy_OneArticleAtATime()
    {
        var stdin = new CountingReader(Enumerable.Range(0, 1000).Select(i => $"{{\"text\":\"Story {i}.\"}}").ToArray());
        var reader = new ArticleReader(new ArticleReaderOptions());
        using var e = reader.ReadAll(["-"], stdin).GetEnumerator();
        Assert.Equal(0, stdin.LinesRead);
        Assert.True(e.MoveNext());
        Assert.Equal("Story 0.", e.Current.Article!.Text);
        Assert.Equal(1, stdin.LinesRead);
        Assert.True(e.MoveNext());
        Assert.Equal(2, stdin.LinesRead);
    }

    [Fact]
    public void Jsonl_LargeFile_StreamsInOrder()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.Append("{\"text\":\"Story ").Append(i).Append(".\"}\r\n");
        var path = dir.Write("big.jsonl", sb.ToString());

        int n = 0;
        foreach (var o in new ArticleReader(new ArticleReaderOptions()).ReadAll([path], null))
        {
            Assert.Equal($"Story {n}.", o.Article!.Text);
            Assert.Equal($"big-{n + 1}", o.Article.Id);
            n++;
        }
        Assert.Equal(5000, n);
    }

    [Fact]
    public void StandardInput_JsonLines_WithBadLine()
    {
        var stdin = new StringReader("{\"text\":\"From stdin.\"}\nnot json\n\n{\"id\":\"z\",\"text\":\"Again.\"}");
        var read = Shared.Read(["-"], stdin);
        Assert.Equal(3, read.Count);
        Assert.Equal("stdin-1", read[0].Article!.Id);
        Assert.Equal(ArticleReader.StandardInputName, read[1].Problem!.Input);
        Assert.Equal(2, read[1].Problem!.Line);
        Assert.Equal("z", read[2].Article!.Id);
    }

    [Fact]
    public void StandardInput_Missing_IsProblem()
    {
        var p = Assert.Single(Shared.Read(["-"], null)).Problem!;
        Assert.Equal(Messages.StandardInputUnavailable, p.Reason);
    }

    [Fact]
    public void EmptyAndWhitespaceFiles_AreProblems()
    {
        using var dir = new TempDir();
        var empty = dir.Write("empty.txt", "");
        var blank = dir.Write("blank.txt", " \n\t\r\n ");
        var emptyJsonl = dir.Write("blank.jsonl", "\n   \n");

        var read = Shared.Read([empty, blank, emptyJsonl]);
        Assert.Equal(3, read.Count);
        Assert.All(read, o => Assert.Equal(Messages.EmptyFile, o.Problem!.Reason));
        Assert.Equal(empty, read[0].Problem!.Input);
    }

    [Fact]
    public void BinaryFile_IsProblem()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]);
        var jsonl = dir.WriteBytes("image.jsonl", [0x7B, 0x00, 0x7D, 0x0A]);
        var read = Shared.Read([path, jsonl]);
        Assert.Equal(2, read.Count);
        Assert.All(read, o => Assert.Equal(Messages.BinaryFile, o.Problem!.Reason));
    }

    [Fact]
    public void InvalidUtf8_IsProblemWithByteOffset()
    {
        using var dir = new TempDir();
        var bytes = Encoding.UTF8.GetBytes("Headline\n\nCaf").Concat(new byte[] { 0xE9, 0x20, 0x41 }).ToArray(); // Latin-1 é
        var path = dir.WriteBytes("latin1.txt", bytes);
        var p = Assert.Single(Shared.Read([path])).Problem!;
        Assert.Equal(Messages.InvalidUtf8(13), p.Reason);
    }

    [Fact]
    public void MissingPath_IsProblem_AndReadingGoesOn()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.txt", "Title\n\nBody.");
        var missing = Path.Combine(dir.Path, "nope.txt");

        var read = Shared.Read([missing, good]);
        Assert.Equal(2, read.Count);
        Assert.Equal(new InputProblem(missing, 0, Messages.InputNotFound), read[0].Problem);
        Assert.Equal("good", read[1].Article!.Id);
    }

    [Fact]
    public void UnsupportedExtension_NamedExplicitly_IsProblem_InFolderSkipped()
    {
        using var dir = new TempDir();
        var pdf = dir.Write("report.pdf", "not really a pdf");
        dir.Write("sub/notes.md", "# notes");
        dir.Write("sub/story.txt", "Title\n\nBody.");

        var explicitRead = Shared.Read([pdf]);
        Assert.Equal(Messages.UnsupportedExtension(".pdf"), Assert.Single(explicitRead).Problem!.Reason);

        var folderRead = Shared.Read([dir.Path]);
        Assert.Equal("story", Assert.Single(folderRead).Article!.Id);
    }

    [Fact]
    public void Folder_RecursiveOrdinalOrder_SkipsHidden()
    {
        using var dir = new TempDir();
        dir.Write("b.txt", "B\n\nbody");
        dir.Write("a/z.json", "{\"text\":\"z\"}");
        dir.Write("A.txt", "A\n\nbody");
        dir.Write(".hidden.txt", "H\n\nbody");
        dir.Write(".git/c.txt", "C\n\nbody");
        dir.Write("a/.d/e.txt", "E\n\nbody");

        var ids = Shared.Read([dir.Path]).Select(o => o.Article!.Id).ToList();
        Assert.Equal(["A", "z", "b"], ids);
    }

    [Fact]
    public void ExplicitHiddenFile_IsRead()
    {
        using var dir = new TempDir();
        var path = dir.Write(".draft.txt", "Draft\n\nBody.");
        Assert.NotNull(Assert.Single(Shared.Read([path])).Article);
    }

    [Fact]
    public void Html_FileIsExtracted_WithMetadata()
    {
        using var dir = new TempDir();
        var path = dir.Write("page.html", HtmlArticleExtractorTests.Page);
        var a = Assert.Single(Shared.Read([path])).Article!;
        Assert.Equal("page", a.Id);
        Assert.Equal("Drone strike hits depot near river crossing", a.Title);
        Assert.StartsWith("Drone strike hits depot near river crossing\n\nA drone struck a fuel depot", a.Text);
        Assert.Equal(new DateOnly(2023, 4, 12), a.Published);
        Assert.Equal(PublishedDateSource.Metadata, a.PublishedFrom);
        Assert.Equal("The Example Herald", a.Source);
        Assert.Equal("https://news.example.com/drone-strike-depot", a.Url);
    }

    [Fact]
    public void Html_WithoutText_IsProblem()
    {
        using var dir = new TempDir();
        var path = dir.Write("empty.htm", "<html><head><title>x</title></head><body><nav>Home</nav><script>var a=1;</script></body></html>");
        Assert.Equal(Messages.NoArticleText, Assert.Single(Shared.Read([path])).Problem!.Reason);
    }

    [Fact]
    public void ProblemsNeverThrow_MixedBatch()
    {
        using var dir = new TempDir();
        var inputs = new[]
        {
            Path.Combine(dir.Path, "missing-folder"),
            dir.Write("x.json", "{"),
            dir.Write("y.jsonl", "[1,2]\n\"str\"\n"),
            dir.Write("z.txt", "Only a headline"),
        };
        var read = Shared.Read(inputs);
        Assert.Equal(5, read.Count);
        Assert.Equal(Messages.NotAnArticleObject, read[2].Problem!.Reason);
        Assert.Equal(Messages.NotAnArticleObject, read[3].Problem!.Reason);
        Assert.Equal("Only a headline", read[4].Article!.Text);
    }
}
