namespace AccelSdk.Bbdev.Driver;

/// <summary>
/// What a driver implements for a device (DPDK's <c>rte_bbdev_ops</c>): report its info, create queues and react to
/// lifecycle changes. The library (<see cref="BbdevDevice"/>) validates every control-path call before it reaches
/// these methods, so drivers see only legal sequences and values.
/// </summary>
public abstract class BbdevDeviceOperations : IDisposable
{
    /// <summary>The driver's report; constant for the device's lifetime.</summary>
    public abstract BbdevDriverInfo Info { get; }

    /// <summary>NUMA node of the device, or −1.</summary>
    public virtual int NumaNode => -1;

    /// <summary>Where the device lives (<c>vdev</c>, or bus and path).</summary>
    public virtual string Location => "vdev";

    /// <summary>Called after the library sized the device to <paramref name="queueCount"/> queues (optional).</summary>
    public virtual void SetupQueues(int queueCount)
    {
    }

    /// <summary>
    /// Creates the driver queue for a validated configuration. It must be a <see cref="BbdevQueue{TOp}"/> whose
    /// TOp is the op class of <see cref="BbdevQueueConfig.OpType"/> (<see cref="BbdevOp"/> for
    /// <see cref="BbdevOpType.None"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The device cannot provide the queue (resources exhausted); the message says why.</exception>
    public abstract BbdevQueue CreateQueue(int queueId, BbdevQueueConfig config);

    /// <summary>Called when the device starts, before its queues start.</summary>
    public virtual void Start()
    {
    }

    /// <summary>Called when the device stops, after its queues stopped.</summary>
    public virtual void Stop()
    {
    }

    /// <summary>Called when the device closes, after its queues were released.</summary>
    public virtual void Close()
    {
    }

    /// <summary>Releases the driver's resources.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
