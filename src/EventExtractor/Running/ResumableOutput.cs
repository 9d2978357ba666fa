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

    private readonly InputDigests? _inputs;
    private readonly FileStream? _inputsFile;

    private ResumableOutput(PartialFile output, PartialFile errors, TextRecordSink sink, JObject settings, RunState? resumeFrom,
        InputDigests? inputs, FileStream? inputsFile)
    {
        _inputs = inputs;
        _inputsFile = inputsFile;
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

    /// <summary>The digests of the inputs read (JSON Lines), beside the checkpoint.</summary>
    public static string InputsPathFor(string output) => output + ".progress-inputs";

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
    /// <param name="inputs">The input files the run reads (noted by the reader); their digests go into each
    /// checkpoint and are checked on resume.</param>
    /// <exception cref="UsageException">The checkpoint cannot be used, was made with other settings, or an input it
    /// read has changed since.</exception>
    /// <exception cref="IOException">The files cannot be written (or are in use by another run).</exception>
    public static ResumableOutput Open(string output, ResumableFormat format, JObject settings, bool resume, InputDigests? inputs = null)
    {
        // As saved and read back: a null string and a JSON null must compare equal.
        settings = JObject.Parse(settings.ToString(Formatting.None));
        var full = Path.GetFullPath(output);
        var progressPath = ProgressPathFor(full);
        var errorsPath = ErrorReport.PathFor(full);
        var inputsPath = InputsPathFor(full);
        RunState? state = null;
        long outputBytes = 0, errorsBytes = 0, inputsBytes = 0;
        if (resume && File.Exists(progressPath) && File.Exists(PartialFile.PathFor(full)))
        {
            (state, outputBytes, errorsBytes, inputsBytes) = ReadProgress(progressPath, settings);
            VerifyInputs(inputsPath, inputsBytes, inputs);
            // No two records of a run share an id: the resumed run must know those already written.
            if (format != ResumableFormat.ShardLines)
                state.WrittenIds = WrittenIds(PartialFile.PathFor(full), outputBytes, format);
        }
        else
        {
            File.Delete(progressPath);
        }

        PartialFile? outFile = null, errFile = null;
        FileStream? inputsFile = null;
        try
        {
            if (inputs is not null)
            {
                inputsFile = new FileStream(inputsPath, state is null ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                inputsFile.SetLength(state is null ? 0 : Math.Min(inputsBytes, inputsFile.Length));
                inputsFile.Position = inputsFile.Length;
            }
            else
            {
                File.Delete(inputsPath);
            }
            outFile = new PartialFile(full, state is null ? null : outputBytes);
            errFile = new PartialFile(errorsPath,
                state is null || (errorsBytes == 0 && !File.Exists(PartialFile.PathFor(errorsPath))) ? null : errorsBytes);
            TextRecordSink sink = format switch
            {
                ResumableFormat.Csv => new CsvRecordSink(outFile.Writer, header: state is null),
                ResumableFormat.ShardLines => new ShardLinesSink(outFile.Writer),
                // Checkpoints flush the file (Save): no write to the file system per record.
                _ => new JsonLinesRecordSink(outFile.Writer, flushEachRecord: false),
            };
            return new ResumableOutput(outFile, errFile, sink, settings, state, inputs, inputsFile);
        }
        catch
        {
            inputsFile?.Dispose();
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
        long inputsBytes = 0;
        if (_inputs is not null && _inputsFile is not null)
        {
            var digests = _inputs.TakeNew();
            if (digests.Count > 0)
            {
                var text = new System.Text.StringBuilder();
                foreach (var d in digests) text.Append(d.ToString(Formatting.None)).Append('\n');
                _inputsFile.Write(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()));
            }
            _inputsFile.Flush(flushToDisk: true);
            inputsBytes = _inputsFile.Length;
        }
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
                if (_inputsFile is not null)
                {
                    json.WritePropertyName("inputs_bytes");
                    json.WriteValue(inputsBytes);
                }
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
        _inputsFile?.Dispose();
        if (_inputsFile is not null) File.Delete(_inputsFile.Name);
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
        _inputsFile?.Dispose();
    }

    /// <summary>The event ids in the first <paramref name="length"/> bytes of a partial output (each line's first value).</summary>
    private static List<string> WrittenIds(string path, long length, ResumableFormat format)
    {
        var ids = new List<string>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(new BoundedStream(stream, length));
        if (format == ResumableFormat.Csv) reader.ReadLine(); // the header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (format == ResumableFormat.Csv)
            {
                // Ids hold letters and digits only, never a quote or a comma (a record spans lines only in quoted notes).
                int comma = line.IndexOf(',');
                if (comma > 0 && line[0] != '"' && line[..comma].All(char.IsAsciiLetterOrDigit)) ids.Add(line[..comma]);
            }
            else
            {
                ids.Add(RecordJson.ParseLine(line).Value<string>("event_id_cnty") ?? "");
            }
        }
        return ids;
    }

    /// <summary>A read-only view of the first bytes of a stream.</summary>
    private sealed class BoundedStream(Stream inner, long length) : Stream
    {
        private readonly long _length = length;
        private long _left = length;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _length - _left; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Checks the inputs the interrupted run recorded (the first <paramref name="length"/> bytes of its digests file).</summary>
    private static void VerifyInputs(string path, long length, InputDigests? inputs)
    {
        if (length == 0) return;
        List<JObject> recorded;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length < length) throw new IOException($"'{path}' is shorter than its checkpoint says");
            using var reader = new StreamReader(new BoundedStream(stream, length));
            recorded = [];
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) recorded.Add(RecordJson.ParseLine(line));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new UsageException(Messages.ResumeCheckpointBad(path, e.Message));
        }
        foreach (var digest in recorded)
        {
            InputDigests.Verify(digest);
            inputs?.Known(digest.Value<string>("path") ?? "");
        }
    }

    private static (RunState State, long OutputBytes, long ErrorsBytes, long InputsBytes) ReadProgress(string path, JObject settings)
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
            return (state, o.Value<long>("output_bytes"), o.Value<long>("errors_bytes"), o.Value<long?>("inputs_bytes") ?? 0);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or NullReferenceException or ArgumentException)
        {
            throw new UsageException(Messages.ResumeCheckpointBad(path, e.Message));
        }
    }
}
