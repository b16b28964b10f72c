using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Core.Devices;

namespace AccelSdk.Bbdev.Tests.Devices;

/// <summary>Library data-path behaviour: typing, ordering, short counts, statistics, events and waiting.</summary>
public sealed class BbdevDataPathTests
{
    private static BbdevDevice StartNull(BbdevOpType type, int queueSize = 16, int queues = 1)
    {
        var device = (BbdevDevice)new BasebandNullDriver().Create("null_dp", DeviceArguments.Empty);
        device.SetupQueues(queues);
        for (int q = 0; q < queues; q++)
        {
            device.ConfigureQueue(q, new BbdevQueueConfig { OpType = type, QueueSize = queueSize });
        }

        device.Start();
        return device;
    }

    [Fact]
    public void FullQueue_IsAShortCount_AndOrderIsPreserved()
    {
        using BbdevDevice device = StartNull(BbdevOpType.LdpcDec, queueSize: 8);
        LdpcDecOp[] ops = Enumerable.Range(0, 12).Select(i => new LdpcDecOp { OpaqueData = (ulong)i }).ToArray();
        Assert.Equal(8, device.EnqueueLdpcDec(0, ops));
        Assert.Equal(0, device.EnqueueLdpcDec(0, ops.AsSpan(8)));
        var outOps = new LdpcDecOp[16];
        Assert.Equal(8, device.DequeueLdpcDec(0, outOps));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (ulong)i), outOps.Take(8).Select(o => o.OpaqueData));
        Assert.Equal(4, device.EnqueueLdpcDec(0, ops.AsSpan(8)));
        Assert.Equal(4, device.DequeueLdpcDec(0, outOps));
        Assert.Equal(Enumerable.Range(8, 4).Select(i => (ulong)i), outOps.Take(4).Select(o => o.OpaqueData));

        BbdevStats stats = device.GetQueueStats(0);
        Assert.Equal(12, stats.EnqueuedCount);
        Assert.Equal(12, stats.DequeuedCount);
        Assert.Equal(8, stats.EnqueueErrorCount);
        Assert.Equal(12, device.GetStats().EnqueuedCount);
        device.ResetStats();
        Assert.Equal(0, device.GetStats().EnqueuedCount);
    }

    [Fact]
    public void WrongOpType_ForQueue_Throws()
    {
        using BbdevDevice device = StartNull(BbdevOpType.LdpcDec);
        var ex = Assert.Throws<InvalidOperationException>(() => device.EnqueueLdpcEnc(0, [new LdpcEncOp()]));
        Assert.Contains("LdpcDec", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => device.Enqueue(0, [new LdpcEncOp()]));
    }

    [Fact]
    public void UntypedQueue_AcceptsAnyOp()
    {
        using BbdevDevice device = StartNull(BbdevOpType.None);
        BbdevOp[] ops = [new LdpcEncOp(), new TurboDecOp(), new FftOp()];
        Assert.Equal(3, device.Enqueue(0, ops));
        var outOps = new BbdevOp[3];
        Assert.Equal(3, device.Dequeue(0, outOps));
        Assert.Equal(ops, outOps);
    }

    [Fact]
    public void StoppedDevice_AcceptsNothing_ButStillDrains()
    {
        using BbdevDevice device = StartNull(BbdevOpType.TurboEnc);
        Assert.Equal(2, device.EnqueueTurboEnc(0, [new TurboEncOp(), new TurboEncOp()]));
        device.Stop();
        Assert.Equal(0, device.EnqueueTurboEnc(0, [new TurboEncOp()]));
        Assert.Equal(2, device.DequeueTurboEnc(0, new TurboEncOp[4]));
    }

    [Fact]
    public void NullDevice_ReturnsOpsUntouched()
    {
        using BbdevDevice device = StartNull(BbdevOpType.LdpcEnc);
        var marked = new LdpcEncOp { Zc = 384 };
        marked.Reject(BbdevOpStatus.DataError, "set by the test");
        device.EnqueueLdpcEnc(0, [marked]);
        var outOps = new LdpcEncOp[1];
        device.DequeueLdpcEnc(0, outOps);
        Assert.Same(marked, outOps[0]);
        Assert.Equal(BbdevOpStatus.DataError, marked.Status);
        Assert.Equal(384, marked.Zc);
        Assert.Equal(0, device.GetQueueStats(0).DequeueErrorCount); // it processes nothing, so it judges nothing
    }

    [Fact]
    public void WaitForCompletions_ReturnsWhenReady_AndTimesOut()
    {
        using BbdevDevice device = StartNull(BbdevOpType.LdpcEnc);
        Assert.False(device.WaitForCompletions(0, TimeSpan.FromMilliseconds(20)));
        device.EnqueueLdpcEnc(0, [new LdpcEncOp()]);
        Assert.True(device.WaitForCompletions(0, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void QueuesAreIndependent()
    {
        using BbdevDevice device = StartNull(BbdevOpType.LdpcEnc, queues: 2);
        device.EnqueueLdpcEnc(0, [new LdpcEncOp { OpaqueData = 0 }]);
        device.EnqueueLdpcEnc(1, [new LdpcEncOp { OpaqueData = 1 }]);
        var outOps = new LdpcEncOp[2];
        Assert.Equal(1, device.DequeueLdpcEnc(1, outOps));
        Assert.Equal(1ul, outOps[0].OpaqueData);
        Assert.Equal(1, device.DequeueLdpcEnc(0, outOps));
        Assert.Equal(0ul, outOps[0].OpaqueData);
    }
}
