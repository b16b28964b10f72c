using System.Diagnostics.CodeAnalysis;

namespace AccelSdk.Bbdev.Fec.Crc;

/// <summary>
/// CRC attach and check over bit strings of any length (TS 38.212 5.1), bits packed MSB-first in bytes as bbdev
/// buffers hold them.
/// </summary>
/// <remarks>
/// <see cref="Compute"/>, <see cref="Attach"/> and <see cref="Check"/> run the fast path: carry-less multiply folding
/// (PCLMULQDQ, VPCLMULQDQ on 256 or 512 bits) over whole 16-byte blocks, then the table for the last bytes and bits
/// (CrcCalculator.Folding.cs). The <c>…Reference</c> methods are the readable reference: a byte-at-a-time table over
/// whole bytes, then the remaining bits one by one. Both give the same result for every input.
/// </remarks>
public static partial class CrcCalculator
{
    private static readonly uint[] s_table24A = BuildTable(0x864CFB, 24);
    private static readonly uint[] s_table24B = BuildTable(0x800063, 24);
    private static readonly uint[] s_table16 = BuildTable(0x1021, 16);

    /// <summary>Number of parity bits L of a CRC: 24 or 16.</summary>
    public static int Length(CrcType type) => type == CrcType.Crc16 ? 16 : 24;

    /// <summary>The generator polynomial without its leading term (0x864CFB, 0x800063 or 0x1021).</summary>
    public static uint Polynomial(CrcType type) => type switch
    {
        CrcType.Crc24A => 0x864CFB,
        CrcType.Crc24B => 0x800063,
        CrcType.Crc16 => 0x1021,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown CRC type."),
    };

    /// <summary>
    /// Computes the CRC of the first <paramref name="lengthBits"/> bits of <paramref name="data"/> (MSB-first).
    /// </summary>
    /// <param name="type">Which CRC.</param>
    /// <param name="data">The bits, packed MSB-first (bit 0 is 0x80 of byte 0).</param>
    /// <param name="lengthBits">How many bits to cover, 0..8·data.Length; need not be a multiple of 8.</param>
    /// <param name="width">
    /// The implementation: <see cref="SimdWidth.Scalar"/> is the table reference, V128/V256/V512 fold with
    /// PCLMULQDQ on 128/256/512 bits (emulated from narrower carry-less multiplies where the CPU lacks the wide
    /// form, and the table where it has none); <see cref="SimdWidth.Auto"/> picks the widest native one.
    /// </param>
    /// <returns>The L parity bits p0..pL−1 as an integer whose most significant of L bits is p0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthBits"/> is negative or exceeds the data, or <paramref name="width"/> is unknown.</exception>
    public static uint Compute(CrcType type, ReadOnlySpan<byte> data, int lengthBits, SimdWidth width = SimdWidth.Auto)
    {
        ValidateLength(data.Length, lengthBits);
        int wholeBytes = lengthBits >> 3;
        uint crc = UpdateBytes(type, data[..wholeBytes], ResolveWidth(width));
        return TailUpdate(type, crc, data, lengthBits);
    }

    /// <summary>
    /// Writes the CRC of the first <paramref name="lengthBits"/> bits right after them (bits lengthBits ..
    /// lengthBits + L − 1, MSB-first). Bits after those are left as they were.
    /// </summary>
    /// <param name="type">Which CRC.</param>
    /// <param name="data">The bits, packed MSB-first, with room for L more bits.</param>
    /// <param name="lengthBits">How many data bits precede the CRC; need not be a multiple of 8.</param>
    /// <param name="width">The implementation, as for <see cref="Compute"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The buffer has no room for the L parity bits.</exception>
    public static void Attach(CrcType type, Span<byte> data, int lengthBits, SimdWidth width = SimdWidth.Auto)
    {
        int crcLength = Length(type);
        ValidateLength(data.Length, lengthBits + crcLength);
        uint crc = Compute(type, data, lengthBits, width);
        WriteBits(data, lengthBits, crc, crcLength);
    }

    /// <summary>
    /// Checks a block whose last L of <paramref name="lengthBits"/> bits are the CRC of the bits before them.
    /// </summary>
    /// <param name="type">Which CRC.</param>
    /// <param name="data">The bits, packed MSB-first.</param>
    /// <param name="lengthBits">Data plus CRC bits, at least L.</param>
    /// <param name="width">The implementation, as for <see cref="Compute"/>.</param>
    /// <returns>True when the attached CRC matches.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthBits"/> is shorter than L or exceeds the data.</exception>
    public static bool Check(CrcType type, ReadOnlySpan<byte> data, int lengthBits, SimdWidth width = SimdWidth.Auto)
    {
        int crcLength = Length(type);
        ValidateLength(data.Length, lengthBits);
        ValidateCheckLength(lengthBits, crcLength);
        return Compute(type, data, lengthBits - crcLength, width) == ReadBits(data, lengthBits - crcLength, crcLength);
    }

    /// <summary>
    /// Computes the CRC of the first <paramref name="lengthBits"/> bits of <paramref name="data"/> (MSB-first).
    /// </summary>
    /// <returns>The L parity bits p0..pL−1 as an integer whose most significant of L bits is p0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthBits"/> is negative or exceeds the data.</exception>
    public static uint ComputeReference(CrcType type, ReadOnlySpan<byte> data, int lengthBits)
    {
        ValidateLength(data.Length, lengthBits);
        int wholeBytes = lengthBits >> 3;
        uint crc = TableUpdate(type, 0, data[..wholeBytes]);
        return TailUpdate(type, crc, data, lengthBits);
    }

    /// <summary>
    /// Advances the shift register <paramref name="crc"/> over whole bytes, MSB-first: the register's top 8 bits
    /// combine with the next data byte to index the table of 8 division steps.
    /// </summary>
    internal static uint TableUpdate(CrcType type, uint crc, ReadOnlySpan<byte> bytes)
    {
        int width = Length(type);
        uint[] table = Table(type);
        uint mask = (1u << width) - 1;
        int shift = width - 8;
        foreach (byte b in bytes)
        {
            uint top = ((crc >> shift) ^ b) & 0xFF;
            crc = ((crc << 8) ^ table[top]) & mask;
        }

        return crc;
    }

    /// <summary>Advances <paramref name="crc"/> over the last <paramref name="lengthBits"/> mod 8 bits, one by one, MSB first.</summary>
    internal static uint TailUpdate(CrcType type, uint crc, ReadOnlySpan<byte> data, int lengthBits)
    {
        int width = Length(type);
        uint poly = Polynomial(type);
        uint mask = (1u << width) - 1;
        int wholeBytes = lengthBits >> 3;
        int tail = lengthBits & 7;
        for (int b = 0; b < tail; b++)
        {
            uint bit = (uint)(data[wholeBytes] >> (7 - b)) & 1;
            uint feedback = ((crc >> (width - 1)) & 1) ^ bit;
            crc = ((crc << 1) & mask) ^ (feedback != 0 ? poly : 0);
        }

        return crc;
    }

    /// <summary>
    /// Writes the CRC of the first <paramref name="lengthBits"/> bits right after them (bits lengthBits ..
    /// lengthBits + L − 1, MSB-first). Bits after those are left as they were.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The buffer has no room for the L parity bits.</exception>
    public static void AttachReference(CrcType type, Span<byte> data, int lengthBits)
    {
        int width = Length(type);
        ValidateLength(data.Length, lengthBits + width);
        uint crc = ComputeReference(type, data, lengthBits);
        WriteBits(data, lengthBits, crc, width);
    }

    /// <summary>
    /// Checks a block whose last L of <paramref name="lengthBits"/> bits are the CRC of the bits before them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthBits"/> is shorter than L or exceeds the data.</exception>
    public static bool CheckReference(CrcType type, ReadOnlySpan<byte> data, int lengthBits)
    {
        int width = Length(type);
        ValidateLength(data.Length, lengthBits);
        ValidateCheckLength(lengthBits, width);
        return ComputeReference(type, data, lengthBits - width) == ReadBits(data, lengthBits - width, width);
    }

    /// <summary>Reads <paramref name="count"/> (≤ 32) bits starting at bit <paramref name="bitOffset"/>, MSB-first.</summary>
    internal static uint ReadBits(ReadOnlySpan<byte> data, int bitOffset, int count)
    {
        uint value = 0;
        for (int i = 0; i < count; i++)
        {
            int bit = bitOffset + i;
            value = (value << 1) | (uint)((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        }

        return value;
    }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/> at bit <paramref name="bitOffset"/>, MSB-first.</summary>
    internal static void WriteBits(Span<byte> data, int bitOffset, uint value, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int bit = bitOffset + i;
            int shift = 7 - (bit & 7);
            byte set = (byte)(((value >> (count - 1 - i)) & 1) << shift);
            data[bit >> 3] = (byte)((data[bit >> 3] & ~(1 << shift)) | set);
        }
    }

    internal static uint[] Table(CrcType type) => type switch
    {
        CrcType.Crc24A => s_table24A,
        CrcType.Crc24B => s_table24B,
        CrcType.Crc16 => s_table16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown CRC type."),
    };

    private static void ValidateLength(int bytes, int lengthBits)
    {
        if (lengthBits < 0 || lengthBits > (long)bytes * 8)
        {
            ThrowLength(bytes, lengthBits);
        }
    }

    private static void ValidateCheckLength(int lengthBits, int crcLength)
    {
        if (lengthBits < crcLength)
        {
            ThrowCheckLength(lengthBits, crcLength);
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(int bytes, int lengthBits) =>
        throw new ArgumentOutOfRangeException(nameof(lengthBits), lengthBits, $"lengthBits = {lengthBits} is invalid: allowed [0, {(long)bytes * 8}] for a {bytes}-byte buffer.");

    [DoesNotReturn]
    private static void ThrowCheckLength(int lengthBits, int crcLength) =>
        throw new ArgumentOutOfRangeException(nameof(lengthBits), lengthBits, $"lengthBits = {lengthBits} is invalid: a block with a {crcLength}-bit CRC holds at least {crcLength} bits.");

    private static uint[] BuildTable(uint poly, int width)
    {
        // Entry t = the register after shifting byte t (placed in the top 8 bits) through 8 steps of division.
        var table = new uint[256];
        uint top = 1u << (width - 1);
        uint mask = (1u << width) - 1;
        for (uint t = 0; t < 256; t++)
        {
            uint crc = t << (width - 8);
            for (int b = 0; b < 8; b++)
            {
                crc = (crc & top) != 0 ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
            }

            table[t] = crc;
        }

        return table;
    }
}
