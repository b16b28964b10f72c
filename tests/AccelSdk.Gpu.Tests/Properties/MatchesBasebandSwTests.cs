using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Gpu.Tests.Properties;

/// <summary>
/// <c>baseband_gpu</c> gives exactly what <c>baseband_sw</c> gives, op for op: status, iteration count, hard output,
/// HARQ output. Each case is a burst of random ops (one kernel batch): base graph, Zc (≤ 64 so that the CPU
/// accelerator stays fast), fillers, Ncb, rv, Qm, E, TB mode, CRC check/drop, early termination, de-interleaver
/// bypass, HARQ in/out, decode bypass; LLRs either noise, or a real codeword with noise of random strength, with
/// saturated values (±127, −128) sprinkled in. A failing case prints the FsCheck seed that replays it.
/// </summary>
public sealed class MatchesBasebandSwTests(DriverPair drivers) : IClassFixture<DriverPair>
{
    private static readonly int[] s_liftingSizes = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 52, 56, 60, 64];

    [Property(MaxTest = 30)]
    public Property Decode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        // Mostly short bursts; one in five fills a batch large enough for the host work to be split over the cores.
        int count = random.Next(5) == 0 ? random.Next(32, 48) : random.Next(1, 7);
        var cases = new DecodeCase[count];
        var gpuOps = new LdpcDecOp[count];
        var swOps = new LdpcDecOp[count];
        for (int i = 0; i < count; i++)
        {
            cases[i] = RandomDecodeCase(random);
            gpuOps[i] = DecOp(cases[i]);
            swOps[i] = DecOp(cases[i]);
        }

        try
        {
            DriverPair.Run(drivers.Gpu, 1, gpuOps);
            DriverPair.Run(drivers.Software, 1, swOps);
            for (int i = 0; i < count; i++)
            {
                LdpcDecOp sw = swOps[i];
                LdpcDecOp gpu = gpuOps[i];
                string label = $"op {i}: {cases[i]}";
                Assert.True((sw.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)) == 0, $"{label}: sw {sw.Status} {sw.StatusDetail}");
                Assert.True(sw.Status == gpu.Status, $"{label}: status sw {sw.Status} gpu {gpu.Status} {gpu.StatusDetail}");
                Assert.True(sw.IterCount == gpu.IterCount, $"{label}: iterations sw {sw.IterCount} gpu {gpu.IterCount}");
                Assert.Equal(DriverPair.Produced(sw.HardOutput), DriverPair.Produced(gpu.HardOutput));
                Assert.Equal(DriverPair.Produced(sw.HarqCombinedOutput), DriverPair.Produced(gpu.HarqCombinedOutput));
            }

            return true.ToProperty();
        }
        finally
        {
            foreach (LdpcDecOp op in gpuOps.Concat(swOps))
            {
                drivers.Return(op.Input, op.HardOutput, op.HarqCombinedInput, op.HarqCombinedOutput);
            }
        }
    }

    [Property(MaxTest = 20)]
    public Property Encode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        Shape shape = RandomShape(random);
        LdpcEncFlags flags = LdpcEncFlags.RateMatch | PickOne(random, LdpcEncFlags.None, LdpcEncFlags.Crc24AAttach, LdpcEncFlags.Crc24BAttach, LdpcEncFlags.Crc16Attach)
            | (random.Next(4) == 0 ? LdpcEncFlags.InterleaverBypass : LdpcEncFlags.None);
        int crcBits = BbdevOpValidator.EncoderCrcBits(flags);
        if (shape.KPrime - crcBits < 8)
        {
            flags &= ~(LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach);
            crcBits = 0;
        }

        byte[] input = new byte[shape.Blocks * BbdevOpValidator.BytesFor(shape.KPrime - crcBits)];
        random.NextBytes(input);
        LdpcEncOp gpu = EncOp(shape, flags, input);
        LdpcEncOp sw = EncOp(shape, flags, input);
        try
        {
            DriverPair.Run(drivers.Gpu, 0, new[] { gpu });
            DriverPair.Run(drivers.Software, 0, new[] { sw });
            Assert.Equal(BbdevOpStatus.None, sw.Status);
            Assert.Equal(sw.Status, gpu.Status);
            Assert.Equal(DriverPair.Produced(sw.Output), DriverPair.Produced(gpu.Output));
            return true.ToProperty();
        }
        finally
        {
            drivers.Return(gpu.Input, gpu.Output, sw.Input, sw.Output);
        }
    }

    private DecodeCase RandomDecodeCase(Random random)
    {
        Shape shape = RandomShape(random);
        bool harq = shape.Mode == CodeBlockMode.CodeBlock && random.Next(2) == 0;
        LdpcDecFlags flags = PickOne(random, LdpcDecFlags.None, LdpcDecFlags.Crc24ACheck, LdpcDecFlags.Crc24BCheck, LdpcDecFlags.Crc16Check)
            | (random.Next(2) == 0 ? LdpcDecFlags.IterationStopEnable : LdpcDecFlags.None)
            | (random.Next(4) == 0 ? LdpcDecFlags.DeinterleaverBypass : LdpcDecFlags.None)
            | (harq ? LdpcDecFlags.HqCombineOutEnable | (random.Next(2) == 0 ? LdpcDecFlags.HqCombineInEnable : LdpcDecFlags.None) : LdpcDecFlags.None);
        if (harq && random.Next(5) == 0)
        {
            flags |= LdpcDecFlags.DecodeBypass;
        }

        CrcType? crc = BbdevOpValidator.DecoderCrc(flags);
        if (crc is { } type && shape.KPrime <= CrcCalculator.Length(type) + 8)
        {
            flags &= ~(LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc16Check);
            crc = null;
        }

        if ((flags & LdpcDecFlags.Crc24BCheck) != 0 && random.Next(2) == 0 && shape.KPrime > 32)
        {
            flags |= LdpcDecFlags.Crc24BDrop;
        }

        byte[] llrs = random.Next(3) == 0 ? NoiseLlrs(random, shape.TotalE) : CodewordLlrs(random, shape, crc);
        byte[] harqIn = new byte[harq ? Math.Min(shape.Parameters.CompactLength, random.Next(1, shape.Parameters.CompactLength + 64)) : 0];
        random.NextBytes(harqIn);
        return new DecodeCase(shape, flags, llrs, harqIn, random.Next(1, 9));
    }

    /// <summary>Pure noise: random signs and magnitudes, some erasures and saturated values.</summary>
    private static byte[] NoiseLlrs(Random random, int count)
    {
        var llrs = new byte[count];
        for (int i = 0; i < count; i++)
        {
            llrs[i] = (byte)(sbyte)Saturate(random, (random.Next(2) == 0 ? 1 : -1) * random.Next(0, 64));
        }

        return llrs;
    }

    /// <summary>A real transmission: random information (with the CRC the decoder checks), encoded, plus noise.</summary>
    private static byte[] CodewordLlrs(Random random, Shape shape, CrcType? crc)
    {
        LdpcCodeBlockEngine engine = LdpcCodeBlockEngine.Create();
        int amplitude = random.Next(2, 48);
        int noise = random.Next(2) == 0 ? random.Next(0, (3 * amplitude / 4) + 1) : random.Next(0, (3 * amplitude / 2) + 1);
        var llrs = new byte[shape.TotalE];
        int offset = 0;
        for (int b = 0; b < shape.Blocks; b++)
        {
            LdpcBlockParameters p = shape.Parameters with { E = shape.EOf(b), InterleaverBypass = false };
            byte[] info = new byte[LdpcCodeBlockEngine.EncoderInputBytes(p, crc)];
            random.NextBytes(info);
            byte[] coded = new byte[LdpcCodeBlockEngine.EncodedBytes(p)];
            engine.Encode(p, info, crc, coded);
            for (int j = 0; j < p.E; j++)
            {
                int bit = (coded[j >> 3] >> (7 - (j & 7))) & 1;
                int value = (bit == 0 ? amplitude : -amplitude) + random.Next(-noise, noise + 1);
                llrs[offset + j] = (byte)(sbyte)SaturateTowards(random, bit, value);
            }

            offset += p.E;
        }

        return llrs;
    }

    /// <summary>A received value, now and then saturated in the direction of the sent bit (a wrong ±127 is absorbing and would doom the block).</summary>
    private static int SaturateTowards(Random random, int bit, int value) => random.Next(40) switch
    {
        0 => bit == 0 ? 127 : -127,
        1 => bit == 0 ? 127 : -128,
        _ => Math.Clamp(value, -128, 127),
    };

    private static int Saturate(Random random, int value) => random.Next(40) switch
    {
        0 => 127,
        1 => -127,
        2 => -128,
        _ => Math.Clamp(value, -128, 127),
    };

    private static T PickOne<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static Shape RandomShape(Random random)
    {
        while (true)
        {
            int baseGraph = random.Next(1, 3);
            int zc = s_liftingSizes[random.Next(s_liftingSizes.Length)];
            int k = (baseGraph == 1 ? 22 : 10) * zc;
            int n = (baseGraph == 1 ? 66 : 50) * zc;
            int filler = random.Next(3) == 0 ? 0 : random.Next(0, k - (2 * zc));
            int ncb = random.Next(2) == 0 ? n : random.Next(k - (2 * zc), n + 1);
            int qm = PickOne(random, 1, 2, 4, 6, 8);
            int maxE = Math.Min(3 * n, 6000) / qm;
            int e = qm * random.Next(Math.Max(1, (k - filler) / (2 * qm)), Math.Max(2, maxE));
            var parameters = new LdpcBlockParameters { BaseGraph = baseGraph, Zc = zc, FillerBits = filler, Ncb = ncb, Qm = qm, RvIndex = random.Next(4), E = e };
            if (parameters.Validate() is not null || parameters.KPrime <= 40)
            {
                continue;
            }

            if (random.Next(3) != 0)
            {
                return new Shape(parameters, CodeBlockMode.CodeBlock, default, 1);
            }

            int c = random.Next(2, 5);
            int r = random.Next(0, c);
            var tb = new LdpcTbParams(e, e + qm, c, r, random.Next(0, c + 1));
            if ((parameters with { E = e + qm }).Validate() is not null)
            {
                continue;
            }

            return new Shape(parameters, CodeBlockMode.TransportBlock, tb, c - r);
        }
    }

    private LdpcEncOp EncOp(Shape shape, LdpcEncFlags flags, byte[] input)
    {
        var op = new LdpcEncOp
        {
            OpFlags = flags,
            BaseGraph = shape.Parameters.BaseGraph,
            Zc = shape.Parameters.Zc,
            NFiller = shape.Parameters.FillerBits,
            NCb = shape.Parameters.Ncb,
            Qm = shape.Parameters.Qm,
            RvIndex = shape.Parameters.RvIndex,
            CodeBlockMode = shape.Mode,
            CbParams = new LdpcCbParams(shape.Parameters.E),
            TbParams = shape.Tb,
        };
        op.Input.Set(drivers.Filled(input), 0, input.Length);
        op.Output.Set(drivers.Pool.Rent());
        return op;
    }

    private LdpcDecOp DecOp(DecodeCase c)
    {
        Shape shape = c.Shape;
        var op = new LdpcDecOp
        {
            OpFlags = c.Flags,
            BaseGraph = shape.Parameters.BaseGraph,
            Zc = shape.Parameters.Zc,
            NFiller = shape.Parameters.FillerBits,
            NCb = shape.Parameters.Ncb,
            Qm = shape.Parameters.Qm,
            RvIndex = shape.Parameters.RvIndex,
            IterMax = c.IterMax,
            CodeBlockMode = shape.Mode,
            CbParams = new LdpcCbParams(shape.Parameters.E),
            TbParams = shape.Tb,
            IterCount = 99,
        };
        op.Input.Set(drivers.Filled(c.Llrs), 0, c.Llrs.Length);
        op.HardOutput.Set(drivers.Pool.Rent());
        if ((c.Flags & LdpcDecFlags.HqCombineInEnable) != 0)
        {
            op.HarqCombinedInput.Set(drivers.Filled(c.HarqIn), 0, c.HarqIn.Length);
        }

        if ((c.Flags & LdpcDecFlags.HqCombineOutEnable) != 0)
        {
            op.HarqCombinedOutput.Set(drivers.Pool.Rent());
        }

        return op;
    }

    private readonly record struct DecodeCase(Shape Shape, LdpcDecFlags Flags, byte[] Llrs, byte[] HarqIn, int IterMax)
    {
        public override string ToString() => $"{Shape} flags {Flags} iterations {IterMax}";
    }

    private readonly record struct Shape(LdpcBlockParameters Parameters, CodeBlockMode Mode, LdpcTbParams Tb, int Blocks)
    {
        public int KPrime => Parameters.KPrime;

        public int TotalE
        {
            get
            {
                int total = 0;
                for (int b = 0; b < Blocks; b++)
                {
                    total += EOf(b);
                }

                return total;
            }
        }

        public int EOf(int block) => Mode == CodeBlockMode.CodeBlock ? Parameters.E : Tb.EOf(Tb.R + block);

        public override string ToString() =>
            $"BG{Parameters.BaseGraph} Zc {Parameters.Zc} F {Parameters.FillerBits} Ncb {Parameters.Ncb} Qm {Parameters.Qm} rv {Parameters.RvIndex} E {Parameters.E} {(Mode == CodeBlockMode.CodeBlock ? "CB" : $"TB {Tb}")}";
    }
}
