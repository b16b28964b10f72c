using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Cli.GpuCompare;

/// <summary>
/// One random LDPC decode op across the standard's range (base graph, Zc, fillers, Ncb, rv, Qm, E, CB or TB mode, CRC
/// check and drop, early termination, de-interleaver bypass, HARQ in/out, decode bypass, 1..8 iterations) with LLRs
/// that are either noise or a real encoded transmission with noise of random strength, saturated values sprinkled in.
/// </summary>
internal sealed record RandomDecodeCase(LdpcBlockParameters Parameters, CodeBlockMode Mode, LdpcTbParams Tb, int Blocks,
    LdpcDecFlags Flags, byte[] Llrs, byte[] HarqIn, int IterMax)
{
    private static readonly LdpcCodeBlockEngine s_engine = LdpcCodeBlockEngine.Create();

    public static RandomDecodeCase Create(Random random, int maxZc)
    {
        int[] sizes = LiftingSizes.All.ToArray().Where(z => z <= maxZc).ToArray();
        while (true)
        {
            int baseGraph = random.Next(1, 3);
            int zc = sizes[random.Next(sizes.Length)];
            int k = (baseGraph == 1 ? 22 : 10) * zc;
            int n = (baseGraph == 1 ? 66 : 50) * zc;
            int filler = random.Next(3) == 0 ? 0 : random.Next(0, k - (2 * zc));
            int ncb = random.Next(2) == 0 ? n : random.Next(k - (2 * zc), n + 1);
            int qm = Pick(random, 1, 2, 4, 6, 8);
            int maxE = Math.Min(3 * n, 24000) / qm;
            int e = qm * random.Next(Math.Max(1, (k - filler) / (2 * qm)), Math.Max(2, maxE));
            var parameters = new LdpcBlockParameters { BaseGraph = baseGraph, Zc = zc, FillerBits = filler, Ncb = ncb, Qm = qm, RvIndex = random.Next(4), E = e };
            if (parameters.Validate() is not null || parameters.KPrime <= 40)
            {
                continue;
            }

            CodeBlockMode mode = CodeBlockMode.CodeBlock;
            LdpcTbParams tb = default;
            int blocks = 1;
            if (random.Next(4) == 0)
            {
                int c = random.Next(2, 5);
                int r = random.Next(0, c);
                tb = new LdpcTbParams(e, e + qm, c, r, random.Next(0, c + 1));
                if ((parameters with { E = e + qm }).Validate() is not null)
                {
                    continue;
                }

                mode = CodeBlockMode.TransportBlock;
                blocks = c - r;
            }

            return WithFlags(random, parameters, mode, tb, blocks);
        }
    }

    /// <summary>Total LLRs of the op.</summary>
    public int TotalE => Llrs.Length;

    /// <summary>Builds the op over buffers from <paramref name="rent"/>.</summary>
    public LdpcDecOp ToOp(Func<ReadOnlyMemory<byte>, Core.Buffers.DataBuffer> filled, Func<Core.Buffers.DataBuffer> rent)
    {
        var op = new LdpcDecOp
        {
            OpFlags = Flags,
            BaseGraph = Parameters.BaseGraph,
            Zc = Parameters.Zc,
            NFiller = Parameters.FillerBits,
            NCb = Parameters.Ncb,
            Qm = Parameters.Qm,
            RvIndex = Parameters.RvIndex,
            IterMax = IterMax,
            CodeBlockMode = Mode,
            CbParams = new LdpcCbParams(Parameters.E),
            TbParams = Tb,
        };
        op.Input.Set(filled(Llrs), 0, Llrs.Length);
        op.HardOutput.Set(rent());
        if ((Flags & LdpcDecFlags.HqCombineInEnable) != 0)
        {
            op.HarqCombinedInput.Set(filled(HarqIn), 0, HarqIn.Length);
        }

        if ((Flags & LdpcDecFlags.HqCombineOutEnable) != 0)
        {
            op.HarqCombinedOutput.Set(rent());
        }

        return op;
    }

    public override string ToString() =>
        $"BG{Parameters.BaseGraph} Zc {Parameters.Zc} F {Parameters.FillerBits} Ncb {Parameters.Ncb} Qm {Parameters.Qm} rv {Parameters.RvIndex} E {Parameters.E} "
        + $"{(Mode == CodeBlockMode.CodeBlock ? "CB" : $"TB {Tb}")} flags {Flags} iterations {IterMax}";

    private static RandomDecodeCase WithFlags(Random random, LdpcBlockParameters p, CodeBlockMode mode, LdpcTbParams tb, int blocks)
    {
        bool harq = mode == CodeBlockMode.CodeBlock && random.Next(3) == 0;
        LdpcDecFlags flags = Pick(random, LdpcDecFlags.None, LdpcDecFlags.Crc24ACheck, LdpcDecFlags.Crc24BCheck, LdpcDecFlags.Crc16Check)
            | (random.Next(2) == 0 ? LdpcDecFlags.IterationStopEnable : LdpcDecFlags.None)
            | (random.Next(6) == 0 ? LdpcDecFlags.DeinterleaverBypass : LdpcDecFlags.None)
            | (harq ? LdpcDecFlags.HqCombineOutEnable | (random.Next(2) == 0 ? LdpcDecFlags.HqCombineInEnable : LdpcDecFlags.None) : LdpcDecFlags.None);
        if (harq && random.Next(8) == 0)
        {
            flags |= LdpcDecFlags.DecodeBypass;
        }

        CrcType? crc = BbdevOpValidator.DecoderCrc(flags);
        if (crc is { } type && p.KPrime <= CrcCalculator.Length(type) + 8)
        {
            flags &= ~(LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc16Check);
            crc = null;
        }

        if ((flags & LdpcDecFlags.Crc24BCheck) != 0 && random.Next(2) == 0 && p.KPrime > 32)
        {
            flags |= LdpcDecFlags.Crc24BDrop;
        }

        int EOf(int b) => mode == CodeBlockMode.CodeBlock ? p.E : tb.EOf(tb.R + b);
        int total = 0;
        for (int b = 0; b < blocks; b++)
        {
            total += EOf(b);
        }

        var llrs = new byte[total];
        if (random.Next(4) == 0)
        {
            for (int i = 0; i < total; i++)
            {
                llrs[i] = (byte)(sbyte)Saturate(random, (random.Next(2) == 0 ? 1 : -1) * random.Next(0, 64));
            }
        }
        else
        {
            // A real transmission: information with the CRC the decoder checks, encoded, plus noise.
            int amplitude = random.Next(2, 48);
            int noise = random.Next(2) == 0 ? random.Next(0, (3 * amplitude / 4) + 1) : random.Next(0, (3 * amplitude / 2) + 1);
            int offset = 0;
            for (int b = 0; b < blocks; b++)
            {
                LdpcBlockParameters cb = p with { E = EOf(b) };
                byte[] info = new byte[LdpcCodeBlockEngine.EncoderInputBytes(cb, crc)];
                random.NextBytes(info);
                byte[] coded = new byte[LdpcCodeBlockEngine.EncodedBytes(cb)];
                s_engine.Encode(cb, info, crc, coded);
                for (int j = 0; j < cb.E; j++)
                {
                    int bit = (coded[j >> 3] >> (7 - (j & 7))) & 1;
                    llrs[offset + j] = (byte)(sbyte)SaturateTowards(random, bit, (bit == 0 ? amplitude : -amplitude) + random.Next(-noise, noise + 1));
                }

                offset += cb.E;
            }
        }

        byte[] harqIn = new byte[harq ? Math.Min(p.CompactLength, random.Next(1, p.CompactLength + 64)) : 0];
        random.NextBytes(harqIn);
        return new RandomDecodeCase(p, mode, tb, blocks, flags, llrs, harqIn, random.Next(1, 9));
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

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
