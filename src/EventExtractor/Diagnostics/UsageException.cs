namespace EventExtractor.Diagnostics;

/// <summary>
/// The user asked for something that cannot be done as asked (a bad option value, an output format we do not
/// write, an output path that cannot be written). The message is for the user; the command line exits with 1.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
