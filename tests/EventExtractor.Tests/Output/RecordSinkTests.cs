using System.Text;
using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Records;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Tests.Output;

public class RecordSinkTests
{
    [Theory]
    [InlineData("out.csv", typeof(CsvRecordSink))]
    [InlineData("out.CSV", typeof(CsvRecordSink))]
    [InlineData("out.jsonl", typeof(JsonLinesRecordSink))]
    [InlineData("out.json", typeof(JsonArrayRecordSink))]
    public void Open_picks_the_sink_by_extension(string name, Type expected)
    {
        using var temp = new TempFolder();
        using var sink = RecordSinks.Open(temp.File(name));
        Assert.IsType(expected, sink);
    }

    [Theory]
    [InlineData("out.txt")]
    [InlineData("out")]
    [InlineData("out.csv.gz")]
    public void Open_rejects_an_unknown_extension_with_the_user_message(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        var e = Assert.Throws<UsageException>(() => RecordSinks.Open(path));
        Assert.Equal(Messages.UnknownOutputFormat(path), e.Message);
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Open_reports_an_unwritable_path_as_a_usage_error()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "no-such-folder", "out.csv");
        var e = Assert.Throws<UsageException>(() => RecordSinks.Open(path));
        Assert.StartsWith($"cannot write '{path}'", e.Message);
    }

    [Fact]
    public void Standard_output_gets_json_lines_directly()
    {
        var stdout = new StringWriter();
        using (var sink = RecordSinks.Open("-", stdout))
        {
            Assert.IsType<JsonLinesRecordSink>(sink);
            sink.Write(SampleRecords.Full());
            // Written as it goes, before the commit: a pipe sees records while the run is still working.
            Assert.EndsWith("}\n", stdout.ToString());
            sink.Write(SampleRecords.Sparse());
            sink.Commit();
        }
        var lines = stdout.ToString().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal("NGA1001", JObject.Parse(lines[0])["event_id_cnty"]!.Value<string>());
        Assert.Equal("sample-004", JObject.Parse(lines[1])["article_id"]!.Value<string>());
    }

    [Fact]
    public void Json_lines_keys_are_the_acled_columns_in_order_then_the_extras()
    {
        var obj = WriteOneJsonLine(SampleRecords.Full());
        var expectedKeys = AcledRecord.AcledColumns.Concat(JsonRecordWriter.ExtraKeys).ToArray();
        Assert.Equal(expectedKeys, obj.Properties().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Json_values_are_typed_rounded_and_null_when_unknown()
    {
        var full = WriteOneJsonLine(SampleRecords.Full());
        Assert.Equal(JTokenType.Integer, full["year"]!.Type);
        Assert.Equal(11.8469, full["latitude"]!.Value<double>());
        Assert.Equal(13.1571, full["longitude"]!.Value<double>());
        Assert.Equal(0.877, full["confidence"]!.Value<double>());
        Assert.Equal(3, full["fatalities"]!.Value<int>());
        Assert.Equal(new[] { "roadside bomb" }, full["weapons"]!.Values<string>().ToArray());
        var evidence = (JObject)full["evidence"]![1]!;
        Assert.Equal(new[] { "field", "text", "start", "end" }, evidence.Properties().Select(p => p.Name).ToArray());
        Assert.Equal(77, evidence["start"]!.Value<int>());

        var sparse = WriteOneJsonLine(SampleRecords.Sparse());
        foreach (var key in new[] { "year", "time_precision", "iso", "latitude", "longitude", "geo_precision" })
            Assert.Equal(JTokenType.Null, sparse[key]!.Type);
        Assert.Equal("", sparse["actor1"]!.Value<string>());
        Assert.Equal(0, sparse["fatalities"]!.Value<int>());
        Assert.Empty(sparse["weapons"]!);
        Assert.Empty(sparse["evidence"]!);
    }

    [Fact]
    public void Json_array_holds_the_same_objects_as_json_lines()
    {
        using var temp = new TempFolder();
        WriteAll(temp.File("a.jsonl"));
        WriteAll(temp.File("a.json"));
        var lines = File.ReadAllText(temp.File("a.jsonl")).TrimEnd('\n').Split('\n').Select(JObject.Parse).ToArray();
        var array = JArray.Parse(File.ReadAllText(temp.File("a.json")));
        Assert.Equal(3, array.Count);
        for (int i = 0; i < lines.Length; i++) Assert.True(JToken.DeepEquals(lines[i], array[i]), $"record {i} differs");
    }

    [Fact]
    public void Csv_has_the_header_and_the_coordinates_of_an_acled_export()
    {
        using var temp = new TempFolder();
        var path = temp.File("a.csv");
        WriteAll(path);
        var text = File.ReadAllText(path, new UTF8Encoding(false, true));
        Assert.StartsWith(string.Join(",", AcledRecord.AcledColumns) + "\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.Contains(",11.8469,13.1571,", text);
        Assert.Contains(",7.6939,-5.0303,", text);
    }

    [Fact]
    public void An_empty_run_still_gives_a_valid_file()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "e.csv", "e.jsonl", "e.json" })
        {
            using var sink = RecordSinks.Open(temp.File(name));
            sink.Commit();
        }
        Assert.Equal(string.Join(",", AcledRecord.AcledColumns) + "\n", File.ReadAllText(temp.File("e.csv")));
        Assert.Equal("", File.ReadAllText(temp.File("e.jsonl")));
        Assert.Equal("[]\n", File.ReadAllText(temp.File("e.json")));
    }

    [Theory]
    [InlineData("d.csv")]
    [InlineData("d.jsonl")]
    [InlineData("d.json")]
    public void Disposing_without_commit_leaves_no_file(string name)
    {
        using var temp = new TempFolder();
        using (var sink = RecordSinks.Open(temp.File(name)))
        {
            sink.Write(SampleRecords.Full());
        }
        Assert.Empty(temp.Names());
    }

    [Fact]
    public void Disposing_without_commit_keeps_the_previous_output()
    {
        using var temp = new TempFolder();
        var path = temp.File("keep.jsonl");
        File.WriteAllText(path, "previous\n");
        using (var sink = RecordSinks.Open(path))
        {
            sink.Write(SampleRecords.Full());
        }
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal(new[] { "keep.jsonl" }, temp.Names());
    }

    private static void WriteAll(string path)
    {
        using var sink = RecordSinks.Open(path);
        foreach (var record in SampleRecords.All()) sink.Write(record);
        sink.Commit();
    }

    private static JObject WriteOneJsonLine(AcledRecord record)
    {
        var stdout = new StringWriter();
        using (var sink = new JsonLinesRecordSink(stdout))
        {
            sink.Write(record);
            sink.Commit();
        }
        return JObject.Parse(stdout.ToString());
    }
}
