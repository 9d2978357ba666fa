using System.Globalization;
using EventExtractor.Output;
using EventExtractor.Records;

namespace EventExtractor.Running;

/// <summary>
/// The output of a <c>--shard</c> run: JSON Lines of records as extracted (unmerged), each object ending with
/// <c>"article_seq"</c>, the 0-based position of its article among all articles of the inputs. The positions let
/// <see cref="ShardMerge"/> put the shards back in single-run order and apply the cross-article merge.
/// </summary>
internal sealed class ShardLinesSink : TextRecordSink, IPositionedRecordSink
{
    /// <summary>The key that carries the article position.</summary>
    public const string PositionKey = "article_seq";

    /// <summary>Writes to <paramref name="writer"/>, which is left open.</summary>
    public ShardLinesSink(TextWriter writer) : base(writer)
    {
    }

    /// <inheritdoc />
    public void Write(long articlePosition, AcledRecord record)
    {
        var line = RecordJson.ToLine(record);
        Writer.Write(line.AsSpan(0, line.Length - 1)); // the object without its closing brace
        Writer.Write(",\"" + PositionKey + "\":");
        Writer.Write(articlePosition.ToString(CultureInfo.InvariantCulture));
        Writer.Write("}\n");
    }

    /// <summary>Not available: a shard record needs its position.</summary>
    public override void Write(AcledRecord record) =>
        throw new InvalidOperationException("a shard output needs each record's article position");
}
