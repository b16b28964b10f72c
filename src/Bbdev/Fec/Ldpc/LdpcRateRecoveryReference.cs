namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The readable rate recovery of the receiver (the inverse of TS 38.212 5.4.2): de-interleave, then accumulate each
/// LLR into the compact circular buffer, with HARQ combining, in int8 with saturation at ±127.
/// </summary>
internal static class LdpcRateRecoveryReference
{
    /// <summary>
    /// Combines <paramref name="harqInput"/> (clipped to Ncb − F) and the E received LLRs into
    /// <paramref name="output"/>; returns the combined length <see cref="LdpcCircularBuffer.CombinedLength"/>.
    /// </summary>
    /// <remarks>
    /// Order of the saturating additions, which the vector path keeps: the HARQ input first, then e[0], e[1], … in
    /// de-interleaved order, each added to compact position (k0′ + k) mod (Ncb − F).
    /// </remarks>
    public static int Recover(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, ReadOnlySpan<sbyte> harqInput, Span<sbyte> output)
    {
        int compactLength = parameters.CompactLength;
        int length = LdpcCircularBuffer.CombinedLength(parameters, harqInput.Length);
        output[..length].Clear();
        int harqLength = Math.Min(harqInput.Length, compactLength);
        for (int t = 0; t < harqLength; t++)
        {
            output[t] = Saturate(harqInput[t]);
        }

        sbyte[] e = Deinterleave(llrs[..parameters.E], parameters.InterleaverBypass ? 1 : parameters.Qm);
        int k0 = parameters.K0Compact;
        for (int k = 0; k < e.Length; k++)
        {
            int position = (int)(((long)k0 + k) % compactLength);
            output[position] = Saturate(output[position] + e[k]);
        }

        return length;
    }

    /// <summary>The inverse of the bit interleaver: e[i·E/Qm + j] = y[i + j·Qm].</summary>
    public static sbyte[] Deinterleave(ReadOnlySpan<sbyte> y, int qm)
    {
        sbyte[] e = new sbyte[y.Length];
        int rowLength = y.Length / qm;
        for (int j = 0; j < rowLength; j++)
        {
            for (int i = 0; i < qm; i++)
            {
                e[(i * rowLength) + j] = y[i + (j * qm)];
            }
        }

        return e;
    }

    private static sbyte Saturate(int value) => (sbyte)Math.Clamp(value, -127, 127);
}
