using System.Collections.Immutable;

namespace AccelSdk.Uacce.Discovery;

/// <summary>
/// Turns a device's attributes into a <see cref="UacceDevice"/>, or into a precise reason to skip it. The rules
/// follow the kernel ABI (Documentation/ABI/testing/sysfs-driver-uacce) and DPDK's UACCE bus, with one deliberate
/// difference: a device with a bad mandatory attribute is skipped alone rather than aborting the whole scan.
/// </summary>
/// <remarks>
/// Mandatory (skip the device when missing, unreadable or malformed): <c>api</c>, <c>algorithms</c>, <c>flags</c>.
/// Region sizes: absent means the region does not exist (size 0, as the kernel omits the attribute then);
/// unreadable or malformed skips the device because its queues could not be mapped. Everything else
/// (<c>available_instances</c>, NUMA node, <c>isolate</c>, <c>isolate_strategy</c>) falls back to "unknown"
/// with a warning.
/// </remarks>
internal static class UacceDeviceParser
{
    /// <summary>Longest device name (DPDK skips names of <c>RTE_DEV_NAME_MAX_LEN</c> = 64 characters or more).</summary>
    public const int MaxNameLength = 63;

    /// <summary>Longest api (DPDK's api buffer holds 64 bytes with the terminator).</summary>
    public const int MaxApiLength = 63;

    /// <summary>The suffix no-IOMMU kernels append to the api.</summary>
    public const string NoIommuSuffix = "_noiommu";

    private const UacceDeviceFlags KnownFlags = UacceDeviceFlags.Sva | UacceDeviceFlags.NoIommu | UacceDeviceFlags.Iommu;

    /// <summary>Checks a directory-entry name before any attribute is read.</summary>
    /// <returns><see langword="null"/> when the name is usable, else why not.</returns>
    public static string? CheckName(string name)
    {
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name[0] == '.')
        {
            return "hidden entry (name starts with '.')";
        }

        if (name.Length > MaxNameLength)
        {
            return $"the name is {name.Length} characters long; the limit is {MaxNameLength}";
        }

        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"the name contains whitespace or a control character (U+{(int)c:X4})";
            }

            if (c == ',')
            {
                return "the name contains ',', which separates device arguments in devargs";
            }
        }

        return null;
    }

    /// <summary>Reads and checks every attribute of <paramref name="source"/>.</summary>
    public static ParseOutcome Parse(IUacceDeviceSource source)
    {
        string name = source.Name;
        var warnings = new List<string>();

        // api: mandatory, one line, at most 63 characters; the no-IOMMU suffix is not part of what drivers match.
        if (!TryReadMandatory(source, "api", out string rawApi, out string? reason))
        {
            return ParseOutcome.Skip(reason);
        }

        rawApi = rawApi.Trim();
        if (rawApi.Length == 0)
        {
            return ParseOutcome.Skip("api attribute is empty");
        }

        if (rawApi.Contains('\n', StringComparison.Ordinal))
        {
            return ParseOutcome.Skip($"api attribute holds several lines ('{Quote(rawApi)}')");
        }

        if (rawApi.Length > MaxApiLength)
        {
            return ParseOutcome.Skip($"api attribute is {rawApi.Length} characters long; the limit is {MaxApiLength}");
        }

        bool apiSaysNoIommu = rawApi.EndsWith(NoIommuSuffix, StringComparison.Ordinal) && rawApi.Length > NoIommuSuffix.Length;
        string api = apiSaysNoIommu ? rawApi[..^NoIommuSuffix.Length] : rawApi;

        // algorithms: mandatory but may be empty (then only api-only driver ids match).
        if (!TryReadMandatory(source, "algorithms", out string algorithmText, out reason))
        {
            return ParseOutcome.Skip(reason);
        }

        ImmutableArray<string> algorithms = ParseAlgorithms(algorithmText);
        if (algorithms.IsEmpty)
        {
            warnings.Add($"{name}: algorithms attribute is empty; only drivers that match on the api alone can claim it");
        }

        // flags: mandatory u32; the address mode must be exactly one of SVA and no-IOMMU.
        if (!TryReadMandatory(source, "flags", out string flagsText, out reason))
        {
            return ParseOutcome.Skip(reason);
        }

        if (!TryParseInteger(flagsText, signed: false, 0, uint.MaxValue, out long flagsValue))
        {
            return ParseOutcome.Skip($"flags attribute '{Quote(flagsText)}' is not an unsigned 32-bit number");
        }

        var flags = (UacceDeviceFlags)(uint)flagsValue;
        if ((flags & ~KnownFlags) != 0)
        {
            warnings.Add($"{name}: flags 0x{(uint)flags:X} has unknown bits 0x{(uint)(flags & ~KnownFlags):X}; they are kept and ignored");
        }

        bool sva = (flags & UacceDeviceFlags.Sva) != 0;
        bool noIommu = (flags & UacceDeviceFlags.NoIommu) != 0 || apiSaysNoIommu;
        if (sva && noIommu)
        {
            return ParseOutcome.Skip(
                $"flags 0x{(uint)flags:X} sets SVA (bit 0) while {((flags & UacceDeviceFlags.NoIommu) != 0 ? "NOIOMMU (bit 1) is set too" : $"the api ends in {NoIommuSuffix}")}; the address mode is contradictory");
        }

        if (!sva && !noIommu)
        {
            return ParseOutcome.Skip(
                $"flags 0x{(uint)flags:X} sets neither SVA (bit 0) nor NOIOMMU (bit 1); the device cannot be given process memory");
        }

        // NUMA node: mainline exposes device/numa_node, openEuler also node_id; unknown is −1.
        int numaNode = ReadNumaNode(source, warnings);

        // Region sizes: absent = no such region; present but unusable = the queues could not be mapped.
        if (!TryReadRegionSize(source, "region_mmio_size", out long mmioSize, out reason)
            || !TryReadRegionSize(source, "region_dus_size", out long dusSize, out reason))
        {
            return ParseOutcome.Skip(reason);
        }

        int? available = ReadAvailableInstances(source, warnings, out _);
        bool? isolated = ReadOptionalInteger(source, "isolate", signed: true, int.MinValue, int.MaxValue, warnings) is long iso ? iso != 0 : null;
        int? strategy = (int?)ReadOptionalInteger(source, "isolate_strategy", signed: false, 0, ushort.MaxValue, warnings);

        var device = new UacceDevice
        {
            Name = name,
            Origin = source.Origin,
            Api = api,
            RawApi = rawApi,
            ApiVersion = ParseApiVersion(api),
            Algorithms = algorithms,
            Flags = flags,
            AddressMode = sva ? UacceAddressMode.Sva : UacceAddressMode.NoIommu,
            AvailableInstances = available,
            MmioRegionSize = mmioSize,
            DusRegionSize = dusSize,
            NumaNode = numaNode,
            Isolated = isolated,
            IsolateStrategy = strategy,
            SysfsPath = source.SysfsPath,
            CharDevicePath = source.CharDevicePath,
        };
        return new ParseOutcome(device, null, warnings);
    }

    /// <summary>
    /// Reads <c>available_instances</c> live. <see langword="null"/> when it cannot be known (absent, unreadable,
    /// malformed or negative); <paramref name="problem"/> says why.
    /// </summary>
    public static int? ReadAvailableInstances(IUacceDeviceSource source, List<string>? warnings, out string? problem)
    {
        AttributeRead read = source.Read("available_instances");
        problem = null;
        if (read.Status != AttributeReadStatus.Present)
        {
            problem = $"available_instances {Describe(read)}; free queues unknown";
        }
        else if (!TryParseInteger(read.Text, signed: true, int.MinValue, int.MaxValue, out long value))
        {
            problem = $"available_instances '{Quote(read.Text)}' is not an integer; free queues unknown";
        }
        else if (value < 0)
        {
            problem = $"available_instances is {value} (negative: the driver reported an error); free queues unknown";
        }
        else
        {
            return (int)value;
        }

        warnings?.Add($"{source.Name}: {problem}");
        return null;
    }

    /// <summary>
    /// DPDK's version rule: the number after the final <c>v</c> when the api ends in <c>v&lt;digits&gt;</c> and that
    /// <c>v</c> is not the first character; otherwise 0. Versions too large for an int count as 0.
    /// </summary>
    public static int ParseApiVersion(string api)
    {
        int v = api.LastIndexOf('v');
        if (v <= 0 || v == api.Length - 1)
        {
            return 0;
        }

        int version = 0;
        for (int i = v + 1; i < api.Length; i++)
        {
            char c = api[i];
            if (c is < '0' or > '9' || version > (int.MaxValue - (c - '0')) / 10)
            {
                return 0;
            }

            version = (version * 10) + (c - '0');
        }

        return version;
    }

    /// <summary>Splits the newline-separated <c>algorithms</c> text into tokens, dropping blank lines.</summary>
    public static ImmutableArray<string> ParseAlgorithms(string text)
    {
        ImmutableArray<string>.Builder tokens = ImmutableArray.CreateBuilder<string>();
        foreach (string line in text.Split('\n'))
        {
            string token = line.Trim();
            if (token.Length > 0)
            {
                tokens.Add(token);
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>
    /// Parses an integer as C's <c>strtol</c>/<c>strtoul</c> with base 0 do (DPDK reads attributes so): optional
    /// surrounding whitespace, <c>0x</c> for hexadecimal, a leading <c>0</c> for octal, else decimal; a sign only
    /// when <paramref name="signed"/>; no trailing characters; the value in [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static bool TryParseInteger(string text, bool signed, long min, long max, out long value)
    {
        value = 0;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        bool negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            if (!signed)
            {
                return false;
            }

            negative = s[0] == '-';
            s = s[1..];
        }

        int radix = 10;
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            radix = 16;
            s = s[2..];
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            radix = 8;
            s = s[1..];
        }

        if (s.IsEmpty)
        {
            return false;
        }

        ulong magnitude = 0;
        // The largest magnitude that can still be in range; no digit sequence may exceed it, so nothing overflows.
        ulong limit = negative
            ? (min < 0 ? (ulong)(-(min + 1)) + 1 : 0)
            : (max >= 0 ? (ulong)max : 0);
        foreach (char c in s)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix || (ulong)digit > limit || magnitude > (limit - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        value = negative ? (magnitude == 0 ? 0 : -(long)(magnitude - 1) - 1) : (long)magnitude;
        return value >= min && value <= max;
    }

    private static bool TryReadMandatory(IUacceDeviceSource source, string attribute, out string text, out string reason)
    {
        AttributeRead read = source.Read(attribute);
        text = read.Text;
        reason = read.Status == AttributeReadStatus.Present ? string.Empty : $"{attribute} attribute {Describe(read)}";
        return read.Status == AttributeReadStatus.Present;
    }

    private static bool TryReadRegionSize(IUacceDeviceSource source, string attribute, out long size, out string reason)
    {
        size = 0;
        reason = string.Empty;
        AttributeRead read = source.Read(attribute);
        switch (read.Status)
        {
            case AttributeReadStatus.Missing:
                return true;
            case AttributeReadStatus.Unreadable:
                reason = $"{attribute} attribute {Describe(read)}; the region could not be mapped";
                return false;
        }

        if (!TryParseInteger(read.Text, signed: false, 0, long.MaxValue, out size))
        {
            reason = $"{attribute} attribute '{Quote(read.Text)}' is not a byte count";
            return false;
        }

        return true;
    }

    private static int ReadNumaNode(IUacceDeviceSource source, List<string> warnings)
    {
        var problems = new List<string>(2);
        foreach (string attribute in (ReadOnlySpan<string>)["device/numa_node", "node_id"])
        {
            AttributeRead read = source.Read(attribute);
            if (read.Status != AttributeReadStatus.Present)
            {
                problems.Add($"{attribute} {Describe(read)}");
                continue;
            }

            if (!TryParseInteger(read.Text, signed: true, int.MinValue, int.MaxValue, out long node))
            {
                problems.Add($"{attribute} '{Quote(read.Text)}' is not an integer");
                continue;
            }

            if (node < -1)
            {
                warnings.Add($"{source.Name}: {attribute} is {node}; NUMA node taken as unknown (-1)");
                return -1;
            }

            return (int)node;
        }

        warnings.Add($"{source.Name}: NUMA node unknown (-1): {string.Join("; ", problems)}");
        return -1;
    }

    private static long? ReadOptionalInteger(IUacceDeviceSource source, string attribute, bool signed, long min, long max, List<string> warnings)
    {
        AttributeRead read = source.Read(attribute);
        switch (read.Status)
        {
            case AttributeReadStatus.Missing:
                return null;
            case AttributeReadStatus.Unreadable:
                warnings.Add($"{source.Name}: {attribute} {Describe(read)}; taken as unknown");
                return null;
        }

        if (!TryParseInteger(read.Text, signed, min, max, out long value))
        {
            warnings.Add($"{source.Name}: {attribute} '{Quote(read.Text)}' is not an integer in [{min}, {max}]; taken as unknown");
            return null;
        }

        return value;
    }

    private static string Describe(AttributeRead read) => read.Status switch
    {
        AttributeReadStatus.Missing => $"is missing ({read.Detail})",
        _ => $"is unreadable ({read.Detail})",
    };

    /// <summary>The text as one printable line for a message, shortened to 40 characters.</summary>
    private static string Quote(string text)
    {
        string line = text.Trim().ReplaceLineEndings("\\n");
        return line.Length <= 40 ? line : string.Concat(line.AsSpan(0, 37), "...");
    }
}
