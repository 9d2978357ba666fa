namespace EventExtractor.Ingestion;

/// <summary>
/// Reads a file line by line as bytes, so a JSON Lines file of any size streams through a small buffer and a bad
/// line (invalid UTF-8, broken JSON) can be reported by its line number and byte offset without losing the rest.
/// </summary>
internal sealed class ByteLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pos, _len;
    private long _bufferOffset;
    private byte[] _line = new byte[4096];
    private bool _eof;

    private readonly long _maxLineBytes;

    /// <param name="stream">The file.</param>
    /// <param name="maxLineBytes">Longer lines are not kept: <see cref="TryReadLine"/> passes over their bytes and
    /// returns an empty line with <see cref="LineTooLong"/> set, so one huge line cannot take the memory.</param>
    public ByteLineReader(Stream stream, long maxLineBytes = long.MaxValue)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>True when the line last returned was longer than the limit (and was returned empty).</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The length in bytes of the line last returned, as it is in the file.</summary>
    public long LineBytes { get; private set; }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Byte offset in the file where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>
    /// Reads the next line (without its '\n' or a trailing '\r'); false at the end of the file.
    /// IO errors propagate to the caller, which turns them into a problem.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_eof && _pos >= _len) return false;
        int lineLen = 0;
        long total = 0;
        bool any = false;
        LineOffset = _bufferOffset + _pos;
        while (true)
        {
            if (_pos >= _len)
            {
                _bufferOffset += _len;
                _len = _stream.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len == 0)
                {
                    _eof = true;
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
            int end = nl < 0 ? _len : nl;
            int n = end - _pos;
            total += n;
            if (total <= _maxLineBytes)
            {
                if (lineLen + n > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, lineLen + n));
                Buffer.BlockCopy(_buffer, _pos, _line, lineLen, n);
                lineLen += n;
            }
            _pos = end;
            if (nl >= 0) { _pos++; break; }
        }
        LineTooLong = total > _maxLineBytes;
        LineBytes = total;
        if (LineTooLong) lineLen = 0;
        if (lineLen > 0 && _line[lineLen - 1] == (byte)'\r') lineLen--;
        LineNumber++;
        line = _line.AsSpan(0, lineLen);
        return true;
    }

    public void Dispose() => _stream.Dispose();
}
