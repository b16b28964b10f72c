using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Bbdev.Tests.Fec.Turbo;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Tests.Drivers;

/// <summary>
/// Turbo ops through <c>baseband_sw</c> beyond the shipped vectors: transport-block mode with several code blocks of
/// both sizes (the families of DPDK's removed c2/c4 vectors), CRC keep/drop, CRC errors, soft output per block,
/// chained buffers, and validation messages.
/// </summary>
public sealed class TurboSoftwareOpsTests : IDisposable
{
    private readonly BufferPool _pool = BufferPool.Create(new BufferPoolOptions { Name = "turbo_ops", Count = 64, RoomSize = 1 << 16, CacheSize = 0 });

    public void Dispose() => _pool.Dispose();

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void TransportBlockEncode_OfTheC4Family_EncodesEachBlockWithItsCrc24B(int blocksInInput)
    {
        // turbo_enc_c4_k4800_r2_e14412_crc24b: c 4, c_neg 0, k_neg 4736, k_pos 4800, r 2, cab 4, ea = eb 14412,
        // ncb_neg 14304, ncb_pos 14496, CRC_24B_ATTACH, no rate matching; the input carries 1 or 2 blocks.
        var random = new Random(42);
        byte[] input = TurboTestCases.RandomBits(random, blocksInInput * (4800 - 24));
        var op = new TurboEncOp
        {
            OpFlags = TurboEncFlags.Crc24BAttach,
            CodeBlockMode = CodeBlockMode.TransportBlock,
            TbParams = new TurboTbParams(4736, 4800, 0, 4, 4, 14412, 14412, 2, 14304, 14496),
        };
        op.Input.Set(Filled(input), 0, input.Length);
        op.Output.Set(Rent());
        TurboEncOp done = RunOne(BbdevOpType.TurboEnc, op);
        Assert.Equal(BbdevOpStatus.None, done.Status);
        Assert.Equal(blocksInInput * 1802, done.Output.Length);

        TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create();
        byte[] expected = new byte[blocksInInput * 1802];
        for (int b = 0; b < blocksInInput; b++)
        {
            engine.Encode(new TurboBlockParameters { K = 4800 }, input.AsSpan(b * 597, 597), CrcType.Crc24B, expected.AsSpan(b * 1802, 1802));
        }

        Assert.Equal(expected, Read(done.Output));
    }

    [Fact]
    public void TransportBlockEncode_WithRateMatching_UsesEachBlocksKAndE()
    {
        // c = 3 from r = 0: block 0 is K− = 40 with Ea = 100, blocks 1 and 2 are K+ = 48 with Eb = 130, rv 2.
        var random = new Random(7);
        byte[] input = TurboTestCases.RandomBits(random, (40 - 24) + (2 * (48 - 24)));
        var op = new TurboEncOp
        {
            OpFlags = TurboEncFlags.Crc24BAttach | TurboEncFlags.RateMatch,
            RvIndex = 2,
            CodeBlockMode = CodeBlockMode.TransportBlock,
            TbParams = new TurboTbParams(40, 48, 1, 3, 1, 100, 130, 0, 192, 180),
        };
        op.Input.Set(Filled(input), 0, input.Length);
        op.Output.Set(Rent());
        TurboEncOp done = RunOne(BbdevOpType.TurboEnc, op);
        Assert.Equal(BbdevOpStatus.None, done.Status);

        TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create();
        byte[] expected = new byte[13 + 17 + 17];
        engine.Encode(new TurboBlockParameters { K = 40, E = 100, Ncb = 192, RvIndex = 2, RateMatch = true }, input.AsSpan(0, 2), CrcType.Crc24B, expected.AsSpan(0, 13));
        engine.Encode(new TurboBlockParameters { K = 48, E = 130, Ncb = 180, RvIndex = 2, RateMatch = true }, input.AsSpan(2, 3), CrcType.Crc24B, expected.AsSpan(13, 17));
        engine.Encode(new TurboBlockParameters { K = 48, E = 130, Ncb = 180, RvIndex = 2, RateMatch = true }, input.AsSpan(5, 3), CrcType.Crc24B, expected.AsSpan(30, 17));
        Assert.Equal(expected, Read(done.Output));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void TransportBlockDecode_DropsOrKeepsEachBlocksCrc24B_AndReportsCrcErrors(bool keep, bool corrupt)
    {
        // Three blocks: K− = 1024 (r = 0), K+ = 1056 (r = 1, 2), each with its CRC24B, noiseless, chained in two segments.
        int[] sizes = [1024, 1056, 1056];
        var random = new Random(3);
        var blocks = new List<byte[]>();
        var llrs = new List<sbyte>();
        TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create();
        foreach (int k in sizes)
        {
            byte[] info = TurboTestCases.RandomBits(random, k - 24);
            var p = new TurboBlockParameters { K = k, E = TurboBlockParameters.CircularBufferLength(k), RateMatch = true };
            byte[] encoded = new byte[(p.E + 7) / 8];
            engine.Encode(p, info, CrcType.Crc24B, encoded);
            sbyte[] circular = new sbyte[p.Kw];
            TurboRateRecovery.Recover(p, TurboTestCases.NoiselessLlrs(encoded, p.E), circular);
            byte[] withCrc = new byte[k / 8];
            info.CopyTo(withCrc, 0);
            CrcCalculator.Attach(CrcType.Crc24B, withCrc, k - 24);
            blocks.Add(keep ? withCrc : info);
            llrs.AddRange(circular);
        }

        sbyte[] all = [.. llrs];
        if (corrupt)
        {
            // Flip every systematic LLR of the middle block: it decodes to something else, whose CRC fails.
            int start = TurboBlockParameters.CircularBufferLength(1024);
            for (int i = start; i < start + 1000; i++)
            {
                all[i] = (sbyte)-all[i];
            }
        }

        byte[] bytes = MemoryMarshal.AsBytes(all.AsSpan()).ToArray();
        DataBuffer head = Filled(bytes.AsSpan(0, 5000));
        head.Chain(Filled(bytes.AsSpan(5000)));
        var op = new TurboDecOp
        {
            OpFlags = TurboDecFlags.SubblockDeinterleave | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.EarlyTermination | TurboDecFlags.DecScatterGather
                | TurboDecFlags.SoftOutput | TurboDecFlags.NegLlr1BitSoftOut | (keep ? TurboDecFlags.CrcType24B | TurboDecFlags.DecTbCrc24BKeep : 0),
            IterMax = 6,
            CodeBlockMode = CodeBlockMode.TransportBlock,
            TbParams = new TurboTbParams(1024, 1056, 1, 3, 3, 0, 0, 0),
        };
        op.Input.Set(head, 0, bytes.Length);
        op.HardOutput.Set(Rent());
        op.SoftOutput.Set(Rent());
        TurboDecOp done = RunOne(BbdevOpType.TurboDec, op);

        Assert.Equal(corrupt ? BbdevOpStatus.CrcError : BbdevOpStatus.None, done.Status);
        Assert.Equal(3 * (1024 + 1056 + 1056 + 12), done.SoftOutput.Length);
        byte[] hard = Read(done.HardOutput);
        Assert.Equal(blocks.Sum(b => b.Length), hard.Length);
        if (!corrupt)
        {
            Assert.Equal(blocks.SelectMany(b => b).ToArray(), hard);
            Assert.InRange(done.IterCount, 1, 2);
        }
        else
        {
            Assert.Equal(6, done.IterCount);
        }
    }

    [Theory]
    [InlineData(TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn, "both POS_LLR_1_BIT_IN and NEG_LLR_1_BIT_IN")]
    [InlineData(TurboDecFlags.None, "neither POS_LLR_1_BIT_IN nor NEG_LLR_1_BIT_IN")]
    [InlineData(TurboDecFlags.NegLlr1BitIn | TurboDecFlags.DecTbCrc24BKeep, "DEC_TB_CRC_24B_KEEP needs CRC_TYPE_24B")]
    [InlineData(TurboDecFlags.NegLlr1BitIn | TurboDecFlags.MapDec, "op_flags include MapDec")]
    public void InvalidDecodeFlags_AreDataErrors(TurboDecFlags flags, string message)
    {
        TurboDecOp op = SmallDecodeOp(flags);
        TurboDecOp done = RunOne(BbdevOpType.TurboDec, op);
        Assert.Equal(BbdevOpStatus.DataError, done.Status);
        Assert.Contains(message, done.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDecodeFields_AreDataErrorsNamingTheField()
    {
        TurboDecOp op = SmallDecodeOp(TurboDecFlags.NegLlr1BitIn);
        op.IterMax = 16;
        Assert.Contains("iter_max = 16", RunOne(BbdevOpType.TurboDec, op).StatusDetail, StringComparison.Ordinal);
        op = SmallDecodeOp(TurboDecFlags.NegLlr1BitIn);
        op.CbParams = new TurboCbParams(104, 0);
        Assert.Contains("input length 192 is too short: the code block needs 384 bytes", RunOne(BbdevOpType.TurboDec, op).StatusDetail, StringComparison.Ordinal);
        op = SmallDecodeOp(TurboDecFlags.NegLlr1BitIn);
        op.CodeBlockMode = CodeBlockMode.TransportBlock;
        op.TbParams = new TurboTbParams(40, 40, 0, 65, 0, 0, 0, 0);
        Assert.Contains("tb_params.c = 65", RunOne(BbdevOpType.TurboDec, op).StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc24AAttach_InATransportBlockOfSeveralBlocks_IsADataError()
    {
        var op = new TurboEncOp
        {
            OpFlags = TurboEncFlags.Crc24AAttach,
            CodeBlockMode = CodeBlockMode.TransportBlock,
            TbParams = new TurboTbParams(40, 40, 0, 2, 0, 0, 0, 0),
        };
        op.Input.Set(Filled(new byte[4]), 0, 4);
        op.Output.Set(Rent());
        TurboEncOp done = RunOne(BbdevOpType.TurboEnc, op);
        Assert.Equal(BbdevOpStatus.DataError, done.Status);
        Assert.Contains("CRC_24A_ATTACH needs the whole transport block", done.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_AdvertiseWhatTheDriverImplements()
    {
        using BbdevDevice device = BasebandSwDriver.Create("turbo_caps", new SoftwareDeviceOptions());
        var dec = (TurboDecCapability)device.Info.FindCapability(BbdevOpType.TurboDec)!;
        var enc = (TurboEncCapability)device.Info.FindCapability(BbdevOpType.TurboEnc)!;
        Assert.Equal(127, dec.MaxLlrModulus);
        Assert.Equal(15, dec.MaxIterations);
        Assert.Equal(0u, (uint)(dec.CapabilityFlags & (TurboDecFlags.MapDec | TurboDecFlags.Equalizer | TurboDecFlags.HalfIterationEven | TurboDecFlags.ContinueCrcMatch)));
        Assert.Equal(TurboEncFlags.RvIndexBypass | TurboEncFlags.RateMatch | TurboEncFlags.Crc24BAttach | TurboEncFlags.Crc24AAttach | TurboEncFlags.EncScatterGather, enc.CapabilityFlags);
    }

    private TurboDecOp SmallDecodeOp(TurboDecFlags flags)
    {
        var op = new TurboDecOp { OpFlags = flags, IterMax = 4, CbParams = new TurboCbParams(40, 0) };
        op.Input.Set(Filled(new byte[192]), 0, 192);
        op.HardOutput.Set(Rent());
        return op;
    }

    private static TurboEncOp RunOne(BbdevOpType type, TurboEncOp op)
    {
        using BbdevDevice device = Started(type);
        Assert.Equal(1, device.EnqueueTurboEnc(0, [op]));
        var done = new TurboEncOp[1];
        Assert.Equal(1, device.DequeueTurboEnc(0, done));
        return done[0];
    }

    private static TurboDecOp RunOne(BbdevOpType type, TurboDecOp op)
    {
        using BbdevDevice device = Started(type);
        Assert.Equal(1, device.EnqueueTurboDec(0, [op]));
        var done = new TurboDecOp[1];
        Assert.Equal(1, device.DequeueTurboDec(0, done));
        return done[0];
    }

    private static BbdevDevice Started(BbdevOpType type)
    {
        BbdevDevice device = BasebandSwDriver.Create("turbo_ops", new SoftwareDeviceOptions());
        device.SetupQueues(1);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = type, QueueSize = 4 });
        device.Start();
        return device;
    }

    private DataBuffer Rent() => _pool.Rent() ?? throw new InvalidOperationException("pool exhausted");

    private DataBuffer Filled(ReadOnlySpan<byte> data)
    {
        DataBuffer buffer = Rent();
        data.CopyTo(buffer.Append(data.Length));
        return buffer;
    }

    private static byte[] Read(BbdevOpData data)
    {
        byte[] result = new byte[data.Length];
        int written = 0;
        int skip = data.Offset;
        for (DataBuffer? segment = data.Data; segment is not null && written < result.Length; segment = segment.Next)
        {
            ReadOnlySpan<byte> bytes = segment.Data;
            if (skip >= bytes.Length)
            {
                skip -= bytes.Length;
                continue;
            }

            bytes = bytes[skip..];
            skip = 0;
            int take = Math.Min(bytes.Length, result.Length - written);
            bytes[..take].CopyTo(result.AsSpan(written));
            written += take;
        }

        return result;
    }
}
