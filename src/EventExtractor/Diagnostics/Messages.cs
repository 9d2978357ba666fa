namespace EventExtractor.Diagnostics;

/// <summary>
/// The wording of every problem a user can meet, in one place, so messages stay consistent and can be
/// reviewed (or translated) together. Each method returns the reason text; callers add the input's name.
/// </summary>
public static class Messages
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
    public static string StandardInputUnavailable => "standard input is not available to read from";

    // Models
    public static string ModelsNotFound(string searched) => $"the models folder was not found (looked in {searched}); pass --models DIR";
    public static string ModelFileMissing(string path) => $"model file '{path}' is missing";
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

    // Command line
    public static string NoInputs => "no inputs given: name files, folders, or - for JSON Lines on standard input";
    public static string BadDateOption(string value) => $"--published '{value}' is not a date (use YYYY-MM-DD)";
    public static string UnknownOutputFormat(string path) => $"cannot tell the output format of '{path}': use .csv, .jsonl, .json, or - for JSON Lines on standard output";
    public static string OutputNotWritable(string path, string why) => $"cannot write '{path}': {why}";
    public static string UnknownOption(string option) => $"unknown option '{option}' (to read a file whose name starts with '-', write ./{option})";
    public static string InternalError(string why) => $"internal error: {why}";

    // Running
    public static string ExtractionFailed(string why) => $"the article could not be processed ({why}); it was skipped";
}
