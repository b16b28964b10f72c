using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Conformance;

/// <summary>Finds <c>../shared/conformance/crypto</c> next to the repository root (the folder holding AccelSdk.sln).</summary>
internal static class ConformanceData
{
    /// <summary>Marker used in theory data when the vectors are absent, so the single row skips instead of passing.</summary>
    public const string Missing = "(conformance data missing)";

    private static readonly Lazy<string?> s_directory = new(Locate);
    private static readonly Lazy<IReadOnlyList<CryptoVectorFile>> s_files = new(() => Directory is null ? [] : CryptoVectorFile.LoadDirectory(Directory));

    /// <summary>The crypto vector directory, or <see langword="null"/> when it is not there.</summary>
    public static string? Directory => s_directory.Value;

    /// <summary>Every vector file, loaded once.</summary>
    public static IReadOnlyList<CryptoVectorFile> Files => s_files.Value;

    /// <summary>Skips the calling test when the vectors are absent.</summary>
    public static void RequireVectors()
    {
        if (Directory is null)
        {
            Assert.Skip("Conformance vectors not found: expected <repo root>/../shared/conformance/crypto next to AccelSdk.sln.");
        }
    }

    /// <summary>The vectors of one file (by file name), skipping the test when the data is absent.</summary>
    public static IReadOnlyList<CryptoVector> VectorsOf(string fileName)
    {
        RequireVectors();
        return Files.Single(f => Path.GetFileName(f.FilePath) == fileName).Vectors;
    }

    /// <summary>One vector by file and name.</summary>
    public static CryptoVector Vector(string fileName, string name) => VectorsOf(fileName).Single(v => v.Name == name);

    /// <summary>Theory rows (file name, vector name) for every vector, or one <see cref="Missing"/> row.</summary>
    public static TheoryData<string, string> AllVectors(Func<CryptoVectorFile, bool>? filter = null)
    {
        var data = new TheoryData<string, string>();
        if (Directory is null)
        {
            data.Add(Missing, Missing);
            return data;
        }

        foreach (CryptoVectorFile file in Files.Where(f => filter is null || filter(f)))
        {
            foreach (CryptoVector vector in file.Vectors)
            {
                data.Add(Path.GetFileName(file.FilePath), vector.Name);
            }
        }

        return data;
    }

    private static string? Locate()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "crypto"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
