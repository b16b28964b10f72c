using System.Diagnostics;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Rings;
using AccelSdk.Gpu.Runtime;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Gpu.Driver;

/// <summary>
/// A <c>baseband_gpu</c> queue: enqueue hands ops to the queue's worker thread through a request ring; the worker
/// gathers them into batches (up to <see cref="GpuDeviceOptions.MaxCodeBlocksPerBatch"/> code blocks, launched when
/// full, when the first op has waited <see cref="GpuDeviceOptions.MaxWaitMicroseconds"/>, or at once when a dequeue
/// found nothing completed), keeps up to <see cref="GpuDeviceOptions.StreamCount"/> batches in flight on their own
/// streams and completes them in submission order.
/// </summary>
/// <remarks>
/// Ordering: the request ring is FIFO, batches are cut from its head in order, and slots finish in the order they were
/// submitted, so completions come back in enqueue order. Accounting: ops accepted and not yet dequeued never exceed
/// the queue size, so neither ring can overflow; each op is in exactly one place at a time (request ring, the
/// pending batch, one slot, the completion ring), so none is lost or returned twice.
/// </remarks>
internal sealed class GpuBatchQueue<TOp> : RingBbdevQueue<TOp>
    where TOp : BbdevOp
{
    private readonly IGpuBatchProcessor<TOp> _processor;
    private readonly Ring<TOp> _requests;
    private readonly Thread _worker;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ILogger _logger;
    private readonly string _deviceName;
    private readonly int _maxBlocks;
    private readonly long _maxWaitTicks;

    // Worker-owned batch state.
    private readonly TOp[] _pending;
    private readonly TOp[][] _slotOps;
    private readonly int[] _slotCount;
    private readonly bool[] _slotFailed;
    private int _pendingCount;
    private int _pendingBlocks;
    private long _firstArrival;
    private int _oldestSlot;
    private int _inFlightSlots;

    private long _enqueued;            // written by the enqueue thread
    private long _dequeued;            // written by the dequeue thread
    private long _completedByWorker;   // written by the worker thread
    private volatile bool _flush;
    private volatile bool _workerIdle;
    private volatile bool _stopping;
    private volatile bool _disposed;

    public GpuBatchQueue(int queueId, BbdevQueueConfig config, IGpuBatchProcessor<TOp> processor, GpuDeviceOptions options, string deviceName, ILogger logger)
        : base(queueId, config)
    {
        _processor = processor;
        _logger = logger;
        _deviceName = deviceName;
        _maxBlocks = options.MaxCodeBlocksPerBatch;
        _maxWaitTicks = options.MaxWaitMicroseconds * Stopwatch.Frequency / 1_000_000;
        _requests = Ring.Create<TOp>(config.QueueSize, RingFlags.SingleProducer | RingFlags.SingleConsumer);
        _pending = new TOp[config.QueueSize];
        _slotOps = new TOp[processor.SlotCount][];
        _slotCount = new int[processor.SlotCount];
        _slotFailed = new bool[processor.SlotCount];
        for (int i = 0; i < _slotOps.Length; i++)
        {
            _slotOps[i] = new TOp[config.QueueSize];
        }

        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = $"{deviceName}-q{queueId}" };
        _worker.Start();
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

        AccOffloadNanoseconds = 0;
        _requests.EnqueueBurst(ops[..n]);
        _enqueued += n;
        Wake();
        return n;
    }

    public override int Dequeue(Span<TOp> ops)
    {
        int n = base.Dequeue(ops);
        if (n > 0)
        {
            Volatile.Write(ref _dequeued, _dequeued + n);
        }
        else if (_enqueued != Volatile.Read(ref _completedByWorker))
        {
            // The application waits for ops that are still gathering: launch them now.
            _flush = true;
            Wake();
        }

        return n;
    }

    public override void Start() => _stopping = false;

    public override void Stop()
    {
        // The worker finishes the batches already launched, completes the rest with an error status and idles.
        // Control calls never race the data path, so _enqueued is stable while we wait.
        _stopping = true;
        _wake.Release();
        SpinWait spin = default;
        while (Volatile.Read(ref _completedByWorker) != _enqueued && _worker.IsAlive)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stopping = true;
            _wake.Release();
            _worker.Join();
            _requests.Dispose();
            _wake.Dispose();
            _processor.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Wake()
    {
        if (_workerIdle)
        {
            // Pairs with the worker's idle flag: it re-checks the ring and the flush flag after setting it (Dekker).
            Interlocked.MemoryBarrier();
            _wake.Release();
        }
    }

    private void WorkerLoop()
    {
        _processor.BindThread();
        int idleSpins = 0;
        while (!_disposed)
        {
            Gather();
            if (_stopping)
            {
                Drain();
                continue;
            }

            bool due = _pendingCount > 0 && (_pendingBlocks >= _maxBlocks || _pendingCount == _pending.Length || _flush
                || Stopwatch.GetTimestamp() - _firstArrival >= _maxWaitTicks);
            if (due)
            {
                if (_inFlightSlots == _slotOps.Length)
                {
                    FinishOldest();
                }

                SubmitPending();
                if (_requests.IsEmpty)
                {
                    _flush = false;
                }

                idleSpins = 0;
                continue;
            }

            if (_inFlightSlots > 0)
            {
                // Nothing is due yet: use the time to complete what is running.
                FinishOldest();
                idleSpins = 0;
                continue;
            }

            if (_pendingCount > 0)
            {
                Thread.SpinWait(20);
                continue;
            }

            if (++idleSpins < 2000)
            {
                Thread.SpinWait(20);
                continue;
            }

            _workerIdle = true;
            Interlocked.MemoryBarrier();
            if (_requests.IsEmpty && !_flush && !_stopping && !_disposed)
            {
                _wake.Wait(TimeSpan.FromMilliseconds(100));
            }

            _workerIdle = false;
            idleSpins = 0;
        }

        Drain();
    }

    /// <summary>Moves requests into the pending batch until it is full.</summary>
    private void Gather()
    {
        while (_pendingBlocks < _maxBlocks && _pendingCount < _pending.Length && _requests.TryDequeue(out TOp? op))
        {
            if (_pendingCount == 0)
            {
                _firstArrival = Stopwatch.GetTimestamp();
            }

            _pending[_pendingCount++] = op;
            _pendingBlocks += _processor.CodeBlocks(op);
        }
    }

    private void SubmitPending()
    {
        int slot = (_oldestSlot + _inFlightSlots) % _slotOps.Length;
        TOp[] ops = _slotOps[slot];
        Array.Copy(_pending, ops, _pendingCount);
        Array.Clear(_pending, 0, _pendingCount);
        _slotCount[slot] = _pendingCount;
        _pendingCount = 0;
        _pendingBlocks = 0;
        _inFlightSlots++;
        _slotFailed[slot] = false;
        try
        {
            _processor.Submit(slot, ops.AsSpan(0, _slotCount[slot]));
        }
        catch (Exception ex)
        {
            // Nothing of this batch may be read back: its ops keep the error status set here.
            _slotFailed[slot] = true;
            Fail(ops.AsSpan(0, _slotCount[slot]), ex);
        }
    }

    private void FinishOldest()
    {
        int slot = _oldestSlot;
        ReadOnlySpan<TOp> ops = _slotOps[slot].AsSpan(0, _slotCount[slot]);
        try
        {
            if (!_slotFailed[slot])
            {
                _processor.Finish(slot, ops);
            }
        }
        catch (Exception ex)
        {
            Fail(ops, ex);
        }

        Publish(ops);
        Array.Clear(_slotOps[slot], 0, _slotCount[slot]);
        _slotCount[slot] = 0;
        _oldestSlot = (_oldestSlot + 1) % _slotOps.Length;
        _inFlightSlots--;
    }

    /// <summary>Stop or dispose: finish what was launched, complete everything else with an error status.</summary>
    private void Drain()
    {
        while (_inFlightSlots > 0)
        {
            FinishOldest();
        }

        while (true)
        {
            Gather();
            if (_pendingCount == 0)
            {
                break;
            }

            ReadOnlySpan<TOp> ops = _pending.AsSpan(0, _pendingCount);
            foreach (TOp op in ops)
            {
                op.Reject(BbdevOpStatus.DriverError, "The queue was stopped before this op was processed.");
            }

            Publish(ops);
            Array.Clear(_pending, 0, _pendingCount);
            _pendingCount = 0;
            _pendingBlocks = 0;
        }

        if (!_disposed)
        {
            _wake.Wait(TimeSpan.FromMilliseconds(10));
        }
    }

    private void Fail(ReadOnlySpan<TOp> ops, Exception ex)
    {
        string message = $"The accelerator failed this batch: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
        GpuLog.BatchFailed(_logger, _deviceName, QueueId, ops.Length, message);
        foreach (TOp op in ops)
        {
            if ((op.Status & BbdevOpStatus.DataError) == 0)
            {
                op.Reject(BbdevOpStatus.DriverError, message);
            }
        }
    }

    private void Publish(ReadOnlySpan<TOp> ops)
    {
        Complete(ops);
        Volatile.Write(ref _completedByWorker, _completedByWorker + ops.Length);
        SignalCompletions();
    }
}
