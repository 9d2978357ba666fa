using EventExtractor.Lexicons;
using EventExtractor.Models;

namespace EventExtractor.Tests.Lexicons;

public class TsvReaderTests
{
    private static IReadOnlyList<TsvRow> Read(string text) =>
        TsvReader.Read(new StringReader(text), "test.tsv", "a", "b", "c");

    [Fact]
    public void Skips_comments_and_blank_lines_and_pads_missing_trailing_columns()
    {
        var rows = Read("# comment\na\tb\tc\n\nx\ty|z| \n# more\np\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { "y", "z" }, rows[0].List(1));
        Assert.Equal("", rows[1][2]);
        Assert.Equal(6, rows[1].Line);
    }

    [Fact]
    public void Wrong_header_names_file_and_line()
    {
        var e = Assert.Throws<ModelException>(() => Read("# c\na\tb\tX\n"));
        Assert.Contains("test.tsv", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Too_many_columns_names_file_and_line()
    {
        var e = Assert.Throws<ModelException>(() => Read("a\tb\tc\n1\t2\t3\n1\t2\t3\t4\n"));
        Assert.Contains("test.tsv", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Missing_header_is_reported()
    {
        Assert.Throws<ModelException>(() => Read("# only a comment\n"));
    }

    [Fact]
    public void Typed_accessors_reject_bad_values_with_the_line()
    {
        var row = Read("a\tb\tc\nx\t2020-13-01\tabc\n")[0];
        var e = Assert.Throws<ModelException>(() => row.Date(1));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("'b'", e.Message);
        Assert.Throws<ModelException>(() => row.Int(2));
        Assert.Throws<ModelException>(() => row.Double(2));
    }
}
