using System.Diagnostics;
using AccelSdk.Bbdev;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using AccelSdk.Qdma.Baseband;
using AccelSdk.Qdma.Model;
using AccelSdk.Uacce;
using AccelSdk.Uacce.Drivers;

namespace AccelSdk.Qdma.Tests.Infrastructure;

/// <summary>
/// A UACCE bus hosting one emulated QDMA FEC card, probed by <c>baseband_qdma</c> (or, for raw queue tests, by a
/// driver that only keeps the context). The stand-in engine is used unless <c>realEngine</c> is set.
/// </summary>
internal sealed class QdmaFixture : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly List<BufferPool> _pools = new();

    public QdmaFixture(Action<QdmaFecModelOptions>? configure = null, string? devargs = null, bool realEngine = false, bool withDriver = true)
    {
        var options = new UacceBusOptions { ScanKernelDevices = false };
        if (devargs is not null)
        {
            options.AllowList.Add("qdma_fec-0," + devargs);
        }

        options.AddModel(() =>
        {
            var o = new QdmaFecModelOptions { QueueCount = 4, EngineCount = 4 };
            configure?.Invoke(o);
            if (!realEngine)
            {
                o.EngineFactory = StandInEngine.Create;
            }

            return new QdmaFecModel(o);
        });
        Driver = new CapturingDriver(withDriver ? new BasebandQdmaDriver() : null);
        Bus = UacceBus.Create(options, [Driver]);
        Registry = new DeviceRegistry();
        Bus.Probe(Registry);
        Model = (QdmaFecModel)Assert.Single(Bus.Models);
        Context = Assert.Single(Driver.Contexts);
        if (withDriver)
        {
            UacceProbeOutcome outcome = Assert.Single(Bus.ProbeOutcomes);
            Assert.True(outcome.Status == UacceProbeStatus.Claimed, outcome.Detail);
            Device = (BbdevDevice)Assert.Single(Registry.Devices);
        }
    }

    public UacceBus Bus { get; }

    public DeviceRegistry Registry { get; }

    public CapturingDriver Driver { get; }

    public UacceDeviceContext Context { get; }

    public QdmaFecModel Model { get; }

    public BbdevDevice Device { get; } = null!;

    /// <summary>Sets up <paramref name="queues"/> queues of one op type and starts the device.</summary>
    public BbdevDevice Start(BbdevOpType type, int queues = 1, int queueSize = 64)
    {
        Device.SetupQueues(queues);
        for (int q = 0; q < queues; q++)
        {
            Device.ConfigureQueue(q, new BbdevQueueConfig { OpType = type, QueueSize = queueSize });
        }

        Device.Start();
        return Device;
    }

    public BufferPool Pool(int roomSize = 4096, int count = 256, int headroom = 0)
    {
        BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = $"qdma_test_{_pools.Count}", RoomSize = roomSize, Count = count, Headroom = headroom, CacheSize = 0 });
        _pools.Add(pool);
        return pool;
    }

    /// <summary>Dequeues until <paramref name="expected"/> ops came back or the timeout passes (then fails).</summary>
    public static List<TOp> Drain<TOp>(Func<TOp[], int> dequeue, int expected, TimeSpan? timeout = null)
        where TOp : BbdevOp
    {
        var got = new List<TOp>();
        var buffer = new TOp[Math.Max(1, expected)];
        var clock = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? Timeout;
        while (got.Count < expected)
        {
            int n = dequeue(buffer);
            got.AddRange(buffer.Take(n));
            if (n == 0)
            {
                Assert.True(clock.Elapsed < limit, $"only {got.Count} of {expected} ops came back within {limit.TotalSeconds} s");
                Thread.Sleep(1);
            }
        }

        // Nothing more than expected may come back.
        Assert.Equal(0, dequeue(buffer));
        return got;
    }

    public void Dispose()
    {
        Registry.Dispose();
        Bus.Dispose();
        foreach (BufferPool pool in _pools)
        {
            pool.Dispose();
        }
    }
}
