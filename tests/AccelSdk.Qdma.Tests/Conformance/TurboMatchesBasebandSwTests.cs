using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Qdma.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Qdma.Tests.Conformance;

/// <summary>
/// <c>baseband_qdma</c> gives exactly what <c>baseband_sw</c> gives, op for op, over random turbo parameters: code
/// blocks of any K, transport blocks with K−/K+ and Ea/Eb splits starting at any r, limited Ncb, every rv, the CRC
/// and sign flags, soft output and early termination. A failing case prints the FsCheck seed that replays it.
/// </summary>
public sealed class TurboMatchesBasebandSwTests(TwoTurboDrivers drivers) : IClassFixture<TwoTurboDrivers>
{
    [Property(MaxTest = 60)]
    public Property TurboEncode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        Shape shape = RandomShape(random);
        TurboEncFlags flags = (random.Next(5) == 0 ? TurboEncFlags.None : TurboEncFlags.RateMatch)
            | (random.Next(4) == 0 ? TurboEncFlags.RvIndexBypass : TurboEncFlags.None)
            | (random.Next(3) switch
            {
                0 => TurboEncFlags.None,
                1 when shape.Mode == CodeBlockMode.CodeBlock || shape.Tb.C == 1 => TurboEncFlags.Crc24AAttach,
                _ => TurboEncFlags.Crc24BAttach,
            });
        int crcBits = (flags & (TurboEncFlags.Crc24AAttach | TurboEncFlags.Crc24BAttach)) != 0 ? 24 : 0;
        int inputBytes = shape.Sizes.Sum(k => (k - crcBits) / 8);
        byte[] input = new byte[inputBytes];
        random.NextBytes(input);
        TurboEncOp sw = EncOp(shape, flags, input, random.Next(4));
        TurboEncOp qdma = new();
        qdma.CopyParametersFrom(sw);
        qdma.Input.Set(TestOps.Filled(drivers.Pool, input), 0, input.Length);
        qdma.Output.Set(drivers.Pool.Rent());
        Run(drivers.Software, sw);
        Run(drivers.QdmaDevice, qdma);
        try
        {
            Assert.True(sw.Status == BbdevOpStatus.None, $"{shape} {flags}: {sw.StatusDetail}");
            Assert.Equal(sw.Status, qdma.Status);
            Assert.Equal(TestOps.Produced(sw.Output), TestOps.Produced(qdma.Output));
            return true.ToProperty().Label($"{shape} flags {flags}");
        }
        finally
        {
            Return(sw.Input, sw.Output, qdma.Input, qdma.Output);
        }
    }

    [Property(MaxTest = 60)]
    public Property TurboDecode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        Shape shape = RandomShape(random);
        bool positive = random.Next(2) == 0;
        TurboDecFlags flags = (random.Next(2) == 0 ? TurboDecFlags.SubblockDeinterleave : TurboDecFlags.None)
            | (positive ? TurboDecFlags.PosLlr1BitIn : TurboDecFlags.NegLlr1BitIn)
            | (random.Next(2) == 0 ? TurboDecFlags.EarlyTermination : TurboDecFlags.None)
            | (random.Next(2) == 0 ? TurboDecFlags.CrcType24B : TurboDecFlags.None);
        if (random.Next(3) == 0)
        {
            flags |= TurboDecFlags.SoftOutput | (random.Next(2) == 0 ? TurboDecFlags.PosLlr1BitSoftOut : TurboDecFlags.NegLlr1BitSoftOut);
        }

        flags |= random.Next(4) switch
        {
            0 => TurboDecFlags.DecCrc24BDrop,
            1 when (flags & TurboDecFlags.CrcType24B) != 0 => TurboDecFlags.DecTbCrc24BKeep,
            _ => TurboDecFlags.None,
        };

        // Half the cases carry an all-zero codeword (every CRC passes, early termination can stop), the rest noise.
        bool clean = random.Next(2) == 0;
        int length = shape.Sizes.Sum(TurboDecoder.InputLength);
        byte[] llrs = new byte[length];
        for (int i = 0; i < llrs.Length; i++)
        {
            int value = clean ? 20 + random.Next(-12, 13) : random.Next(-40, 41);
            llrs[i] = (byte)(sbyte)(positive ? -value : value);
        }

        int iterMax = random.Next(1, 9);
        var sw = new TurboDecOp
        {
            OpFlags = flags,
            IterMax = iterMax,
            IterMin = random.Next(0, Math.Min(iterMax, 2) + 1),
            RvIndex = random.Next(4),
            CodeBlockMode = shape.Mode,
            CbParams = shape.Cb,
            TbParams = shape.Tb,
        };
        var qdma = new TurboDecOp();
        qdma.CopyParametersFrom(sw);
        foreach (TurboDecOp op in new[] { sw, qdma })
        {
            op.Input.Set(TestOps.Filled(drivers.Pool, llrs), 0, llrs.Length);
            op.HardOutput.Set(drivers.Pool.Rent());
            op.SoftOutput.Set(drivers.Pool.Rent());
        }

        Run(drivers.Software, sw);
        Run(drivers.QdmaDevice, qdma);
        try
        {
            Assert.True((sw.Status & ~BbdevOpStatus.CrcError) == BbdevOpStatus.None, $"{shape} {flags}: {sw.StatusDetail}");
            Assert.True(!clean || sw.Status == BbdevOpStatus.None, $"{shape} {flags}: a clean all-zero codeword must pass its CRC");
            Assert.Equal(sw.Status, qdma.Status);
            Assert.Equal(sw.IterCount, qdma.IterCount);
            Assert.Equal(TestOps.Produced(sw.HardOutput), TestOps.Produced(qdma.HardOutput));
            Assert.Equal(TestOps.Produced(sw.SoftOutput), TestOps.Produced(qdma.SoftOutput));
            return true.ToProperty().Label($"{shape} flags {flags} clean {clean}");
        }
        finally
        {
            Return(sw.Input, sw.HardOutput, sw.SoftOutput, qdma.Input, qdma.HardOutput, qdma.SoftOutput);
        }
    }

    /// <summary>
    /// A code block (K up to 6144) or a transport block of up to four blocks (K ≤ 2048, so the largest op fits one
    /// 64 KiB buffer) with K−/K+, Ea/Eb, Ncb and r drawn at random.
    /// </summary>
    private static Shape RandomShape(Random random)
    {
        int maxIndex = TurboInterleaver.IndexOf(2048);
        if (random.Next(2) == 0)
        {
            int k = TurboInterleaver.BlockSize(random.Next(4) == 0 ? random.Next(TurboInterleaver.BlockSizeCount) : random.Next(maxIndex + 1));
            var cb = new TurboCbParams(k, random.Next(1, (3 * k) + 200), RandomNcb(random, k));
            return new Shape(CodeBlockMode.CodeBlock, cb, default, [k]);
        }

        int c = random.Next(1, 5);
        int kPosIndex = random.Next(1, maxIndex + 1);
        int kPos = TurboInterleaver.BlockSize(kPosIndex);
        int kNeg = TurboInterleaver.BlockSize(random.Next(kPosIndex));
        int cNeg = random.Next(c + 1);
        int r = random.Next(c);
        var tb = new TurboTbParams(kNeg, kPos, cNeg, c, random.Next(c + 1), random.Next(1, (3 * kNeg) + 100), random.Next(1, (3 * kPos) + 100), r,
            RandomNcb(random, kNeg), RandomNcb(random, kPos));
        int[] sizes = [.. Enumerable.Range(r, c - r).Select(tb.KOf)];
        return new Shape(CodeBlockMode.TransportBlock, default, tb, sizes);
    }

    private static int RandomNcb(Random random, int k) =>
        random.Next(2) == 0 ? 0 : random.Next(k, TurboBlockParameters.CircularBufferLength(k) + 1);

    private TurboEncOp EncOp(Shape shape, TurboEncFlags flags, byte[] input, int rv)
    {
        var op = new TurboEncOp { OpFlags = flags, RvIndex = rv, CodeBlockMode = shape.Mode, CbParams = shape.Cb, TbParams = shape.Tb };
        op.Input.Set(TestOps.Filled(drivers.Pool, input), 0, input.Length);
        op.Output.Set(drivers.Pool.Rent());
        return op;
    }

    private static void Run(BbdevDevice device, BbdevOp op)
    {
        if (op is TurboEncOp enc)
        {
            Assert.Equal(1, device.EnqueueTurboEnc(0, [enc]));
            Assert.Same(op, QdmaFixture.Drain<TurboEncOp>(b => device.DequeueTurboEnc(0, b), 1)[0]);
        }
        else
        {
            Assert.Equal(1, device.EnqueueTurboDec(1, [(TurboDecOp)op]));
            Assert.Same(op, QdmaFixture.Drain<TurboDecOp>(b => device.DequeueTurboDec(1, b), 1)[0]);
        }
    }

    private void Return(params BbdevOpData[] data)
    {
        foreach (BbdevOpData d in data)
        {
            if (d.Data is { } buffer)
            {
                drivers.Pool.Return(buffer);
            }

            d.Set(null);
        }
    }

    private readonly record struct Shape(CodeBlockMode Mode, TurboCbParams Cb, TurboTbParams Tb, int[] Sizes)
    {
        public override string ToString() => Mode == CodeBlockMode.CodeBlock ? $"CB {Cb}" : $"TB {Tb}";
    }
}
