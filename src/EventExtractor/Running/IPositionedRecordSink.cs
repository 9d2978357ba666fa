using EventExtractor.Output;
using EventExtractor.Records;

namespace EventExtractor.Running;

/// <summary>A sink that also keeps each record's article position (shard outputs, which a merge puts back in order).</summary>
internal interface IPositionedRecordSink : IRecordSink
{
    /// <summary>Adds one record of the article at input position <paramref name="articlePosition"/>.</summary>
    void Write(long articlePosition, AcledRecord record);
}
