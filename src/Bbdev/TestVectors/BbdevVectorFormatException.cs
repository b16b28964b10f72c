namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// A test-vector file breaks the DPDK test-bbdev format. The message is <c>file:line: what is wrong</c>, with the
/// 1-based line of the offending entry or token.
/// </summary>
public sealed class BbdevVectorFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> at <paramref name="lineNumber"/>.</summary>
    /// <param name="filePath">The file (or source name) being read.</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="reason">What is wrong, without the location.</param>
    public BbdevVectorFormatException(string filePath, int lineNumber, string reason)
        : base($"{filePath}:{lineNumber}: {reason}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file (or source name) that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the offending entry or token.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the <c>file:line:</c> prefix.</summary>
    public string Reason { get; }
}
