using System.Buffers;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The receive side of <see cref="TurboRateMatcher"/>: E received LLRs (in transmitted order) are put back at their
/// positions of the virtual circular buffer w, repeated positions summed (saturating at ±127), NULL and never-sent
/// positions 0. The result is what a bbdev turbo decode op takes with SUBBLOCK_DEINTERLEAVE: 3·Kπ LLRs.
/// </summary>
public static class TurboRateRecovery
{
    /// <summary>
    /// Writes the Kw = 3·Kπ LLRs of w into <paramref name="circularBuffer"/> from the first E of <paramref name="llrs"/>
    /// (E, k0, Ncb from <paramref name="parameters"/>). The sign convention passes through unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter is invalid or a buffer is too short.</exception>
    public static void Recover(in TurboBlockParameters parameters, ReadOnlySpan<sbyte> llrs, Span<sbyte> circularBuffer)
    {
        TurboBlockParameters p = parameters with { RateMatch = true };
        p.EnsureValid();
        if (llrs.Length < p.E || circularBuffer.Length < p.Kw)
        {
            throw new ArgumentException($"rate recovery K = {p.K}, E = {p.E} needs {p.E} LLRs and a {p.Kw}-LLR buffer; got {llrs.Length} and {circularBuffer.Length}.");
        }

        TurboCodeTables tables = TurboCodeTables.Get(p.K);
        ReadOnlySpan<ushort> position = tables.CircularPosition;
        int ncb = p.NcbEffective;
        int n = tables.CompactIndexOf(ncb);
        int index = tables.CompactIndexOf(p.K0 % ncb);
        if (index >= n)
        {
            index = 0;
        }

        int[] sums = ArrayPool<int>.Shared.Rent(p.Kw);
        try
        {
            Span<int> acc = sums.AsSpan(0, p.Kw);
            acc.Clear();
            for (int j = 0; j < p.E; j++)
            {
                acc[position[index]] += llrs[j];
                if (++index == n)
                {
                    index = 0;
                }
            }

            for (int i = 0; i < acc.Length; i++)
            {
                circularBuffer[i] = (sbyte)Math.Clamp(acc[i], -127, 127);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sums);
        }
    }

    /// <summary>The reference: walks w with its NULLs as the standard's bit selection does and sums into each position.</summary>
    internal static void RecoverReference(in TurboBlockParameters p, ReadOnlySpan<sbyte> llrs, Span<sbyte> circularBuffer)
    {
        // Mark NULLs by running the reference circular buffer over a stream of ones.
        byte[] ones = new byte[3 * p.D];
        ones.AsSpan().Fill(1);
        byte[] marks = TurboRateMatcher.CircularBufferReference(p, ones, 0);
        int[] acc = new int[p.Kw];
        int ncb = p.NcbEffective;
        int k0 = p.K0;
        int taken = 0;
        for (int j = 0; taken < p.E; j++)
        {
            int position = (k0 + j) % ncb;
            if (marks[position] != 0)
            {
                acc[position] += llrs[taken++];
            }
        }

        for (int i = 0; i < acc.Length; i++)
        {
            circularBuffer[i] = (sbyte)Math.Clamp(acc[i], -127, 127);
        }
    }
}
