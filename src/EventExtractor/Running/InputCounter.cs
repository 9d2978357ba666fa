using EventExtractor.Ingestion;

namespace EventExtractor.Running;

/// <summary>
/// A quick count of the articles in the inputs, for the progress display's time left: one per <c>.txt</c>,
/// <c>.html</c> and <c>.json</c> file (a JSON array counts as one), one per non-blank line of a <c>.jsonl</c> file,
/// folders listed as the reader lists them. Unknown (null) when standard input is among the inputs.
/// </summary>
internal static class InputCounter
{
    /// <summary>The estimated number of articles, or null when it cannot be known in advance.</summary>
    public static long? CountArticles(IReadOnlyList<string> inputs, CancellationToken cancel = default)
    {
        long total = 0;
        foreach (var input in inputs)
        {
            if (input == ArticleReader.StandardInputArgument) return null;
            try
            {
                if (Directory.Exists(input))
                {
                    foreach (var file in Files(input))
                    {
                        cancel.ThrowIfCancellationRequested();
                        total += CountFile(file);
                    }
                }
                else if (File.Exists(input))
                {
                    total += CountFile(input);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The reader reports unreadable inputs; the estimate just goes without them.
            }
        }
        return total;
    }

    private static IEnumerable<string> Files(string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var path in Directory.EnumerateFiles(dir, "*", options))
        {
            var relative = Path.GetRelativePath(dir, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
            if (ArticleReader.SupportedExtensions.Contains(Path.GetExtension(path))) yield return path;
        }
    }

    private static long CountFile(string path)
    {
        if (!string.Equals(Path.GetExtension(path), ".jsonl", StringComparison.OrdinalIgnoreCase)) return 1;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long lines = 0;
        bool content = false;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, n))
            {
                if (b == (byte)'\n')
                {
                    if (content) lines++;
                    content = false;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) content = true;
            }
        }
        return content ? lines + 1 : lines;
    }
}
