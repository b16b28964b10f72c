namespace AccelSdk.Bbdev.TestVectors;

/// <summary>The outcome of reading one file with <see cref="BbdevTestVectorReader.ReadDirectory"/>: a vector or an error.</summary>
public sealed class BbdevTestVectorFileResult
{
    internal BbdevTestVectorFileResult(string filePath, BbdevTestVector? vector, Exception? error)
    {
        FilePath = filePath;
        Vector = vector;
        Error = error;
    }

    /// <summary>The file that was read.</summary>
    public string FilePath { get; }

    /// <summary>The vector, or null when reading failed.</summary>
    public BbdevTestVector? Vector { get; }

    /// <summary>
    /// Why reading failed: a <see cref="BbdevVectorFormatException"/> (<c>file:line: what is wrong</c>) or the I/O
    /// exception; null on success.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>Whether <see cref="Vector"/> is set.</summary>
    public bool Succeeded => Vector is not null;

    /// <summary>The file name and either the op type or the error message.</summary>
    public override string ToString() => Succeeded ? Vector!.ToString() : $"{FilePath}: {Error!.Message}";
}
