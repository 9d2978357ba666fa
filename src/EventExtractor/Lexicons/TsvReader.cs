using EventExtractor.Diagnostics;
using EventExtractor.Models;

namespace EventExtractor.Lexicons;

/// <summary>
/// Reads the models folder's tab-separated files: UTF-8, one header line naming the columns, <c>#</c> comment
/// lines and blank lines ignored, list-valued columns split on <c>|</c>. Any problem is a
/// <see cref="ModelException"/> that names the file and line, because these files are edited by hand.
/// </summary>
internal static class TsvReader
{
    /// <summary>Reads a file whose header must be exactly <paramref name="columns"/>.</summary>
    public static IReadOnlyList<TsvRow> Read(string path, params string[] columns)
    {
        if (!File.Exists(path)) throw new ModelException(Messages.ModelFileMissing(path));
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, columns);
    }

    /// <summary>Reads TSV text; <paramref name="fileName"/> is used in error messages only.</summary>
    public static IReadOnlyList<TsvRow> Read(TextReader reader, string fileName, params string[] columns)
    {
        var rows = new List<TsvRow>();
        bool headerSeen = false;
        string expected = string.Join('\t', columns);
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (line.TrimEnd().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            line = line.TrimEnd('\r', '\n');
            var fields = line.Split('\t');
            if (!headerSeen)
            {
                var found = string.Join('\t', fields.Select(f => f.Trim()));
                if (!string.Equals(found.TrimEnd('\t'), expected, StringComparison.Ordinal))
                    throw new ModelException(Messages.ModelRowAt(fileName, lineNo,
                        Messages.ModelHeaderExpected(expected.Replace('\t', ' '), found.Replace('\t', ' '))));
                headerSeen = true;
                continue;
            }
            if (fields.Length > columns.Length)
            {
                // Trailing empty columns (an editor's stray tabs) are harmless; real extra values are not.
                int last = fields.Length;
                while (last > columns.Length && fields[last - 1].Trim().Length == 0) last--;
                if (last > columns.Length)
                    throw new ModelException(Messages.ModelRowAt(fileName, lineNo, Messages.ModelTooManyColumns(columns.Length, fields.Length)));
                Array.Resize(ref fields, columns.Length);
            }
            else if (fields.Length < columns.Length)
            {
                // Editors strip trailing tabs: missing trailing columns read as empty.
                int n = fields.Length;
                Array.Resize(ref fields, columns.Length);
                for (int i = n; i < fields.Length; i++) fields[i] = "";
            }
            for (int i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();
            rows.Add(new TsvRow(fileName, lineNo, columns, fields));
        }
        if (!headerSeen) throw new ModelException(Messages.ModelFileBad(fileName, Messages.ModelNoHeader(expected.Replace('\t', ' '))));
        return rows;
    }
}

/// <summary>One data row of a TSV model file, with typed accessors that fail with the file and line.</summary>
internal readonly struct TsvRow
{
    private readonly string[] _columns;
    private readonly string[] _fields;

    internal TsvRow(string file, int line, string[] columns, string[] fields)
    {
        File = file;
        Line = line;
        _columns = columns;
        _fields = fields;
    }

    /// <summary>The file the row came from (as given to the reader).</summary>
    public string File { get; }

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; }

    /// <summary>The trimmed field in column <paramref name="i"/> (empty when absent).</summary>
    public string this[int i] => _fields[i];

    /// <summary>The field, which must not be empty.</summary>
    public string Required(int i) =>
        _fields[i].Length > 0 ? _fields[i] : throw Error(Messages.ModelEmptyField(_columns[i]));

    /// <summary>A <c>|</c>-separated list; empty items are dropped.</summary>
    public string[] List(int i) =>
        _fields[i].Length == 0 ? [] : _fields[i].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An integer field.</summary>
    public int Int(int i) =>
        int.TryParse(Required(i), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw Bad(i, "a whole number");

    /// <summary>A decimal number field (invariant culture, dot as decimal separator).</summary>
    public double Double(int i) =>
        double.TryParse(Required(i), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw Bad(i, "a number such as 33.3128");

    /// <summary>An ISO date field (YYYY-MM-DD).</summary>
    public DateOnly Date(int i) =>
        DateOnly.TryParseExact(Required(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : throw Bad(i, "a date YYYY-MM-DD");

    /// <summary>An optional ISO date field; null when empty.</summary>
    public DateOnly? OptionalDate(int i) => _fields[i].Length == 0 ? null : Date(i);

    /// <summary>An exception for this row, naming the file and line.</summary>
    public ModelException Error(string why) => new(Messages.ModelRowAt(File, Line, why));

    /// <summary>An exception for a value of the wrong shape.</summary>
    public ModelException Bad(int i, string expected) => Error(Messages.ModelBadValue(_columns[i], _fields[i], expected));
}
