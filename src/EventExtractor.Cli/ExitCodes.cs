namespace EventExtractor.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was processed.</summary>
    public const int Success = 0;
    /// <summary>A usage error (bad option, no inputs, unknown output format, bad date, models not found) or an internal error; nothing was written.</summary>
    public const int UsageError = 1;
    /// <summary>The run finished but some inputs were rejected or had problems (see standard error and the errors file).</summary>
    public const int SomeInputsRejected = 2;
}
