using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using AccelSdk.Qdma.Baseband;
using AccelSdk.Qdma.Model;
using AccelSdk.Uacce;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AccelSdk.Bench.Qdma;

/// <summary>
/// The <c>baseband_qdma</c> driver's own cost per burst, with the card model kept out of the measurement: enqueue
/// (validation, descriptors, one doorbell per burst) while the card's engine is paused (but polling), and dequeue (color check,
/// completion to op, consumer index) of completions already written. The null device's enqueue is the baseline (the
/// bbdev framework alone). One burst per measured invocation, so BenchmarkDotNet reports per-burst distributions
/// (median, not mean: the host is shared).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 200, invocationCount: 1)]
public class QdmaDriverCostBenchmarks
{
    private BbdevDevice _null = null!;
    private BbdevDevice _qdma = null!;
    private QdmaFecModel _model = null!;
    private UacceBus _bus = null!;
    private DeviceRegistry _registry = null!;
    private BufferPool _pool = null!;
    private LdpcEncOp[] _ops = null!;
    private LdpcEncOp[] _out = null!;
    private long _completedTarget;

    /// <summary>Ops per enqueue/dequeue call.</summary>
    [Params(1, 32)]
    public int Burst { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new UacceBusOptions { ScanKernelDevices = false };
        // The engine keeps polling while paused (it never parks during a run), so a doorbell costs a store and a fence,
        // as an MMIO write does, instead of a thread wake-up that belongs to the emulation, not to the driver.
        options.AddModel(() => _model = new QdmaFecModel(new QdmaFecModelOptions { QueueCount = 1, EngineCount = 1, EngineIdleSpins = 1_000_000 }));
        _bus = UacceBus.Create(options, [new BasebandQdmaDriver()]);
        _registry = new DeviceRegistry();
        _bus.Probe(_registry);
        _qdma = _registry.Get<BbdevDevice>(BasebandQdmaDriver.DriverName);
        _null = (BbdevDevice)new BasebandNullDriver().Create("bench_null_cost", DeviceArguments.Empty);
        foreach (BbdevDevice device in new[] { _qdma, _null })
        {
            device.SetupQueues(1);
            device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 1024 });
            device.Start();
        }

        _pool = BufferPool.Create(new BufferPoolOptions { Name = "bench_qdma_cost", Count = 2 * Burst, RoomSize = 256, CacheSize = 0 });
        _ops = new LdpcEncOp[Burst];
        for (int i = 0; i < Burst; i++)
        {
            DataBuffer input = _pool.Rent()!;
            input.Append(5).Fill((byte)i);
            _ops[i] = new LdpcEncOp
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
            _ops[i].Input.Set(input, 0, 5);
            _ops[i].Output.Set(_pool.Rent());
        }

        _out = new LdpcEncOp[Burst];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Resume();
        Drain(_qdma);
        _null.Dispose();
        _registry.Dispose();
        _bus.Dispose();
        _pool.Dispose();
    }

    [IterationSetup(Targets = [nameof(NullEnqueue), nameof(QdmaEnqueue)])]
    public void BeforeEnqueue()
    {
        _model.Resume();
        Drain(_qdma);
        Drain(_null);
        _model.Pause();
    }

    [IterationSetup(Target = nameof(QdmaDequeue))]
    public void BeforeDequeue()
    {
        _model.Resume();
        Drain(_qdma);
        _completedTarget = _model.JobsCompleted + Burst;
        _qdma.EnqueueLdpcEnc(0, _ops);
        SpinWait.SpinUntil(() => _model.JobsCompleted >= _completedTarget);
    }

    [Benchmark(Baseline = true)]
    public int NullEnqueue() => _null.EnqueueLdpcEnc(0, _ops);

    [Benchmark]
    public int QdmaEnqueue() => _qdma.EnqueueLdpcEnc(0, _ops);

    [Benchmark]
    public int QdmaDequeue()
    {
        int got = 0;
        while (got < Burst)
        {
            got += _qdma.DequeueLdpcEnc(0, _out.AsSpan(got));
        }

        return got;
    }

    private void Drain(BbdevDevice device)
    {
        long enqueued = device.GetQueueStats(0).EnqueuedCount;
        while (device.GetQueueStats(0).DequeuedCount < enqueued)
        {
            device.DequeueLdpcEnc(0, _out);
        }

        foreach (LdpcEncOp op in _ops)
        {
            op.Output.Data!.Reset();
        }
    }
}
