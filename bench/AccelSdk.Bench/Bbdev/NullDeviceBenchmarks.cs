using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Core.Devices;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Bbdev;

/// <summary>
/// Framework cost of the bbdev data path: enqueue a burst on the null device and dequeue it again (DPDK measures
/// 38 / 6.2 / 4.5 cycles per op at burst 1 / 8 / 32 with baseband_null). Per op.
/// </summary>
public class NullDeviceBenchmarks
{
    private const int Ops = 4096;
    private BbdevDevice _device = null!;
    private LdpcDecOp[] _ops = null!;
    private LdpcDecOp[] _out = null!;

    /// <summary>Ops per enqueue/dequeue call.</summary>
    [Params(1, 8, 32)]
    public int Burst { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _device = (BbdevDevice)new BasebandNullDriver().Create("bench_null", DeviceArguments.Empty);
        _device.SetupQueues(1);
        _device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 1024 });
        _device.Start();
        _ops = Enumerable.Range(0, Burst).Select(_ => new LdpcDecOp()).ToArray();
        _out = new LdpcDecOp[Burst];
    }

    [GlobalCleanup]
    public void Cleanup() => _device.Dispose();

    [Benchmark(OperationsPerInvoke = Ops)]
    public int EnqueueDequeue()
    {
        int moved = 0;
        for (int i = 0; i < Ops; i += Burst)
        {
            _device.EnqueueLdpcDec(0, _ops);
            moved += _device.DequeueLdpcDec(0, _out);
        }

        return moved;
    }
}
