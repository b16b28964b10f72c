using System.Diagnostics;
using AccelSdk.Bbdev;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Tests.Infrastructure;
using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Qdma.Tests.Baseband;

/// <summary>
/// Faults through the bbdev API: in every case each op enqueued comes back exactly once, in order, with a status,
/// and nothing waits longer than the test's timeout.
/// </summary>
public sealed class BasebandQdmaFaultTests
{
    [Fact]
    public void BufferOutsideRegisteredMemory_CompletesWithDmaError_AndTheDeviceNeverWritesIt()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool inputs = fixture.Pool();
        BufferPool outputs = fixture.Pool();
        LdpcEncOp warmUp = TestOps.Enc(inputs, TestOps.Payload(1), tag: 0);
        warmUp.Output.Set(outputs.Rent());
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [warmUp]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);
        Assert.Equal(BbdevOpStatus.None, warmUp.Status);

        // Take the output pool away from the device behind the driver's back (an IOMMU unmap): the driver still hands
        // the device its addresses, which must now fault instead of being written.
        UacceMemoryRegion region = Assert.Single(fixture.Context.AddressSpace.Regions, r => r.Address == outputs.MemoryAddress);
        region.Dispose();
        DataBuffer canary = outputs.Rent()!;
        canary.Room.Fill(0x5A);
        LdpcEncOp faulty = TestOps.Enc(inputs, TestOps.Payload(2), tag: 1);
        faulty.Output.Set(canary);
        LdpcEncOp fine = TestOps.Enc(inputs, TestOps.Payload(3), tag: 2);

        Assert.Equal(2, device.EnqueueLdpcEnc(0, [faulty, fine]));
        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 2);

        Assert.Equal([1UL, 2UL], done.Select(o => o.OpaqueData));
        Assert.Equal(BbdevOpStatus.DriverError, faulty.Status);
        Assert.Contains("DMA fault", faulty.StatusDetail, StringComparison.Ordinal);
        Assert.Equal(0, faulty.Output.Length);
        Assert.All(canary.Room.ToArray(), b => Assert.Equal(0x5A, b));
        Assert.Equal(BbdevOpStatus.None, fine.Status);
        Assert.Equal(1, fixture.Model.JobsFailed);
    }

    [Fact]
    public void EngineErrors_CompleteThoseJobsWithEngineError()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcDec);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(4);
        var ops = Enumerable.Range(0, 5).Select(i => TestOps.Dec(pool, TestOps.LlrsFor(payload), tag: (ulong)i)).ToArray();
        fixture.Model.Pause();
        fixture.Model.InjectEngineErrors(2);
        Assert.Equal(5, device.EnqueueLdpcDec(0, ops));
        fixture.Model.Resume();
        List<LdpcDecOp> done = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(0, b), 5);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ulong)i), done.Select(o => o.OpaqueData));
        Assert.Equal(
            [BbdevOpStatus.EngineError, BbdevOpStatus.EngineError, BbdevOpStatus.None, BbdevOpStatus.None, BbdevOpStatus.None],
            done.Select(o => o.Status));
        Assert.Contains("FEC engine", ops[0].StatusDetail, StringComparison.Ordinal);
        Assert.Equal(0, ops[0].HardOutput.Length);
        Assert.Equal(payload, TestOps.Produced(ops[2].HardOutput)[..payload.Length]);
    }

    [Fact]
    public void EngineFault_FailsWhatIsInFlight_AndARestartRecovers()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        var before = Enumerable.Range(0, 6).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();
        fixture.Model.Pause();
        Assert.Equal(6, device.EnqueueLdpcEnc(0, before));
        fixture.Model.InjectEngineFault();
        fixture.Model.Resume();

        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 6);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (ulong)i), done.Select(o => o.OpaqueData));
        Assert.All(done, o => Assert.Equal(BbdevOpStatus.DriverError, o.Status));
        Assert.NotNull(fixture.Model.LastEngineFault);

        // While the queue is dead, new ops are accepted and failed (never left hanging).
        LdpcEncOp late = TestOps.Enc(pool, TestOps.Payload(9), tag: 9);
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [late]));
        Assert.True(device.WaitForCompletions(0, QdmaFixture.Timeout));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);
        Assert.Equal(BbdevOpStatus.DriverError, late.Status);

        // Stop and start: a new hardware queue.
        device.Stop();
        device.Start();
        LdpcEncOp after = TestOps.Enc(pool, TestOps.Payload(10), tag: 10);
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [after]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);
        Assert.Equal(BbdevOpStatus.None, after.Status);
    }

    [Fact]
    public void Stop_WithOpsInFlight_ReturnsEveryOp_WhenTheDeviceNeverFinishes()
    {
        using var fixture = new QdmaFixture(devargs: "stop_timeout_ms=200");
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        LdpcEncOp done0 = TestOps.Enc(pool, TestOps.Payload(0), tag: 0);
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [done0]));
        Assert.True(device.WaitForCompletions(0, QdmaFixture.Timeout));

        fixture.Model.Pause(); // a hung pipeline
        var stuck = Enumerable.Range(1, 5).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();
        Assert.Equal(5, device.EnqueueLdpcEnc(0, stuck));
        var clock = Stopwatch.StartNew();
        device.Stop();
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), QdmaFixture.Timeout);

        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 6);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (ulong)i), done.Select(o => o.OpaqueData));
        Assert.Equal(BbdevOpStatus.None, done0.Status);
        Assert.All(stuck, o => Assert.Equal(BbdevOpStatus.DriverError, o.Status));

        // The stuck hardware queue was given back; a restart opens a fresh one that works.
        fixture.Model.Resume();
        device.Start();
        LdpcEncOp after = TestOps.Enc(pool, TestOps.Payload(7), tag: 7);
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [after]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);
        Assert.Equal(BbdevOpStatus.None, after.Status);
        Assert.Equal(3, fixture.Model.AvailableInstances);
    }

    [Fact]
    public void Stop_WithOpsInFlight_WaitsForThem_WhenTheDeviceFinishes()
    {
        using var fixture = new QdmaFixture(o => o.EngineLatency = TimeSpan.FromMilliseconds(30));
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        var ops = Enumerable.Range(0, 8).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();
        Assert.Equal(8, device.EnqueueLdpcEnc(0, ops));
        device.Stop();

        // Everything completed before Stop returned: dequeue gets it all at once.
        var buffer = new LdpcEncOp[16];
        Assert.Equal(8, device.DequeueLdpcEnc(0, buffer));
        Assert.All(ops, o => Assert.Equal(BbdevOpStatus.None, o.Status));
        Assert.Equal(0, device.EnqueueLdpcEnc(0, ops)); // stopped: a short count
    }

    [Fact]
    public void Reset_WithOpsInFlight_FailsThem_AndARestartRecovers()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcDec, queues: 2);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(3);
        var q0 = Enumerable.Range(0, 4).Select(i => TestOps.Dec(pool, TestOps.LlrsFor(payload), tag: (ulong)i)).ToArray();
        var q1 = Enumerable.Range(0, 4).Select(i => TestOps.Dec(pool, TestOps.LlrsFor(payload), tag: (ulong)i)).ToArray();
        fixture.Model.Pause();
        Assert.Equal(4, device.EnqueueLdpcDec(0, q0));
        Assert.Equal(4, device.EnqueueLdpcDec(1, q1));
        fixture.Model.InjectReset();

        foreach (int q in new[] { 0, 1 })
        {
            Assert.True(device.WaitForCompletions(q, QdmaFixture.Timeout));
            List<LdpcDecOp> done = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(q, b), 4);
            Assert.Equal(Enumerable.Range(0, 4).Select(i => (ulong)i), done.Select(o => o.OpaqueData));
            Assert.All(done, o => Assert.Equal(BbdevOpStatus.DriverError, o.Status));
        }

        fixture.Model.Resume();
        device.Stop();
        device.Start();
        LdpcDecOp after = TestOps.Dec(pool, TestOps.LlrsFor(payload));
        Assert.Equal(1, device.EnqueueLdpcDec(1, [after]));
        _ = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(1, b), 1);
        Assert.Equal(BbdevOpStatus.None, after.Status);
    }

    [Fact]
    public void DeviceRemoval_WithOpsInFlight_StopReturnsThem()
    {
        using var fixture = new QdmaFixture(devargs: "stop_timeout_ms=100");
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        fixture.Model.Pause();
        var ops = Enumerable.Range(0, 3).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();
        Assert.Equal(3, device.EnqueueLdpcEnc(0, ops));
        fixture.Model.Dispose();

        device.Stop();
        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 3);
        Assert.All(done, o => Assert.Equal(BbdevOpStatus.DriverError, o.Status));

        // The device is gone: starting again cannot open a queue, and says so.
        var ex = Assert.Throws<InvalidOperationException>(device.Start);
        Assert.Contains("removed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnconsumedCompletions_FillTheQueue_EnqueueIsShort_AndDequeueReturnsEachOnce()
    {
        // A completion ring of 65 entries (63 outstanding) and a bbdev queue of 32: the card finishes everything it
        // may, the application does not dequeue, the queue fills and enqueue returns short counts without blocking.
        using var fixture = new QdmaFixture(o => o.CmptRingSize = 65);
        Assert.Equal(32, fixture.Device.Info.QueueSizeLimit);
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc, queueSize: 32);
        BufferPool pool = fixture.Pool();
        var ops = Enumerable.Range(0, 40).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();

        Assert.Equal(32, device.EnqueueLdpcEnc(0, ops));
        var clock = Stopwatch.StartNew();
        while (fixture.Model.JobsCompleted < 32)
        {
            Assert.True(clock.Elapsed < QdmaFixture.Timeout, "the card did not finish the jobs");
            Thread.Sleep(1);
        }

        Assert.Equal(0, device.EnqueueLdpcEnc(0, ops.AsSpan(32)));
        Assert.True(device.GetQueueStats(0).EnqueueErrorCount >= 8);
        List<LdpcEncOp> first = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 32);
        Assert.Equal(8, device.EnqueueLdpcEnc(0, ops.AsSpan(32)));
        List<LdpcEncOp> rest = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 8);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ulong)i), first.Concat(rest).Select(o => o.OpaqueData));
        Assert.All(ops, o => Assert.Equal(BbdevOpStatus.None, o.Status));
    }
}
