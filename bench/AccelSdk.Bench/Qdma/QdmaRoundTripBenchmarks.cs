using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using AccelSdk.Qdma.Baseband;
using AccelSdk.Qdma.Model;
using AccelSdk.Uacce;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Qdma;

/// <summary>
/// Cost per op of a full offload round trip through <c>baseband_qdma</c> (validation, descriptors, one doorbell per
/// burst, the card model's fetch and address checks, completion entries, dequeue) for the smallest LDPC code block
/// (BG2, Zc 7, E 44), so the FEC work is negligible and the path's own cost shows; beside the null device (the
/// framework alone) and <c>baseband_sw</c> doing the same op on the calling thread. Per op.
/// </summary>
public class QdmaRoundTripBenchmarks
{
    private const int Ops = 1024;
    private BbdevDevice _null = null!;
    private BbdevDevice _software = null!;
    private BbdevDevice _qdma = null!;
    private UacceBus _bus = null!;
    private DeviceRegistry _registry = null!;
    private BufferPool _pool = null!;
    private LdpcEncOp[] _ops = null!;
    private LdpcEncOp[] _out = null!;

    /// <summary>Ops per enqueue/dequeue call.</summary>
    [Params(1, 8, 32)]
    public int Burst { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new UacceBusOptions { ScanKernelDevices = false };
        options.AddModel(() => new QdmaFecModel(new QdmaFecModelOptions { QueueCount = 1, EngineCount = 1 }));
        _bus = UacceBus.Create(options, [new BasebandQdmaDriver()]);
        _registry = new DeviceRegistry();
        _bus.Probe(_registry);
        _qdma = _registry.Get<BbdevDevice>(BasebandQdmaDriver.DriverName);
        _software = BasebandSwDriver.Create("bench_sw", new SoftwareDeviceOptions());
        _null = (BbdevDevice)new BasebandNullDriver().Create("bench_null", DeviceArguments.Empty);
        foreach (BbdevDevice device in new[] { _qdma, _software, _null })
        {
            device.SetupQueues(1);
            device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 1024 });
            device.Start();
        }

        _pool = BufferPool.Create(new BufferPoolOptions { Name = "bench_qdma", Count = 2 * Burst, RoomSize = 256, CacheSize = 0 });
        _ops = Enumerable.Range(0, Burst).Select(i => SmallEncodeOp(_pool, i)).ToArray();
        _out = new LdpcEncOp[Burst];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _null.Dispose();
        _software.Dispose();
        _registry.Dispose();
        _bus.Dispose();
        _pool.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public int NullDevice() => RoundTrips(_null);

    [Benchmark(OperationsPerInvoke = Ops)]
    public int Software() => RoundTrips(_software);

    [Benchmark(OperationsPerInvoke = Ops)]
    public int Qdma() => RoundTrips(_qdma);

    private int RoundTrips(BbdevDevice device)
    {
        int moved = 0;
        for (int i = 0; i < Ops; i += Burst)
        {
            foreach (LdpcEncOp op in _ops)
            {
                op.Output.Data!.Reset();
            }

            int accepted = device.EnqueueLdpcEnc(0, _ops);
            int back = 0;
            while (back < accepted)
            {
                back += device.DequeueLdpcEnc(0, _out.AsSpan(back, accepted - back));
            }

            moved += back;
        }

        return moved;
    }

    private static LdpcEncOp SmallEncodeOp(BufferPool pool, int index)
    {
        DataBuffer input = pool.Rent()!;
        input.Append(5).Fill((byte)(index * 37));
        var op = new LdpcEncOp
        {
            OpFlags = LdpcEncFlags.RateMatch,
            BaseGraph = 2,
            Zc = 7,
            NFiller = 30,
            NCb = 350,
            Qm = 2,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new LdpcCbParams(44),
        };
        op.Input.Set(input, 0, 5);
        op.Output.Set(pool.Rent());
        return op;
    }
}
