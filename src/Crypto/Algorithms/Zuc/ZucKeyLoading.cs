namespace AccelSdk.Crypto.Algorithms.Zuc;

/// <summary>
/// Initial LFSR contents for ZUC-128 (ETSI/SAGE 128-EEA3 &amp; 128-EIA3 Document 2, 3.5.1: s_i = k_i ‖ d_i ‖ iv_i)
/// and ZUC-256 (the 2018 ZUC-256 paper: each 31-bit cell is an 8-bit key byte, a 7-bit constant, and two more key
/// or IV bytes, with the six-bit IV17..IV24 folded into the constants and K31 split across s14 and s15).
/// </summary>
internal static class ZucKeyLoading
{
    /// <summary>ZUC-128: 16-byte key and IV.</summary>
    public static void Load128(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, Span<uint> s)
    {
        for (int i = 0; i < 16; i++)
        {
            s[i] = ((uint)key[i] << 23) | ((uint)ZucTables.D128[i] << 8) | iv[i];
        }
    }

    /// <summary>ZUC-256: 32-byte key, 25-byte IV (IV17..IV24 in the low six bits of bytes 17..24), constants <paramref name="d"/>.</summary>
    public static void Load256(ReadOnlySpan<byte> k, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> d, Span<uint> s)
    {
        s[0] = Cell(k[0], d[0], k[21], k[16]);
        s[1] = Cell(k[1], d[1], k[22], k[17]);
        s[2] = Cell(k[2], d[2], k[23], k[18]);
        s[3] = Cell(k[3], d[3], k[24], k[19]);
        s[4] = Cell(k[4], d[4], k[25], k[20]);
        s[5] = Cell(iv[0], d[5] | (iv[17] & 0x3F), k[5], k[26]);
        s[6] = Cell(iv[1], d[6] | (iv[18] & 0x3F), k[6], k[27]);
        s[7] = Cell(iv[10], d[7] | (iv[19] & 0x3F), k[7], iv[2]);
        s[8] = Cell(k[8], d[8] | (iv[20] & 0x3F), iv[3], iv[11]);
        s[9] = Cell(k[9], d[9] | (iv[21] & 0x3F), iv[12], iv[4]);
        s[10] = Cell(iv[5], d[10] | (iv[22] & 0x3F), k[10], k[28]);
        s[11] = Cell(k[11], d[11] | (iv[23] & 0x3F), iv[6], iv[13]);
        s[12] = Cell(k[12], d[12] | (iv[24] & 0x3F), iv[7], iv[14]);
        s[13] = Cell(k[13], d[13], iv[15], iv[8]);
        s[14] = Cell(k[14], d[14] | (k[31] >> 4), iv[16], iv[9]);
        s[15] = Cell(k[15], d[15] | (k[31] & 0x0F), k[30], k[29]);
    }

    private static uint Cell(int a, int d, int b, int c) => ((uint)a << 23) | ((uint)(d & 0x7F) << 16) | ((uint)b << 8) | (uint)c;
}
