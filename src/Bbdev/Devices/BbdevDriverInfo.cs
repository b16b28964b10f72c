namespace AccelSdk.Bbdev;

/// <summary>What a driver reports about its device (DPDK's <c>rte_bbdev_driver_info</c>).</summary>
public sealed record BbdevDriverInfo
{
    /// <summary>Driver name (<c>baseband_sw</c>).</summary>
    public required string DriverName { get; init; }

    /// <summary>Upper bound for <see cref="BbdevDevice.SetupQueues"/>.</summary>
    public int MaxQueues { get; init; } = 1;

    /// <summary>Largest queue size accepted.</summary>
    public int QueueSizeLimit { get; init; } = 16384;

    /// <summary>Highest queue priority accepted per op type (index = <see cref="BbdevOpType"/>); missing entries mean 0.</summary>
    public IReadOnlyList<int> QueuePriority { get; init; } = [];

    /// <summary>The configuration used when <see cref="BbdevDevice.ConfigureQueue"/> gets none.</summary>
    public BbdevQueueConfig DefaultQueueConfig { get; init; } = new();

    /// <summary>Whether the work runs on dedicated hardware.</summary>
    public bool HardwareAccelerated { get; init; }

    /// <summary>Required byte alignment of data buffers (0 = none).</summary>
    public int MinAlignment { get; init; }

    /// <summary>On-device HARQ memory in KiB (0 = none).</summary>
    public int HarqBufferSizeKb { get; init; }

    /// <summary>Whether the device wants data buffers big-endian per 32-bit word (bbdev's <c>data_endianness</c>).</summary>
    public bool BigEndianData { get; init; }

    /// <summary>Supported operations. Empty for the null device (queues then use <see cref="BbdevOpType.None"/>).</summary>
    public IReadOnlyList<BbdevOpCapability> Capabilities { get; init; } = [];

    /// <summary>What the engine runs on (for example "AVX2 (256-bit)" or "QDMA FEC model, 2 engines").</summary>
    public string Engine { get; init; } = "";

    /// <summary>Returns the capability record for <paramref name="opType"/>, or null.</summary>
    public BbdevOpCapability? FindCapability(BbdevOpType opType)
    {
        foreach (BbdevOpCapability capability in Capabilities)
        {
            if (capability.OpType == opType)
            {
                return capability;
            }
        }

        return null;
    }

    /// <summary>The highest priority accepted for <paramref name="opType"/>.</summary>
    public int MaxPriority(BbdevOpType opType) => (int)opType < QueuePriority.Count ? QueuePriority[(int)opType] : 0;
}
