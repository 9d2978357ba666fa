namespace EventExtractor.Diagnostics;

/// <summary>
/// The wording of every problem a user can meet, in one place, so messages stay consistent and can be
/// reviewed (or translated) together. Each method returns the reason text; callers add the input's name.
/// </summary>
internal static class Messages
{
    // Inputs
    public static string InputNotFound => "no such file or folder";
    public static string InputUnreadable(string why) => $"cannot be read ({why})";
    public static string EmptyFile => "the file is empty";
    public static string BinaryFile => "looks like a binary file, not text (it contains NUL bytes)";
    public static string InvalidUtf8(long byteOffset) => $"is not valid UTF-8 (first bad byte at offset {byteOffset})";
    public static string UnsupportedExtension(string ext) => $"has an extension EventExtractor does not read ('{ext}'); use .txt, .json, .jsonl, .html or .htm";
    public static string MalformedJson(string why) => $"is not valid JSON ({why})";
    public static string MissingText => "the article has no 'text' (or it is empty)";
    public static string NotAnArticleObject => "expected a JSON object with at least a 'text' field";
    public static string BadPublishedDate(string value) => $"'published' is not an ISO date ('{value}'); the date was ignored";
    public static string NoArticleText => "no article text was found in the page";
    public static string NotARegularFile => "is not a regular file (a pipe, device or socket, which could block the run for ever); it was skipped: pass piped data as - on standard input";
    public static string EmptyFolder => "the folder holds no .txt, .json, .jsonl, .html or .htm files";
    public static string ArticleTooLarge(long bytes, long max) => $"is {Size(bytes)}, more than one article may be ({Size(max)}; see --max-article-bytes); it was skipped";
    public static string TextNotAString(string what) => $"'text' is {what}, not a string; the article was skipped";
    public static string StandardInputUnavailable => "standard input is not available to read from";

    private static string Size(long bytes) => bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB"
        : bytes >= 1 << 20 ? $"{bytes / (1024.0 * 1024):0.0} MiB ({bytes} bytes)"
        : $"{bytes} bytes";

    /// <summary>
    /// A name as it can be printed on one line: control characters (newlines, terminal escape codes) are shown as
    /// escapes (\n, \x1b) instead of acting on the terminal or breaking a one-line message.
    /// </summary>
    public static string Printable(string name)
    {
        if (!name.Any(char.IsControl)) return name;
        var sb = new System.Text.StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (!char.IsControl(c)) sb.Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else sb.Append("\\x").Append(((int)c).ToString(c <= 0xFF ? "x2" : "x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // Models
    public static string ModelsNotFound(string searched) => $"the models folder was not found (looked in {searched}); pass --models DIR";
    public static string ModelFileMissing(string path) => $"model file '{path}' is missing";
    public static string CountryHintUnknown(string value) => $"country hint '{value}' is no ISO 3166 code or country name in the models";
    public static string ModelFileBad(string path, string why) => $"model file '{path}' cannot be used: {why}";
    public static string GazetteerBadMagic => "it is not a gazetteer file (wrong magic bytes; rebuild it with tools/gazetteer)";
    public static string GazetteerBadVersion(int found, int expected) => $"gazetteer format version {found} is not supported (this build reads version {expected}; rebuild it with tools/gazetteer)";
    public static string GazetteerTruncated => "the gazetteer file is truncated or its section sizes do not add up";
    public static string TsvBadLine(int line, string why) => $"line {line}: {why}";
    public static string ModelRowAt(string path, int line, string why) => $"model file '{path}' line {line}: {why}";
    public static string ModelHeaderExpected(string expected, string found) => $"the header should be '{expected}' (tab-separated) but is '{found}'";
    public static string ModelNoHeader(string expected) => $"has no header line; expected '{expected}' (tab-separated)";
    public static string ModelTooManyColumns(int expected, int found) => $"has {found} tab-separated columns, at most {expected} expected";
    public static string ModelEmptyField(string column) => $"column '{column}' is empty";
    public static string ModelBadValue(string column, string value, string expected) => $"column '{column}' is '{value}', expected {expected}";
    public static string ModelUnknownCountry(string column, string value) => $"column '{column}' names an unknown country '{value}'";
    public static string ModelDuplicate(string what) => $"duplicate {what}";

    // Event classifier
    public static string ClassifierBadMagic => "it is not an event classifier model (not an ML.NET model file; train one with 'eventextractor train')";
    public static string ClassifierNoMetadata => "it is an ML.NET model file but not an event classifier (it has no EventExtractor/metadata.json; train one with 'eventextractor train')";
    public static string ClassifierLabels(int found, int expected) => $"the model's label set ({found} labels) is not the {expected} this build codes (None and the codebook's sub-event types, in order); retrain it with 'eventextractor train'";
    public static string ClassifierOtherLexicons(string model, string modelsDir, string modelHash, string lexiconHash) =>
        $"the event classifier '{model}' was trained on other lexicons than those in '{modelsDir}' (lexicon hash {Short(modelHash)}, the folder's is {Short(lexiconHash)}), so its features would not mean what they meant in training; " +
        "retrain it on these lexicons with 'eventextractor train' (the default model: see 'Learning' in the README), or pass the models folder it was trained with";
    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "(none)" : hash;
    public static string ClassifierBadVersion(int found, int expected) => $"event classifier format version {found} is not supported (this build reads version {expected}; retrain it with 'eventextractor train')";
    public static string ClassifierFeatureSet(int found, int expected) => $"the model was trained on feature set {found}, this build extracts feature set {expected}; retrain it with 'eventextractor train'";
    public static string ClassifierTruncated => "the event classifier file is truncated (a section is shorter than it says)";
    public static string ClassifierCorrupt => "the event classifier file is damaged (its sections do not add up)";
    public static string ClassifierChecksum => "the event classifier file is damaged (a section fails its checksum)";
    public static string ClassifierUnknownClass(string name) => $"the event classifier names an unknown class '{name}'";
    public static string TrainNoExamples => "no training examples were found in the inputs";
    public static string TrainOneClass(string name) => $"every training example has the class '{name}'; a classifier needs at least two classes";
    public static string TrainUnknownInput(string path) => $"cannot tell what '{path}' holds: use a corpus folder (articles/ + gold/), an ACLED .csv export or a .jsonl file of {{\"text\", \"label\"}} lines";
    public static string TrainBadTrainer(string value) => $"--trainer '{value}' is not a trainer: use lbfgs (LbfgsMaximumEntropy), sdca (SdcaMaximumEntropy) or lightgbm";
    public static string TrainBadFolds(string value) => $"--cv '{value}' is not a whole number of folds between 2 and 100";
    public static string TrainSkippedRows(string source, int noText, int unknownLabel) => $"{source}: skipped {noText} row{(noText == 1 ? "" : "s")} without text and {unknownLabel} with an unknown sub-event type";
    public static string TrainBadJsonLine(string where, string why) => $"{where}: {why}; the line was skipped";
    public static string TrainUnknownLabel(string where, string label) => $"{where}: unknown label '{label}' (use an ACLED sub-event type or None); the line was skipped";
    public static string ClassifyNeedsJsonLines(string path) => $"'{path}' is not a .jsonl file: classify reads JSON Lines, one {{\"text\", \"label\"}} object per line";
    public static string TrainSplitWithoutCorpus => "--split applies only to corpus folders, and no input is one";
    public static string TrainNoSplitsFile(string folder) => $"--split needs the corpus's splits.tsv, which '{folder}' does not have";

    // Command line
    public static string NoInputs => "no inputs given: name files, folders, or - for JSON Lines on standard input";
    public static string BadDateOption(string value) => $"--published '{value}' is not a date (use YYYY-MM-DD)";
    public static string UnknownOutputFormat(string path) => $"cannot tell the output format of '{path}': use .csv, .jsonl, .json, .db or .sqlite (SQLite), a postgres://user:password@host:port/database URL, or - for JSON Lines on standard output";
    public static string OutputNotWritable(string path, string why) => $"cannot write '{path}': {why}";
    public static string OutputIsFolder(string path) => $"-o '{path}' is a folder: name a file in it (e.g. {Path.Combine(path, "events.jsonl")})";
    public static string OutputIsInput(string path) => $"-o '{path}' is also an input: the run would replace it; write the output elsewhere";
    public static string OutputInsideInput(string path, string folder) => $"-o '{path}' is inside the input folder '{folder}': the next run would read it (or its errors file) back as articles; write the output elsewhere";
    public static string BadMaxArticleBytes(string value) => $"--max-article-bytes '{value}' is not a size in bytes (a whole number, 1 or more; K, M or G may follow, e.g. 8M)";
    public static string NoCommand => "no command given";
    public static string UnknownCommand(string name, string? suggestion, IReadOnlyList<string> commands) => suggestion is null
        ? $"unknown command '{name}' (the commands are {string.Join(", ", commands.Take(commands.Count - 1))} and {commands[^1]})"
        : $"unknown command '{name}'; did you mean '{suggestion}'?";
    public static string UnknownOption(string option) => $"unknown option '{option}' (to read a file whose name starts with '-', write ./{option})";
    public static string InternalError(string why) => $"internal error: {why}";
    public static string ExportUnknownFormat(string value) => $"--format '{value}' is not an export format (use conll or spans)";

    // Databases (the target is a file path or a URL with its password removed: never print a password)
    public static string DatabaseBadUrl(string why) => $"the PostgreSQL URL is not usable ({why}); expected postgres://user:password@host:port/database";
    public static string DatabaseCannotConnect(string target, string why) => $"cannot connect to the database {target}: {why}";
    public static string DatabasePermissionDenied(string target, string why) => $"the database {target} refused permission: {why}";
    public static string DatabaseWriteFailed(string target, string why) => $"cannot write to the database {target}: {why}";
    public static string DatabaseSchemaMismatch(string target, string table, string column) => $"the database {target} has a table '{table}' without the column '{column}': use another database, or drop or rename that table";

    // Evaluation
    public static string EvalSourceNotFound(string path) => $"'{path}': no such file or folder";
    public static string EvalSourceUnreadable(string path, string why) => $"'{path}' cannot be read ({why})";
    public static string EvalUnknownFormat(string path) => $"cannot tell the format of '{path}': use an ACLED .csv, a .jsonl or .json file of records, or a folder of <article_id>.jsonl files";
    public static string EvalNotAcledCsv(string path) => $"'{path}' is not an ACLED CSV: it has no 'sub_event_type' column";
    public static string EvalEmptyFolder(string path) => $"the folder '{path}' has no .jsonl files";
    public static string EvalBadValues(string where, string problems) => $"{where}: {problems}; those values were left empty";
    public static string EvalBadJsonLine(string where, string why) => $"{where}: not a JSON object ({why}); the line was skipped";
    public static string EvalNoArticleId(string where) => $"{where}: the record has no article_id while others in the file do; it was skipped";
    public static string EvalWholeSourceOneArticle(string which, string path) => $"{which} '{path}' has no article ids: all records of both sides are compared as one article";
    public static string EvalIgnoredPredArticles(int articles, int records) => $"{articles} predicted article{(articles == 1 ? "" : "s")} ({records} record{(records == 1 ? "" : "s")}) not in the gold set were ignored";
    public static string EvalBadSplit(string value) => $"--split '{value}' is not a split (use train, dev or test)";
    public static string EvalNoSplitsFile => "--split needs a splits file: pass --splits FILE (the default is splits.tsv beside a gold folder)";
    public static string EvalSplitsWithoutSplit => "--splits FILE is used only with --split train|dev|test";
    public static string EvalSplitNeedsGoldIds => "--split needs article ids in the gold records";
    public static string EvalNoArticlesInSplit(string split, string file) => $"no gold article is in split '{split}' of '{file}'";
    public static string EvalBadKm(string value) => $"--km '{value}' is not a positive number of kilometres";
    public static string EvalSplitsBadLine(string file, int line) => $"'{file}' line {line}: expected 'id<TAB>split'; the line was skipped";

    // Running
    public static string ExtractionFailed(string why) => $"the article could not be processed ({why}); it was skipped";
    public static string ResumeInputsChanged => "the inputs are not those of the interrupted run (different articles where it stopped); run without --resume to start over";
    public static string ResumeSettingsChanged(string what) => $"--resume: {what} differs from the interrupted run's; use the same options, or run without --resume to start over";
    public static string ResumeInputChanged(string path, string what) => $"--resume: the input '{Printable(path)}' was read by the interrupted run and {what} since; run without --resume to start over";
    public static string ResumeNeedsFile => "--resume needs an output file in .jsonl or .csv (standard output and .json arrays cannot be continued)";
    public static string ResumeCheckpointBad(string path, string why) => $"the checkpoint '{path}' cannot be used ({why}); run without --resume to start over";
    public static string BadThreads(string value) => $"--threads '{value}' is not a number of threads (1 or more)";
    public static string BadMergeWindow(string value) => $"--merge-window '{value}' is not a number of articles (0 or more)";
    public static string UnknownCountry(string value) => $"--country '{value}' is not a known country (use an ISO code such as IQ or IRQ, or the country's name)";
    public static string BadShard(string value) => $"--shard '{value}' is not K/N with 1 <= K <= N (e.g. 2/8)";
    public static string ShardNeedsJsonLines => "--shard writes JSON Lines: use -o FILE.jsonl or -o - (merge the shards with 'eventextractor merge')";
    public static string MergeNotShardOutput(string where) => $"{where}: not a line of a --shard output (a JSON record with an article_seq)";
    public static string MergeOutOfOrder(string where) => $"{where}: article_seq goes backwards; shard outputs must be merged as --shard wrote them";
    public static string MergeSameArticleTwice(string where) => $"{where}: this article_seq is also in another input; give each shard's output once";
    public static string InterruptedNotResumable => "interrupted; the output was not completed";
    public static string Interrupted(string output) => $"interrupted; run the same command with --resume to continue into '{output}'";

    // Review page and report
    public static string ReviewBadPort(string value) => $"--port '{value}' is not a port number (0 to 65535; 0 picks a free one)";
    public static string ReviewBadHost(string value) => $"--host '{value}' is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0)";
    public static string ReviewWideHost(string host) => $"warning: listening on {host}: anyone who can reach this machine can read the articles and change the gold records";
    public static string ReviewNoArticles => "no article could be read from the inputs; nothing to review";
    public static string ReviewCannotListen(string address, string why) => $"cannot listen on {address}: {why}";
    public static string ReviewGoldNotWritable(string folder, string why) => $"cannot write the gold folder '{folder}': {why}";
    public static string ReviewUnknownArticle(string id) => $"no article '{id}' in this review";
    public static string ReviewBadJson(string why) => $"the request body is not valid JSON ({why})";
    public static string ReviewBadRequest(string why) => $"the request is not usable: {why}";
    public static string ReviewStaleVersion(string id, int yours, int saved) => $"article '{id}' was saved elsewhere (another tab or window) since you opened it (your version {yours}, saved version {saved}); reload it to see that save, then redo your change";
    public static string ReviewBadToken => "the anti-forgery token is missing or invalid; reload the page";
    public static string ReviewBadRecord(int index, string why) => $"record {index}: {why}";
    public static string ReviewBadFilter(string name, string value) => $"filter '{name}' has an unusable value '{value}'";
    public static string ReportNoRecords => "no records were read from the inputs";
    public static string ReportUnknownFormat(string value) => $"--format '{value}' is not a report format (use html or text)";
    public static string ReportNeedsOutput => "an HTML report needs -o FILE.html (or use --format text)";
    public static string ReportUnknownInput(string path) => $"cannot tell what '{path}' holds: use records in JSON Lines (.jsonl), JSON (.json), CSV (.csv) or SQLite (.db, .sqlite)";
    public static string ReportNotEventsDatabase(string path) => $"'{path}' has no 'events' table (write one with 'eventextractor extract ... -o FILE.db')";
    public static string ReportWorldMapMissing(string path) => $"the world map '{path}' is missing; the report has no map (rebuild it with tools/worldmap)";
}
