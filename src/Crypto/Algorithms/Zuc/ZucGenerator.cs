using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Crypto.Algorithms.Zuc;

/// <summary>
/// ZUC keystream generator (ZUC-128 and ZUC-256 share everything after key loading). The LFSR lives in a 32-cell
/// sliding window like <c>Snow3GGenerator</c>; the modulo-(2^31 − 1) feedback sums the six rotated terms in 64 bits
/// and folds twice; S(x) is four loads from lane tables. Bit-exact with <see cref="ZucReference"/>. A value type that
/// lives on the caller's stack.
/// </summary>
internal struct ZucGenerator
{
    private const uint Mask31 = 0x7FFF_FFFF;

    private Window _s;
    private int _head;
    private uint _r1, _r2;

    /// <summary>ZUC-128 (EEA3/EIA3): 16-byte key and IV.</summary>
    public void Initialize128(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        ZucKeyLoading.Load128(key, iv, _s);
        Start();
    }

    /// <summary>ZUC-256: 32-byte key, 25-byte IV, and the constant set for the keystream or a MAC length.</summary>
    public void Initialize256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> constants)
    {
        ZucKeyLoading.Load256(key, iv, constants, _s);
        Start();
    }

    /// <summary>Fills <paramref name="keystream"/> with the next words.</summary>
    public void Generate(Span<uint> keystream)
    {
        ref uint destination = ref MemoryMarshal.GetReference(keystream);
        for (int t = 0; t < keystream.Length; t += 16)
        {
            int n = Math.Min(16, keystream.Length - t);
            Run(ref Unsafe.Add(ref destination, t), n, bigEndianBytes: false);
        }
    }

    /// <summary>Fills <paramref name="keystream"/> with the next bytes (words big-endian; length a multiple of 4).</summary>
    public void GenerateBytes(Span<byte> keystream)
    {
        ref uint destination = ref Unsafe.As<byte, uint>(ref MemoryMarshal.GetReference(keystream));
        int words = keystream.Length >> 2;
        for (int t = 0; t < words; t += 16)
        {
            int n = Math.Min(16, words - t);
            Run(ref Unsafe.Add(ref destination, t), n, bigEndianBytes: true);
        }
    }

    /// <summary>
    /// Up to 16 keystream words with the state in locals: the registers and the window position are read once and
    /// written back once, so the JIT keeps them in registers instead of re-loading fields after every store.
    /// </summary>
    private void Run(ref uint destination, int count, bool bigEndianBytes)
    {
        ref uint window = ref Unsafe.As<Window, uint>(ref _s);
        ref uint lane0 = ref MemoryMarshal.GetArrayDataReference(ZucTables.Lanes);
        ref uint lane1 = ref Unsafe.Add(ref lane0, 256);
        ref uint lane2 = ref Unsafe.Add(ref lane0, 512);
        ref uint lane3 = ref Unsafe.Add(ref lane0, 768);
        int head = _head;
        uint r1 = _r1, r2 = _r2;
        for (int t = 0; t < count; t++)
        {
            ref uint s = ref Unsafe.Add(ref window, head);
            uint s0 = s, s15 = Unsafe.Add(ref s, 15);
            uint x0 = ((s15 & 0x7FFF_8000) << 1) | (Unsafe.Add(ref s, 14) & 0xFFFF);
            uint x1 = ((Unsafe.Add(ref s, 11) & 0xFFFF) << 16) | (Unsafe.Add(ref s, 9) >> 15);
            uint x2 = ((Unsafe.Add(ref s, 7) & 0xFFFF) << 16) | (Unsafe.Add(ref s, 5) >> 15);
            uint x3 = ((Unsafe.Add(ref s, 2) & 0xFFFF) << 16) | (s0 >> 15);
            uint z = ((x0 ^ r1) + r2) ^ x3;
            uint w1 = r1 + x1;
            uint w2 = r2 ^ x2;
            uint u = (w1 << 16) | (w2 >> 16);
            uint v = (w2 << 16) | (w1 >> 16);
            u ^= uint.RotateLeft(u, 2) ^ uint.RotateLeft(u, 10) ^ uint.RotateLeft(u, 18) ^ uint.RotateLeft(u, 24);
            v ^= uint.RotateLeft(v, 8) ^ uint.RotateLeft(v, 14) ^ uint.RotateLeft(v, 22) ^ uint.RotateLeft(v, 30);
            r1 = Unsafe.Add(ref lane0, u >> 24) | Unsafe.Add(ref lane1, (byte)(u >> 16))
                | Unsafe.Add(ref lane2, (byte)(u >> 8)) | Unsafe.Add(ref lane3, (byte)u);
            r2 = Unsafe.Add(ref lane0, v >> 24) | Unsafe.Add(ref lane1, (byte)(v >> 16))
                | Unsafe.Add(ref lane2, (byte)(v >> 8)) | Unsafe.Add(ref lane3, (byte)v);
            ulong sum = (ulong)s0 + Rot31(s0, 8) + Rot31(Unsafe.Add(ref s, 4), 20) + Rot31(Unsafe.Add(ref s, 10), 21)
                + Rot31(Unsafe.Add(ref s, 13), 17) + Rot31(s15, 15);
            sum = (sum & Mask31) + (sum >> 31);
            uint s16 = (uint)((sum & Mask31) + (sum >> 31));
            Unsafe.Add(ref s, 16) = s16 == 0 ? Mask31 : s16;
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
    }

    /// <summary>Moves cells [16, 32) of the window to [0, 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Slide(ref uint window)
    {
        ref byte bytes = ref Unsafe.As<uint, byte>(ref window);
        Unsafe.CopyBlockUnaligned(ref bytes, ref Unsafe.Add(ref bytes, 64), 64);
    }

    private void Start()
    {
        _head = 0;
        _r1 = _r2 = 0;
        for (int i = 0; i < 32; i++)
        {
            Clock(init: true, out _);
        }

        // The first word of the working stage is discarded (spec 3.6.2).
        Clock(init: false, out _);
    }

    /// <summary>One clock: bit reorganisation, F, and the LFSR step (with W >> 1 fed in during initialisation).</summary>
    /// <returns>The keystream word Z = W ⊕ X3.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Clock(bool init, out uint w)
    {
        ref uint s = ref Unsafe.Add(ref Unsafe.As<Window, uint>(ref _s), _head);
        uint s0 = s, s2 = Unsafe.Add(ref s, 2), s4 = Unsafe.Add(ref s, 4), s5 = Unsafe.Add(ref s, 5);
        uint s7 = Unsafe.Add(ref s, 7), s9 = Unsafe.Add(ref s, 9), s10 = Unsafe.Add(ref s, 10), s11 = Unsafe.Add(ref s, 11);
        uint s13 = Unsafe.Add(ref s, 13), s14 = Unsafe.Add(ref s, 14), s15 = Unsafe.Add(ref s, 15);

        uint x0 = ((s15 & 0x7FFF_8000) << 1) | (s14 & 0xFFFF);
        uint x1 = ((s11 & 0xFFFF) << 16) | (s9 >> 15);
        uint x2 = ((s7 & 0xFFFF) << 16) | (s5 >> 15);
        uint x3 = ((s2 & 0xFFFF) << 16) | (s0 >> 15);

        w = (x0 ^ _r1) + _r2;
        uint w1 = _r1 + x1;
        uint w2 = _r2 ^ x2;
        uint u = (w1 << 16) | (w2 >> 16);
        uint v = (w2 << 16) | (w1 >> 16);
        u ^= uint.RotateLeft(u, 2) ^ uint.RotateLeft(u, 10) ^ uint.RotateLeft(u, 18) ^ uint.RotateLeft(u, 24);
        v ^= uint.RotateLeft(v, 8) ^ uint.RotateLeft(v, 14) ^ uint.RotateLeft(v, 22) ^ uint.RotateLeft(v, 30);
        ref uint lanes = ref MemoryMarshal.GetArrayDataReference(ZucTables.Lanes);
        _r1 = Unsafe.Add(ref lanes, (int)(u >> 24)) | Unsafe.Add(ref lanes, 256 + (int)((u >> 16) & 0xFF))
            | Unsafe.Add(ref lanes, 512 + (int)((u >> 8) & 0xFF)) | Unsafe.Add(ref lanes, 768 + (int)(u & 0xFF));
        _r2 = Unsafe.Add(ref lanes, (int)(v >> 24)) | Unsafe.Add(ref lanes, 256 + (int)((v >> 16) & 0xFF))
            | Unsafe.Add(ref lanes, 512 + (int)((v >> 8) & 0xFF)) | Unsafe.Add(ref lanes, 768 + (int)(v & 0xFF));

        // (1 + 2^8)·s0 + 2^20·s4 + 2^21·s10 + 2^17·s13 + 2^15·s15 (+ W >> 1) mod 2^31 − 1: rotations within 31 bits
        // are multiplications by powers of two; sum in 64 bits, then fold the bits above 31 back twice.
        ulong sum = (ulong)s0 + Rot31(s0, 8) + Rot31(s4, 20) + Rot31(s10, 21) + Rot31(s13, 17) + Rot31(s15, 15);
        if (init)
        {
            sum += w >> 1;
        }

        sum = (sum & Mask31) + (sum >> 31);
        uint s16 = (uint)((sum & Mask31) + (sum >> 31));
        if (s16 == 0)
        {
            s16 = Mask31;
        }

        Unsafe.Add(ref s, 16) = s16;
        if (++_head == 16)
        {
            Slide(ref Unsafe.As<Window, uint>(ref _s));
            _head = 0;
        }

        return w ^ x3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rot31(uint x, int k) => ((x << k) | (x >> (31 - k))) & Mask31;

    [InlineArray(32)]
    private struct Window
    {
        private uint _element;
    }
}
