using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Gpu.Tests.Properties;

/// <summary><c>baseband_gpu</c> (CPU accelerator) and <c>baseband_sw</c> side by side: queue 0 encodes, queue 1 decodes.</summary>
public sealed class DriverPair : IDisposable
{
    public DriverPair()
    {
        // Groups of 4 threads: the kernel's GPU-shaped path (the conformance suite covers single-thread groups).
        Gpu = BasebandGpuDriver.Create("baseband_gpu_pair", new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, MaxCodeBlocksPerBatch = 64, MaxWaitMicroseconds = 10, CpuThreadsPerGroup = 4 });
        Software = BasebandSwDriver.Create("baseband_sw_pair", new SoftwareDeviceOptions());
        foreach (BbdevDevice device in new[] { Gpu, Software })
        {
            device.SetupQueues(2);
            device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 64 });
            device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 64 });
            device.Start();
        }

        Pool = BufferPool.Create(new BufferPoolOptions { Name = "pair", RoomSize = 1 << 16, Count = 256, CacheSize = 0 });
    }

    public BbdevDevice Gpu { get; }

    public BbdevDevice Software { get; }

    public BufferPool Pool { get; }

    /// <summary>Enqueues every op on queue <paramref name="queue"/> and dequeues them all, in order, within a minute.</summary>
    public static TOp[] Run<TOp>(BbdevDevice device, int queue, TOp[] ops)
        where TOp : BbdevOp
    {
        int accepted = ops is LdpcDecOp[] dec ? device.EnqueueLdpcDec(queue, dec) : device.EnqueueLdpcEnc(queue, (LdpcEncOp[])(object)ops);
        Assert.Equal(ops.Length, accepted);
        var done = new TOp[ops.Length];
        int got = 0;
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        while (got < ops.Length)
        {
            int n = done is LdpcDecOp[] d ? device.DequeueLdpcDec(queue, d.AsSpan(got)) : device.DequeueLdpcEnc(queue, ((LdpcEncOp[])(object)done).AsSpan(got));
            got += n;
            if (n == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {got} of {ops.Length} ops came back within a minute");
                device.WaitForCompletions(queue, TimeSpan.FromMilliseconds(5));
            }
        }

        for (int i = 0; i < ops.Length; i++)
        {
            Assert.Same(ops[i], done[i]);
        }

        return done;
    }

    /// <summary>A buffer holding <paramref name="data"/>.</summary>
    public DataBuffer Filled(ReadOnlySpan<byte> data)
    {
        DataBuffer buffer = Pool.Rent() ?? throw new InvalidOperationException("pool exhausted");
        data.CopyTo(buffer.Append(data.Length));
        return buffer;
    }

    /// <summary>The bytes an output holds.</summary>
    public static byte[] Produced(BbdevOpData data)
    {
        if (data.Data is null)
        {
            return [];
        }

        return data.Data.Data.Slice(data.Offset, data.Length).ToArray();
    }

    /// <summary>Returns an op's buffers to the pool.</summary>
    public void Return(params BbdevOpData[] data)
    {
        foreach (BbdevOpData d in data)
        {
            if (d.Data is { } buffer)
            {
                Pool.Return(buffer);
                d.Clear();
            }
        }
    }

    public void Dispose()
    {
        Gpu.Dispose();
        Software.Dispose();
        Pool.Dispose();
    }
}
