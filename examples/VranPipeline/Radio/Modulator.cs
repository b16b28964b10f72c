namespace VranPipeline.Radio;

/// <summary>Maps coded bits to complex symbols (TS 38.211 5.1), as separate in-phase and quadrature arrays.</summary>
public static class Modulator
{
    /// <summary>
    /// Modulates the first <paramref name="bitCount"/> bits of <paramref name="bits"/> (packed MSB-first, as an LDPC
    /// encoder writes them) into <paramref name="bitCount"/> / Qm symbols.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bitCount"/> is not a multiple of Qm, or a span is too short.</exception>
    public static void Modulate(Modulation modulation, ReadOnlySpan<byte> bits, int bitCount, Span<float> inPhase, Span<float> quadrature)
    {
        Constellation constellation = Constellation.Of(modulation);
        int qm = constellation.Qm;
        int symbols = bitCount / qm;
        if (bitCount % qm != 0 || bits.Length * 8L < bitCount || inPhase.Length < symbols || quadrature.Length < symbols)
        {
            throw new ArgumentException($"Cannot modulate {bitCount} bits with Qm = {qm} from {bits.Length} bytes into {Math.Min(inPhase.Length, quadrature.Length)} symbols.");
        }

        float[] iTable = constellation.InPhase;
        float[] qTable = constellation.Quadrature;
        int mask = (1 << qm) - 1;
        ulong window = 0;
        int held = 0;
        int next = 0;
        for (int s = 0; s < symbols; s++)
        {
            if (held < qm)
            {
                window = (window << 8) | bits[next++];
                held += 8;
            }

            int symbol = (int)(window >> (held - qm)) & mask;
            held -= qm;
            inPhase[s] = iTable[symbol];
            quadrature[s] = qTable[symbol];
        }
    }
}
