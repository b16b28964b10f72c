namespace AccelSdk.Bbdev.Fec;

/// <summary>
/// Conversions between bbdev's packed bit streams (MSB-first: bit 0 is 0x80 of byte 0, unused trailing bits 0) and
/// one byte (0 or 1) per bit, the layout of the scalar references.
/// </summary>
internal static class BitPacking
{
    /// <summary>bits[i] = bit i of <paramref name="packed"/> (0 or 1), for i &lt; bits.Length.</summary>
    public static void UnpackReference(ReadOnlySpan<byte> packed, Span<byte> bits)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (byte)((packed[i >> 3] >> (7 - (i & 7))) & 1);
        }
    }

    /// <summary>Packs bits (0 or 1 each) into ceil(n/8) bytes, MSB-first, trailing bits 0.</summary>
    public static void PackReference(ReadOnlySpan<byte> bits, Span<byte> packed)
    {
        packed[..((bits.Length + 7) >> 3)].Clear();
        for (int i = 0; i < bits.Length; i++)
        {
            packed[i >> 3] |= (byte)((bits[i] & 1) << (7 - (i & 7)));
        }
    }
}
