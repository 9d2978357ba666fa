using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EventExtractor.Diagnostics;

namespace EventExtractor.Ingestion;

/// <summary>
/// Turns a file's bytes into text, strictly: a file that is not valid UTF-8 is reported (with the offset of the
/// first bad byte) rather than silently decoded with replacement characters, which would corrupt names and numbers.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How far into a file NUL bytes are looked for; text files never contain them.</summary>
    public const int BinaryProbeLength = 8192;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>True when the first <see cref="BinaryProbeLength"/> bytes contain a NUL.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, BinaryProbeLength)].IndexOf((byte)0) >= 0;

    /// <summary>Length of a UTF-8 byte order mark at the start, 0 or 3.</summary>
    public static int BomLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Bom) ? Bom.Length : 0;

    /// <summary>
    /// Decodes UTF-8 strictly. On failure returns null and the offset (relative to <paramref name="bytes"/>)
    /// of the first invalid byte.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out long badOffset)
    {
        badOffset = -1;
        if (bytes.IsEmpty) return "";
        char[] buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out int read, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                // NeedMoreData means the text ends inside a multi-byte sequence: invalid as well.
                badOffset = read;
                return null;
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Checks and decodes a whole file's bytes: empty, binary, BOM, invalid UTF-8 and whitespace-only are handled
    /// here so every format reports them the same way.
    /// </summary>
    public static string? DecodeFile(byte[] bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length == 0) { problem = Messages.EmptyFile; return null; }
        if (LooksBinary(bytes)) { problem = Messages.BinaryFile; return null; }
        int bom = BomLength(bytes);
        var text = TryDecode(bytes.AsSpan(bom), out long bad);
        if (text is null) { problem = Messages.InvalidUtf8(bad + bom); return null; }
        if (string.IsNullOrWhiteSpace(text)) { problem = Messages.EmptyFile; return null; }
        return text;
    }

    /// <summary>CRLF and lone CR become LF, so offsets and line logic see one kind of line break.</summary>
    public static string NormalizeNewlines(string text)
    {
        if (text.IndexOf('\r') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Drops a leading U+FEFF (a BOM that survived decoding, e.g. on standard input).</summary>
    public static string StripBomChar(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
