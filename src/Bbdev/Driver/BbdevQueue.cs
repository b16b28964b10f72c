using AccelSdk.Core.Metrics;

namespace AccelSdk.Bbdev.Driver;

/// <summary>
/// The driver side of one queue (a DPDK PMD's queue and its enqueue/dequeue functions). Drivers derive from
/// <see cref="BbdevQueue{TOp}"/>; the library (<see cref="BbdevDevice"/>) owns the queue's lifecycle, counts its
/// statistics and hands it bursts.
/// </summary>
/// <remarks>
/// Threading: one thread may enqueue while another dequeues (the bbdev model); nothing else is concurrent.
/// Contract: every op accepted by enqueue is returned by dequeue exactly once, in enqueue order, with its status;
/// after <see cref="Stop"/> returns, every op still in flight has been completed (with an error status if it was
/// not processed) and can be dequeued.
/// </remarks>
public abstract class BbdevQueue : IDisposable
{
    private readonly ManualResetEventSlim _completions = new(false);
    private int _waiters;

    /// <summary>Creates the queue.</summary>
    protected BbdevQueue(int queueId, BbdevQueueConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        QueueId = queueId;
        Config = config;
    }

    /// <summary>The queue's index on its device.</summary>
    public int QueueId { get; }

    /// <summary>The configuration the queue was set up with.</summary>
    public BbdevQueueConfig Config { get; }

    /// <summary>Counters the library updates around every enqueue and dequeue call.</summary>
    public QueueCounters Counters { get; } = new();

    /// <summary>Accelerator time of the last enqueue call in nanoseconds (DPDK's <c>acc_offload_cycles</c>); set by the driver.</summary>
    public long AccOffloadNanoseconds { get; protected set; }

    /// <summary>Whether completed ops are waiting to be dequeued (used by <see cref="WaitForCompletions"/>).</summary>
    public abstract bool HasCompletions { get; }

    internal Action<int>? DequeueInterrupt { get; set; }

    /// <summary>Called when the queue (or its device) starts.</summary>
    public virtual void Start()
    {
    }

    /// <summary>
    /// Called when the queue (or its device) stops: complete every op in flight (processed, or with
    /// <see cref="BbdevOpStatus.DriverError"/> if it cannot be), so that dequeue returns them all.
    /// </summary>
    public virtual void Stop()
    {
    }

    /// <summary>Waits until completed ops are ready to dequeue, or the timeout passes, without spinning.</summary>
    /// <returns>Whether completions are ready.</returns>
    public bool WaitForCompletions(TimeSpan timeout)
    {
        if (HasCompletions)
        {
            return true;
        }

        long deadline = Environment.TickCount64 + (long)Math.Max(0, timeout.TotalMilliseconds);
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                _completions.Reset();
                if (HasCompletions)
                {
                    return true;
                }

                long left = deadline - Environment.TickCount64;
                if (left <= 0 || !_completions.Wait(TimeSpan.FromMilliseconds(left)))
                {
                    return HasCompletions;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>Releases the queue's resources. The library calls <see cref="Stop"/> first.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _completions.Dispose();
        }
    }

    /// <summary>
    /// Drivers call this after publishing completions from a thread other than the dequeuing one (an engine or
    /// worker): it wakes <see cref="WaitForCompletions"/> waiters and raises the dequeue event when interrupts are
    /// enabled. Cheap when nobody waits.
    /// </summary>
    protected void SignalCompletions()
    {
        // Full fence: the completion store must be visible before we read _waiters, pairing with the waiter's
        // increment before its HasCompletions check (otherwise store-load reordering could lose a wake-up).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _waiters) != 0)
        {
            _completions.Set();
        }

        DequeueInterrupt?.Invoke(QueueId);
    }
}
