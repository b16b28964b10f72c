using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.TestVectors.Harness;
using AccelSdk.Bbdev.Tests.TestVectors;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Tests.Conformance;

/// <summary>
/// The bbdev conformance suite, written once against the public API and run for every driver (a derived class per
/// driver and configuration supplies the device). It replays DPDK's vectors with test-bbdev's validation rules and
/// checks the contract every driver owes: FIFO order, invalid ops as statuses, nothing lost on stop, statistics,
/// and concurrent queues under load. Other test projects link this file to run it against their drivers.
/// </summary>
public abstract class BbdevDriverConformanceSuite
{
    /// <summary>Ops per vector in the validation test (bursts of 4 → several bursts).</summary>
    protected virtual int VectorOps => 8;

    /// <summary>Decode ops per thread in the two-queue stress test.</summary>
    protected virtual int StressOpsPerThread => 100_000;

    /// <summary>Whether to replay the shipped generated set too (every lifting-size set, rv, Qm, CRC, LBRM, TB mode, HARQ).</summary>
    protected virtual bool RunShippedVectors => true;

    /// <summary>
    /// Whether this configuration replays the vector file <paramref name="vectorName"/> (DPDK's or the shipped set); a
    /// slow engine (an emulated accelerator) runs a documented subset and skips the rest with the reason.
    /// </summary>
    protected virtual bool RunsVector(string vectorName) => true;

    /// <summary>Creates a fresh, unconfigured device of the driver under test.</summary>
    protected abstract BbdevDevice CreateDevice();

    public static TheoryData<string> LdpcVectors()
    {
        var data = new TheoryData<string>();
        foreach (string name in ConformanceVectorFiles.Names())
        {
            if (name == ConformanceVectorFiles.Missing || name.StartsWith("ldpc_", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static TheoryData<string> ShippedVectors() => ShippedVectorFiles.Names();

    [Theory]
    [MemberData(nameof(LdpcVectors))]
    public void Vector_PassesValidation(string vectorName)
    {
        SkipUnlessRun(vectorName);
        RunValidation(BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(vectorName)));
    }

    [Theory]
    [MemberData(nameof(ShippedVectors))]
    public void ShippedVector_PassesValidation(string vectorName)
    {
        if (!RunShippedVectors)
        {
            Assert.Skip("This configuration replays DPDK's vectors only (the shipped set runs on the other configurations of the driver).");
        }

        SkipUnlessRun(vectorName);

        RunValidation(BbdevTestVectorReader.Read(ShippedVectorFiles.PathOf(vectorName)));
    }

    private void SkipUnlessRun(string vectorName)
    {
        if (!RunsVector(vectorName))
        {
            Assert.Skip($"{vectorName} is outside the subset this configuration replays (see its RunsVector).");
        }
    }

    private void RunValidation(BbdevTestVector vector)
    {
        using BbdevDevice device = CreateDevice();
        string? unsuitable = VectorOpSet.CheckSuitability(vector, device.Info);
        Assert.True(unsuitable is null, $"{device.DriverName} must run every LDPC vector: {unsuitable}");
        using VectorOpSet set = VectorOpSet.Create(vector, device.Info, VectorOps, new VectorOpOptions { IterMax = 6 });
        Start(device, vector.OpType, queues: 1, queueSize: 16);
        RunInBursts(device, 0, set, burst: 4);
        for (int i = 0; i < set.Count; i++)
        {
            Assert.Null(set.ValidateDequeued(i));
        }
    }

    public static TheoryData<string> TurboVectors()
    {
        var data = new TheoryData<string>();
        foreach (string name in ConformanceVectorFiles.Names())
        {
            if (name == ConformanceVectorFiles.Missing || name.StartsWith("turbo_", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    /// <summary>
    /// test-bbdev's validation test on every turbo vector (early termination forced on, iter_max 6). A driver without
    /// the op type skips with the reason; one that has it must pass every vector.
    /// </summary>
    [Theory]
    [MemberData(nameof(TurboVectors))]
    public void TurboVector_PassesValidation(string vectorName)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(vectorName));
        using BbdevDevice device = CreateDevice();
        SkipUnlessSupported(device, vector.OpType);
        string? unsuitable = VectorOpSet.CheckSuitability(vector, device.Info);
        Assert.True(unsuitable is null, $"{device.DriverName} supports {vector.OpType} and must run every turbo vector: {unsuitable}");
        using VectorOpSet set = VectorOpSet.Create(vector, device.Info, VectorOps, new VectorOpOptions { IterMax = 6 });
        Start(device, vector.OpType, queues: 1, queueSize: 16);
        RunInBursts(device, 0, set, burst: 4);
        for (int i = 0; i < set.Count; i++)
        {
            Assert.Null(set.ValidateDequeued(i));
        }
    }

    /// <summary>The throughput/latency setup: the vector's flags as they are (no early termination), iter_max 6.</summary>
    [Theory]
    [MemberData(nameof(TurboVectors))]
    public void TurboVector_PassesWithEarlyTerminationOff(string vectorName)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(vectorName));
        using BbdevDevice device = CreateDevice();
        SkipUnlessSupported(device, vector.OpType);
        using VectorOpSet set = VectorOpSet.Create(vector, device.Info, 2, new VectorOpOptions { IterMax = 6, Mode = VectorTestMode.Performance });
        Start(device, vector.OpType, queues: 1, queueSize: 16);
        RunInBursts(device, 0, set, burst: 2);
        for (int i = 0; i < set.Count; i++)
        {
            Assert.Null(set.ValidateDequeued(i));
            if (vector.OpType == BbdevOpType.TurboDec)
            {
                Assert.Equal(6, set.IterCountOf(i));
            }
        }
    }

    /// <summary>
    /// A turbo transport block of mixed sizes (C = 3, C− = 1: K− = 40, K+ = 48; Ea ≠ Eb; a limited Ncb for K+; rv 2;
    /// CRC24B per block) encoded, then decoded with soft output from LLRs where block 0 is a clean all-zero codeword and
    /// the others noise, equals the scalar code-block reference block by block: every transport-block field reaches
    /// the driver's engine and each block's output lands in its place.
    /// </summary>
    [Fact]
    public void TurboTransportBlock_OfMixedSizes_MatchesTheScalarReference()
    {
        using BbdevDevice device = CreateDevice();
        SkipUnlessSupported(device, BbdevOpType.TurboEnc);
        SkipUnlessSupported(device, BbdevOpType.TurboDec);
        using var buffers = new TestBuffers();
        device.SetupQueues(2);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.TurboEnc, QueueSize = 16 });
        device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.TurboDec, QueueSize = 16 });
        device.Start();
        var tb = new TurboTbParams(KNeg: 40, KPos: 48, CNeg: 1, C: 3, Cab: 2, Ea: 150, Eb: 170, R: 0, NcbNeg: 0, NcbPos: 150);
        var reference = TurboCodeBlockEngine.Create(SimdWidth.Scalar);
        var random = new Random(36212);

        // Encode: 2 + 3 + 3 information bytes (K − 24 bits each).
        byte[] info = new byte[8];
        random.NextBytes(info);
        DataBuffer input = buffers.Rent();
        info.CopyTo(input.Append(info.Length));
        var enc = new TurboEncOp { OpFlags = TurboEncFlags.RateMatch | TurboEncFlags.Crc24BAttach, RvIndex = 2, CodeBlockMode = CodeBlockMode.TransportBlock, TbParams = tb };
        enc.Input.Set(input, 0, info.Length);
        enc.Output.Set(buffers.Rent());
        var expected = new List<byte>();
        int inOffset = 0;
        for (int r = 0; r < tb.C; r++)
        {
            var p = new TurboBlockParameters { K = tb.KOf(r), E = tb.EOf(r), Ncb = r < tb.CNeg ? tb.NcbNeg : tb.NcbPos, RvIndex = 2, RateMatch = true };
            byte[] block = new byte[TurboCodeBlockEngine.EncodedBytes(p)];
            reference.Encode(p, info.AsSpan(inOffset), CrcType.Crc24B, block);
            expected.AddRange(block);
            inOffset += (p.K - 24) / 8;
        }

        RunOne(() => device.EnqueueTurboEnc(0, [enc]), () => device.DequeueTurboEnc(0, new TurboEncOp[1]));
        Assert.Equal(BbdevOpStatus.None, enc.Status);
        Assert.Equal(expected.ToArray(), enc.Output.Data!.Data.Slice(enc.Output.Offset, enc.Output.Length).ToArray());

        // Decode: the circular buffers of the three blocks (192 LLRs each), negative = 1.
        sbyte[] llrs = new sbyte[3 * 192];
        for (int i = 0; i < llrs.Length; i++)
        {
            llrs[i] = (sbyte)(i < 192 ? 24 + random.Next(-8, 9) : random.Next(-30, 31));
        }

        DataBuffer llrBuffer = buffers.Rent();
        MemoryMarshal.AsBytes(llrs.AsSpan()).CopyTo(llrBuffer.Append(llrs.Length));
        var dec = new TurboDecOp
        {
            OpFlags = TurboDecFlags.SubblockDeinterleave | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.SoftOutput | TurboDecFlags.NegLlr1BitSoftOut
                | TurboDecFlags.EarlyTermination,
            IterMax = 4,
            CodeBlockMode = CodeBlockMode.TransportBlock,
            TbParams = tb,
        };
        dec.Input.Set(llrBuffer, 0, llrs.Length);
        dec.HardOutput.Set(buffers.Rent());
        dec.SoftOutput.Set(buffers.Rent());
        var settings = new TurboDecodeSettings
        {
            IterMax = 4,
            EarlyTermination = TurboEarlyTermination.Crc,
            Crc = CrcType.Crc24B,
            InputFormat = TurboInputFormat.CircularBuffer,
        };
        var hard = new List<byte>();
        var soft = new List<byte>();
        int iterations = 0;
        bool? crcPassed0 = null;
        bool anyCrcError = false;
        for (int r = 0; r < tb.C; r++)
        {
            int k = tb.KOf(r);
            byte[] h = new byte[(k - 24) / 8];
            sbyte[] s = new sbyte[3 * (k + 4)];
            TurboCodeBlockResult result = reference.Decode(k, llrs.AsSpan(r * 192, 192), settings, true, h, s);
            hard.AddRange(h);
            soft.AddRange(MemoryMarshal.AsBytes(s.AsSpan()).ToArray());
            iterations = Math.Max(iterations, result.Iterations);
            crcPassed0 ??= result.CrcPassed;
            anyCrcError |= result.CrcPassed == false;
        }

        Assert.True(crcPassed0, "block 0 (a clean all-zero codeword) must pass its CRC");
        Assert.True(anyCrcError, "the noise blocks must fail their CRC");
        RunOne(() => device.EnqueueTurboDec(1, [dec]), () => device.DequeueTurboDec(1, new TurboDecOp[1]));
        Assert.Equal(BbdevOpStatus.CrcError, dec.Status);
        Assert.Equal(iterations, dec.IterCount);
        Assert.Equal(hard.ToArray(), dec.HardOutput.Data!.Data.Slice(dec.HardOutput.Offset, dec.HardOutput.Length).ToArray());
        Assert.Equal(soft.ToArray(), dec.SoftOutput.Data!.Data.Slice(dec.SoftOutput.Offset, dec.SoftOutput.Length).ToArray());
    }

    private static void RunOne(Func<int> enqueue, Func<int> dequeue)
    {
        Assert.Equal(1, enqueue());
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        while (dequeue() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the op did not come back within a minute");
            Thread.Yield();
        }
    }

    [Fact]
    public void TurboInvalidOp_IsAcceptedAndCompletesWithDataError()
    {
        using BbdevDevice device = CreateDevice();
        SkipUnlessSupported(device, BbdevOpType.TurboEnc);
        using var buffers = new TestBuffers();
        Start(device, BbdevOpType.TurboEnc, queues: 1, queueSize: 16);
        TurboEncOp good = buffers.SmallTurboEncodeOp(0, k: 40);
        TurboEncOp bad = buffers.SmallTurboEncodeOp(1, k: 44);
        Assert.Equal(2, device.EnqueueTurboEnc(0, [good, bad]));
        var done = new TurboEncOp[2];
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        for (int got = 0; got < 2;)
        {
            int n = device.DequeueTurboEnc(0, done.AsSpan(got));
            got += n;
            if (n == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "ops did not come back within a minute");
                device.WaitForCompletions(0, TimeSpan.FromMilliseconds(10));
            }
        }

        Assert.Equal(new ulong[] { 0, 1 }, done.Select(o => o.OpaqueData));
        Assert.Equal(BbdevOpStatus.None, done[0].Status);
        Assert.Equal(BbdevOpStatus.DataError, done[1].Status);
        Assert.Contains("k = 44", done[1].StatusDetail, StringComparison.Ordinal);
    }

    /// <summary>Skips the test, naming the driver and op type, when the device has no capability for <paramref name="opType"/>.</summary>
    protected static void SkipUnlessSupported(BbdevDevice device, BbdevOpType opType)
    {
        if (device.Info.FindCapability(opType) is null)
        {
            Assert.Skip($"{device.DriverName} does not support {opType} (capabilities: {string.Join(", ", device.Info.Capabilities.Select(c => c.OpType))}).");
        }
    }

    [Theory]
    [MemberData(nameof(LdpcVectors))]
    public void Vector_PassesWithEarlyTerminationOff(string vectorName)
    {
        SkipUnlessRun(vectorName);
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(vectorName));
        using BbdevDevice device = CreateDevice();
        using VectorOpSet set = VectorOpSet.Create(vector, device.Info, 2, new VectorOpOptions { IterMax = 6, Mode = VectorTestMode.Performance });
        Start(device, vector.OpType, queues: 1, queueSize: 16);
        RunInBursts(device, 0, set, burst: 2);
        for (int i = 0; i < set.Count; i++)
        {
            Assert.Null(set.ValidateDequeued(i));
            if (vector.OpType == BbdevOpType.LdpcDec)
            {
                Assert.Equal(6, set.IterCountOf(i));
            }
        }
    }

    [Fact]
    public void InvalidOp_IsAcceptedAndCompletesWithDataError_InOrder()
    {
        using BbdevDevice device = CreateDevice();
        using var buffers = new TestBuffers();
        Start(device, BbdevOpType.LdpcEnc, queues: 1, queueSize: 16);
        LdpcEncOp[] ops = [buffers.SmallEncodeOp(0), buffers.SmallEncodeOp(1), buffers.SmallEncodeOp(2)];
        ops[1].Zc = 17;
        Assert.Equal(3, device.EnqueueLdpcEnc(0, ops));
        LdpcEncOp[] done = DrainLdpcEnc(device, 0, 3);
        Assert.Equal(new ulong[] { 0, 1, 2 }, done.Select(o => o.OpaqueData));
        Assert.Equal(BbdevOpStatus.None, done[0].Status);
        Assert.Equal(BbdevOpStatus.DataError, done[1].Status);
        Assert.Contains("z_c = 17", done[1].StatusDetail, StringComparison.Ordinal);
        Assert.Equal(BbdevOpStatus.None, done[2].Status);
        Assert.Equal(1, device.GetQueueStats(0).DequeueErrorCount);
    }

    [Fact]
    public void UnsupportedFlag_IsADataError()
    {
        using BbdevDevice device = CreateDevice();
        using var buffers = new TestBuffers();
        Start(device, BbdevOpType.LdpcEnc, queues: 1, queueSize: 16);
        LdpcEncOp op = buffers.SmallEncodeOp(0);
        op.OpFlags |= LdpcEncFlags.EncInterrupts | LdpcEncFlags.EncConcatenation;
        var capability = (LdpcEncCapability)device.Info.FindCapability(BbdevOpType.LdpcEnc)!;
        if ((capability.CapabilityFlags & op.OpFlags) == op.OpFlags)
        {
            Assert.Skip($"{device.DriverName} supports every flag used here.");
        }

        device.EnqueueLdpcEnc(0, [op]);
        LdpcEncOp done = DrainLdpcEnc(device, 0, 1)[0];
        Assert.Equal(BbdevOpStatus.DataError, done.Status);
        Assert.Contains("op_flags", done.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_WithOpsInFlight_ReturnsEveryOpExactlyOnce()
    {
        using BbdevDevice device = CreateDevice();
        using var buffers = new TestBuffers();
        Start(device, BbdevOpType.LdpcEnc, queues: 1, queueSize: 64);
        LdpcEncOp[] ops = Enumerable.Range(0, 64).Select(i => buffers.SmallEncodeOp(i)).ToArray();
        int accepted = device.EnqueueLdpcEnc(0, ops);
        Assert.Equal(64, accepted);
        device.Stop();
        LdpcEncOp[] done = DrainLdpcEnc(device, 0, accepted);
        Assert.Equal(Enumerable.Range(0, accepted).Select(i => (ulong)i), done.Select(o => o.OpaqueData));
        Assert.All(done, o => Assert.True(o.Status is BbdevOpStatus.None or BbdevOpStatus.DriverError, $"status {o.Status}"));
        Assert.Equal(0, device.DequeueLdpcEnc(0, new LdpcEncOp[4]));
        Assert.Equal(0, device.EnqueueLdpcEnc(0, ops.AsSpan(0, 1)));
    }

    [Fact]
    public void Statistics_CountEveryOp()
    {
        using BbdevDevice device = CreateDevice();
        using var buffers = new TestBuffers();
        Start(device, BbdevOpType.LdpcEnc, queues: 1, queueSize: 16);
        LdpcEncOp[] ops = Enumerable.Range(0, 10).Select(i => buffers.SmallEncodeOp(i)).ToArray();
        Assert.Equal(10, device.EnqueueLdpcEnc(0, ops));
        DrainLdpcEnc(device, 0, 10);
        BbdevStats stats = device.GetQueueStats(0);
        Assert.Equal(10, stats.EnqueuedCount);
        Assert.Equal(10, stats.DequeuedCount);
        Assert.Equal(0, stats.EnqueueErrorCount);
        Assert.Equal(0, stats.DequeueErrorCount);
    }

    [Fact]
    public void TwoThreads_OnSeparateQueues_GetEveryDecodeBackOnceWithTheRightResult()
    {
        using BbdevDevice device = CreateDevice();
        string path = ConformanceVectorFiles.PathOf("ldpc_dec_v7813.data");
        BbdevTestVector vector = BbdevTestVectorReader.Read(path);
        Start(device, BbdevOpType.LdpcDec, queues: 2, queueSize: 64);
        var failures = new ConcurrentQueue<string>();
        var counts = new long[2];
        Thread[] threads = Enumerable.Range(0, 2).Select(q => new Thread(() =>
        {
            try
            {
                using VectorOpSet set = VectorOpSet.Create(vector, device.Info, 32, new VectorOpOptions { IterMax = 6 });
                int rounds = StressOpsPerThread / set.Count;
                for (int round = 0; round < rounds; round++)
                {
                    RunInBursts(device, q, set, burst: 16);
                    for (int i = 0; i < set.Count; i++)
                    {
                        string? failure = set.ValidateDequeued(i);
                        if (failure is not null)
                        {
                            failures.Enqueue($"queue {q} round {round} op {i}: {failure}");
                            return;
                        }
                    }

                    counts[q] += set.Count;
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue($"queue {q}: {ex}");
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromMinutes(3)), "stress test did not finish in 3 minutes");
        }

        Assert.Empty(failures);
        long expected = StressOpsPerThread / 32 * 32;
        Assert.Equal(new[] { expected, expected }, counts);
        Assert.Equal(2 * expected, device.GetStats().DequeuedCount);
    }

    /// <summary>Sets up <paramref name="queues"/> queues of <paramref name="opType"/> and starts the device.</summary>
    protected static void Start(BbdevDevice device, BbdevOpType opType, int queues, int queueSize)
    {
        device.SetupQueues(queues);
        for (int q = 0; q < queues; q++)
        {
            device.ConfigureQueue(q, new BbdevQueueConfig { OpType = opType, QueueSize = queueSize });
        }

        device.Start();
    }

    /// <summary>test-bbdev's validation loop: whole bursts, each dequeued before the next, bounded by a timeout.</summary>
    protected static void RunInBursts(BbdevDevice device, int queueId, VectorOpSet set, int burst)
    {
        set.ResetOutputs();
        set.ClearDequeued();
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        for (int start = 0; start < set.Count; start += burst)
        {
            int count = Math.Min(burst, set.Count - start);
            Assert.Equal(count, set.Enqueue(device, queueId, start, count));
            while (set.DequeuedCount < start + count)
            {
                if (set.Dequeue(device, queueId, count) == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline, "ops did not come back within a minute");
                    device.WaitForCompletions(queueId, TimeSpan.FromMilliseconds(10));
                }
            }
        }
    }

    /// <summary>Dequeues exactly <paramref name="count"/> encode ops, bounded by a timeout.</summary>
    protected static LdpcEncOp[] DrainLdpcEnc(BbdevDevice device, int queueId, int count)
    {
        var done = new LdpcEncOp[count];
        int got = 0;
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        while (got < count)
        {
            int n = device.DequeueLdpcEnc(queueId, done.AsSpan(got));
            got += n;
            if (n == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {got} of {count} ops came back within a minute");
                device.WaitForCompletions(queueId, TimeSpan.FromMilliseconds(10));
            }
        }

        return done;
    }
}
