using EventExtractor.Diagnostics;
using EventExtractor.Ingestion;
using EventExtractor.Output;

namespace EventExtractor.Running;

/// <summary>
/// Checks, before anything is read, that a file output can neither destroy an input nor be read back as one: it
/// may not be an input, lie inside an input folder (its records or errors file would be read as articles by the
/// next run), or be a folder.
/// </summary>
internal static class OutputPlacement
{
    /// <summary>Throws when <paramref name="output"/> is misplaced with respect to <paramref name="inputs"/>.</summary>
    /// <exception cref="UsageException">The output is a folder, one of the inputs, or inside an input folder.</exception>
    public static void Check(IReadOnlyList<string> inputs, string output)
    {
        if (RecordSinks.IsStandardOutput(output) || RecordSinks.IsDatabaseUrl(output)) return;
        if (Directory.Exists(output)) throw new UsageException(Messages.OutputIsFolder(output));
        var target = RealPath(output);
        foreach (var input in inputs)
        {
            if (input == ArticleReader.StandardInputArgument) continue;
            var source = RealPath(input);
            if (Directory.Exists(input))
            {
                var folder = source.EndsWith(Path.DirectorySeparatorChar) ? source : source + Path.DirectorySeparatorChar;
                if (target.StartsWith(folder, StringComparison.Ordinal))
                    throw new UsageException(Messages.OutputInsideInput(output, input));
            }
            else if (string.Equals(source, target, StringComparison.Ordinal))
            {
                throw new UsageException(Messages.OutputIsInput(output));
            }
        }
    }

    /// <summary>The absolute path with symbolic links resolved where they exist (the output itself may not exist yet).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var parent = Path.GetDirectoryName(full);
            var name = Path.GetFileName(full);
            if (File.Exists(full) || Directory.Exists(full))
            {
                FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } real) return real.FullName;
            }
            if (parent is not null && name.Length > 0 && Directory.Exists(parent))
                return Path.Combine(RealPath(parent), name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unresolvable: compare as given.
        }
        return full;
    }
}
