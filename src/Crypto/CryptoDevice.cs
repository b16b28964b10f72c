using AccelSdk.Core.Devices;
using AccelSdk.Crypto.Capabilities;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto;

/// <summary>
/// A symmetric crypto device (DPDK cryptodev): queue pairs fed with bursts of <see cref="CryptoOp"/> and drained of
/// completed ones, sessions built from transform chains, statistics. The control path (configure, queue-pair setup,
/// start/stop, sessions) validates everything and throws with the field, value and allowed range named; the data
/// path (<see cref="EnqueueBurst"/>, <see cref="DequeueBurst"/>) never throws for expected outcomes: a full queue is a
/// short count and a failed op is a status.
/// </summary>
/// <remarks>
/// Lifecycle as DPDK's: <see cref="Configure"/> (while not started) → <see cref="SetupQueuePair"/> for each queue pair
/// → <see cref="Start"/> → data path → <see cref="Stop"/> (restartable) → <see cref="Close"/>. A queue pair has one
/// enqueuing and one dequeuing thread (they may be the same thread); different queue pairs may be driven from
/// different threads.
/// </remarks>
public abstract class CryptoDevice : IAccelDevice
{
    private readonly Lock _lock = new();
    private bool[] _queuePairReady = [];
    private int _liveSessions;
    private volatile DeviceState _state = DeviceState.Initialized;

    /// <summary>Called by drivers.</summary>
    /// <param name="name">Unique device name.</param>
    /// <param name="driverName">The creating driver's name.</param>
    protected CryptoDevice(string name, string driverName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(driverName);
        Name = name;
        DriverName = driverName;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string DriverName { get; }

    /// <inheritdoc/>
    public DeviceClass Class => DeviceClass.Crypto;

    /// <inheritdoc/>
    public virtual int NumaNode => -1;

    /// <inheritdoc/>
    public DeviceState State => _state;

    /// <summary>Number of queue pairs configured (0 before <see cref="Configure"/>).</summary>
    public int QueuePairCount { get; private set; }

    /// <inheritdoc/>
    int IAccelDevice.QueueCount => QueuePairCount;

    /// <inheritdoc/>
    public virtual string Location => "vdev";

    /// <summary>What the device is and supports.</summary>
    public abstract CryptoDeviceInfo Info { get; }

    /// <summary>Sessions created and not yet disposed.</summary>
    public int SessionCount => Volatile.Read(ref _liveSessions);

    /// <summary>Configures the device (DPDK <c>rte_cryptodev_configure</c>); only while not started.</summary>
    /// <exception cref="InvalidOperationException">The device is started.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The queue pair count is out of range.</exception>
    public void Configure(CryptoDeviceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            ThrowIfFaulted();
            if (_state == DeviceState.Started)
            {
                throw new InvalidOperationException($"Device {Name} is started; stop it before Configure.");
            }

            if (config.QueuePairCount < 1 || config.QueuePairCount > Info.MaxQueuePairs)
            {
                throw new ArgumentOutOfRangeException(nameof(config), config.QueuePairCount,
                    $"QueuePairCount {config.QueuePairCount} is invalid for device {Name}: allowed 1..{Info.MaxQueuePairs}.");
            }

            if ((config.DisabledFeatures & CryptoFeatureFlags.SymmetricCrypto) != 0)
            {
                throw new ArgumentException($"Device {Name} only does symmetric crypto; DisabledFeatures cannot contain SymmetricCrypto.", nameof(config));
            }

            ConfigureCore(config);
            QueuePairCount = config.QueuePairCount;
            _queuePairReady = new bool[config.QueuePairCount];
            _state = DeviceState.Configured;
        }
    }

    /// <summary>Sets up (or replaces) a queue pair (DPDK <c>rte_cryptodev_queue_pair_setup</c>); only while not started.</summary>
    /// <exception cref="InvalidOperationException">Not configured, or started.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The queue pair id, descriptor count or priority is out of range.</exception>
    public void SetupQueuePair(int queuePairId, CryptoQueuePairConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            ThrowIfFaulted();
            if (_state is DeviceState.Initialized or DeviceState.Closed)
            {
                throw new InvalidOperationException($"Device {Name} is not configured; call Configure before SetupQueuePair.");
            }

            if (_state == DeviceState.Started)
            {
                throw new InvalidOperationException($"Device {Name} is started; stop it before SetupQueuePair.");
            }

            if ((uint)queuePairId >= (uint)QueuePairCount)
            {
                throw new ArgumentOutOfRangeException(nameof(queuePairId), queuePairId,
                    $"Queue pair {queuePairId} is invalid for device {Name}: allowed 0..{QueuePairCount - 1}.");
            }

            if (config.DescriptorCount < Info.MinQueueDepth || config.DescriptorCount > Info.MaxQueueDepth)
            {
                throw new ArgumentOutOfRangeException(nameof(config), config.DescriptorCount,
                    $"DescriptorCount {config.DescriptorCount} is invalid for device {Name}: allowed {Info.MinQueueDepth}..{Info.MaxQueueDepth}.");
            }

            if (config.Priority is < 0 or > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(config), config.Priority, $"Priority {config.Priority} is invalid: allowed 0..255.");
            }

            SetupQueuePairCore(queuePairId, config);
            _queuePairReady[queuePairId] = true;
        }
    }

    /// <summary>Starts the data path (DPDK <c>rte_cryptodev_start</c>).</summary>
    /// <exception cref="InvalidOperationException">Not configured, or a queue pair is not set up.</exception>
    public void Start()
    {
        lock (_lock)
        {
            ThrowIfFaulted();
            if (_state == DeviceState.Started)
            {
                return;
            }

            if (_state is DeviceState.Initialized or DeviceState.Closed)
            {
                throw new InvalidOperationException($"Device {Name} is not configured; call Configure and SetupQueuePair before Start.");
            }

            int missing = Array.IndexOf(_queuePairReady, false);
            if (missing >= 0)
            {
                throw new InvalidOperationException($"Device {Name}: queue pair {missing} of {QueuePairCount} is not set up.");
            }

            StartCore();
            _state = DeviceState.Started;
        }
    }

    /// <summary>
    /// Stops the data path (DPDK <c>rte_cryptodev_stop</c>): enqueue then accepts nothing; ops already accepted are
    /// completed and stay available to <see cref="DequeueBurst"/>.
    /// </summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (_state != DeviceState.Started)
            {
                return;
            }

            _state = DeviceState.Stopped;
            StopCore();
        }
    }

    /// <summary>Releases the queue pairs (DPDK <c>rte_cryptodev_close</c>); the device must be configured again before use.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (_state == DeviceState.Closed)
            {
                return;
            }

            if (_state == DeviceState.Started)
            {
                _state = DeviceState.Stopped;
                StopCore();
            }

            CloseCore();
            QueuePairCount = 0;
            _queuePairReady = [];
            _state = DeviceState.Closed;
        }
    }

    /// <summary>Closes the device.</summary>
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Creates a session from a transform or a chain of two (DPDK <c>rte_cryptodev_sym_session_create</c>), after
    /// checking the chain order, the algorithms and every size against <see cref="Info"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The algorithm or the chain order is not supported (DPDK ENOTSUP).</exception>
    /// <exception cref="ArgumentException">A key, IV, digest or AAD size is out of range (DPDK EINVAL); the message names the field, value and range.</exception>
    /// <exception cref="InvalidOperationException">The session limit is reached or the device is closed.</exception>
    public CryptoSession CreateSession(CryptoTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ThrowIfFaulted();
        SessionValidator.Validate(Info, transform);
        int limit = Info.MaxSessions;
        int count = Interlocked.Increment(ref _liveSessions);
        if (limit != 0 && count > limit)
        {
            Interlocked.Decrement(ref _liveSessions);
            throw new InvalidOperationException($"Device {Name} already has its maximum of {limit} sessions; dispose some first.");
        }

        try
        {
            return CreateSessionCore(transform);
        }
        catch
        {
            Interlocked.Decrement(ref _liveSessions);
            throw;
        }
    }

    /// <summary>
    /// Offers ops to a queue pair (DPDK <c>rte_cryptodev_enqueue_burst</c>).
    /// </summary>
    /// <returns>How many ops, a prefix of <paramref name="ops"/>, the device accepted: fewer when the queue is full or the device is not started.</returns>
    public abstract int EnqueueBurst(int queuePairId, ReadOnlySpan<CryptoOp> ops);

    /// <summary>Takes completed ops from a queue pair (DPDK <c>rte_cryptodev_dequeue_burst</c>), in the order they were enqueued for software devices.</summary>
    /// <returns>How many ops were written to the start of <paramref name="ops"/>; each carries its <see cref="CryptoOp.Status"/>.</returns>
    public abstract int DequeueBurst(int queuePairId, Span<CryptoOp> ops);

    /// <summary>Ops accepted and not yet dequeued on a queue pair (DPDK <c>rte_cryptodev_qp_depth_used</c>).</summary>
    public abstract int GetQueuePairDepthUsed(int queuePairId);

    /// <summary>Statistics summed over all queue pairs (DPDK <c>rte_cryptodev_stats_get</c>).</summary>
    public CryptoStats GetStats()
    {
        CryptoStats total = default;
        for (int qp = 0; qp < QueuePairCount; qp++)
        {
            total += GetQueuePairStatsCore(qp);
        }

        return total;
    }

    /// <summary>Statistics of one queue pair.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such queue pair.</exception>
    public CryptoStats GetQueuePairStats(int queuePairId)
    {
        if ((uint)queuePairId >= (uint)QueuePairCount)
        {
            throw new ArgumentOutOfRangeException(nameof(queuePairId), queuePairId, $"Queue pair {queuePairId} is invalid for device {Name}: allowed 0..{QueuePairCount - 1}.");
        }

        return GetQueuePairStatsCore(queuePairId);
    }

    /// <summary>Zeroes the statistics (DPDK <c>rte_cryptodev_stats_reset</c>).</summary>
    public void ResetStats()
    {
        for (int qp = 0; qp < QueuePairCount; qp++)
        {
            ResetQueuePairStatsCore(qp);
        }
    }

    internal void OnSessionDisposed() => Interlocked.Decrement(ref _liveSessions);

    /// <summary>Driver hook for <see cref="Configure"/>: (re)allocate per-queue-pair state for <c>config.QueuePairCount</c>.</summary>
    protected abstract void ConfigureCore(CryptoDeviceConfig config);

    /// <summary>Driver hook for <see cref="SetupQueuePair"/> (arguments already validated).</summary>
    protected abstract void SetupQueuePairCore(int queuePairId, CryptoQueuePairConfig config);

    /// <summary>Driver hook for <see cref="Start"/>.</summary>
    protected abstract void StartCore();

    /// <summary>Driver hook for <see cref="Stop"/>: finish the ops already accepted.</summary>
    protected abstract void StopCore();

    /// <summary>Driver hook for <see cref="Close"/>: release queue pairs.</summary>
    protected abstract void CloseCore();

    /// <summary>Driver hook for <see cref="CreateSession"/> (the transform already validated).</summary>
    protected abstract CryptoSession CreateSessionCore(CryptoTransform transform);

    /// <summary>Driver hook: one queue pair's statistics.</summary>
    protected abstract CryptoStats GetQueuePairStatsCore(int queuePairId);

    /// <summary>Driver hook: zero one queue pair's statistics.</summary>
    protected abstract void ResetQueuePairStatsCore(int queuePairId);

    private void ThrowIfFaulted()
    {
        if (_state == DeviceState.Faulted)
        {
            throw new InvalidOperationException($"Device {Name} has faulted.");
        }
    }
}
