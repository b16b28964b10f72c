namespace AccelSdk.Bbdev;

/// <summary>Configuration of one queue (DPDK's <c>rte_bbdev_queue_conf</c>).</summary>
public sealed record BbdevQueueConfig
{
    /// <summary>The one operation type the queue processes.</summary>
    public BbdevOpType OpType { get; init; }

    /// <summary>Number of ops the queue holds in flight: a power of two, at most the device's <see cref="BbdevDriverInfo.QueueSizeLimit"/>.</summary>
    public int QueueSize { get; init; } = 1024;

    /// <summary>Priority, 0 to the device's limit for the op type.</summary>
    public int Priority { get; init; }

    /// <summary>NUMA node for queue memory, or −1 for any.</summary>
    public int Socket { get; init; } = -1;

    /// <summary>When true, starting the device does not start this queue; start it with <see cref="BbdevDevice.StartQueue"/>.</summary>
    public bool DeferredStart { get; init; }
}
