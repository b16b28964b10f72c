using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Pools;
using AccelSdk.Crypto;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Bench.Crypto;

/// <summary>A started crypto_sw device with a burst of pre-built ops on one session, for benchmarks.</summary>
internal sealed class CryptoDeviceBench : IDisposable
{
    private readonly DeviceRegistry _registry = new();
    private readonly BufferPool _buffers;
    private readonly OpPool<CryptoOp> _pool;
    private readonly CryptoSession _session;
    private readonly CryptoOp[] _ops;
    private readonly CryptoOp[] _done;

    public CryptoDeviceBench(CryptoTransform transform, int size, int burst, Action<CryptoOp> setup, string devargs = "crypto_sw0")
    {
        _registry.AddDriver(CryptoDrivers.CreateSoftwareDriver());
        Device = (CryptoDevice)_registry.CreateVirtualDevice(devargs);
        Device.Configure(new CryptoDeviceConfig());
        Device.SetupQueuePair(0, new CryptoQueuePairConfig { DescriptorCount = 2 * burst });
        Device.Start();
        _session = Device.CreateSession(transform);
        _buffers = BufferPool.Create(new BufferPoolOptions { RoomSize = size + 64, Count = burst, CacheSize = 0 });
        _pool = CryptoOp.CreatePool(new OpPoolOptions { Count = burst, CacheSize = 0 });
        _ops = new CryptoOp[burst];
        _done = new CryptoOp[burst];
        _pool.TryGetBulk(_ops);
        foreach (CryptoOp op in _ops)
        {
            op.Reset();
            op.Session = _session;
            op.Source = _buffers.Rent();
            op.Source!.Append(size + 64).Fill(0x3C);
            setup(op);
        }
    }

    public CryptoDevice Device { get; }

    /// <summary>Enqueues the whole burst and dequeues it again.</summary>
    public void Burst()
    {
        int enqueued = 0, dequeued = 0;
        while (dequeued < _ops.Length)
        {
            enqueued += Device.EnqueueBurst(0, _ops.AsSpan(enqueued));
            dequeued += Device.DequeueBurst(0, _done.AsSpan(dequeued));
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _registry.Dispose();
        _pool.Dispose();
        _buffers.Dispose();
    }
}
