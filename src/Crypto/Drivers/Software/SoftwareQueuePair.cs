using AccelSdk.Core.Devices;
using AccelSdk.Core.Metrics;
using AccelSdk.Core.Rings;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// One queue pair of a <c>crypto_sw</c> device. Synchronous mode processes ops inside enqueue and parks them in the
/// single-producer/single-consumer completion ring until dequeue. Worker mode adds an ingress ring: enqueue only
/// rings ops in; the worker thread that owns the queue pair processes them in order and moves them to the
/// completion ring, so per-queue order is preserved.
/// </summary>
internal sealed class SoftwareQueuePair : IDisposable
{
    private readonly IDisposable _metrics;
    private long _inFlight;

    public SoftwareQueuePair(SoftwareCryptoDevice device, int id, int depth, bool asynchronous)
    {
        Id = id;
        Depth = depth;
        Processor = new OpProcessor(device, id);
        Completions = Ring.Create<CryptoOp>(depth, RingFlags.SingleProducer | RingFlags.SingleConsumer | RingFlags.ExactSize);
        if (asynchronous)
        {
            Ingress = Ring.Create<CryptoOp>(depth, RingFlags.SingleProducer | RingFlags.SingleConsumer | RingFlags.ExactSize);
        }

        _metrics = AccelMetrics.RegisterQueue(DeviceClass.Crypto, device.Name, id, Counters);
    }

    public int Id { get; }

    public int Depth { get; }

    public OpProcessor Processor { get; }

    /// <summary>Completed ops waiting for dequeue.</summary>
    public Ring<CryptoOp> Completions { get; }

    /// <summary>Ops waiting for the worker (worker mode only).</summary>
    public Ring<CryptoOp>? Ingress { get; }

    public QueueCounters Counters { get; } = new();

    /// <summary>The worker serving this queue pair (worker mode).</summary>
    public SoftwareWorker? Worker { get; set; }

    /// <summary>Ops accepted and not yet dequeued.</summary>
    public int InFlight => (int)Interlocked.Read(ref _inFlight);

    /// <summary>Synchronous enqueue: process as many ops as the completion ring can hold, then publish them.</summary>
    public int EnqueueSynchronous(ReadOnlySpan<CryptoOp> ops)
    {
        int n = Math.Min(ops.Length, Completions.FreeCount);
        for (int i = 0; i < n; i++)
        {
            CryptoOp op = ops[i];
            if (op is null)
            {
                n = i;
                break;
            }

            Processor.Process(op);
        }

        // Cannot fail: this thread is the only producer and the consumer only frees slots.
        Completions.EnqueueBulk(ops[..n]);
        Counters.AddEnqueued(n, ops.Length - n);
        return n;
    }

    /// <summary>Worker-mode enqueue: admit up to the depth in flight, ring them in and wake the worker.</summary>
    public int EnqueueAsynchronous(ReadOnlySpan<CryptoOp> ops)
    {
        // In flight = accepted − dequeued; bounding it by the depth means the worker always finds room in the
        // completion ring, so it never has to wait for the application.
        int room = Depth - InFlight;
        int n = Math.Min(ops.Length, room);
        for (int i = 0; i < n; i++)
        {
            if (ops[i] is null)
            {
                n = i;
                break;
            }
        }

        n = Ingress!.EnqueueBurst(ops[..n]);
        Interlocked.Add(ref _inFlight, n);
        Counters.AddEnqueued(n, ops.Length - n);
        if (n > 0)
        {
            Worker!.Wake();
        }

        return n;
    }

    /// <summary>Takes completed ops and counts the ones that failed.</summary>
    public int Dequeue(Span<CryptoOp> ops)
    {
        int n = Completions.DequeueBurst(ops);
        int errors = 0;
        for (int i = 0; i < n; i++)
        {
            if (ops[i].Status != CryptoOpStatus.Success)
            {
                errors++;
            }
        }

        if (Ingress is not null && n > 0)
        {
            Interlocked.Add(ref _inFlight, -n);
        }

        Counters.AddDequeued(n, errors);
        return n;
    }

    /// <summary>Worker side: processes up to <c>batch.Length</c> waiting ops; returns how many.</summary>
    public int Drain(Span<CryptoOp> batch)
    {
        int n = Ingress!.DequeueBurst(batch);
        for (int i = 0; i < n; i++)
        {
            Processor.Process(batch[i]);
        }

        Completions.EnqueueBulk(batch[..n]);
        batch[..n].Clear();
        return n;
    }

    public int DepthUsed => Ingress is null ? Completions.Count : InFlight;

    public void Dispose()
    {
        _metrics.Dispose();
        Completions.Dispose();
        Ingress?.Dispose();
    }
}
