using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

/// <summary>Random valid code blocks and an independent parity checker for the LDPC tests.</summary>
internal static class LdpcTestCases
{
    private static readonly int[] s_modulations = [1, 2, 4, 6, 8];

    /// <summary>
    /// A random valid code block drawn from <paramref name="seed"/>: either base graph, any of the 51 lifting sizes
    /// (at most <paramref name="maxZc"/>), any filler count, full or limited Ncb, rv 0..3 or an explicit k0, any Qm,
    /// E from 1 symbol to about three circular buffers, with or without interleaver bypass.
    /// </summary>
    public static LdpcBlockParameters Random(int seed, int maxZc = LiftingSizes.Max)
    {
        var random = new Random(seed);
        int bg = random.Next(1, 3);
        int[] sizes = LiftingSizes.All.ToArray().Where(z => z <= maxZc).ToArray();
        int zc = sizes[random.Next(sizes.Length)];
        int kb = bg == 1 ? 22 : 10;
        int n = (bg == 1 ? 66 : 50) * zc;
        int k = kb * zc;
        int maxFiller = k - (2 * zc) - 1;
        int fillers = random.Next(4) == 0 ? 0 : random.Next(0, maxFiller + 1);
        int ncb = random.Next(2) == 0 ? 0 : random.Next(k - (2 * zc), n + 1);
        int ncbEffective = ncb == 0 ? n : ncb;
        int qm = s_modulations[random.Next(s_modulations.Length)];
        int maxSymbols = Math.Max(1, 3 * ncbEffective / qm);
        int symbols = random.Next(4) switch
        {
            0 => random.Next(1, Math.Min(70, maxSymbols) + 1),
            _ => random.Next(1, maxSymbols + 1),
        };
        return new LdpcBlockParameters
        {
            BaseGraph = bg,
            Zc = zc,
            FillerBits = fillers,
            Ncb = ncb,
            Qm = qm,
            E = symbols * qm,
            RvIndex = random.Next(4),
            K0Override = random.Next(10) == 0 ? random.Next(1, ncbEffective) : 0,
            InterleaverBypass = random.Next(5) == 0,
        };
    }

    /// <summary>Random packed bits: <paramref name="bits"/> of them, trailing bits of the last byte random too.</summary>
    public static byte[] RandomBits(Random random, int bits)
    {
        byte[] data = new byte[(bits + 7) / 8];
        random.NextBytes(data);
        return data;
    }

    /// <summary>Bit <paramref name="index"/> (MSB-first) of <paramref name="packed"/>.</summary>
    public static int Bit(ReadOnlySpan<byte> packed, int index) => (packed[index >> 3] >> (7 - (index & 7))) & 1;

    /// <summary>
    /// The full codeword c (columns·Zc bits, one per byte) from the information bits and the circular buffer d:
    /// c[0, 2·Zc) from the input, c[2·Zc + k] = d[k], fillers 0.
    /// </summary>
    public static byte[] FullCodeword(in LdpcBlockParameters p, ReadOnlySpan<byte> input, ReadOnlySpan<byte> d)
    {
        LdpcCode code = p.Code;
        byte[] c = new byte[code.VariableCount];
        for (int v = 0; v < 2 * p.Zc; v++)
        {
            c[v] = (byte)Bit(input, v);
        }

        for (int k = 0; k < p.N; k++)
        {
            c[(2 * p.Zc) + k] = (byte)Bit(d, k);
        }

        return c;
    }

    /// <summary>
    /// The syndrome weight of c under the lifted parity-check matrix, straight from its definition: check
    /// row·Zc + z sums variable column·Zc + (z + P) mod Zc over the row's entries.
    /// </summary>
    public static int SyndromeWeight(LdpcCode code, ReadOnlySpan<byte> c)
    {
        int zc = code.Zc;
        int weight = 0;
        for (int row = 0; row + 1 < code.RowStarts.Length; row++)
        {
            for (int z = 0; z < zc; z++)
            {
                int parity = 0;
                for (int e = code.RowStarts[row]; e < code.RowStarts[row + 1]; e++)
                {
                    parity ^= c[(code.Columns[e] * zc) + ((z + code.Shifts[e]) % zc)];
                }

                weight += parity;
            }
        }

        return weight;
    }
}
