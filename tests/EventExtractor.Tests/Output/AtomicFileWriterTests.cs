using EventExtractor.Output;

namespace EventExtractor.Tests.Output;

public class AtomicFileWriterTests
{
    [Fact]
    public void Text_goes_to_a_temp_file_beside_the_target_until_commit()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.csv");
        using var writer = new AtomicFileWriter(target);
        writer.Writer.Write("a,b\n");
        Assert.Equal(temp.Path, Path.GetDirectoryName(writer.TempPath));
        Assert.Equal($"out.csv.tmp-{Environment.ProcessId}", Path.GetFileName(writer.TempPath));
        Assert.False(File.Exists(target));

        writer.Commit();
        Assert.Equal("a,b\n", File.ReadAllText(target));
        Assert.Equal(new[] { "out.csv" }, temp.Names());
    }

    [Fact]
    public void Commit_replaces_an_existing_file()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.jsonl");
        File.WriteAllText(target, "old content that is longer\n");
        using (var writer = new AtomicFileWriter(target))
        {
            writer.Writer.Write("new\n");
            writer.Commit();
        }
        Assert.Equal("new\n", File.ReadAllText(target));
    }

    [Fact]
    public void Dispose_without_commit_deletes_the_temp_file_and_leaves_the_target()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.json");
        File.WriteAllText(target, "old\n");
        using (var writer = new AtomicFileWriter(target))
        {
            writer.Writer.Write("half a fi");
        }
        Assert.Equal("old\n", File.ReadAllText(target));
        Assert.Equal(new[] { "out.json" }, temp.Names());
    }

    [Fact]
    public void Output_is_utf8_without_bom_with_lf_newlines()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.csv");
        using (var writer = new AtomicFileWriter(target))
        {
            writer.Writer.WriteLine("é");
            writer.Commit();
        }
        Assert.Equal(new byte[] { 0xC3, 0xA9, 0x0A }, File.ReadAllBytes(target));
    }

    [Fact]
    public void Commit_twice_is_an_error()
    {
        using var temp = new TempFolder();
        using var writer = new AtomicFileWriter(temp.File("x.csv"));
        writer.Commit();
        Assert.Throws<InvalidOperationException>(writer.Commit);
    }
}
