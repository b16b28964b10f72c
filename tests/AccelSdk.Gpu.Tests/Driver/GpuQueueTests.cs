using System.Collections.Concurrent;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Gpu.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Gpu.Tests.Driver;

/// <summary>The batching queue's contract under load, at stop, and the device's start-up errors.</summary>
public sealed class GpuQueueTests
{
    private const int Patterns = 8;

    [Fact]
    public void Stress_TwoQueues_ProducerAndConsumerThreads_EveryOpBackOnceInOrderWithItsResult()
    {
        using BbdevDevice gpu = BasebandGpuDriver.Create("baseband_gpu_stress",
            new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, MaxCodeBlocksPerBatch = 24, MaxWaitMicroseconds = 30, StreamCount = 3 });
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = "stress", RoomSize = 4096, Count = 512, CacheSize = 0 });
        (byte[][] inputs, byte[][] expected) = Expectations(pool);
        gpu.SetupQueues(2);
        for (int q = 0; q < 2; q++)
        {
            gpu.ConfigureQueue(q, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 32 });
        }

        gpu.Start();
        const int opsPerQueue = 2000;
        const int opObjects = 48;
        var failures = new ConcurrentQueue<string>();
        var threads = new List<Thread>();
        var checksums = new long[2];
        for (int q = 0; q < 2; q++)
        {
            int queue = q;
            LdpcDecOp[] ops = Enumerable.Range(0, opObjects).Select(i => DecodeOp(pool, inputs[i % Patterns])).ToArray();
            long consumed = 0;
            threads.Add(new Thread(() =>
            {
                // Producer: op object seq % opObjects is reused only after the consumer released it.
                long seq = 0;
                DateTime deadline = DateTime.UtcNow.AddMinutes(2);
                while (seq < opsPerQueue && failures.IsEmpty && DateTime.UtcNow < deadline)
                {
                    int burst = (int)Math.Min(Math.Min(7, opsPerQueue - seq), opObjects - (seq - Volatile.Read(ref consumed)));
                    if (burst <= 0)
                    {
                        Thread.Yield();
                        continue;
                    }

                    var batch = new LdpcDecOp[burst];
                    for (int i = 0; i < burst; i++)
                    {
                        LdpcDecOp op = ops[(seq + i) % opObjects];
                        op.OpaqueData = (ulong)(seq + i);
                        op.Input.Set(op.Input.Data, 0, inputs[(int)((seq + i) % Patterns)].Length);
                        batch[i] = op;
                    }

                    seq += gpu.EnqueueLdpcDec(queue, batch);
                }
            }));
            threads.Add(new Thread(() =>
            {
                // Consumer: order, uniqueness and each op's result, then poison the output before release.
                var done = new LdpcDecOp[16];
                long next = 0;
                DateTime deadline = DateTime.UtcNow.AddMinutes(2);
                while (next < opsPerQueue && failures.IsEmpty)
                {
                    int n = gpu.DequeueLdpcDec(queue, done);
                    if (n == 0)
                    {
                        if (DateTime.UtcNow > deadline)
                        {
                            failures.Enqueue($"queue {queue}: only {next} of {opsPerQueue} ops came back");
                            return;
                        }

                        gpu.WaitForCompletions(queue, TimeSpan.FromMilliseconds(2));
                        continue;
                    }

                    for (int i = 0; i < n; i++)
                    {
                        LdpcDecOp op = done[i];
                        byte[] output = op.HardOutput.Data!.Data.Slice(op.HardOutput.Offset, op.HardOutput.Length).ToArray();
                        if (op.OpaqueData != (ulong)next)
                        {
                            failures.Enqueue($"queue {queue}: op {op.OpaqueData} came back where {next} was due");
                        }
                        else if (op.Status != BbdevOpStatus.None || !output.AsSpan().SequenceEqual(expected[(int)(next % Patterns)]))
                        {
                            failures.Enqueue($"queue {queue}: op {next} status {op.Status} {op.StatusDetail}, output differs: {!output.AsSpan().SequenceEqual(expected[(int)(next % Patterns)])}");
                        }

                        checksums[queue] += (long)op.OpaqueData;
                        op.HardOutput.Data!.Room.Fill(0xA5);
                        op.HardOutput.Length = 0;
                        op.Status = (BbdevOpStatus)0x7FFF;
                        next++;
                    }

                    Volatile.Write(ref consumed, next);
                }
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(3)), "stress threads did not finish"));
        Assert.Empty(failures);
        long sum = (long)opsPerQueue * (opsPerQueue - 1) / 2;
        Assert.Equal(new[] { sum, sum }, checksums);
        Assert.Equal(2 * opsPerQueue, gpu.GetStats().DequeuedCount);
        Assert.Equal(0, gpu.DequeueLdpcDec(0, new LdpcDecOp[4]) + gpu.DequeueLdpcDec(1, new LdpcDecOp[4]));
    }

    [Fact]
    public void Stop_WithDecodesGathering_ReturnsEveryOpOnceWithAStatus()
    {
        // A long max wait keeps the ops in the pending batch (nothing dequeues), so stop finds them there.
        using BbdevDevice gpu = BasebandGpuDriver.Create("baseband_gpu_stop",
            new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, MaxCodeBlocksPerBatch = 1000, MaxWaitMicroseconds = 1_000_000 });
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = "stop", RoomSize = 4096, Count = 128, CacheSize = 0 });
        (byte[][] inputs, _) = Expectations(pool);
        gpu.SetupQueues(1);
        gpu.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 64 });
        gpu.Start();
        LdpcDecOp[] ops = Enumerable.Range(0, 40).Select(i => DecodeOp(pool, inputs[i % Patterns], (ulong)i)).ToArray();
        Assert.Equal(40, gpu.EnqueueLdpcDec(0, ops));
        gpu.Stop();
        var done = new LdpcDecOp[64];
        int n = gpu.DequeueLdpcDec(0, done);
        Assert.Equal(40, n);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ulong)i), done.Take(n).Select(o => o.OpaqueData));
        Assert.All(done.Take(n), o => Assert.True(o.Status is BbdevOpStatus.None or BbdevOpStatus.DriverError, $"status {o.Status}"));
        Assert.Equal(0, gpu.DequeueLdpcDec(0, done));
    }

    [Fact]
    public void CudaAskedFor_WithoutCuda_IsAOneLineError()
    {
        try
        {
            using BbdevDevice gpu = BasebandGpuDriver.Create("baseband_gpu_cuda", new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cuda });
            Assert.Contains("CUDA", gpu.Info.Engine, StringComparison.Ordinal);
        }
        catch (InvalidOperationException ex)
        {
            Assert.DoesNotContain('\n', ex.Message);
            Assert.StartsWith("baseband_gpu_cuda: accelerator=cuda but ", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Auto_WithoutCuda_FallsBackToTheCpuAcceleratorAndSaysSo()
    {
        using BbdevDevice gpu = BasebandGpuDriver.Create("baseband_gpu_auto", new GpuDeviceOptions());
        string engine = gpu.Info.Engine;
        Assert.True(engine.StartsWith("CUDA", StringComparison.Ordinal) || engine.Contains("ILGPU CPU accelerator", StringComparison.Ordinal)
            && engine.Contains("fallback", StringComparison.Ordinal), engine);
    }

    [Fact]
    public void AddBasebandGpu_RegistersTheDriver_AndDevargsCreateADevice()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk(o => o.ProbeBuses = false).AddBasebandGpu(new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu });
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();
        IAccelDevice device = registry.CreateVirtualDevice("baseband_gpu0,max_batch=8,streams=3,max_wait_us=0");
        var bbdev = Assert.IsType<BbdevDevice>(device);
        Assert.Equal(BasebandGpuDriver.DriverName, bbdev.DriverName);
        Assert.Contains("batches of up to 8 code blocks, 3 streams", bbdev.Info.Engine, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice("baseband_gpu1,streams=9"));
    }

    [Fact]
    public void Options_OutOfRange_NameTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GpuDeviceOptions { MaxCodeBlocksPerBatch = 0 }.Validate());
        Assert.Contains("MaxCodeBlocksPerBatch = 0 is outside 1..16384", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>BG2 Zc = 16 decodes of noisy codewords (<see cref="Patterns"/> inputs) and what baseband_sw makes of them.</summary>
    private static (byte[][] Inputs, byte[][] Expected) Expectations(BufferPool pool)
    {
        var parameters = new LdpcBlockParameters { BaseGraph = 2, Zc = 16, FillerBits = 8, Ncb = 800, Qm = 2, E = 400 };
        LdpcCodeBlockEngine engine = LdpcCodeBlockEngine.Create();
        var random = new Random(7);
        var inputs = new byte[Patterns][];
        for (int p = 0; p < Patterns; p++)
        {
            byte[] info = new byte[LdpcCodeBlockEngine.EncoderInputBytes(parameters, Bbdev.Fec.Crc.CrcType.Crc24B)];
            random.NextBytes(info);
            byte[] coded = new byte[LdpcCodeBlockEngine.EncodedBytes(parameters)];
            engine.Encode(parameters, info, Bbdev.Fec.Crc.CrcType.Crc24B, coded);
            inputs[p] = new byte[parameters.E];
            for (int j = 0; j < parameters.E; j++)
            {
                int bit = (coded[j >> 3] >> (7 - (j & 7))) & 1;
                inputs[p][j] = (byte)(sbyte)Math.Clamp((bit == 0 ? 12 : -12) + random.Next(-14, 15), -127, 127);
            }
        }

        using BbdevDevice sw = BasebandSwDriver.Create("baseband_sw_expect", new SoftwareDeviceOptions());
        sw.SetupQueues(1);
        sw.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 });
        sw.Start();
        var expected = new byte[Patterns][];
        for (int p = 0; p < Patterns; p++)
        {
            LdpcDecOp op = DecodeOp(pool, inputs[p]);
            Assert.Equal(1, sw.EnqueueLdpcDec(0, [op]));
            var done = new LdpcDecOp[1];
            Assert.Equal(1, sw.DequeueLdpcDec(0, done));
            Assert.Equal(BbdevOpStatus.None, op.Status);
            expected[p] = op.HardOutput.Data!.Data.Slice(op.HardOutput.Offset, op.HardOutput.Length).ToArray();
            pool.Return(op.Input.Data!);
            pool.Return(op.HardOutput.Data!);
        }

        return (inputs, expected);
    }

    private static LdpcDecOp DecodeOp(BufferPool pool, byte[] llrs, ulong tag = 0)
    {
        DataBuffer input = pool.Rent() ?? throw new InvalidOperationException("pool exhausted");
        llrs.CopyTo(input.Append(llrs.Length));
        var op = new LdpcDecOp
        {
            OpaqueData = tag,
            OpFlags = LdpcDecFlags.Crc24BCheck | LdpcDecFlags.IterationStopEnable,
            BaseGraph = 2,
            Zc = 16,
            NFiller = 8,
            NCb = 800,
            Qm = 2,
            IterMax = 8,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new LdpcCbParams(400),
        };
        op.Input.Set(input, 0, llrs.Length);
        op.HardOutput.Set(pool.Rent());
        return op;
    }
}
