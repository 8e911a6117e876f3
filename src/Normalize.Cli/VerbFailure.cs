using Normalize.Core.Search;

namespace Normalize.Cli;

/// <summary>
/// The last line of defence at the verb boundary: an exception a verb did not handle becomes one
/// error line (the innermost cause, with the path the runtime named) and an exit code, never a stack trace.
/// </summary>
public static class VerbFailure
{
    public static int Report(CommandIO io, Exception exception)
    {
        var cause = Unwrap(exception);
        switch (cause)
        {
            case OperationCanceledException:
                io.WriteError("interrupted");
                return ExitCodes.Interrupted;
            case UnauthorizedAccessException or IOException or SearchIndexException:
                // Files, directories and indexes the user named: a setup problem.
                io.WriteError(cause.Message);
                return ExitCodes.Usage;
            default:
                // A bug: say so in one line; the inputs are not at fault.
                io.WriteError($"internal error ({cause.GetType().Name}: {cause.Message})");
                return ExitCodes.SomeInputsFailed;
        }
    }

    public static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }
}
