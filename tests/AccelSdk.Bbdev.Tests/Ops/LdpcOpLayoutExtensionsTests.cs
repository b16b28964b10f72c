using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Tests.Ops;

public sealed class LdpcOpLayoutExtensionsTests
{
    [Fact]
    public void SetTransportBlock_FillsEveryCodeField()
    {
        LdpcTransportBlockLayout layout = LdpcSegmentation.Compute(17424, 1, 30000, 4);
        var op = new LdpcEncOp();
        op.SetTransportBlock(layout, rvIndex: 2, firstCodeBlock: 1);
        Assert.Equal((1, layout.Zc, layout.Ncb, 4, layout.FillerBits, 2, CodeBlockMode.TransportBlock), (op.BaseGraph, op.Zc, op.NCb, op.Qm, op.NFiller, op.RvIndex, op.CodeBlockMode));
        Assert.Equal(new LdpcTbParams(layout.Ea, layout.Eb, layout.CodeBlocks, 1, layout.Cab), op.TbParams);

        var dec = new LdpcDecOp { K0 = 5 };
        dec.SetCodeBlock(layout, codeBlock: layout.CodeBlocks - 1, rvIndex: 3);
        Assert.Equal((CodeBlockMode.CodeBlock, 0, 3, layout.Eb), (dec.CodeBlockMode, dec.K0, dec.RvIndex, dec.CbParams.E));

        Assert.Throws<ArgumentOutOfRangeException>(() => op.SetCodeBlock(layout, layout.CodeBlocks, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => dec.SetTransportBlock(layout, 4));
    }

    [Theory]
    [InlineData(1000, 2)]   // one code block, CRC16 attached and checked by the device
    [InlineData(17424, 4)]  // three code blocks with CRC24B, CRC24A by the application
    public void TransportBlock_RoundTripsThroughBasebandSw(int tbs, int qm)
    {
        LdpcTransportBlockLayout layout = LdpcSegmentation.Compute(tbs, LdpcSegmentation.SelectBaseGraph(tbs, 0.5), codedBits: (tbs * 2 / qm / 8 * qm * 8) + (qm * 40), qm);
        using BbdevDevice device = BasebandSwDriver.Create("sw_layout", new SoftwareDeviceOptions());
        device.SetupQueues(2);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 16 });
        device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 });
        device.Start();
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Count = 8, RoomSize = 64 * 1024 });
        var caps = (LdpcEncCapability)device.Info.FindCapability(BbdevOpType.LdpcEnc)!;
        var decCaps = (LdpcDecCapability)device.Info.FindCapability(BbdevOpType.LdpcDec)!;

        int c = layout.CodeBlocks;
        int tbBytes = (tbs + layout.TransportBlockCrcBits) / 8;
        DataBuffer tb = pool.Rent()!;
        Span<byte> bits = tb.Append(tbBytes);
        new Random(tbs).NextBytes(bits);
        if (c > 1)
        {
            CrcCalculator.Attach(CrcType.Crc24A, bits, tbs);
        }

        var enc = new LdpcEncOp();
        enc.SetTransportBlock(layout, rvIndex: 0);
        enc.OpFlags = LdpcEncFlags.RateMatch | (c > 1 ? LdpcEncFlags.Crc24BAttach : LdpcEncFlags.Crc16Attach);
        enc.Input.Set(tb, 0, c > 1 ? tbBytes : tbs / 8);
        enc.Output.Set(pool.Rent());
        Assert.Null(BbdevOpValidator.Validate(enc, caps));
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [enc]));
        var encDone = new LdpcEncOp[1];
        Assert.Equal(1, device.DequeueLdpcEnc(0, encDone));
        Assert.Equal(BbdevOpStatus.None, enc.Status);

        // Noiseless LLRs from the coded bits (each code block's E bits start on a byte), one decode op per code block.
        DataBuffer llrs = pool.Rent()!;
        Span<byte> llrBytes = llrs.Append(layout.CodedBits);
        ReadOnlySpan<byte> coded = enc.Output.Data!.Data;
        int byteOffset = 0;
        for (int r = 0; r < c; r++)
        {
            for (int i = 0; i < layout.EOf(r); i++)
            {
                int bit = (coded[byteOffset + (i >> 3)] >> (7 - (i & 7))) & 1;
                llrBytes[layout.CodedBitOffset(r) + i] = (byte)(sbyte)(bit == 0 ? 100 : -100);
            }

            byteOffset += (layout.EOf(r) + 7) / 8;
        }

        DataBuffer hard = pool.Rent()!;
        DataBuffer harq = pool.Rent()!;
        var decs = new LdpcDecOp[c];
        int outBytes = layout.CodeBlockDataBits / 8;
        for (int r = 0; r < c; r++)
        {
            var op = new LdpcDecOp { IterMax = 8 };
            op.SetCodeBlock(layout, r, rvIndex: 0);
            op.OpFlags = LdpcDecFlags.IterationStopEnable | LdpcDecFlags.HqCombineOutEnable
                | (c > 1 ? LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop : LdpcDecFlags.Crc16Check);
            op.Input.Set(llrs, layout.CodedBitOffset(r), layout.EOf(r));
            op.HardOutput.Set(hard, r * outBytes);
            op.HarqCombinedOutput.Set(harq, r * layout.CompactLength);
            Assert.Null(BbdevOpValidator.Validate(op, decCaps));
            decs[r] = op;
        }

        Assert.Equal(c, device.EnqueueLdpcDec(1, decs));
        Assert.Equal(c, device.DequeueLdpcDec(1, new LdpcDecOp[c]));
        Assert.All(decs, d => Assert.Equal(BbdevOpStatus.None, d.Status));
        Assert.All(decs, d => Assert.Equal(Math.Min(d.CbParams.E, layout.CompactLength), d.HarqCombinedOutput.Length));
        Assert.Equal(bits[..(tbs / 8)].ToArray(), hard.Data[..(tbs / 8)].ToArray());
        if (c > 1)
        {
            Assert.True(CrcCalculator.Check(CrcType.Crc24A, hard.Data, tbs + 24));
        }
    }
}
