using AccelSdk.Bbdev;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Gpu.Tests.Driver;

/// <summary>An accelerator that fails under a running queue: error statuses, no crash, no hang.</summary>
public sealed class GpuFailureTests
{
    [Fact]
    public void AcceleratorGone_BatchesCompleteWithDriverError_AndTheQueueKeepsWorking()
    {
        var operations = new AccelSdk.Gpu.Driver.GpuDeviceOperations("baseband_gpu_fail",
            new GpuDeviceOptions { Accelerator = GpuAcceleratorKind.Cpu, MaxWaitMicroseconds = 0 }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        using BbdevDevice gpu = BbdevDevice.Create("baseband_gpu_fail", operations);
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = "fail", RoomSize = 4096, Count = 64, CacheSize = 0 });
        gpu.SetupQueues(1);
        gpu.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 });
        gpu.Start();
        LdpcDecOp Op(ulong tag)
        {
            DataBuffer input = pool.Rent()!;
            input.Append(400).Fill(20);
            var op = new LdpcDecOp
            {
                OpaqueData = tag, BaseGraph = 2, Zc = 16, NFiller = 8, NCb = 800, Qm = 2, IterMax = 4,
                CodeBlockMode = CodeBlockMode.CodeBlock, CbParams = new LdpcCbParams(400),
            };
            op.Input.Set(input, 0, 400);
            op.HardOutput.Set(pool.Rent());
            return op;
        }

        LdpcDecOp[] before = [Op(0), Op(1)];
        Assert.Equal(2, gpu.EnqueueLdpcDec(0, before));
        Assert.All(Drain(gpu, 2), o => Assert.Equal(BbdevOpStatus.None, o.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)));

        operations.Host.Dispose();
        LdpcDecOp[] after = [Op(2), Op(3), Op(4)];
        Assert.Equal(3, gpu.EnqueueLdpcDec(0, after));
        LdpcDecOp[] done = Drain(gpu, 3);
        Assert.Equal(new ulong[] { 2, 3, 4 }, done.Select(o => o.OpaqueData));
        Assert.All(done, o =>
        {
            Assert.Equal(BbdevOpStatus.DriverError, o.Status);
            Assert.StartsWith("The accelerator failed this batch: ObjectDisposedException", o.StatusDetail, StringComparison.Ordinal);
        });
        gpu.Stop();
    }

    private static LdpcDecOp[] Drain(BbdevDevice device, int count)
    {
        var done = new LdpcDecOp[count];
        int got = 0;
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (got < count)
        {
            got += device.DequeueLdpcDec(0, done.AsSpan(got));
            Assert.True(DateTime.UtcNow < deadline, $"only {got} of {count} ops came back");
            device.WaitForCompletions(0, TimeSpan.FromMilliseconds(2));
        }

        return done;
    }
}
