using System.Buffers;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// Rate matching of TS 36.212 5.1.4.1: the three encoded streams go through the sub-block interleaver (32 columns,
/// R_TC rows, ND leading NULLs, the inter-column permutation of Table 5.1.4-1; d2 shifted by one), bit collection
/// builds the virtual circular buffer w = v0 ‖ interlace(v1, v2) of Kw = 3·Kπ bits, and bit selection reads E bits
/// from k0 onwards, wrapping at Ncb and skipping NULLs.
/// </summary>
public static class TurboRateMatcher
{
    /// <summary>
    /// Rate-matches one encoded code block: <paramref name="streams"/> holds d0 ‖ d1 ‖ d2 (3·(K + 4) bits, MSB-first,
    /// the encoder output without rate matching); ⌈E/8⌉ bytes of e_0..e_E−1 go to <paramref name="output"/> (MSB-first,
    /// unused trailing bits 0).
    /// </summary>
    /// <exception cref="ArgumentException">A parameter is invalid or a buffer is too short.</exception>
    public static void Match(in TurboBlockParameters parameters, ReadOnlySpan<byte> streams, Span<byte> output)
    {
        TurboBlockParameters p = parameters with { RateMatch = true };
        p.EnsureValid();
        int bits = 3 * p.D;
        if (streams.Length < (bits + 7) >> 3 || output.Length < (p.E + 7) >> 3)
        {
            throw new ArgumentException($"rate matching K = {p.K}, E = {p.E} needs {(bits + 7) >> 3} input and {(p.E + 7) >> 3} output bytes; got {streams.Length} and {output.Length}.");
        }

        byte[] unpacked = ArrayPool<byte>.Shared.Rent(bits + 8);
        try
        {
            TurboEncoder.Unpack(streams[..(bits >> 3)], unpacked);
            for (int i = bits & ~7; i < bits; i++)
            {
                unpacked[i] = (byte)((streams[i >> 3] >> (7 - (i & 7))) & 1);
            }

            SelectBits(TurboCodeTables.Get(p.K), unpacked, p.K0, p.NcbEffective, p.E, output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(unpacked);
        }
    }

    /// <summary>
    /// Bit selection over the tables: e_j = d[source[(k0′ + j) mod n]], where n counts the non-NULL positions below Ncb
    /// and k0′ those below k0; writes ⌈E/8⌉ packed bytes.
    /// </summary>
    internal static void SelectBits(TurboCodeTables tables, ReadOnlySpan<byte> d, int k0, int ncb, int e, Span<byte> output)
    {
        ReadOnlySpan<ushort> source = tables.CircularSource;
        int n = tables.CompactIndexOf(ncb);
        int index = tables.CompactIndexOf(k0 % ncb);
        if (index >= n)
        {
            index = 0;
        }

        int whole = e >> 3;
        for (int i = 0; i < whole; i++)
        {
            int value = 0;
            for (int b = 0; b < 8; b++)
            {
                value = (value << 1) | d[source[index]];
                if (++index == n)
                {
                    index = 0;
                }
            }

            output[i] = (byte)value;
        }

        int rest = e & 7;
        if (rest != 0)
        {
            int value = 0;
            for (int b = 0; b < rest; b++)
            {
                value |= d[source[index]] << (7 - b);
                if (++index == n)
                {
                    index = 0;
                }
            }

            output[whole] = (byte)value;
        }
    }

    /// <summary>
    /// The reference, straight from the standard: builds w with NULLs explicitly and selects bits one by one.
    /// <paramref name="d"/> is d0 ‖ d1 ‖ d2 one bit per byte; <paramref name="e"/> receives E bits one per byte.
    /// </summary>
    internal static void MatchReference(in TurboBlockParameters p, ReadOnlySpan<byte> d, Span<byte> e)
    {
        const int Null = 2;
        byte[] w = CircularBufferReference(p, d, Null);
        int ncb = p.NcbEffective;
        int k0 = p.K0;
        int taken = 0;
        for (int j = 0; taken < p.E; j++)
        {
            byte bit = w[(k0 + j) % ncb];
            if (bit != Null)
            {
                e[taken++] = bit;
            }
        }
    }

    /// <summary>
    /// w of 5.1.4.1.2 from the three streams (one bit per byte): y = ND NULLs then d; v0/v1 read column by column
    /// through the permutation P, v2 with the extra shift π(k) = (P[⌊k/R⌋] + 32·(k mod R) + 1) mod Kπ;
    /// w_k = v0_k, w_Kπ+2k = v1_k, w_Kπ+2k+1 = v2_k. NULL positions hold <paramref name="nullValue"/>.
    /// </summary>
    internal static byte[] CircularBufferReference(in TurboBlockParameters p, ReadOnlySpan<byte> d, byte nullValue)
    {
        int length = p.D;
        int rows = p.Rows;
        int kPi = p.KPi;
        int dummies = kPi - length;
        var w = new byte[p.Kw];
        ReadOnlySpan<byte> permutation = TurboCodeTables.ColumnPermutation;
        for (int k = 0; k < kPi; k++)
        {
            int y01 = permutation[k / rows] + (32 * (k % rows));
            int y2 = (permutation[k / rows] + (32 * (k % rows)) + 1) % kPi;
            w[k] = y01 < dummies ? nullValue : d[y01 - dummies];
            w[kPi + (2 * k)] = y01 < dummies ? nullValue : d[length + y01 - dummies];
            w[kPi + (2 * k) + 1] = y2 < dummies ? nullValue : d[(2 * length) + y2 - dummies];
        }

        return w;
    }
}
