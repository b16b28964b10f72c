using System.Globalization;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Conformance;

/// <summary>
/// A deliberately minimal reader of DPDK test-bbdev <c>.data</c> files, just enough for the LDPC transmit and
/// rate-recovery conformance tests: <c>key =</c> lines, values on the following lines (continued while they end
/// with a comma), data words as 32-bit hex stored little-endian (a short last word contributes digits/2 bytes).
/// It is a stand-in for the project's full vector reader (src/Bbdev/TestVectors) and will be replaced by it.
/// </summary>
internal sealed class MinimalVectorFile
{
    private readonly Dictionary<string, string> _values;

    private MinimalVectorFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The vector folder (<c>&lt;repo root&gt;/../shared/conformance/bbdev</c>), or null when it is absent.</summary>
    public static string? Folder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                string folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "conformance", "bbdev"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    /// <summary>The names of the vector files matching <paramref name="pattern"/>, or one placeholder when the folder is absent.</summary>
    public static TheoryData<string> Names(string pattern)
    {
        string? folder = Folder();
        if (folder is null)
        {
            return [MissingFolder];
        }

        return [.. Directory.GetFiles(folder, pattern).Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The placeholder test case name used when there are no vectors.</summary>
    public const string MissingFolder = "(../shared/conformance/bbdev is absent)";

    /// <summary>Loads a vector by file name, skipping the test when the folder is absent.</summary>
    public static MinimalVectorFile Load(string name)
    {
        string? folder = Folder();
        if (folder is null || name == MissingFolder)
        {
            Assert.Skip("The conformance vectors are not here: expected <repo root>/../shared/conformance/bbdev.");
        }

        string path = System.IO.Path.Combine(folder!, name);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        string value = "";
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (key is not null && (value.Length == 0 || value.EndsWith(',')))
            {
                value += line;
                continue;
            }

            if (key is not null)
            {
                values[key] = value;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            key = line[..equals].Trim();
            value = line[(equals + 1)..].Trim();
        }

        if (key is not null)
        {
            values[key] = value;
        }

        return new MinimalVectorFile(path, values);
    }

    /// <summary>Whether the file has <paramref name="key"/>.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>An integer value (decimal or 0x hex), or <paramref name="fallback"/> when absent.</summary>
    public int Int(string key, int fallback = 0)
    {
        if (!_values.TryGetValue(key, out string? text))
        {
            return fallback;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether op_flags lists <paramref name="flag"/> (without the RTE_BBDEV_LDPC_ prefix).</summary>
    public bool Flag(string flag) =>
        _values.TryGetValue("op_flags", out string? flags)
        && flags.Split(',', StringSplitOptions.TrimEntries).Contains("RTE_BBDEV_LDPC_" + flag, StringComparer.Ordinal);

    /// <summary>The bytes of a data entry (empty when absent).</summary>
    public byte[] Bytes(string key)
    {
        if (!_values.TryGetValue(key, out string? text) || text.Length == 0)
        {
            return [];
        }

        var bytes = new List<byte>();
        foreach (string token in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string digits = token[2..];
            uint word = uint.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (int b = 0; b < digits.Length / 2; b++)
            {
                bytes.Add((byte)(word >> (8 * b)));
            }
        }

        return [.. bytes];
    }
}
