using System.Globalization;

namespace AccelSdk.Uacce.Models;

/// <summary>
/// What an in-process device model presents on the UACCE bus (the attributes a kernel driver would publish) and
/// how its engine threads run. Validated when the model is constructed; the model keeps its own copy.
/// </summary>
public sealed class UacceDeviceModelOptions
{
    /// <summary>The interface name; the device is named <c>&lt;InterfaceName&gt;-&lt;id&gt;</c> like a kernel UACCE device. Letters, digits and '_'.</summary>
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The api drivers match (<c>qdma_fec_v1</c>). With <see cref="UacceDeviceFlags.NoIommu"/> it is published with the <c>_noiommu</c> suffix, as openEuler kernels do.</summary>
    public string Api { get; set; } = string.Empty;

    /// <summary>The algorithm tokens published one per line (<c>ldpc_enc</c>, <c>ldpc_dec</c>).</summary>
    public IList<string> Algorithms { get; } = new List<string>();

    /// <summary>The flags: exactly one of <see cref="UacceDeviceFlags.Sva"/> (default) and <see cref="UacceDeviceFlags.NoIommu"/>, optionally <see cref="UacceDeviceFlags.Iommu"/>.</summary>
    public UacceDeviceFlags Flags { get; set; } = UacceDeviceFlags.Sva;

    /// <summary>Hardware queues (the initial <c>available_instances</c>), in [1, 4096]. Default 16.</summary>
    public int QueueCount { get; set; } = 16;

    /// <summary>MMIO (doorbell) region size in bytes: 0 (none) or a multiple of the page size up to 1 GiB. Default one page.</summary>
    public long MmioRegionSize { get; set; } = Environment.SystemPageSize;

    /// <summary>
    /// DUS region size in bytes: 0 (none) or a multiple of the page size up to 1 GiB. Default 4 pages. Its last 8 bytes
    /// are the reset words the framework writes (see <see cref="Queues.UacceQueueHealth"/>); queue layouts must leave them free.
    /// </summary>
    public long DusRegionSize { get; set; } = 4L * Environment.SystemPageSize;

    /// <summary>NUMA node published in <c>device/numa_node</c>; −1 (default) for unknown.</summary>
    public int NumaNode { get; set; } = -1;

    /// <summary>Engine threads serving the queues (queue <c>q</c> runs on engine <c>q mod EngineCount</c>), in [1, 64]. Default 1.</summary>
    public int EngineCount { get; set; } = 1;

    /// <summary>
    /// Under SVA, whether the device reaches only memory registered with the device's address space (default
    /// <see langword="true"/>: the model checks every descriptor address the way an IOMMU faults an unmapped page,
    /// so a bad address completes with an error). <see langword="false"/> lets it reach any non-null address, as
    /// real SVA hardware reaches any mapped page without registration: drivers then need not register, but an
    /// unmapped address crashes the process instead of failing the job. Without an IOMMU every address needs the
    /// table, so this has no effect there.
    /// </summary>
    public bool RequireRegisteredMemory { get; set; } = true;

    /// <summary>The initial <c>isolate_strategy</c>: hardware errors per hour that isolate the device, in [0, 65535]; 0 (default) never isolates.</summary>
    public int IsolateStrategy { get; set; }

    /// <summary>Empty polls an engine spins through before it parks, in [0, 1000000]. Default 64 (a few microseconds).</summary>
    public int IdleSpinCount { get; set; } = 64;

    /// <summary>
    /// How long a parked engine sleeps before polling its doorbell words again, in [0.05 ms, 1 s]. Default 1 ms.
    /// Doorbells rung with <see cref="Queues.UacceRegion.WriteDoorbell32"/> wake it at once; this bounds the delay
    /// for a plain store.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How long stopping a queue waits for its engine to leave <see cref="UacceModelQueue.Process"/>, in [1 ms, 10 min]. Default 5 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for the isolation window (one hour of hardware errors). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal UacceDeviceModelOptions Validated()
    {
        if (string.IsNullOrEmpty(InterfaceName) || !InterfaceName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"{nameof(InterfaceName)} must be non-empty letters, digits and '_'; got '{InterfaceName}'.", nameof(InterfaceName));
        }

        if (string.IsNullOrWhiteSpace(Api) || Api.Any(char.IsWhiteSpace) || Api.Length > Discovery.UacceDeviceParser.MaxApiLength - Discovery.UacceDeviceParser.NoIommuSuffix.Length)
        {
            throw new ArgumentException(
                $"{nameof(Api)} must be 1 to {Discovery.UacceDeviceParser.MaxApiLength - Discovery.UacceDeviceParser.NoIommuSuffix.Length} characters without whitespace; got '{Api}'.", nameof(Api));
        }

        foreach (string token in Algorithms)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"{nameof(Algorithms)} entries must be non-empty tokens without whitespace; got '{token}'.", nameof(Algorithms));
            }
        }

        const UacceDeviceFlags modeBits = UacceDeviceFlags.Sva | UacceDeviceFlags.NoIommu;
        UacceDeviceFlags mode = Flags & modeBits;
        if (mode is not (UacceDeviceFlags.Sva or UacceDeviceFlags.NoIommu) || (Flags & ~(modeBits | UacceDeviceFlags.Iommu)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Flags), Flags,
                $"{nameof(Flags)} must hold exactly one of Sva and NoIommu, optionally Iommu; got 0x{(uint)Flags:X}.");
        }

        CheckRange(QueueCount, 1, 4096, nameof(QueueCount));
        CheckRegion(MmioRegionSize, nameof(MmioRegionSize));
        CheckRegion(DusRegionSize, nameof(DusRegionSize));
        CheckRange(NumaNode, -1, 1023, nameof(NumaNode));
        CheckRange(EngineCount, 1, 64, nameof(EngineCount));
        CheckRange(IsolateStrategy, 0, ushort.MaxValue, nameof(IsolateStrategy));
        CheckRange(IdleSpinCount, 0, 1_000_000, nameof(IdleSpinCount));
        CheckTime(IdlePollInterval, TimeSpan.FromMicroseconds(50), TimeSpan.FromSeconds(1), nameof(IdlePollInterval));
        CheckTime(StopTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), nameof(StopTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));

        var copy = new UacceDeviceModelOptions
        {
            InterfaceName = InterfaceName,
            Api = Api,
            Flags = Flags,
            QueueCount = QueueCount,
            MmioRegionSize = MmioRegionSize,
            DusRegionSize = DusRegionSize,
            NumaNode = NumaNode,
            EngineCount = EngineCount,
            RequireRegisteredMemory = RequireRegisteredMemory,
            IsolateStrategy = IsolateStrategy,
            IdleSpinCount = IdleSpinCount,
            IdlePollInterval = IdlePollInterval,
            StopTimeout = StopTimeout,
            TimeProvider = TimeProvider,
        };
        foreach (string token in Algorithms)
        {
            copy.Algorithms.Add(token);
        }

        return copy;
    }

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");
        }
    }

    private static void CheckRegion(long value, string name)
    {
        long page = Environment.SystemPageSize;
        if (value < 0 || value > (1L << 30) || value % page != 0)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be 0 or a multiple of the page size ({page} bytes) up to 1 GiB, as the kernel reports region sizes in pages; got {value}.");
        }
    }

    private static void CheckTime(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min.TotalMilliseconds} ms, {max.TotalMilliseconds} ms]; got {value.TotalMilliseconds} ms."));
        }
    }
}
