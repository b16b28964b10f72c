using System.Runtime.CompilerServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Metrics;

namespace AccelSdk.Bbdev;

/// <summary>
/// A baseband device (DPDK's <c>rte_bbdev</c>): the control path (queues, start/stop, statistics, events), checked
/// here once for every driver, and the data path (enqueue/dequeue bursts per op type), handed straight to the
/// driver's queue.
/// </summary>
/// <remarks>
/// <para>
/// Lifecycle: <see cref="SetupQueues"/> → <see cref="ConfigureQueue"/> per queue → <see cref="Start"/> → data path →
/// <see cref="Stop"/> → (reconfigure and start again, or) <see cref="Close"/>. Control-path calls throw with a message
/// naming the device, the value and the limit; data-path calls never throw for a full queue or an invalid op (a
/// short count, or an error status on the op).
/// </para>
/// <para>
/// Threading: control-path calls must not race each other or the data path. On one queue, one thread may enqueue
/// while another dequeues; different queues are independent.
/// </para>
/// </remarks>
public sealed class BbdevDevice : IAccelDevice
{
    private readonly BbdevDeviceOperations _operations;
    private QueueSlot[] _queues = [];
    private DeviceState _state = DeviceState.Initialized;
    private bool _disposed;

    private BbdevDevice(string name, BbdevDeviceOperations operations)
    {
        Name = name;
        _operations = operations;
        Info = operations.Info;
    }

    /// <summary>Raised for device errors and, on queues with interrupts enabled, when completions are ready (DPDK callbacks).</summary>
    /// <remarks>Handlers run on the thread that detected the event (a worker or engine thread); keep them short.</remarks>
    public event EventHandler<BbdevEventArgs>? EventRaised;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string DriverName => Info.DriverName;

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Bbdev;

    /// <inheritdoc />
    public int NumaNode => _operations.NumaNode;

    /// <inheritdoc />
    public DeviceState State => _state;

    /// <inheritdoc />
    public int QueueCount => _queues.Length;

    /// <inheritdoc />
    public string Location => _operations.Location;

    /// <summary>The driver's report (capabilities, limits).</summary>
    public BbdevDriverInfo Info { get; }

    /// <summary>Whether the device is started.</summary>
    public bool IsStarted => _state == DeviceState.Started;

    /// <summary>Creates a device over a driver's operations; drivers call this from their factory.</summary>
    public static BbdevDevice Create(string name, BbdevDeviceOperations operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(operations);
        return new BbdevDevice(name, operations);
    }

    /// <summary>The device's identity, state and driver report (DPDK's <c>rte_bbdev_info_get</c>).</summary>
    public BbdevDeviceInfo GetInfo() => new(Name, NumaNode, _queues.Length, IsStarted, Info);

    /// <summary>Sizes the device to <paramref name="count"/> queues, releasing any configured before.</summary>
    /// <exception cref="InvalidOperationException">The device is started.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not in [1, <see cref="BbdevDriverInfo.MaxQueues"/>].</exception>
    public void SetupQueues(int count)
    {
        ThrowIfDisposed();
        ThrowIfStarted("set up queues");
        if (count < 1 || count > Info.MaxQueues)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Device {Name}: queue count {count} is out of range [1, {Info.MaxQueues}].");
        }

        ReleaseQueues();
        var queues = new QueueSlot[count];
        for (int i = 0; i < count; i++)
        {
            queues[i] = new QueueSlot();
        }

        _queues = queues;
        _operations.SetupQueues(count);
        _state = DeviceState.Configured;
    }

    /// <summary>Configures queue <paramref name="queueId"/>; <see langword="null"/> uses the driver's default configuration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The queue id or a configuration field is out of range (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The device or the queue is started, or queues were not set up.</exception>
    public void ConfigureQueue(int queueId, BbdevQueueConfig? config = null)
    {
        ThrowIfDisposed();
        QueueSlot slot = Slot(queueId);
        ThrowIfStarted("configure a queue");
        if (slot.Started)
        {
            throw new InvalidOperationException($"Device {Name}: queue {queueId} is started; stop it before configuring it.");
        }

        config ??= Info.DefaultQueueConfig;
        ValidateQueueConfig(queueId, config);
        slot.Release();
        BbdevQueue handler = _operations.CreateQueue(queueId, config);
        Type expected = OpClass(config.OpType);
        Type actual = typeof(BbdevQueue<>).MakeGenericType(expected);
        if (!actual.IsInstanceOfType(handler))
        {
            handler.Dispose();
            throw new InvalidOperationException($"Driver {DriverName} returned a {handler.GetType().Name} for an {config.OpType} queue; expected a {actual.Name}.");
        }

        handler.DequeueInterrupt = null;
        slot.Attach(handler, config, AccelMetrics.RegisterQueue(DeviceClass.Bbdev, Name, queueId, handler.Counters));
    }

    /// <summary>The stored configuration and state of a queue.</summary>
    public BbdevQueueInfo GetQueueInfo(int queueId)
    {
        QueueSlot slot = Slot(queueId);
        return new BbdevQueueInfo(queueId, slot.Config, slot.Started);
    }

    /// <summary>Starts the device and every configured queue without <see cref="BbdevQueueConfig.DeferredStart"/>. Idempotent.</summary>
    /// <exception cref="InvalidOperationException">Queues were not set up, or a queue is not configured.</exception>
    public void Start()
    {
        ThrowIfDisposed();
        if (IsStarted)
        {
            return;
        }

        if (_queues.Length == 0)
        {
            throw new InvalidOperationException($"Device {Name}: call SetupQueues before Start.");
        }

        for (int q = 0; q < _queues.Length; q++)
        {
            if (_queues[q].Handler is null)
            {
                throw new InvalidOperationException($"Device {Name}: queue {q} is not configured; configure every queue before Start.");
            }
        }

        _operations.Start();
        foreach (QueueSlot slot in _queues)
        {
            if (!slot.Config!.DeferredStart)
            {
                slot.Start();
            }
        }

        _state = DeviceState.Started;
    }

    /// <summary>
    /// Stops the device: every queue stops accepting ops and completes the ops it holds, which stay dequeuable.
    /// Idempotent.
    /// </summary>
    public void Stop()
    {
        ThrowIfDisposed();
        if (!IsStarted)
        {
            return;
        }

        foreach (QueueSlot slot in _queues)
        {
            slot.Stop();
        }

        _operations.Stop();
        _state = DeviceState.Stopped;
    }

    /// <summary>Starts one queue (for deferred-start queues, or after <see cref="StopQueue"/>). Idempotent.</summary>
    public void StartQueue(int queueId)
    {
        ThrowIfDisposed();
        QueueSlot slot = Slot(queueId);
        if (slot.Handler is null)
        {
            throw new InvalidOperationException($"Device {Name}: queue {queueId} is not configured.");
        }

        slot.Start();
    }

    /// <summary>Stops one queue; its in-flight ops complete and stay dequeuable. Idempotent.</summary>
    public void StopQueue(int queueId)
    {
        ThrowIfDisposed();
        Slot(queueId).Stop();
    }

    /// <summary>Stops the device and releases every queue; <see cref="SetupQueues"/> is needed before it is used again.</summary>
    public void Close()
    {
        ThrowIfDisposed();
        Stop();
        ReleaseQueues();
        _queues = [];
        _operations.Close();
        _state = DeviceState.Closed;
    }

    /// <summary>Statistics of one queue.</summary>
    public BbdevStats GetQueueStats(int queueId)
    {
        BbdevQueue handler = Handler(queueId);
        QueueCounters c = handler.Counters;
        QueueSlot slot = _queues[queueId];
        return new BbdevStats
        {
            EnqueuedCount = c.Enqueued,
            DequeuedCount = c.Dequeued,
            EnqueueErrorCount = c.EnqueueErrors,
            DequeueErrorCount = c.DequeueErrors,
            EnqueueWarnCount = c.EnqueueWarnings,
            DequeueWarnCount = c.DequeueWarnings,
            EnqueueStatusCount = slot.EnqueueStatusCounts.ToArray(),
            AccOffloadNanoseconds = handler.AccOffloadNanoseconds,
        };
    }

    /// <summary>Statistics summed over every configured queue (the six counters; DPDK's <c>rte_bbdev_stats_get</c>).</summary>
    public BbdevStats GetStats()
    {
        long enq = 0, deq = 0, enqErr = 0, deqErr = 0, enqWarn = 0, deqWarn = 0;
        foreach (QueueSlot slot in _queues)
        {
            if (slot.Handler is { } handler)
            {
                QueueCounters c = handler.Counters;
                enq += c.Enqueued;
                deq += c.Dequeued;
                enqErr += c.EnqueueErrors;
                deqErr += c.DequeueErrors;
                enqWarn += c.EnqueueWarnings;
                deqWarn += c.DequeueWarnings;
            }
        }

        return new BbdevStats
        {
            EnqueuedCount = enq,
            DequeuedCount = deq,
            EnqueueErrorCount = enqErr,
            DequeueErrorCount = deqErr,
            EnqueueWarnCount = enqWarn,
            DequeueWarnCount = deqWarn,
        };
    }

    /// <summary>Zeroes the statistics of every queue.</summary>
    public void ResetStats()
    {
        foreach (QueueSlot slot in _queues)
        {
            slot.Handler?.Counters.Reset();
            Array.Clear(slot.EnqueueStatusCounts);
        }
    }

    /// <summary>Raises <see cref="BbdevEventType.Dequeue"/> events for <paramref name="queueId"/> when completions are ready (DPDK's queue_intr_enable).</summary>
    public void EnableQueueInterrupts(int queueId)
    {
        BbdevQueue handler = Handler(queueId);
        handler.DequeueInterrupt = q => EventRaised?.Invoke(this, new BbdevEventArgs(BbdevEventType.Dequeue, q));
    }

    /// <summary>Stops raising dequeue events for <paramref name="queueId"/>.</summary>
    public void DisableQueueInterrupts(int queueId) => Handler(queueId).DequeueInterrupt = null;

    /// <summary>Blocks until completed ops are ready to dequeue on <paramref name="queueId"/>, or the timeout passes (no spinning).</summary>
    /// <returns>Whether completions are ready.</returns>
    public bool WaitForCompletions(int queueId, TimeSpan timeout) => Handler(queueId).WaitForCompletions(timeout);

    /// <summary>Drivers report device-level errors through this (raises <see cref="EventRaised"/>).</summary>
    public void ReportError(int queueId, string message) =>
        EventRaised?.Invoke(this, new BbdevEventArgs(BbdevEventType.Error, queueId, message));

    /// <summary>Enqueues LDPC encode ops; returns how many (a prefix) were accepted.</summary>
    public int EnqueueLdpcEnc(int queueId, ReadOnlySpan<LdpcEncOp> ops) => Enqueue(queueId, BbdevOpType.LdpcEnc, ops);

    /// <summary>Dequeues completed LDPC encode ops in enqueue order; returns how many.</summary>
    public int DequeueLdpcEnc(int queueId, Span<LdpcEncOp> ops) => Dequeue(queueId, BbdevOpType.LdpcEnc, ops);

    /// <summary>Enqueues LDPC decode ops; returns how many (a prefix) were accepted.</summary>
    public int EnqueueLdpcDec(int queueId, ReadOnlySpan<LdpcDecOp> ops) => Enqueue(queueId, BbdevOpType.LdpcDec, ops);

    /// <summary>Dequeues completed LDPC decode ops in enqueue order; returns how many.</summary>
    public int DequeueLdpcDec(int queueId, Span<LdpcDecOp> ops) => Dequeue(queueId, BbdevOpType.LdpcDec, ops);

    /// <summary>Enqueues turbo encode ops; returns how many (a prefix) were accepted.</summary>
    public int EnqueueTurboEnc(int queueId, ReadOnlySpan<TurboEncOp> ops) => Enqueue(queueId, BbdevOpType.TurboEnc, ops);

    /// <summary>Dequeues completed turbo encode ops in enqueue order; returns how many.</summary>
    public int DequeueTurboEnc(int queueId, Span<TurboEncOp> ops) => Dequeue(queueId, BbdevOpType.TurboEnc, ops);

    /// <summary>Enqueues turbo decode ops; returns how many (a prefix) were accepted.</summary>
    public int EnqueueTurboDec(int queueId, ReadOnlySpan<TurboDecOp> ops) => Enqueue(queueId, BbdevOpType.TurboDec, ops);

    /// <summary>Dequeues completed turbo decode ops in enqueue order; returns how many.</summary>
    public int DequeueTurboDec(int queueId, Span<TurboDecOp> ops) => Dequeue(queueId, BbdevOpType.TurboDec, ops);

    /// <summary>Enqueues FFT ops; returns how many (a prefix) were accepted.</summary>
    public int EnqueueFft(int queueId, ReadOnlySpan<FftOp> ops) => Enqueue(queueId, BbdevOpType.Fft, ops);

    /// <summary>Dequeues completed FFT ops in enqueue order; returns how many.</summary>
    public int DequeueFft(int queueId, Span<FftOp> ops) => Dequeue(queueId, BbdevOpType.Fft, ops);

    /// <summary>Enqueues ops of any type on a queue configured for <see cref="BbdevOpType.None"/> (the null device).</summary>
    public int Enqueue(int queueId, ReadOnlySpan<BbdevOp> ops) => Enqueue(queueId, BbdevOpType.None, ops);

    /// <summary>Dequeues ops from a queue configured for <see cref="BbdevOpType.None"/>.</summary>
    public int Dequeue(int queueId, Span<BbdevOp> ops) => Dequeue(queueId, BbdevOpType.None, ops);

    /// <summary>Closes the device and releases the driver.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Close();
        _disposed = true;
        _operations.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({DriverName}, {_state})";

    internal static Type OpClass(BbdevOpType type) => type switch
    {
        BbdevOpType.None => typeof(BbdevOp),
        BbdevOpType.TurboDec => typeof(TurboDecOp),
        BbdevOpType.TurboEnc => typeof(TurboEncOp),
        BbdevOpType.LdpcDec => typeof(LdpcDecOp),
        BbdevOpType.LdpcEnc => typeof(LdpcEncOp),
        BbdevOpType.Fft => typeof(FftOp),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Op type {type} has no op class in this SDK."),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Enqueue<TOp>(int queueId, BbdevOpType type, ReadOnlySpan<TOp> ops)
        where TOp : BbdevOp
    {
        QueueSlot slot = DataPathSlot(queueId, type);
        if (!slot.Started)
        {
            slot.CountShortEnqueue(BbdevEnqueueStatus.QueueStopped, ops.Length);
            return 0;
        }

        BbdevQueue<TOp> queue = Unsafe.As<BbdevQueue<TOp>>(slot.Handler!);
        int accepted = queue.Enqueue(ops);
        queue.Counters.AddEnqueued(accepted, errors: ops.Length - accepted);
        if (accepted < ops.Length)
        {
            slot.CountShortEnqueue(BbdevEnqueueStatus.QueueFull, 1);
        }

        return accepted;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Dequeue<TOp>(int queueId, BbdevOpType type, Span<TOp> ops)
        where TOp : BbdevOp
    {
        QueueSlot slot = DataPathSlot(queueId, type);
        BbdevQueue<TOp> queue = Unsafe.As<BbdevQueue<TOp>>(slot.Handler!);
        int returned = queue.Dequeue(ops);
        queue.Counters.AddDequeued(returned);
        return returned;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private QueueSlot DataPathSlot(int queueId, BbdevOpType type)
    {
        QueueSlot[] queues = _queues;
        if ((uint)queueId >= (uint)queues.Length || queues[queueId].Handler is null || queues[queueId].OpType != type)
        {
            ThrowBadDataPathQueue(queueId, type);
        }

        return queues[queueId];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadDataPathQueue(int queueId, BbdevOpType type)
    {
        if ((uint)queueId >= (uint)_queues.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(queueId), queueId, $"Device {Name}: queue {queueId} does not exist (queues: {_queues.Length}).");
        }

        QueueSlot slot = _queues[queueId];
        if (slot.Handler is null)
        {
            throw new InvalidOperationException($"Device {Name}: queue {queueId} is not configured.");
        }

        throw new InvalidOperationException($"Device {Name}: queue {queueId} is configured for {slot.OpType} ops, not {type}.");
    }

    private void ValidateQueueConfig(int queueId, BbdevQueueConfig config)
    {
        if (Info.Capabilities.Count == 0)
        {
            // A device without capabilities (the null device) accepts queues of any op type and returns ops untouched.
            _ = OpClass(config.OpType);
        }
        else if (config.OpType == BbdevOpType.None || Info.FindCapability(config.OpType) is null)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.OpType,
                $"Device {Name}: queue {queueId} op type {config.OpType} is not supported; supported: {string.Join(", ", Info.Capabilities.Select(c => c.OpType))}.");
        }

        if (config.QueueSize < 1 || config.QueueSize > Info.QueueSizeLimit || !int.IsPow2(config.QueueSize))
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.QueueSize,
                $"Device {Name}: queue {queueId} size {config.QueueSize} is invalid: a power of two in [1, {Info.QueueSizeLimit}].");
        }

        int maxPriority = Info.MaxPriority(config.OpType);
        if (config.Priority < 0 || config.Priority > maxPriority)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.Priority,
                $"Device {Name}: queue {queueId} priority {config.Priority} is out of range [0, {maxPriority}] for {config.OpType}.");
        }
    }

    private QueueSlot Slot(int queueId)
    {
        if ((uint)queueId >= (uint)_queues.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(queueId), queueId,
                _queues.Length == 0
                    ? $"Device {Name}: no queues are set up; call SetupQueues first."
                    : $"Device {Name}: queue {queueId} is out of range [0, {_queues.Length - 1}].");
        }

        return _queues[queueId];
    }

    private BbdevQueue Handler(int queueId) =>
        Slot(queueId).Handler ?? throw new InvalidOperationException($"Device {Name}: queue {queueId} is not configured.");

    private void ThrowIfStarted(string action)
    {
        if (IsStarted)
        {
            throw new InvalidOperationException($"Device {Name} is started; stop it to {action}.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void ReleaseQueues()
    {
        foreach (QueueSlot slot in _queues)
        {
            slot.Release();
        }
    }

    /// <summary>The library's record of one queue: handler, configuration, started flag, enqueue-status counters.</summary>
    private sealed class QueueSlot
    {
        private IDisposable? _metrics;

        public BbdevQueue? Handler { get; private set; }

        public BbdevQueueConfig? Config { get; private set; }

        public BbdevOpType OpType { get; private set; }

        public bool Started { get; private set; }

        public long[] EnqueueStatusCounts { get; } = new long[6];

        public void Attach(BbdevQueue handler, BbdevQueueConfig config, IDisposable metrics)
        {
            Handler = handler;
            Config = config;
            OpType = config.OpType;
            _metrics = metrics;
        }

        public void Start()
        {
            if (!Started)
            {
                Handler!.Start();
                Started = true;
            }
        }

        public void Stop()
        {
            if (Started)
            {
                Started = false;
                Handler!.Stop();
            }
        }

        public void CountShortEnqueue(BbdevEnqueueStatus status, long count)
        {
            EnqueueStatusCounts[(int)status] += count;
        }

        public void Release()
        {
            Stop();
            _metrics?.Dispose();
            _metrics = null;
            Handler?.Dispose();
            Handler = null;
            Config = null;
        }
    }
}
