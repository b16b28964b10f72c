using System.Collections.Immutable;

namespace AccelSdk.Uacce;

/// <summary>
/// An immutable description of one UACCE device as the bus scan found it: the kernel ABI's sysfs attributes,
/// parsed (DPDK's <c>rte_uacce_device</c>). Kernel devices and in-process device models are described alike.
/// </summary>
/// <remarks>
/// <see cref="AvailableInstances"/> is a snapshot taken at scan time; the kernel's value changes as processes open
/// and close queues, so drivers read the live value through <see cref="Drivers.UacceDeviceContext.ReadAvailableInstances"/>.
/// </remarks>
public sealed record UacceDevice
{
    /// <summary>Device name, the sysfs directory name: <c>&lt;parent driver&gt;-&lt;id&gt;</c>, for example <c>hisi_zip-0</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Kernel device or in-process model.</summary>
    public required UacceDeviceOrigin Origin { get; init; }

    /// <summary>
    /// The <c>api</c> attribute with its trailing newline and any <c>_noiommu</c> suffix removed
    /// (for example <c>hisi_qm_v5</c>); drivers match on it.
    /// </summary>
    public required string Api { get; init; }

    /// <summary>The <c>api</c> attribute exactly as read, newline removed (keeps a <c>_noiommu</c> suffix).</summary>
    public required string RawApi { get; init; }

    /// <summary>
    /// The number after the final <c>v</c> of <see cref="Api"/> when it ends in <c>v&lt;digits&gt;</c> and the
    /// <c>v</c> is not its first character (<c>hisi_qm_v5</c> gives 5); otherwise 0.
    /// </summary>
    public int ApiVersion { get; init; }

    /// <summary>The algorithm tokens of the <c>algorithms</c> attribute (one per line), in order; may be empty.</summary>
    public ImmutableArray<string> Algorithms { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The <c>flags</c> attribute, every bit as read (unknown bits included).</summary>
    public UacceDeviceFlags Flags { get; init; }

    /// <summary>How drivers must address memory on this device, from <see cref="Flags"/> and the <c>_noiommu</c> api suffix.</summary>
    public UacceAddressMode AddressMode { get; init; }

    /// <summary>Queues that could still be opened when scanned (<c>available_instances</c>), or <see langword="null"/> when unreadable.</summary>
    public int? AvailableInstances { get; init; }

    /// <summary>Size in bytes of the MMIO (doorbell) region, mmap page offset 0; 0 when the attribute is absent (no region).</summary>
    public long MmioRegionSize { get; init; }

    /// <summary>Size in bytes of the DUS (device user share) region, mmap page offset 1; 0 when the attribute is absent (no region).</summary>
    public long DusRegionSize { get; init; }

    /// <summary>NUMA node of the parent device (<c>device/numa_node</c>, else <c>node_id</c>), or −1 when unknown.</summary>
    public int NumaNode { get; init; } = -1;

    /// <summary>The <c>isolate</c> attribute: whether hardware-error isolation has taken the device out of use; <see langword="null"/> when absent.</summary>
    public bool? Isolated { get; init; }

    /// <summary>The <c>isolate_strategy</c> attribute: hardware errors per hour that isolate the device (0 = never); <see langword="null"/> when absent.</summary>
    public int? IsolateStrategy { get; init; }

    /// <summary>The device's sysfs directory (<c>/sys/class/uacce/&lt;name&gt;</c>), or <see langword="null"/> for a model.</summary>
    public string? SysfsPath { get; init; }

    /// <summary>The character device a queue is opened on (<c>/dev/&lt;name&gt;</c>), or <see langword="null"/> for a model.</summary>
    public string? CharDevicePath { get; init; }

    /// <summary>Whether the device has the algorithm token <paramref name="algorithm"/> (whole-token, ordinal match).</summary>
    public bool HasAlgorithm(string algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        foreach (string token in Algorithms)
        {
            if (string.Equals(token, algorithm, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the device lives, for <see cref="Core.Devices.IAccelDevice.Location"/>: <c>uacce:&lt;name&gt;</c>.</summary>
    public string Location => "uacce:" + Name;
}
