namespace AccelSdk.Uacce;

/// <summary>What one scan of the bus found: the devices, what was skipped and why, and notes about the rest.</summary>
public sealed class UacceScanResult
{
    internal UacceScanResult(string sysfsRoot, bool sysfsRootExists, IReadOnlyList<UacceDevice> devices, IReadOnlyList<UacceSkippedDevice> skipped, IReadOnlyList<string> warnings)
    {
        SysfsRoot = sysfsRoot;
        SysfsRootExists = sysfsRootExists;
        Devices = devices;
        Skipped = skipped;
        Warnings = warnings;
    }

    /// <summary>The sysfs directory scanned (or that would have been, when kernel scanning is off).</summary>
    public string SysfsRoot { get; }

    /// <summary>
    /// Whether the sysfs directory exists. It does not when no driver has registered a UACCE device since boot
    /// (the kernel creates the class lazily) or the kernel lacks UACCE: no kernel devices, and not an error.
    /// </summary>
    public bool SysfsRootExists { get; }

    /// <summary>The usable devices, kernel devices first (by name), then models (in hosting order).</summary>
    public IReadOnlyList<UacceDevice> Devices { get; }

    /// <summary>Entries skipped, each with its reason.</summary>
    public IReadOnlyList<UacceSkippedDevice> Skipped { get; }

    /// <summary>Non-fatal findings, each naming its device (an unknown flag bit, an unreadable NUMA node, an allow-listed device not found).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
