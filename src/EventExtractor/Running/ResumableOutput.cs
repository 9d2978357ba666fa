using EventExtractor.Diagnostics;
using EventExtractor.Output;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventExtractor.Running;

/// <summary>The kinds of file output a run can continue after an interruption.</summary>
internal enum ResumableFormat
{
    /// <summary>JSON Lines of records.</summary>
    JsonLines,
    /// <summary>ACLED CSV.</summary>
    Csv,
    /// <summary>JSON Lines of a <c>--shard</c> run (records with their article positions).</summary>
    ShardLines,
}

/// <summary>
/// A file output (<c>.jsonl</c>, <c>.csv</c>, or a shard's <c>.jsonl</c>) written so that a run killed at any moment
/// can be continued. Records go in place to <c>OUTPUT.partial</c>, problems to <c>OUTPUT.errors.jsonl.partial</c>;
/// at each batch boundary (<see cref="Save"/>) both are flushed to disk and then <c>OUTPUT.progress</c> is replaced
/// atomically (written beside, flushed to disk, renamed) by a JSON object with the lengths of both files, the counts
/// of inputs and articles consumed, the id of the last article, the records still in the merge window, and the
/// run's settings. At the end (<see cref="Commit"/>) the partial files are renamed to their final names and the
/// progress file is removed: the final files only ever appear complete.
/// </summary>
/// <remarks>
/// A resumed run cuts both partial files back to the lengths in the progress file (whatever was written after the
/// last checkpoint goes), restores the merge window, and skips the inputs already consumed; since extraction is
/// deterministic, it then writes exactly what the interrupted run would have written. Without a progress file or a
/// partial output, <c>--resume</c> starts from the beginning.
/// </remarks>
internal sealed class ResumableOutput : IDisposable
{
    private const int Version = 1;

    private readonly PartialFile _output;
    private readonly PartialFile _errors;
    private readonly TextRecordSink _sink;
    private readonly JObject _settings;
    private readonly JsonTextWriter _errorsJson;

    private ResumableOutput(PartialFile output, PartialFile errors, TextRecordSink sink, JObject settings, RunState? resumeFrom)
    {
        _output = output;
        _errors = errors;
        _sink = sink;
        _settings = settings;
        ResumeFrom = resumeFrom;
        ProgressPath = ProgressPathFor(output.TargetPath);
        _errorsJson = new JsonTextWriter(errors.Writer) { Formatting = Formatting.None, CloseOutput = false };
    }

    /// <summary>The checkpoint file of an output path.</summary>
    public static string ProgressPathFor(string output) => output + ".progress";

    /// <summary>Where the records go.</summary>
    public IRecordSink Sink => _sink;

    /// <summary>The state to continue from, or null when the run starts at the beginning.</summary>
    public RunState? ResumeFrom { get; }

    /// <summary>The checkpoint file.</summary>
    public string ProgressPath { get; }

    /// <summary>
    /// Opens the output. With <paramref name="resume"/> and a checkpoint of an earlier run (same
    /// <paramref name="settings"/>), continues it; otherwise starts over, dropping any earlier partial files.
    /// </summary>
    /// <param name="output">The final output path.</param>
    /// <param name="format">What is written.</param>
    /// <param name="settings">Whatever must not change between an interrupted run and its resumption (inputs,
    /// models, merge window, shard ...); compared key by key.</param>
    /// <param name="resume">Continue an interrupted run if there is one.</param>
    /// <exception cref="UsageException">The checkpoint cannot be used, or was made with other settings.</exception>
    /// <exception cref="IOException">The files cannot be written (or are in use by another run).</exception>
    public static ResumableOutput Open(string output, ResumableFormat format, JObject settings, bool resume)
    {
        // As saved and read back: a null string and a JSON null must compare equal.
        settings = JObject.Parse(settings.ToString(Formatting.None));
        var full = Path.GetFullPath(output);
        var progressPath = ProgressPathFor(full);
        var errorsPath = ErrorReport.PathFor(full);
        RunState? state = null;
        long outputBytes = 0, errorsBytes = 0;
        if (resume && File.Exists(progressPath) && File.Exists(PartialFile.PathFor(full)))
        {
            (state, outputBytes, errorsBytes) = ReadProgress(progressPath, settings);
        }
        else
        {
            File.Delete(progressPath);
        }

        PartialFile? outFile = null, errFile = null;
        try
        {
            outFile = new PartialFile(full, state is null ? null : outputBytes);
            errFile = new PartialFile(errorsPath,
                state is null || (errorsBytes == 0 && !File.Exists(PartialFile.PathFor(errorsPath))) ? null : errorsBytes);
            TextRecordSink sink = format switch
            {
                ResumableFormat.Csv => new CsvRecordSink(outFile.Writer, header: state is null),
                ResumableFormat.ShardLines => new ShardLinesSink(outFile.Writer),
                _ => new JsonLinesRecordSink(outFile.Writer),
            };
            return new ResumableOutput(outFile, errFile, sink, settings, state);
        }
        catch
        {
            outFile?.Dispose();
            errFile?.Dispose();
            throw;
        }
    }

    /// <summary>Adds a problem to the errors file (<c>{"input","line","reason"}</c>, as <see cref="ErrorReport"/> writes it).</summary>
    public void ReportProblem(InputProblem p) => ErrorReport.WriteLine(_errorsJson, _errors.Writer, p);

    /// <summary>A checkpoint: the output and errors so far to disk, then the progress file replaced atomically.</summary>
    public void Save(RunState state)
    {
        _sink.Flush();
        long outputBytes = _output.Sync();
        _errorsJson.Flush();
        long errorsBytes = _errors.Sync();
        var temp = ProgressPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var text = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" })
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
            {
                json.WriteStartObject();
                json.WritePropertyName("version");
                json.WriteValue(Version);
                json.WritePropertyName("settings");
                _settings.WriteTo(json);
                json.WritePropertyName("output_bytes");
                json.WriteValue(outputBytes);
                json.WritePropertyName("errors_bytes");
                json.WriteValue(errorsBytes);
                json.WritePropertyName("inputs");
                json.WriteValue(state.Inputs);
                json.WritePropertyName("articles");
                json.WriteValue(state.Articles);
                json.WritePropertyName("last_article_id");
                json.WriteValue(state.LastArticleId);
                json.WritePropertyName("articles_read");
                json.WriteValue(state.ArticlesRead);
                json.WritePropertyName("articles_with_events");
                json.WriteValue(state.ArticlesWithEvents);
                json.WritePropertyName("records");
                json.WriteValue(state.RecordsWritten);
                json.WritePropertyName("problems");
                json.WriteValue(state.Problems);
                json.WritePropertyName("window");
                json.WriteStartArray();
                foreach (var p in state.Window)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("position");
                    json.WriteValue(p.Position);
                    json.WritePropertyName("record");
                    JsonRecordWriter.Write(json, p.Record);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, ProgressPath, overwrite: true);
    }

    /// <summary>Renames the finished files to their final names (an errors file only if there were problems) and removes the checkpoint.</summary>
    public void Commit()
    {
        _errorsJson.Flush();
        _output.Commit();
        _errors.Sync();
        if (_errors.IsEmpty) _errors.CommitEmpty();
        else _errors.Commit();
        File.Delete(ProgressPath);
    }

    /// <summary>Closes the files; without a commit, the partial files and the checkpoint stay for <c>--resume</c>.</summary>
    public void Dispose()
    {
        try
        {
            _sink.Dispose();
            _errorsJson.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Closing after a failure: the checkpoint says what counts.
        }
        _output.Dispose();
        _errors.Dispose();
    }

    private static (RunState State, long OutputBytes, long ErrorsBytes) ReadProgress(string path, JObject settings)
    {
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            o = JObject.Load(reader);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new UsageException(Messages.ResumeCheckpointBad(path, e.Message));
        }
        try
        {
            if (o.Value<int>("version") != Version) throw new FormatException($"version {o["version"]} is not {Version}");
            var saved = o["settings"] as JObject ?? new JObject();
            foreach (var property in settings.Properties())
                if (!JToken.DeepEquals(property.Value, saved[property.Name]))
                    throw new UsageException(Messages.ResumeSettingsChanged(property.Name));
            var window = new List<PendingRecord>();
            foreach (var p in (o["window"] as JArray ?? []).OfType<JObject>())
                window.Add(new PendingRecord(p.Value<long>("position"), RecordJson.Read((JObject)p["record"]!)));
            var state = new RunState
            {
                Inputs = o.Value<long>("inputs"),
                Articles = o.Value<long>("articles"),
                LastArticleId = o.Value<string?>("last_article_id"),
                ArticlesRead = o.Value<int>("articles_read"),
                ArticlesWithEvents = o.Value<int>("articles_with_events"),
                RecordsWritten = o.Value<int>("records"),
                Problems = o.Value<int>("problems"),
                Window = window,
            };
            return (state, o.Value<long>("output_bytes"), o.Value<long>("errors_bytes"));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or NullReferenceException or ArgumentException)
        {
            throw new UsageException(Messages.ResumeCheckpointBad(path, e.Message));
        }
    }
}
