using System.Security.Cryptography;
using System.Text;

namespace EventExtractor.Learning;

/// <summary>
/// A hash of the lexicons a model's features come from: every <c>.tsv</c> file of a models folder (triggers,
/// weapons, actors, cues, numbers ... and any lexicon added later), by file name in ordinal order. A model stores
/// the fingerprint of the folder it was trained with; a classifier refuses a model whose fingerprint differs from
/// the lexicons it is asked to run with, since the entity spans, trigger types and cue effects its weights were
/// fitted to would no longer be the ones its features see.
/// </summary>
internal static class LexiconFingerprint
{
    /// <summary>The lowercase hex SHA-256 of the folder's lexicons (file names and contents, line endings normalized).</summary>
    public static string Of(string modelsDir)
    {
        var files = Directory.GetFiles(modelsDir, "*.tsv");
        Array.Sort(files, StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            sha.AppendData([0]);
            // A checkout with CRLF line endings holds the same lexicon.
            var bytes = File.ReadAllBytes(file);
            var normalized = new byte[bytes.Length];
            int n = 0;
            for (int i = 0; i < bytes.Length; i++)
                if (bytes[i] != (byte)'\r' || i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n') normalized[n++] = bytes[i];
            sha.AppendData(normalized, 0, n);
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
