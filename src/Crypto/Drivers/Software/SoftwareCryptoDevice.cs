using System.Runtime.CompilerServices;
using AccelSdk.Core.Devices;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// The <c>crypto_sw</c> device: every algorithm in software on the calling core (synchronous, like DPDK's null and
/// CPU-crypto paths) or on worker threads (asynchronous completion; <c>workers=N</c>).
/// </summary>
internal sealed class SoftwareCryptoDevice : CryptoDevice
{
    private readonly SoftwareCryptoOptions _options;
    private SoftwareQueuePair?[] _queuePairs = [];
    private SoftwareWorker[] _workers = [];

    public SoftwareCryptoDevice(string name, SoftwareCryptoOptions options)
        : base(name, SoftwareCryptoDriver.DriverName)
    {
        _options = options;
        Info = SoftwareCapabilities.Describe(options);
    }

    public override CryptoDeviceInfo Info { get; }

    /// <summary>The kernels this device runs.</summary>
    public KernelOptions Kernels => _options.Kernels;

    public override int EnqueueBurst(int queuePairId, ReadOnlySpan<CryptoOp> ops)
    {
        SoftwareQueuePair qp = QueuePair(queuePairId);
        if (State != DeviceState.Started)
        {
            qp.Counters.AddEnqueued(0, ops.Length);
            return 0;
        }

        return qp.Ingress is null ? qp.EnqueueSynchronous(ops) : qp.EnqueueAsynchronous(ops);
    }

    public override int DequeueBurst(int queuePairId, Span<CryptoOp> ops) => QueuePair(queuePairId).Dequeue(ops);

    public override int GetQueuePairDepthUsed(int queuePairId) => QueuePair(queuePairId).DepthUsed;

    protected override void ConfigureCore(CryptoDeviceConfig config)
    {
        ReleaseQueuePairs();
        _queuePairs = new SoftwareQueuePair?[config.QueuePairCount];
    }

    protected override void SetupQueuePairCore(int queuePairId, CryptoQueuePairConfig config)
    {
        _queuePairs[queuePairId]?.Dispose();
        _queuePairs[queuePairId] = new SoftwareQueuePair(this, queuePairId, config.DescriptorCount, _options.Workers > 0);
    }

    protected override void StartCore()
    {
        if (_options.Workers == 0)
        {
            return;
        }

        // Queue pair i is served by worker i mod N: one thread per queue pair at a time keeps the order.
        int count = Math.Min(_options.Workers, _queuePairs.Length);
        _workers = new SoftwareWorker[count];
        for (int w = 0; w < count; w++)
        {
            SoftwareQueuePair[] mine = _queuePairs.Where((_, i) => i % count == w).Select(q => q!).ToArray();
            _workers[w] = new SoftwareWorker($"{Name}-worker{w}", mine);
        }

        foreach (SoftwareWorker worker in _workers)
        {
            worker.Start();
        }
    }

    protected override void StopCore()
    {
        foreach (SoftwareWorker worker in _workers)
        {
            worker.Dispose();
        }

        _workers = [];
    }

    protected override void CloseCore() => ReleaseQueuePairs();

    protected override CryptoSession CreateSessionCore(CryptoTransform transform) => new SoftwareSession(this, transform, _options.Kernels);

    protected override CryptoStats GetQueuePairStatsCore(int queuePairId)
    {
        SoftwareQueuePair? qp = _queuePairs[queuePairId];
        return qp is null ? default : new CryptoStats(qp.Counters.Enqueued, qp.Counters.Dequeued, qp.Counters.EnqueueErrors, qp.Counters.DequeueErrors);
    }

    protected override void ResetQueuePairStatsCore(int queuePairId) => _queuePairs[queuePairId]?.Counters.Reset();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SoftwareQueuePair QueuePair(int queuePairId)
    {
        SoftwareQueuePair?[] queuePairs = _queuePairs;
        if ((uint)queuePairId >= (uint)queuePairs.Length || queuePairs[queuePairId] is not { } qp)
        {
            return ThrowNoQueuePair(queuePairId);
        }

        return qp;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private SoftwareQueuePair ThrowNoQueuePair(int queuePairId) =>
        throw new ArgumentOutOfRangeException(nameof(queuePairId), queuePairId,
            $"Queue pair {queuePairId} of device {Name} is not set up (configured: {_queuePairs.Length}).");

    private void ReleaseQueuePairs()
    {
        foreach (SoftwareQueuePair? qp in _queuePairs)
        {
            qp?.Dispose();
        }

        _queuePairs = [];
    }
}
