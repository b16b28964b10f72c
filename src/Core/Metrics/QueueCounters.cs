using System.Runtime.InteropServices;

namespace AccelSdk.Core.Metrics;

/// <summary>
/// The counters every queue of every class keeps (DPDK's queue stats): written by the thread that owns each side
/// of the queue without atomics, read by anyone as a snapshot. Enqueue-side and dequeue-side counters live on
/// separate cache lines because different threads usually own the two sides.
/// </summary>
public sealed class QueueCounters
{
    private Lines _lines;

    /// <summary>Operations accepted by enqueue.</summary>
    public long Enqueued => Volatile.Read(ref _lines.Enqueued);

    /// <summary>Operations returned by dequeue.</summary>
    public long Dequeued => Volatile.Read(ref _lines.Dequeued);

    /// <summary>Operations rejected at enqueue (invalid, or no room).</summary>
    public long EnqueueErrors => Volatile.Read(ref _lines.EnqueueErrors);

    /// <summary>Operations dequeued with an error status.</summary>
    public long DequeueErrors => Volatile.Read(ref _lines.DequeueErrors);

    /// <summary>Warnings raised at enqueue.</summary>
    public long EnqueueWarnings => Volatile.Read(ref _lines.EnqueueWarnings);

    /// <summary>Warnings raised at dequeue.</summary>
    public long DequeueWarnings => Volatile.Read(ref _lines.DequeueWarnings);

    /// <summary>Adds to the enqueue-side counters (called by the enqueuing thread).</summary>
    public void AddEnqueued(long accepted, long errors = 0, long warnings = 0)
    {
        _lines.Enqueued += accepted;
        _lines.EnqueueErrors += errors;
        _lines.EnqueueWarnings += warnings;
    }

    /// <summary>Adds to the dequeue-side counters (called by the dequeuing thread).</summary>
    public void AddDequeued(long returned, long errors = 0, long warnings = 0)
    {
        _lines.Dequeued += returned;
        _lines.DequeueErrors += errors;
        _lines.DequeueWarnings += warnings;
    }

    /// <summary>
    /// Counts ops completed with an error status. Called by the thread that completes ops (a worker, an engine, or
    /// the enqueuing thread of a synchronous driver) — the only writer of this counter — so that the dequeue path
    /// never has to touch the ops to count errors.
    /// </summary>
    public void AddDequeueErrors(long errors) => _lines.DequeueErrors += errors;

    /// <summary>Zeroes every counter. Not atomic with respect to a concurrent data path.</summary>
    public void Reset() => _lines = default;

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Lines
    {
        [FieldOffset(64)] public long Enqueued;
        [FieldOffset(72)] public long EnqueueErrors;
        [FieldOffset(80)] public long EnqueueWarnings;
        [FieldOffset(192)] public long Dequeued;
        [FieldOffset(200)] public long DequeueErrors;
        [FieldOffset(208)] public long DequeueWarnings;
    }
}
