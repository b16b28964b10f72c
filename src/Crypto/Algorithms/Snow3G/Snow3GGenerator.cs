using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Crypto.Algorithms.Snow3G;

/// <summary>
/// SNOW 3G keystream generator, table driven: S1, S2, MULα and DIVα are single lookups, and the LFSR lives in a
/// 32-word window that slides instead of shifting (each clock writes s16 after the window; every 16 clocks the upper
/// half is copied down), so a clock costs eight loads from L1-resident tables and a dozen ALU operations.
/// Bit-exact with <see cref="Snow3GReference"/>. A value type: lives on the caller's stack, never allocates.
/// </summary>
internal struct Snow3GGenerator
{
    private Window _s;
    private int _head;
    private uint _r1, _r2, _r3;

    /// <summary>Loads a 16-byte key and IV, runs the 32 initialisation clocks and the discarded clock (spec 3.4.4–3.4.5).</summary>
    public void Initialize(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        uint k0 = BinaryPrimitives.ReadUInt32BigEndian(key[12..]), k1 = BinaryPrimitives.ReadUInt32BigEndian(key[8..]);
        uint k2 = BinaryPrimitives.ReadUInt32BigEndian(key[4..]), k3 = BinaryPrimitives.ReadUInt32BigEndian(key);
        uint iv0 = BinaryPrimitives.ReadUInt32BigEndian(iv[12..]), iv1 = BinaryPrimitives.ReadUInt32BigEndian(iv[8..]);
        uint iv2 = BinaryPrimitives.ReadUInt32BigEndian(iv[4..]), iv3 = BinaryPrimitives.ReadUInt32BigEndian(iv);
        const uint one = 0xFFFF_FFFF;
        Span<uint> s = _s;
        s[0] = k0 ^ one;
        s[1] = k1 ^ one;
        s[2] = k2 ^ one;
        s[3] = k3 ^ one;
        s[4] = k0;
        s[5] = k1;
        s[6] = k2;
        s[7] = k3;
        s[8] = k0 ^ one;
        s[9] = k1 ^ one ^ iv3;
        s[10] = k2 ^ one ^ iv2;
        s[11] = k3 ^ one;
        s[12] = k0 ^ iv1;
        s[13] = k1;
        s[14] = k2;
        s[15] = k3 ^ iv0;
        _head = 0;
        _r1 = _r2 = _r3 = 0;
        for (int i = 0; i < 32; i++)
        {
            Clock(initialisation: true);
        }

        Clock(initialisation: false);
    }

    /// <summary>Fills <paramref name="keystream"/> with the next keystream words.</summary>
    public void Generate(Span<uint> keystream)
    {
        ref uint destination = ref MemoryMarshal.GetReference(keystream);
        for (int t = 0; t < keystream.Length; t += 16)
        {
            Run(ref Unsafe.Add(ref destination, t), Math.Min(16, keystream.Length - t), bigEndianBytes: false);
        }
    }

    /// <summary>Fills <paramref name="keystream"/> with the next keystream bytes (words big-endian; length a multiple of 4).</summary>
    public void GenerateBytes(Span<byte> keystream)
    {
        ref uint destination = ref Unsafe.As<byte, uint>(ref MemoryMarshal.GetReference(keystream));
        int words = keystream.Length >> 2;
        for (int t = 0; t < words; t += 16)
        {
            Run(ref Unsafe.Add(ref destination, t), Math.Min(16, words - t), bigEndianBytes: true);
        }
    }

    /// <summary>Keystream-mode clocks with the FSM registers and window position in locals (written back once).</summary>
    private void Run(ref uint destination, int count, bool bigEndianBytes)
    {
        ref uint window = ref Unsafe.As<Window, uint>(ref _s);
        ref uint s1a = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.S1);
        ref uint s1b = ref Unsafe.Add(ref s1a, 256);
        ref uint s1c = ref Unsafe.Add(ref s1a, 512);
        ref uint s1d = ref Unsafe.Add(ref s1a, 768);
        ref uint s2a = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.S2);
        ref uint s2b = ref Unsafe.Add(ref s2a, 256);
        ref uint s2c = ref Unsafe.Add(ref s2a, 512);
        ref uint s2d = ref Unsafe.Add(ref s2a, 768);
        ref uint mulAlpha = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.MulAlpha);
        ref uint divAlpha = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.DivAlpha);
        int head = _head;
        uint r1 = _r1, r2 = _r2, r3 = _r3;
        for (int t = 0; t < count; t++)
        {
            ref uint s = ref Unsafe.Add(ref window, head);
            uint s0 = s, s11 = Unsafe.Add(ref s, 11);
            uint f = unchecked(Unsafe.Add(ref s, 15) + r1) ^ r2;
            uint r = unchecked(r2 + (r3 ^ Unsafe.Add(ref s, 5)));
            r3 = Unsafe.Add(ref s2a, r2 >> 24) ^ Unsafe.Add(ref s2b, (byte)(r2 >> 16)) ^ Unsafe.Add(ref s2c, (byte)(r2 >> 8)) ^ Unsafe.Add(ref s2d, (byte)r2);
            r2 = Unsafe.Add(ref s1a, r1 >> 24) ^ Unsafe.Add(ref s1b, (byte)(r1 >> 16)) ^ Unsafe.Add(ref s1c, (byte)(r1 >> 8)) ^ Unsafe.Add(ref s1d, (byte)r1);
            r1 = r;
            Unsafe.Add(ref s, 16) = (s0 << 8) ^ Unsafe.Add(ref mulAlpha, s0 >> 24) ^ Unsafe.Add(ref s, 2) ^ (s11 >> 8) ^ Unsafe.Add(ref divAlpha, (byte)s11);
            uint z = f ^ s0;
            Unsafe.Add(ref destination, t) = bigEndianBytes ? BinaryPrimitives.ReverseEndianness(z) : z;
            if (++head == 16)
            {
                Slide(ref window);
                head = 0;
            }
        }

        _head = head;
        _r1 = r1;
        _r2 = r2;
        _r3 = r3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Slide(ref uint window)
    {
        ref byte bytes = ref Unsafe.As<uint, byte>(ref window);
        Unsafe.CopyBlockUnaligned(ref bytes, ref Unsafe.Add(ref bytes, 64), 64);
    }

    /// <summary>
    /// One clock: FSM output F, keystream word z = F ⊕ s0, LFSR update (with F fed back during initialisation).
    /// </summary>
    /// <returns>z (meaningful in keystream mode).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Clock(bool initialisation)
    {
        ref uint s = ref Unsafe.Add(ref Unsafe.As<Window, uint>(ref _s), _head);
        ref uint s1 = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.S1);
        ref uint s2 = ref MemoryMarshal.GetArrayDataReference(Snow3GTables.S2);
        uint s0 = s;
        uint s11 = Unsafe.Add(ref s, 11);
        uint f = unchecked(Unsafe.Add(ref s, 15) + _r1) ^ _r2;
        uint r = unchecked(_r2 + (_r3 ^ Unsafe.Add(ref s, 5)));
        uint r2 = _r2, r1 = _r1;
        _r3 = Unsafe.Add(ref s2, (int)(r2 >> 24)) ^ Unsafe.Add(ref s2, 256 + (int)((r2 >> 16) & 0xFF))
            ^ Unsafe.Add(ref s2, 512 + (int)((r2 >> 8) & 0xFF)) ^ Unsafe.Add(ref s2, 768 + (int)(r2 & 0xFF));
        _r2 = Unsafe.Add(ref s1, (int)(r1 >> 24)) ^ Unsafe.Add(ref s1, 256 + (int)((r1 >> 16) & 0xFF))
            ^ Unsafe.Add(ref s1, 512 + (int)((r1 >> 8) & 0xFF)) ^ Unsafe.Add(ref s1, 768 + (int)(r1 & 0xFF));
        _r1 = r;
        uint v = (s0 << 8) ^ Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Snow3GTables.MulAlpha), (int)(s0 >> 24))
            ^ Unsafe.Add(ref s, 2) ^ (s11 >> 8) ^ Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Snow3GTables.DivAlpha), (int)(s11 & 0xFF));
        if (initialisation)
        {
            v ^= f;
        }

        Unsafe.Add(ref s, 16) = v;
        if (++_head == 16)
        {
            // Slide the window: s1..s16 were at [16..32); move them down so the next 16 clocks fit again.
            Slide(ref Unsafe.As<Window, uint>(ref _s));
            _head = 0;
        }

        return f ^ s0;
    }

    [InlineArray(32)]
    private struct Window
    {
        private uint _element;
    }
}
