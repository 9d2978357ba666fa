using EventExtractor.Records;

namespace EventExtractor.Output;

/// <summary>
/// Writes records in the command line's formats (the same bytes as <c>eventextractor extract -o</c>) to a writer
/// the caller owns: it is flushed, never closed. Databases are the command line's business; a service that feeds
/// its own database reads the <see cref="AcledRecord"/> properties.
/// </summary>
public static class RecordWriter
{
    /// <summary>ACLED's 31 columns in ACLED's order, one record per row, with a header row unless <paramref name="header"/> is false.</summary>
    /// <param name="records">The records, written as they are enumerated.</param>
    /// <param name="writer">Where to write; flushed at the end, left open.</param>
    /// <param name="header">Whether to write the header row (false to append to an existing file).</param>
    /// <returns>The number of records written.</returns>
    public static int WriteCsv(IEnumerable<AcledRecord> records, TextWriter writer, bool header = true) =>
        Write(records, new CsvRecordSink(writer, header));

    /// <summary>One JSON object per line: the 31 ACLED keys, then article_id, weapons, injuries, confidence and evidence.</summary>
    /// <param name="records">The records, written as they are enumerated.</param>
    /// <param name="writer">Where to write; flushed at the end, left open.</param>
    /// <returns>The number of records written.</returns>
    public static int WriteJsonLines(IEnumerable<AcledRecord> records, TextWriter writer) =>
        Write(records, new JsonLinesRecordSink(writer));

    private static int Write(IEnumerable<AcledRecord> records, IRecordSink sink)
    {
        ArgumentNullException.ThrowIfNull(records);
        int count = 0;
        using (sink)
        {
            foreach (var r in records)
            {
                sink.Write(r);
                count++;
            }
            sink.Commit();
        }
        return count;
    }
}
