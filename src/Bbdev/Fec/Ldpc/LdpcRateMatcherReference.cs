namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The readable rate matcher (TS 38.212 5.4.2.1 bit selection, 5.4.2.2 bit interleaving), one byte per bit.
/// </summary>
internal static class LdpcRateMatcherReference
{
    /// <summary>
    /// Rate-matches the circular buffer <paramref name="d"/> (N bits, 0/1 each; filler values are ignored) into
    /// E bits packed MSB-first in ceil(E/8) bytes of <paramref name="output"/>.
    /// </summary>
    public static void Match(in LdpcBlockParameters parameters, ReadOnlySpan<byte> d, Span<byte> output)
    {
        byte[] e = Select(parameters, d);
        byte[] f = parameters.InterleaverBypass ? e : Interleave(e, parameters.Qm);
        BitPacking.PackReference(f, output);
    }

    /// <summary>
    /// Bit selection: from k0, walk d cyclically modulo Ncb, skip filler (NULL) bits, take E bits
    /// (k = 0, j = 0; while k &lt; E: if d[(k0 + j) mod Ncb] is not NULL, e[k++] = it; j++).
    /// </summary>
    public static byte[] Select(in LdpcBlockParameters parameters, ReadOnlySpan<byte> d)
    {
        byte[] e = new byte[parameters.E];
        int k0 = parameters.K0;
        int ncb = parameters.NcbEffective;
        for (int k = 0, j = 0; k < e.Length; j++)
        {
            int index = (int)(((long)k0 + j) % ncb);
            if (!LdpcCircularBuffer.IsFiller(parameters, index))
            {
                e[k++] = d[index];
            }
        }

        return e;
    }

    /// <summary>Bit interleaving: f[i + j·Qm] = e[i·E/Qm + j] for i &lt; Qm, j &lt; E/Qm.</summary>
    public static byte[] Interleave(ReadOnlySpan<byte> e, int qm)
    {
        byte[] f = new byte[e.Length];
        int rowLength = e.Length / qm;
        for (int j = 0; j < rowLength; j++)
        {
            for (int i = 0; i < qm; i++)
            {
                f[i + (j * qm)] = e[(i * rowLength) + j];
            }
        }

        return f;
    }
}
