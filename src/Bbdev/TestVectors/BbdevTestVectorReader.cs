namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// Reads DPDK test-bbdev vector files (<c>.data</c>) into <see cref="BbdevTestVector"/>s, following DPDK's parser
/// (app/test-bbdev/test_bbdev_vector.c) and refusing, with a <c>file:line</c> message, what it would misread.
/// </summary>
/// <remarks>
/// The format: <c>#</c>/<c>/</c> comment lines; <c>key =</c> entries whose value may continue on following lines
/// while the text ends with <c>,</c>; <c>op_type</c> first; scalars in C <c>strtoul</c> syntax; numbered data keys
/// (<c>input0</c>, <c>input1</c>, ...) holding 32-bit little-endian words where a short last word holds only as
/// many bytes as it has hex-digit pairs (<c>0x52</c> is 1 byte, <c>0x7017</c> is bytes 17 70). Values that do not
/// fit their DPDK field are errors here (DPDK truncates them silently). Defaults DPDK applies after parsing are
/// applied too and reported in <see cref="BbdevTestVector.Warnings"/>.
/// </remarks>
public static class BbdevTestVectorReader
{
    /// <summary>Reads and checks one vector file.</summary>
    /// <param name="path">The <c>.data</c> file; messages name it as given.</param>
    /// <exception cref="BbdevVectorFormatException">The file breaks the format (message <c>file:line: what is wrong</c>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BbdevTestVector Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = File.ReadAllText(path);
        return new VectorParser(text, path, path).Parse();
    }

    /// <summary>Parses vector text held in memory.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourceName">The name used in messages (the file name if the text came from one).</param>
    /// <exception cref="BbdevVectorFormatException">The text breaks the format.</exception>
    public static BbdevTestVector Parse(string text, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new VectorParser(text, sourceName, filePath: null).Parse();
    }

    /// <summary>
    /// Reads every vector file of a directory, one result per file in ordinal file-name order, so that a runner can
    /// go on past a bad file and report it.
    /// </summary>
    /// <param name="directory">The directory to scan (not recursively).</param>
    /// <param name="searchPattern">File pattern; DPDK's vectors end in <c>.data</c>.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static IReadOnlyList<BbdevTestVectorFileResult> ReadDirectory(string directory, string searchPattern = "*.data")
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(searchPattern);
        string[] files = Directory.GetFiles(directory, searchPattern, SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        var results = new BbdevTestVectorFileResult[files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            try
            {
                results[i] = new BbdevTestVectorFileResult(files[i], Read(files[i]), null);
            }
            catch (Exception error) when (error is BbdevVectorFormatException or IOException or UnauthorizedAccessException)
            {
                results[i] = new BbdevTestVectorFileResult(files[i], null, error);
            }
        }

        return results;
    }
}
