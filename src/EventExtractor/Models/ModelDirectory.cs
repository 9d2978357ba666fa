using EventExtractor.Diagnostics;

namespace EventExtractor.Models;

/// <summary>
/// Finds the models folder: an explicit <c>--models DIR</c>, else <c>models/</c> beside the running binary
/// (the build copies it there, from this project or from the EventExtractor package), else beside the library,
/// else a <c>models/</c> folder in the current directory or one of its parents (a source checkout).
/// </summary>
internal static class ModelDirectory
{
    /// <summary>Name of a file present in every valid models folder, used to recognise one.</summary>
    public const string Marker = "README.md";

    public static string Locate(string? explicitDir = null)
    {
        if (!string.IsNullOrEmpty(explicitDir))
        {
            if (Directory.Exists(explicitDir)) return Path.GetFullPath(explicitDir);
            throw new ModelException(Messages.ModelsNotFound(explicitDir));
        }
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            if (File.Exists(Path.Combine(candidate, Marker))) return candidate;
        }
        throw new ModelException(Messages.ModelsNotFound(string.Join(", ", tried)));
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "models");
        // Beside the library itself, for hosts whose base directory is not the application's (test runners, plugins);
        // a single-file application has no library path, and its base directory is where its content is unpacked.
        var library = typeof(ModelDirectory).Assembly.Location;
        if (library.Length > 0 && Path.GetDirectoryName(library) is { } libraryDir && libraryDir != AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))
            yield return Path.Combine(libraryDir, "models");
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir != null)
        {
            yield return Path.Combine(dir.FullName, "models");
            dir = dir.Parent;
        }
    }
}

/// <summary>A model or lexicon file is missing or cannot be used; the message is for the user.</summary>
public sealed class ModelException(string message) : Exception(message);
