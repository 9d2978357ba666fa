using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// Where the records of a run go. Nothing is final until <see cref="Commit"/>: a sink that is disposed without a
/// commit discards what it was given (a file sink leaves the previous output untouched), so a failed run never
/// leaves half a file behind.
/// </summary>
internal interface IRecordSink : IDisposable
{
    /// <summary>Adds one record, after those already written.</summary>
    void Write(AcledRecord record);

    /// <summary>Finishes the output (closing brackets, flushing) and makes it visible at its final path.</summary>
    void Commit();
}
