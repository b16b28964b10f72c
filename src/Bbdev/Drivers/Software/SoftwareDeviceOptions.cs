using AccelSdk.Bbdev.Fec;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>Configuration of a <c>baseband_sw</c> device (its devargs).</summary>
public sealed record SoftwareDeviceOptions
{
    /// <summary>Most queues (<c>max_nb_queues</c>, 1..128). Default 16.</summary>
    public int MaxQueues { get; init; } = 16;

    /// <summary>NUMA node (<c>socket_id</c>), −1 for unknown.</summary>
    public int Socket { get; init; } = -1;

    /// <summary>The FEC kernels' SIMD width (<c>simd=auto|512|256|128|scalar</c>). Default Auto.</summary>
    public SimdWidth Simd { get; init; } = SimdWidth.Auto;

    /// <summary>
    /// One worker thread per queue (<c>workers=1</c>): enqueue returns at once and completion is asynchronous, like
    /// hardware. Default false: ops are processed inside the enqueue call, like DPDK's software PMDs.
    /// </summary>
    public bool Workers { get; init; }

    /// <summary>Idle polls a worker makes before sleeping (<c>spin=N</c>, 0..1000000). Default 2000.</summary>
    public int WorkerSpin { get; init; } = 2000;
}
