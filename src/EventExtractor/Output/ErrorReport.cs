using EventExtractor.Diagnostics;
using Newtonsoft.Json;

namespace EventExtractor.Output;

/// <summary>
/// Collects the input problems of a run. Each one goes to standard error at once, as one line
/// (<see cref="InputProblem.ToString"/>); at the end, <see cref="Commit"/> writes them all to
/// <c>&lt;output&gt;.errors.jsonl</c> (<c>{"input","line","reason"}</c> per line), atomically. No problems, no file
/// (and a stale one from an earlier run with the same output is removed, so the pair always matches). Output to
/// standard output has no errors file: standard error is the only report.
/// </summary>
internal sealed class ErrorReport
{
    private readonly List<InputProblem> _problems = new();
    private readonly TextWriter _stderr;

    /// <param name="output">The run's output path, or "-".</param>
    /// <param name="stderr">Where each problem is announced.</param>
    public ErrorReport(string output, TextWriter stderr)
    {
        _stderr = stderr;
        // A database URL is no path (and may hold a password): like standard output, it gets no errors file.
        ErrorsPath = RecordSinks.IsStandardOutput(output) || RecordSinks.IsDatabaseUrl(output) ? null : PathFor(output);
    }

    /// <summary>The errors file for an output path.</summary>
    public static string PathFor(string output) => output + ".errors.jsonl";

    /// <summary>Where <see cref="Commit"/> writes, or null for standard output.</summary>
    public string? ErrorsPath { get; }

    /// <summary>The problems reported so far, in order.</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Records a problem and writes it to standard error.</summary>
    public void Report(InputProblem problem)
    {
        _problems.Add(problem);
        _stderr.WriteLine(problem.ToString());
        _stderr.Flush();
    }

    /// <summary>Writes the errors file (or removes a stale one when there were no problems).</summary>
    /// <exception cref="UsageException">The errors file cannot be written.</exception>
    public void Commit()
    {
        if (ErrorsPath is null) return;
        try
        {
            if (_problems.Count == 0)
            {
                File.Delete(ErrorsPath);
                return;
            }
            using var file = new AtomicFileWriter(ErrorsPath);
            using (var json = JsonRecordWriter.Create(file.Writer, Formatting.None))
            {
                foreach (var p in _problems) WriteLine(json, file.Writer, p);
            }
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Messages.OutputNotWritable(ErrorsPath, e.Message));
        }
    }

    /// <summary>One line of an errors file: <c>{"input","line","reason"}</c> and a line feed.</summary>
    public static void WriteLine(JsonWriter json, TextWriter writer, InputProblem p)
    {
        json.WriteStartObject();
        json.WritePropertyName("input");
        json.WriteValue(p.Input);
        json.WritePropertyName("line");
        json.WriteValue(p.Line);
        json.WritePropertyName("reason");
        json.WriteValue(p.Reason);
        json.WriteEndObject();
        json.Flush();
        writer.Write('\n');
    }
}
