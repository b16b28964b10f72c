namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>The generated vector set shipped in the repository's <c>conformance/</c> folder (<c>accel vectors generate --suite standard</c>).</summary>
internal static class ShippedVectorFiles
{
    public static string Directory { get; } = Locate();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string file in System.IO.Directory.GetFiles(Directory, "*.data").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                return Path.Combine(dir.FullName, "conformance");
            }
        }

        throw new InvalidOperationException("The repository root (the folder holding AccelSdk.sln) was not found above the test binaries.");
    }
}
