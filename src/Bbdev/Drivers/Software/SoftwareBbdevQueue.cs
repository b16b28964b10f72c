using System.Diagnostics;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Rings;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>
/// A software queue. Synchronous mode (the default, like DPDK's software PMDs): ops are processed inside the enqueue
/// call and pushed to the completion ring. Worker mode: enqueue only hands ops to a dedicated worker thread through
/// a request ring and returns at once; the worker processes them in order and publishes completions, like hardware.
/// </summary>
/// <remarks>
/// In both modes the number of ops accepted and not yet dequeued never exceeds the queue size, so neither ring can
/// overflow; order is preserved because each ring is FIFO and only one thread processes.
/// </remarks>
internal sealed class SoftwareBbdevQueue<TOp> : RingBbdevQueue<TOp>
    where TOp : BbdevOp
{
    private readonly IBbdevOpProcessor<TOp> _processor;
    private readonly Ring<TOp>? _requests;
    private readonly Thread? _worker;
    private readonly SemaphoreSlim? _wake;
    private readonly int _spinIterations;
    private long _enqueued;            // written by the enqueue thread
    private long _dequeued;            // written by the dequeue thread
    private long _completedByWorker;   // written by the worker thread
    private volatile bool _workerIdle;
    private volatile bool _stopping;
    private volatile bool _disposed;

    public SoftwareBbdevQueue(int queueId, BbdevQueueConfig config, IBbdevOpProcessor<TOp> processor, bool useWorker, int spinIterations, string deviceName)
        : base(queueId, config)
    {
        _processor = processor;
        _spinIterations = spinIterations;
        if (useWorker)
        {
            _requests = Ring.Create<TOp>(config.QueueSize, RingFlags.SingleProducer | RingFlags.SingleConsumer);
            _wake = new SemaphoreSlim(0);
            _worker = new Thread(WorkerLoop) { IsBackground = true, Name = $"{deviceName}-q{queueId}" };
            _worker.Start();
        }
    }

    public override int Enqueue(ReadOnlySpan<TOp> ops)
    {
        if (_stopping)
        {
            return 0;
        }

        int inFlight = (int)(_enqueued - Volatile.Read(ref _dequeued));
        int n = Math.Min(ops.Length, Config.QueueSize - inFlight);
        if (n <= 0)
        {
            return 0;
        }

        ReadOnlySpan<TOp> accepted = ops[..n];
        if (_requests is null)
        {
            long start = Stopwatch.GetTimestamp();
            foreach (TOp op in accepted)
            {
                _processor.Process(op);
            }

            AccOffloadNanoseconds = (long)Stopwatch.GetElapsedTime(start).TotalNanoseconds;
            Complete(accepted);
        }
        else
        {
            AccOffloadNanoseconds = 0;
            _requests.EnqueueBurst(accepted);
            if (_workerIdle)
            {
                // Pairs with the worker's idle flag: it re-checks the ring after setting the flag (Dekker).
                Interlocked.MemoryBarrier();
                _wake!.Release();
            }
        }

        _enqueued += n;
        return n;
    }

    public override int Dequeue(Span<TOp> ops)
    {
        int n = base.Dequeue(ops);
        if (n > 0)
        {
            Volatile.Write(ref _dequeued, _dequeued + n);
        }

        return n;
    }

    public override void Start() => _stopping = false;

    public override void Stop()
    {
        _stopping = true;
        if (_requests is not null)
        {
            // The worker notices _stopping, completes whatever it has not started with an error status, and idles.
            // Control calls never race the data path, so _enqueued is stable while we wait.
            _wake!.Release();
            SpinWait spin = default;
            while (Volatile.Read(ref _completedByWorker) != _enqueued)
            {
                spin.SpinOnce();
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stopping = true;
            if (_worker is not null)
            {
                _wake!.Release();
                _worker.Join();
                _requests!.Dispose();
                _wake.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void WorkerLoop()
    {
        var burst = new TOp[Math.Min(64, Config.QueueSize)];
        int idleSpins = 0;
        while (!_disposed)
        {
            int n = _requests!.DequeueBurst(burst);
            if (n == 0)
            {
                if (++idleSpins < _spinIterations)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                _workerIdle = true;
                Interlocked.MemoryBarrier();
                if (_requests.IsEmpty && !_disposed)
                {
                    _wake!.Wait(TimeSpan.FromMilliseconds(100));
                }

                _workerIdle = false;
                idleSpins = 0;
                continue;
            }

            idleSpins = 0;
            for (int i = 0; i < n; i++)
            {
                TOp op = burst[i];
                if (_stopping)
                {
                    op.Reject(BbdevOpStatus.DriverError, "The queue was stopped before this op was processed.");
                }
                else
                {
                    _processor.Process(op);
                }
            }

            Complete(burst.AsSpan(0, n));
            Array.Clear(burst, 0, n);
            Volatile.Write(ref _completedByWorker, _completedByWorker + n);
            SignalCompletions();
        }
    }
}
