using AccelSdk.Core.Devices;
using AccelSdk.Dma.Engine;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>The <c>dma_sw</c> device arguments, parsed and range-checked.</summary>
internal sealed record SoftwareDmaOptions
{
    /// <summary>Smallest ring accepted (DPDK's skeleton uses the same floor).</summary>
    public const int MinDesc = 32;

    /// <summary>Default of <c>stream_threshold</c>.</summary>
    public const int DefaultStreamThreshold = 256 * 1024;

    public static readonly IReadOnlyList<string> Help =
    [
        "max_vchans=N (1..64, default 8)",
        "max_desc=N (32..65536, default 8192): largest ring per vchan",
        "max_sges=N (1..64, default 4): entries per scatter-gather list",
        "check_addresses=0|1 (default 0): reach only memory registered with RegisterMemory; a bad address fails its job (HandlesErrors instead of Sva)",
        "stream_threshold=N (0..2147483647 bytes, default 262144; 0 = never): copies at least this long use streaming stores (they bypass the cache, as a DMA engine writes memory) unless flagged Llc",
        "simd=auto|scalar|128|256|512 (default auto): kernel width",
        "idle_spin_us=N (0..1000000, default 50): how long the idle engine polls before it sleeps",
        "socket_id=N (-1..1023, default -1): NUMA node reported",
    ];

    public int MaxVchans { get; init; } = 8;

    public int MaxDesc { get; init; } = 8192;

    public int MaxSges { get; init; } = 4;

    public bool CheckAddresses { get; init; }

    /// <summary>Copies at least this long bypass the cache; 0 = never. 256 KiB: beyond a core's L2, where the copy would only evict data.</summary>
    public long StreamThreshold { get; init; } = DefaultStreamThreshold;

    public KernelWidth Width { get; init; } = KernelWidth.Auto;

    public int IdleSpinMicroseconds { get; init; } = 50;

    public int SocketId { get; init; } = -1;

    public static SoftwareDmaOptions Parse(DeviceArguments arguments)
    {
        var options = new SoftwareDmaOptions
        {
            MaxVchans = arguments.GetInt32("max_vchans", 8, 1, 64),
            MaxDesc = arguments.GetInt32("max_desc", 8192, MinDesc, 65536),
            MaxSges = arguments.GetInt32("max_sges", 4, 1, 64),
            CheckAddresses = arguments.GetBoolean("check_addresses", false),
            StreamThreshold = arguments.GetInt32("stream_threshold", DefaultStreamThreshold, 0, int.MaxValue),
            Width = arguments.GetString("simd", "auto", "auto", "scalar", "128", "256", "512") switch
            {
                "scalar" => KernelWidth.Scalar,
                "128" => KernelWidth.V128,
                "256" => KernelWidth.V256,
                "512" => KernelWidth.V512,
                _ => KernelWidth.Auto,
            },
            IdleSpinMicroseconds = arguments.GetInt32("idle_spin_us", 50, 0, 1_000_000),
            SocketId = arguments.GetInt32("socket_id", -1, -1, 1023),
        };
        arguments.ThrowIfUnused(DmaSoftwareDriver.DriverName, Help);
        return options;
    }
}
