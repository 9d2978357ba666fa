using EventExtractor.Diagnostics;
using EventExtractor.Evaluation;
using EventExtractor.Records;

namespace EventExtractor.Tests.Evaluation;

public sealed class RecordSetReaderTests : IDisposable
{
    private readonly EvalTempDir _dir = new();
    private readonly List<string> _warnings = new();

    public void Dispose() => _dir.Dispose();

    private RecordSet Read(string path) => new RecordSetReader(_warnings.Add).Read(path);

    /// <summary>An ACLED CSV: the 31 columns (plus <paramref name="extra"/>), rows given as column=value pairs.</summary>
    private static string Csv(string[] extra, params Dictionary<string, string>[] rows)
    {
        var columns = AcledRecord.AcledColumns.Concat(extra).ToArray();
        var lines = new List<string> { string.Join(",", columns) };
        foreach (var row in rows)
            lines.Add(string.Join(",", columns.Select(c => row.TryGetValue(c, out var v) ? (v.Contains(',') ? $"\"{v}\"" : v) : "")));
        return string.Join("\n", lines) + "\n";
    }

    private static Dictionary<string, string> Row(string type, string fatalities = "2", string lat = "11.6533", string? article = null)
    {
        var row = new Dictionary<string, string>
        {
            ["event_date"] = "2019-09-09", ["sub_event_type"] = type, ["event_type"] = "Battles", ["inter1"] = "1",
            ["interaction"] = "13", ["location"] = "Konduga", ["latitude"] = lat, ["longitude"] = "13.4179",
            ["fatalities"] = fatalities, ["notes"] = "On 9 September, troops clashed with militants, a report said.",
        };
        if (article is not null) row["article_id"] = article;
        return row;
    }

    [Fact]
    public void Csv_with_article_ids_groups_by_article()
    {
        var path = _dir.Write("pred.csv", Csv(["article_id"], Row("Armed clash", article: "a-01"), Row("Attack", article: "a-02"), Row("armed CLASH", article: "a-01")));
        var set = Read(path);
        Assert.True(set.HasArticleIds);
        Assert.Equal(["a-01", "a-02"], set.Articles.Keys);
        var first = set.Articles["a-01"][0];
        Assert.Equal(new DateOnly(2019, 9, 9), first.EventDate);
        Assert.Equal(11.6533, first.Latitude);
        Assert.Equal(2, first.Fatalities);
        Assert.Null(first.Weapons); // an ACLED export has no weapons column
        Assert.Equal("Armed clash", set.Articles["a-01"][1].SubEventType); // codebook spelling
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Csv_without_article_ids_is_one_article_named_after_the_file()
    {
        var set = Read(_dir.Write("export.csv", Csv([], Row("Armed clash"), Row("Attack"))));
        Assert.False(set.HasArticleIds);
        Assert.Equal("export", Assert.Single(set.Articles).Key);
        Assert.Equal(2, set.RecordCount);
    }

    [Fact]
    public void Bad_values_give_one_warning_naming_file_and_line_and_the_row_is_kept()
    {
        var path = _dir.Write("pred.csv", Csv(["article_id"], Row("Attack", article: "a"), Row("Attack", fatalities: "many", lat: "north", article: "a")));
        var set = Read(path);
        Assert.Equal(2, set.Articles["a"].Count);
        Assert.Null(set.Articles["a"][1].Fatalities);
        Assert.Null(set.Articles["a"][1].Latitude);
        var warning = Assert.Single(_warnings);
        Assert.StartsWith($"{path} line 3: ", warning);
        Assert.Contains("fatalities 'many'", warning);
        Assert.Contains("latitude 'north'", warning);
    }

    [Fact]
    public void Lenient_numbers_are_read()
    {
        var path = _dir.Write("p.jsonl",
            """{"article_id":"a","sub_event_type":"Attack","fatalities":"3.0","latitude":"11,5","longitude":13,"event_date":"2024-03-10T00:00:00"}""" + "\n");
        var r = Assert.Single(Read(path).Articles["a"]);
        Assert.Equal(3, r.Fatalities);
        Assert.Equal(11.5, r.Latitude);
        Assert.Equal(13, r.Longitude);
        Assert.Equal(new DateOnly(2024, 3, 10), r.EventDate);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Jsonl_reads_records_merged_ids_and_skips_bad_lines()
    {
        var path = _dir.Write("pred.jsonl",
            """{"article_id":"a-01","sub_event_type":"Attack","weapons":["gun"],"inter1":"State forces"}""" + "\n" +
            "not json\n" +
            "\n" +
            """{"article_id":"a-01; a-02","sub_event_type":"Arrests","weapons":[]}""" + "\n");
        var set = Read(path);
        Assert.Equal(["a-01", "a-02"], set.Articles.Keys);
        Assert.Equal(2, set.Articles["a-01"].Count);
        Assert.Equal(["gun"], set.Articles["a-01"][0].Weapons!);
        Assert.Equal("State forces", set.Articles["a-01"][0].Inter1);
        Assert.Equal("Arrests", Assert.Single(set.Articles["a-02"]).SubEventType);
        Assert.Empty(set.Articles["a-02"][0].Weapons!);
        Assert.StartsWith($"{path} line 2: not a JSON object", Assert.Single(_warnings));
    }

    [Fact]
    public void Json_array_is_read()
    {
        var path = _dir.Write("pred.json", """[{"article_id":"x","sub_event_type":"Grenade"},{"article_id":"y","sub_event_type":"Attack"}]""");
        Assert.Equal(["x", "y"], Read(path).Articles.Keys);
    }

    [Fact]
    public void Folder_uses_file_names_as_ids_and_empty_files_as_articles_without_events()
    {
        _dir.Write("gold/a-01.jsonl", """{"sub_event_type":"Attack","article_id":"ignored","fatalities":4}""" + "\n");
        _dir.Write("gold/a-02.jsonl", "");
        _dir.Write("gold/notes.txt", "not a record file");
        var set = Read(Path.Combine(_dir.Path, "gold"));
        Assert.Equal(["a-01", "a-02"], set.Articles.Keys);
        Assert.Equal("a-01", Assert.Single(set.Articles["a-01"]).ArticleId);
        Assert.Empty(set.Articles["a-02"]);
    }

    [Fact]
    public void The_real_gold_folder_reads_without_warnings()
    {
        var gold = Path.Combine(RepoRoot(), "corpus", "gold");
        var set = Read(gold);
        Assert.True(set.Articles.Count >= 40);
        Assert.Contains(set.Articles, a => a.Value.Count == 0);
        // A report that names no place is still an event: its gold record has no location and no coordinates.
        Assert.All(set.Articles.Values.SelectMany(r => r), r => Assert.True((r.HasCoordinates || r.Location.Length == 0) && r.EventDate.HasValue && r.Weapons is not null));
        Assert.True(set.Articles.Values.SelectMany(r => r).Count(r => r.HasCoordinates) > 0.9 * set.Articles.Values.Sum(r => r.Count));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void An_empty_prediction_file_is_no_article_rather_than_one_pooled_article()
    {
        var set = Read(_dir.Write("empty.jsonl", ""));
        Assert.Empty(set.Articles);
        Assert.True(set.HasArticleIds);
    }

    [Fact]
    public void Missing_source_and_csv_without_sub_event_type_are_usage_errors()
    {
        var missing = Path.Combine(_dir.Path, "nope.jsonl");
        Assert.Equal(Messages.EvalSourceNotFound(missing), Assert.Throws<UsageException>(() => Read(missing)).Message);
        var other = _dir.Write("other.csv", "a,b\n1,2\n");
        Assert.Equal(Messages.EvalNotAcledCsv(other), Assert.Throws<UsageException>(() => Read(other)).Message);
    }

    [Fact]
    public void Splits_file_is_read_skipping_a_header()
    {
        var path = _dir.Write("splits.tsv", "id\tsplit\na-01\ttrain\na-02\tDEV\n\nbroken line here\n");
        var warnings = new List<string>();
        var splits = RecordSetReader.ReadSplits(path, warnings.Add);
        Assert.Equal(new Dictionary<string, string> { ["a-01"] = "train", ["a-02"] = "dev" }, splits);
        Assert.Equal([Messages.EvalSplitsBadLine(path, 5)], warnings);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EventExtractor.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
