namespace Normalize.Core.Corpus;

/// <summary>The output folder cannot be written as asked (in use, damaged, or it would overwrite an input).</summary>
public class CorpusException : Exception
{
    public CorpusException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>Another run holds the output folder's lock.</summary>
public sealed class CorpusLockedException : CorpusException
{
    public CorpusLockedException(string message) : base(message)
    {
    }
}
