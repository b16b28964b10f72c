using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Tests.Infrastructure;

namespace AccelSdk.Qdma.Tests.Baseband;

/// <summary>The driver's data path over the model with the stand-in engine: jobs, outputs, order, bursts, SG, HARQ, TB mode.</summary>
public sealed class BasebandQdmaDataPathTests
{
    [Fact]
    public void Probe_CreatesOneDevice_WithTheDriversCapabilities()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Device;
        Assert.Equal("qdma_fec-0", device.Name);
        Assert.Equal("baseband_qdma", device.DriverName);
        Assert.Equal("uacce:qdma_fec-0", device.Location);
        Assert.True(device.Info.HardwareAccelerated);
        var enc = Assert.IsType<LdpcEncCapability>(device.Info.FindCapability(BbdevOpType.LdpcEnc));
        Assert.Equal(
            LdpcEncFlags.RateMatch | LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach | LdpcEncFlags.InterleaverBypass
            | LdpcEncFlags.EncScatterGather | LdpcEncFlags.EncInterrupts,
            enc.CapabilityFlags);
        var dec = Assert.IsType<LdpcDecCapability>(device.Info.FindCapability(BbdevOpType.LdpcDec));
        Assert.Equal(
            LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc16Check | LdpcDecFlags.Crc24BDrop | LdpcDecFlags.DeinterleaverBypass
            | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable | LdpcDecFlags.DecodeBypass | LdpcDecFlags.IterationStopEnable
            | LdpcDecFlags.DecScatterGather | LdpcDecFlags.DecInterrupts,
            dec.CapabilityFlags);
        Assert.Equal((8, 1), (dec.LlrSize, dec.LlrDecimals));
        Assert.Equal(4, device.Info.MaxQueues);
        Assert.Equal(2048, device.Info.QueueSizeLimit);

        // The probe's queue was given back.
        Assert.Equal(4, fixture.Model.AvailableInstances);
    }

    [Fact]
    public void Encode_ProducesTheEnginesOutput_InOrder_AcrossBursts()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc, queueSize: 16);
        BufferPool pool = fixture.Pool();
        var ops = Enumerable.Range(0, 40).Select(i => TestOps.Enc(pool, TestOps.Payload(i), e: 200 + (2 * (i % 5)), tag: (ulong)i)).ToArray();

        var returned = new List<LdpcEncOp>();
        int next = 0;
        var buffer = new LdpcEncOp[8];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (returned.Count < ops.Length)
        {
            if (next < ops.Length)
            {
                next += device.EnqueueLdpcEnc(0, ops.AsSpan(next, Math.Min(8, ops.Length - next)));
            }

            int n = device.DequeueLdpcEnc(0, buffer);
            returned.AddRange(buffer.Take(n));
            Assert.True(clock.Elapsed < QdmaFixture.Timeout, "ops did not come back");
        }

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ulong)i), returned.Select(o => o.OpaqueData));
        foreach (LdpcEncOp op in returned)
        {
            int i = (int)op.OpaqueData;
            Assert.Equal(BbdevOpStatus.None, op.Status);
            byte[] expected = StandInEngine.Transmit(TestOps.Payload(i), TestOps.KPrime, CrcType.Crc24B, op.CbParams.E);
            Assert.Equal(expected, TestOps.Produced(op.Output));
            Assert.Equal(expected.Length, op.Output.Data!.DataLength);
        }

        BbdevStats stats = device.GetQueueStats(0);
        Assert.Equal(40, stats.EnqueuedCount);
        Assert.Equal(40, stats.DequeuedCount);
        Assert.Equal(0, stats.DequeueErrorCount);
        Assert.Equal(40, fixture.Model.JobsCompleted);
    }

    [Fact]
    public void Decode_ReportsIterationsCrcAndHardOutput_WithDrop()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcDec);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(7);
        LdpcDecOp good = TestOps.Dec(pool, TestOps.LlrsFor(payload), LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop | LdpcDecFlags.IterationStopEnable, tag: 0);
        sbyte[] corrupted = TestOps.LlrsFor(payload);
        corrupted[3] = (sbyte)-corrupted[3];
        corrupted[3 + TestOps.KPrime] = (sbyte)-corrupted[3 + TestOps.KPrime];
        LdpcDecOp bad = TestOps.Dec(pool, corrupted, LdpcDecFlags.Crc24BCheck, tag: 1);

        Assert.Equal(2, device.EnqueueLdpcDec(0, [good, bad]));
        List<LdpcDecOp> done = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(0, b), 2);

        Assert.Same(good, done[0]);
        Assert.Equal(BbdevOpStatus.None, good.Status);
        Assert.Equal(1, good.IterCount);
        Assert.Equal(payload, TestOps.Produced(good.HardOutput));

        Assert.Same(bad, done[1]);
        Assert.Equal(BbdevOpStatus.CrcError, bad.Status);
        Assert.Equal(8, bad.IterCount);
        Assert.Equal(TestOps.KPrime / 8, bad.HardOutput.Length);
    }

    [Fact]
    public void InvalidOps_AreAcceptedAndFailed_InTheirPlace()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        LdpcEncOp first = TestOps.Enc(pool, TestOps.Payload(1), tag: 0);
        LdpcEncOp invalid = TestOps.Enc(pool, TestOps.Payload(2), tag: 1);
        invalid.Zc = 17;
        LdpcEncOp third = TestOps.Enc(pool, TestOps.Payload(3), tag: 2);

        Assert.Equal(3, device.EnqueueLdpcEnc(0, [first, invalid, third]));
        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 3);

        Assert.Equal([0UL, 1UL, 2UL], done.Select(o => o.OpaqueData));
        Assert.Equal(BbdevOpStatus.None, first.Status);
        Assert.Equal(BbdevOpStatus.DataError, invalid.Status);
        Assert.Contains("z_c = 17", invalid.StatusDetail, StringComparison.Ordinal);
        Assert.Equal(BbdevOpStatus.None, third.Status);
        Assert.Equal(2, fixture.Model.JobsCompleted);
        Assert.Equal(1, device.GetQueueStats(0).DequeueErrorCount);
    }

    [Fact]
    public void FullQueue_IsAShortCount_NotAnError()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc, queueSize: 8);
        BufferPool pool = fixture.Pool();
        fixture.Model.Pause();
        var ops = Enumerable.Range(0, 12).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();

        Assert.Equal(8, device.EnqueueLdpcEnc(0, ops));
        Assert.Equal(0, device.EnqueueLdpcEnc(0, ops.AsSpan(8)));
        fixture.Model.Resume();
        List<LdpcEncOp> first = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 8);
        Assert.Equal(4, device.EnqueueLdpcEnc(0, ops.AsSpan(8)));
        List<LdpcEncOp> second = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 4);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (ulong)i), first.Concat(second).Select(o => o.OpaqueData));
        Assert.All(ops, o => Assert.Equal(BbdevOpStatus.None, o.Status));
    }

    [Fact]
    public void EngineLatency_DelaysTheCompletion_NotTheOrder()
    {
        using var fixture = new QdmaFixture(o => o.EngineLatency = TimeSpan.FromMilliseconds(150));
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        var ops = Enumerable.Range(0, 4).Select(i => TestOps.Enc(pool, TestOps.Payload(i), tag: (ulong)i)).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(4, device.EnqueueLdpcEnc(0, ops));
        Thread.Sleep(50);
        Assert.Equal(0, device.DequeueLdpcEnc(0, new LdpcEncOp[4]));
        Assert.True(device.WaitForCompletions(0, QdmaFixture.Timeout));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(140), $"completed after {clock.Elapsed.TotalMilliseconds} ms");
        List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 4);
        Assert.Equal([0UL, 1UL, 2UL, 3UL], done.Select(o => o.OpaqueData));
        Assert.All(done, o => Assert.Equal(BbdevOpStatus.None, o.Status));
    }

    [Fact]
    public void ScatterGather_ChainedInputAndOutput_WithOffsets()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool small = fixture.Pool(roomSize: 64, count: 64, headroom: 8);
        BufferPool big = fixture.Pool();
        byte[] payload = TestOps.Payload(11);
        const int e = 1000; // 125 bytes of output over 64-byte segments

        var op = TestOps.Enc(big, payload, e);
        op.Input.Set(TestOps.Chained(small, [0xEE, 0xEE, 0xEE, .. payload], 5), 3, payload.Length);
        DataBuffer output = small.RentChain(200)!;
        op.Output.Set(output, 10);

        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);

        Assert.Equal(BbdevOpStatus.None, op.Status);
        Assert.Equal(StandInEngine.Transmit(payload, TestOps.KPrime, CrcType.Crc24B, e), TestOps.Produced(op.Output));
        Assert.Equal(125, op.Output.Length);
        Assert.Equal(56, output.DataLength); // 10 offset + 46 bytes in the first 56-byte room
    }

    [Fact]
    public void MultiDescriptorJobs_WrapAroundSmallRings_ManyTimes()
    {
        using var fixture = new QdmaFixture(o =>
        {
            o.H2cRingSize = 65;
            o.C2hRingSize = 65;
            o.CmptRingSize = 65;
        });
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc, queueSize: 16);
        BufferPool pool = fixture.Pool(roomSize: 64, count: 1024);
        const int e = 600; // 75 output bytes over two 64-byte segments
        var returned = new List<LdpcEncOp>();
        var buffer = new LdpcEncOp[16];
        for (int round = 0; round < 25; round++)
        {
            LdpcEncOp[] ops = Enumerable.Range(0, 7).Select(i =>
            {
                byte[] payload = TestOps.Payload((round * 7) + i);
                var op = TestOps.Enc(pool, payload, e, tag: (ulong)((round * 7) + i));
                pool.Return(op.Input.Data!);
                pool.Return(op.Output.Data!);
                op.Input.Set(TestOps.Chained(pool, payload, 6), 0, payload.Length); // 3 input descriptors
                op.Output.Set(pool.RentChain(e / 8));
                return op;
            }).ToArray();
            Assert.Equal(7, device.EnqueueLdpcEnc(0, ops));
            List<LdpcEncOp> done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 7);
            foreach (LdpcEncOp op in done)
            {
                int i = (int)op.OpaqueData;
                Assert.Equal(BbdevOpStatus.None, op.Status);
                Assert.Equal(StandInEngine.Transmit(TestOps.Payload(i), TestOps.KPrime, CrcType.Crc24B, e), TestOps.Produced(op.Output));
                pool.Return(op.Input.Data!);
                pool.Return(op.Output.Data!);
            }

            returned.AddRange(done);
        }

        // 175 jobs of 3 H2C and 2 C2H descriptors through 64-slot rings: every ring wrapped mid-job many times.
        Assert.Equal(Enumerable.Range(0, 175).Select(i => (ulong)i), returned.Select(o => o.OpaqueData));
    }

    [Fact]
    public void LongBuffers_AreSplitIntoSeveralDescriptors()
    {
        using var fixture = new QdmaFixture(o => o.MaxSegmentBytes = 4096);
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcDec);
        BufferPool pool = fixture.Pool(roomSize: 16384, count: 8);
        byte[] payload = TestOps.Payload(5);
        const int e = 10000;
        LdpcDecOp op = TestOps.Dec(pool, TestOps.LlrsFor(payload, e));

        Assert.Equal(1, device.EnqueueLdpcDec(0, [op]));
        _ = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(0, b), 1);

        Assert.Equal(BbdevOpStatus.None, op.Status);
        Assert.Equal(payload, TestOps.Produced(op.HardOutput).AsSpan(0, payload.Length).ToArray());
    }

    [Fact]
    public void Harq_InputIsCombined_AndOutputWrittenToHostMemory()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcDec);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(21);
        sbyte[] weak = TestOps.LlrsFor(payload).Select(l => (sbyte)Math.Sign(l)).ToArray();

        LdpcDecOp first = TestOps.Dec(pool, weak, LdpcDecFlags.Crc24BCheck | LdpcDecFlags.HqCombineOutEnable);
        first.HarqCombinedOutput.Set(pool.Rent());
        Assert.Equal(1, device.EnqueueLdpcDec(0, [first]));
        _ = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(0, b), 1);
        Assert.Equal(BbdevOpStatus.None, first.Status);
        Assert.Equal(200, first.HarqCombinedOutput.Length);

        // Retransmission: the HARQ output of the first goes back in; the model adds it.
        LdpcDecOp second = TestOps.Dec(pool, weak, LdpcDecFlags.Crc24BCheck | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable);
        second.HarqCombinedInput.Set(first.HarqCombinedOutput.Data, 0, first.HarqCombinedOutput.Length);
        second.HarqCombinedOutput.Set(pool.Rent());
        Assert.Equal(1, device.EnqueueLdpcDec(0, [second]));
        _ = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(0, b), 1);
        Assert.Equal(BbdevOpStatus.None, second.Status);
        sbyte[] combined = TestOps.Produced(second.HarqCombinedOutput).Select(b => (sbyte)b).ToArray();
        Assert.Equal(weak.Select(l => (sbyte)(2 * l)), combined);
    }

    [Fact]
    public void TransportBlockMode_SplitsCodeBlocksInTheDevice()
    {
        using var fixture = new QdmaFixture();
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        byte[][] blocks = [TestOps.Payload(31), TestOps.Payload(32), TestOps.Payload(33)];
        LdpcEncOp op = TestOps.Enc(pool, [.. blocks[0], .. blocks[1], .. blocks[2]]);
        op.CodeBlockMode = CodeBlockMode.TransportBlock;
        op.TbParams = new LdpcTbParams(Ea: 200, Eb: 202, C: 4, R: 1, Cab: 2);

        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);

        Assert.Equal(BbdevOpStatus.None, op.Status);
        byte[] expected =
        [
            .. StandInEngine.Transmit(blocks[0], TestOps.KPrime, CrcType.Crc24B, 200), // r = 1 < cab: Ea
            .. StandInEngine.Transmit(blocks[1], TestOps.KPrime, CrcType.Crc24B, 202), // r = 2: Eb
            .. StandInEngine.Transmit(blocks[2], TestOps.KPrime, CrcType.Crc24B, 202),
        ];
        Assert.Equal(expected, TestOps.Produced(op.Output));
    }
}
