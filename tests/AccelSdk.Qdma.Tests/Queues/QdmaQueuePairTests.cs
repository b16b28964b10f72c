using System.Diagnostics;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Qdma.Tests.Infrastructure;
using AccelSdk.Uacce;

namespace AccelSdk.Qdma.Tests.Queues;

/// <summary>The queue set itself, driven by hand against the model: rings, color bit, write-back words, doorbells, faults.</summary>
public sealed class QdmaQueuePairTests
{
    private static QdmaFixture SmallRings() => new(
        o =>
        {
            o.H2cRingSize = 129;
            o.C2hRingSize = 129;
            o.CmptRingSize = 65;
        },
        withDriver: false);

    [Fact]
    public void Geometry_ReportsTheRingsTheKernelProgrammed()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        QdmaQueueGeometry g = raw.Pair.Geometry;
        Assert.Equal((129, 129, 65), ((int)g.H2cRingSize, (int)g.C2hRingSize, (int)g.CmptRingSize));
        Assert.Equal((128, 128, 64), (raw.Pair.H2cSlots, raw.Pair.C2hSlots, raw.Pair.CmptSlots));
        Assert.Equal(63, raw.Pair.MaxOutstandingJobs);
        Assert.Equal(0u, g.H2cRingOffset);
        Assert.Equal(0u, g.C2hRingOffset % 4096);
        Assert.Equal(0u, g.CmptRingOffset % 4096);
        Assert.Equal(QdmaFeatures.LdpcEncode | QdmaFeatures.LdpcDecode | QdmaFeatures.TurboEncode | QdmaFeatures.TurboDecode
            | QdmaFeatures.TransportBlock | QdmaFeatures.ScatterGather, g.Features);
        Assert.Equal((uint)QdmaTurboEncodeFlags.Supported, g.TurboEncodeFlags);
        Assert.Equal((uint)QdmaTurboDecodeFlags.Supported, g.TurboDecodeFlags);
        Assert.Null(g.Validate(fixture.Context.Device.DusRegionSize, fixture.Context.Device.MmioRegionSize));
        Assert.Equal(127, raw.Pair.H2cFree);

        var ex = Assert.Throws<UacceException>(() => raw.Pair.Queue.IoControl(Uacce.Queues.UacceIoctl.None('Q', 99), 0));
        Assert.Contains("0x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColorBit_FlipsOnEveryWrap_AndEachCompletionIsReadOnce()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(1));
        DataBuffer output = raw.Pool.Rent()!;
        var colors = new List<uint>();
        uint tag = 0;
        for (int batch = 0; batch < 10; batch++)
        {
            for (int i = 0; i < 20; i++)
            {
                raw.PostEncode(tag++, input, output);
            }

            raw.Ring();
            for (int i = 0; i < 20; i++)
            {
                QdmaCompletionEntry entry = raw.Next();
                Assert.Equal((uint)colors.Count, entry.Tag);
                Assert.Equal(QdmaJobStatus.None, entry.Status);
                Assert.Equal(25u, entry.OutputLength);
                colors.Add(entry.Color);
            }

            Assert.False(raw.Pair.TryReadCompletion(out _));
            raw.Pair.ReleaseCompletions(irqArm: false);
        }

        // 200 completions through a 64-entry ring: color 1 on the first lap, 0 on the second, and so on.
        Assert.Equal(Enumerable.Range(0, 200).Select(k => 1u ^ (uint)((k / 64) & 1)), colors);
        Assert.Equal(StandInEngine.Transmit(TestOps.Payload(1), TestOps.KPrime, CrcType.Crc24B, 200), output.Room[..25].ToArray());

        // The write-back words: every descriptor consumed; the completion status follows the producer.
        Assert.Equal(127, raw.Pair.H2cFree);
        Assert.Equal(127, raw.Pair.C2hFree);
        ulong cmptStatus = ReadCmptStatus(raw);
        Assert.Equal(200 % 64, QdmaRingStatus.CmptPidx(cmptStatus));
        Assert.Equal(0, QdmaRingStatus.CmptError(cmptStatus));
    }

    [Fact]
    public void FullCompletionRing_StallsTheCard_UntilEntriesAreReleased()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(2));
        DataBuffer output = raw.Pool.Rent()!;
        for (uint tag = 0; tag < 100; tag++)
        {
            raw.PostEncode(tag, input, output);
        }

        raw.Ring();
        WaitFor(() => fixture.Model.JobsCompleted == 63);
        Thread.Sleep(50);
        Assert.Equal(63, fixture.Model.JobsCompleted); // no free entry: the card waits, it does not overwrite

        for (uint tag = 0; tag < 63; tag++)
        {
            Assert.Equal(tag, raw.Next().Tag);
        }

        Thread.Sleep(20);
        Assert.Equal(63, fixture.Model.JobsCompleted); // read but not released: still no credit
        raw.Pair.ReleaseCompletions(irqArm: false);
        for (uint tag = 63; tag < 100; tag++)
        {
            Assert.Equal(tag, raw.Next().Tag);
        }

        Assert.Equal(100, fixture.Model.JobsCompleted);
        Assert.False(raw.Pair.IsStopped);
    }

    [Fact]
    public void AddressesOutsideRegisteredMemory_CompleteWithDmaError_AndNothingIsTouched()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(3));
        DataBuffer output = raw.Pool.Rent()!;
        output.Room.Fill(0xA5);
        ulong poolEnd = (ulong)raw.Pool.MemoryAddress + (ulong)raw.Pool.MemoryBytes;
        using BufferPool stranger = BufferPool.Create(new BufferPoolOptions { Name = "unregistered", Count = 1, RoomSize = 4096, CacheSize = 0 });
        DataBuffer foreign = stranger.Rent()!;
        foreign.Room.Fill(0xA5);

        QdmaH2cDescriptor header = RawQueue.EncodeHeader(0);
        raw.Post(header with { Tag = 0 }, 0x1000, TestOps.InputBytes, (ulong)output.Address, 25);                       // input unmapped
        raw.Post(header with { Tag = 1 }, (ulong)input.Address, TestOps.InputBytes, (ulong)foreign.Address, 25);         // output in another pool
        raw.Post(header with { Tag = 2 }, (ulong)input.Address, TestOps.InputBytes, poolEnd - 10, 25);                   // output runs past the region
        raw.Post(header with { Tag = 3 }, poolEnd - 8, TestOps.InputBytes, (ulong)output.Address, 25);                   // input runs past the region
        raw.Post(header with { Tag = 4 }, ulong.MaxValue - 4, TestOps.InputBytes, (ulong)output.Address, 25);            // address wraps
        raw.Ring();

        QdmaJobError[] expected = [QdmaJobError.InputAddress, QdmaJobError.OutputAddress, QdmaJobError.OutputAddress, QdmaJobError.InputAddress, QdmaJobError.InputAddress];
        for (uint tag = 0; tag < expected.Length; tag++)
        {
            QdmaCompletionEntry entry = raw.Next();
            Assert.Equal(tag, entry.Tag);
            Assert.Equal(QdmaJobStatus.DmaError, entry.Status);
            Assert.Equal(expected[tag], entry.Error);
            Assert.Equal(0u, entry.OutputLength);
            Assert.NotEqual(0u, entry.Word0 & QdmaCompletionEntry.ErrorBit);
        }

        Assert.All(output.Room.ToArray(), b => Assert.Equal(0xA5, b));
        Assert.All(foreign.Room.ToArray(), b => Assert.Equal(0xA5, b));
        Assert.Equal(5, fixture.Model.JobsFailed);
    }

    [Fact]
    public void BadJobs_CompleteWithTheirError_AndTheQueueGoesOn()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(4));
        DataBuffer output = raw.Pool.Rent()!;
        ulong inAddress = (ulong)input.Address;
        ulong outAddress = (ulong)output.Address;
        QdmaH2cDescriptor good = RawQueue.EncodeHeader(0);
        raw.Post(good with { Tag = 0, Zc = 17 }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Post(good with { Tag = 1, OpFlags = 1u << 5 }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Post(good with { Tag = 2, OpFlags = (uint)(QdmaEncodeFlags.Crc24AAttach | QdmaEncodeFlags.Crc24BAttach) }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Post(good with { Tag = 3 }, inAddress, TestOps.InputBytes - 1, outAddress, 25);
        raw.Post(good with { Tag = 4 }, inAddress, TestOps.InputBytes, outAddress, 24);
        raw.Post(good with { Tag = 5 }, inAddress, TestOps.InputBytes, outAddress, 25, QdmaStream.Harq);
        raw.Post(good with { Tag = 6, Opcode = (QdmaOpcode)9 }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Post(good with { Tag = 7, Mode = 0, C = 2, R = 2 }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Post(good with { Tag = 8 }, inAddress, 0, outAddress, 25);
        raw.Post(good with { Tag = 9 }, inAddress, TestOps.InputBytes, outAddress, 25);
        raw.Ring();

        (QdmaJobStatus, QdmaJobError)[] expected =
        [
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags),
            (QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags),
            (QdmaJobStatus.ParameterError, QdmaJobError.InputLength),
            (QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom),
            (QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout),
            (QdmaJobStatus.DescriptorError, QdmaJobError.Opcode),
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.DescriptorError, QdmaJobError.SegmentLength),
            (QdmaJobStatus.None, QdmaJobError.None),
        ];
        for (uint tag = 0; tag < expected.Length; tag++)
        {
            QdmaCompletionEntry entry = raw.Next();
            Assert.Equal(tag, entry.Tag);
            Assert.Equal(expected[tag], (entry.Status, entry.Error));
        }
    }

    [Fact]
    public void BadTurboJobs_CompleteWithTheirError_AndTheQueueGoesOn()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, new byte[192]); // 2 information bytes, or the 192 LLRs of K = 40 (all 0)
        DataBuffer output = raw.Pool.Rent()!;
        ulong inAddress = (ulong)input.Address;
        ulong outAddress = (ulong)output.Address;
        var enc = new QdmaH2cDescriptor
        {
            Opcode = QdmaOpcode.TurboEncode,
            K = 40,
            OpFlags = (uint)(QdmaTurboEncodeFlags.RateMatch | QdmaTurboEncodeFlags.Crc24BAttach),
            Ea = 132,
            Eb = 132,
            C = 1,
            Cab = 1,
            Mode = QdmaH2cDescriptor.CodeBlockMode,
        };
        var dec = new QdmaH2cDescriptor
        {
            Opcode = QdmaOpcode.TurboDecode,
            K = 40,
            OpFlags = (uint)(QdmaTurboDecodeFlags.SubblockDeinterleave | QdmaTurboDecodeFlags.NegLlr1BitIn),
            IterMax = 4,
            C = 1,
            Cab = 1,
            Mode = QdmaH2cDescriptor.CodeBlockMode,
        };
        raw.Post(enc with { Tag = 0, K = 44 }, inAddress, 2, outAddress, 17);
        raw.Post(enc with { Tag = 1, OpFlags = (uint)(QdmaTurboEncodeFlags.Crc24AAttach | QdmaTurboEncodeFlags.Crc24BAttach) }, inAddress, 2, outAddress, 17);
        raw.Post(enc with { Tag = 2, OpFlags = 1u << 4 }, inAddress, 2, outAddress, 17);
        raw.Post(enc with { Tag = 3 }, inAddress, 1, outAddress, 17);
        raw.Post(enc with { Tag = 4 }, inAddress, 2, outAddress, 16);
        raw.Post(enc with { Tag = 5 }, inAddress, 2, outAddress, 17, QdmaStream.Harq);
        raw.Post(enc with { Tag = 6, Mode = 0, C = 2, R = 2 }, inAddress, 2, outAddress, 17);
        raw.Post(enc with { Tag = 7, Mode = 0, C = 2, CNeg = 1, KNeg = 36 }, inAddress, 4, outAddress, 34);
        raw.Post(enc with { Tag = 8 }, inAddress, 2, outAddress, 17);
        raw.Post(dec with { Tag = 9, OpFlags = (uint)QdmaTurboDecodeFlags.SubblockDeinterleave }, inAddress, 192, outAddress, 5);
        raw.Post(dec with { Tag = 10, IterMax = 0 }, inAddress, 192, outAddress, 5);
        raw.Post(dec with { Tag = 11, OpFlags = dec.OpFlags | (uint)QdmaTurboDecodeFlags.SoftOutput }, inAddress, 192, outAddress, 5);
        raw.Post(dec with { Tag = 12 }, inAddress, 191, outAddress, 5);
        raw.Post(dec with { Tag = 13 }, inAddress, 192, outAddress, 4);
        raw.Post(dec with { Tag = 14 }, inAddress, 192, outAddress, 5);
        raw.Ring();

        (QdmaJobStatus, QdmaJobError)[] expected =
        [
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags),
            (QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags),
            (QdmaJobStatus.ParameterError, QdmaJobError.InputLength),
            (QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom),
            (QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout),
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.None, QdmaJobError.None),
            (QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags),
            (QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters),
            (QdmaJobStatus.ParameterError, QdmaJobError.HarqBuffer),
            (QdmaJobStatus.ParameterError, QdmaJobError.InputLength),
            (QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom),
            (QdmaJobStatus.CrcChecked, QdmaJobError.None),
        ];
        for (uint tag = 0; tag < expected.Length; tag++)
        {
            QdmaCompletionEntry entry = raw.Next();
            Assert.Equal(tag, entry.Tag);
            Assert.Equal(expected[tag], (entry.Status, entry.Error));
        }
    }

    [Fact]
    public void ConsumerIndexPastTheProducer_FaultsTheQueue()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(5));
        DataBuffer output = raw.Pool.Rent()!;
        raw.PostEncode(0, input, output);
        raw.Ring();
        _ = raw.Next();

        // Claim to have consumed 10 entries when the card wrote one.
        Assert.True(raw.Pair.Queue.TryGetRegion(Uacce.Queues.UacceRegionType.Mmio, out Uacce.Queues.UacceRegion mmio));
        mmio.WriteDoorbell32(QdmaRegisters.CmptCidx, 10 | QdmaRegisters.CmptStatusWriteEnable);
        raw.PostEncode(1, input, output);
        raw.Ring();
        WaitFor(() => raw.Pair.IsStopped && fixture.Model.LastEngineFault is not null);
        Assert.Contains("bad CMPT CIDX", fixture.Model.LastEngineFault?.Message, StringComparison.Ordinal);
        Assert.Equal(QdmaRingStatus.CmptErrorBadCidx, QdmaRingStatus.CmptError(ReadCmptStatus(raw)));
    }

    [Fact]
    public void ChainWithoutStartOfPacket_FaultsTheQueue()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        raw.Pair.H2cSlot(0) = new QdmaH2cDescriptor { Address = 1, Length = 1, Control = QdmaDescriptorControl.EndOfPacket };
        raw.Pair.CommitH2c(1);
        raw.Ring();
        WaitFor(() => raw.Pair.IsStopped && fixture.Model.LastEngineFault is not null);
        Assert.Contains("not a start of packet", fixture.Model.LastEngineFault?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IrqArm_SignalsOneEvent_AtTheNextCompletion()
    {
        using QdmaFixture fixture = SmallRings();
        using var raw = new RawQueue(fixture);
        DataBuffer input = TestOps.Filled(raw.Pool, TestOps.Payload(6));
        DataBuffer output = raw.Pool.Rent()!;

        raw.PostEncode(0, input, output);
        raw.Ring();
        _ = raw.Next();
        raw.Pair.ReleaseCompletions(irqArm: false);
        Assert.False(raw.Pair.WaitForEvent(30)); // not armed: no event

        fixture.Model.Pause();
        raw.Pair.ReleaseCompletions(irqArm: true);
        raw.PostEncode(1, input, output);
        raw.Ring();
        Assert.False(raw.Pair.WaitForEvent(30)); // armed, but nothing completed yet
        fixture.Model.Resume();
        Assert.True(raw.Pair.WaitForEvent(5000));
        Assert.Equal(1u, raw.Next().Tag);

        // Arming with a completion already waiting signals at once.
        raw.PostEncode(2, input, output);
        raw.Ring();
        WaitFor(() => fixture.Model.JobsCompleted == 3);
        raw.Pair.ReleaseCompletions(irqArm: true);
        Assert.True(raw.Pair.WaitForEvent(5000));
    }

    private static ulong ReadCmptStatus(RawQueue raw)
    {
        Assert.True(raw.Pair.Queue.TryGetRegion(Uacce.Queues.UacceRegionType.Dus, out Uacce.Queues.UacceRegion dus));
        return dus.ReadUInt64(raw.Pair.Geometry.CmptRingOffset + ((long)raw.Pair.CmptSlots * QdmaCompletionEntry.Size));
    }

    private static void WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < QdmaFixture.Timeout, "condition not reached in time");
            Thread.Sleep(1);
        }
    }
}
