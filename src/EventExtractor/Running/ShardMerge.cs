using EventExtractor.Diagnostics;
using EventExtractor.Output;
using EventExtractor.Records;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Running;

/// <summary>
/// Puts the outputs of <c>--shard K/N</c> runs back together: the records of all shards in single-run order (by
/// their <c>article_seq</c>, a streaming k-way merge, one line per input in memory), through the same
/// <see cref="WindowMerger"/> a single run uses. With the window of the single run, the result is that run's
/// output, byte for byte, in any output format.
/// </summary>
internal static class ShardMerge
{
    private sealed class Input(string name, TextReader reader)
    {
        public string Name { get; } = name;
        public TextReader Reader { get; } = reader;
        public int Line;
        public long Position = -1;
        public AcledRecord? Record;

        /// <summary>Reads the next record; false at the end.</summary>
        public bool Next()
        {
            while (Reader.ReadLine() is { } text)
            {
                Line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                var where = $"{Name}:{Line}";
                JObject o;
                try
                {
                    o = RecordJson.ParseLine(text);
                }
                catch (JsonException)
                {
                    throw new InvalidDataException(Messages.MergeNotShardOutput(where));
                }
                if (o[ShardLinesSink.PositionKey] is not { Type: JTokenType.Integer } seq)
                    throw new InvalidDataException(Messages.MergeNotShardOutput(where));
                long position = seq.Value<long>();
                if (position < Position) throw new InvalidDataException(Messages.MergeOutOfOrder(where));
                try
                {
                    Record = RecordJson.Read(o);
                }
                catch (FormatException)
                {
                    throw new InvalidDataException(Messages.MergeNotShardOutput(where));
                }
                Position = position;
                return true;
            }
            Record = null;
            return false;
        }
    }

    /// <summary>Merges the shard outputs into <paramref name="sink"/> and commits it; returns the number of records written.</summary>
    /// <param name="inputs">Each shard output, by name (for messages) and reader.</param>
    /// <param name="sink">The merged output.</param>
    /// <param name="window">The merge window of the single run to reproduce (<see cref="WindowMerger.DefaultWindow"/> by default).</param>
    /// <exception cref="InvalidDataException">An input is not a shard output, or two inputs hold the same article.</exception>
    public static int Merge(IReadOnlyList<(string Name, TextReader Reader)> inputs, IRecordSink sink, int window = WindowMerger.DefaultWindow)
    {
        int written = 0;
        // Ids are made unique here, in the single run's order, as that run does.
        var ids = new EventIdSet();
        var merger = new WindowMerger(window, p =>
        {
            ids.Claim(p.Record);
            sink.Write(p.Record);
            written++;
        });
        var heads = new PriorityQueue<Input, long>();
        foreach (var (name, reader) in inputs)
        {
            var input = new Input(name, reader);
            if (input.Next()) heads.Enqueue(input, input.Position);
        }
        long current = -1;
        Input? currentInput = null;
        var batch = new List<AcledRecord>();
        while (heads.TryDequeue(out var input, out var position))
        {
            if (position != current)
            {
                if (batch.Count > 0) merger.Add(current, batch);
                batch = new List<AcledRecord>();
                current = position;
                currentInput = input;
            }
            else if (!ReferenceEquals(input, currentInput))
            {
                throw new InvalidDataException(Messages.MergeSameArticleTwice($"{input.Name}:{input.Line}"));
            }
            // One article's records are contiguous in its shard: take them all before looking at the other inputs.
            do
            {
                batch.Add(input.Record!);
            }
            while (input.Next() && input.Position == position);
            if (input.Record is not null) heads.Enqueue(input, input.Position);
        }
        if (batch.Count > 0) merger.Add(current, batch);
        merger.Finish();
        sink.Commit();
        return written;
    }
}
