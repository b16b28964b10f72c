namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>
/// Finds DPDK's vector files in <c>&lt;repo root&gt;/../shared/conformance/bbdev</c> (the repo root holds
/// AccelSdk.sln). Tests that need them skip with a clear message when the folder is absent.
/// </summary>
internal static class ConformanceVectorFiles
{
    /// <summary>Stands in for the file list when the folder is absent, so the theory still runs once and skips.</summary>
    public const string Missing = "(conformance folder missing)";

    public static string? Directory { get; } = Locate();

    /// <summary>One row per <c>.data</c> file name, or one <see cref="Missing"/> row.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        if (Directory is null)
        {
            data.Add(Missing);
            return data;
        }

        foreach (string file in System.IO.Directory.GetFiles(Directory, "*.data").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The full path of <paramref name="name"/>; skips the test when the folder or the file is absent.</summary>
    public static string PathOf(string name)
    {
        if (Directory is null)
        {
            Assert.Skip("DPDK bbdev conformance vectors not found: expected <repo root>/../shared/conformance/bbdev next to the folder holding AccelSdk.sln.");
        }

        string path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            Assert.Skip($"conformance vector {name} is not in {Directory}.");
        }

        return path;
    }

    private static string? Locate()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "bbdev"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
