using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AccelSdk.Crypto.Algorithms.Sha;

/// <summary>
/// SHA-224 (FIPS 180-4 6.3: SHA-256's compression with its own initial hash value, output truncated to 224 bits)
/// and HMAC-SHA-224 (RFC 2104), which the BCL lacks. The HMAC object hashes the padded key into inner and outer
/// states once, so each MAC costs only the message blocks plus two finalisations; it is immutable and thread-safe.
/// </summary>
internal sealed class Sha224
{
    /// <summary>Digest size in bytes.</summary>
    public const int DigestSize = 28;

    private const int BlockSize = 64;

    private static readonly uint[] s_initial =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    private static readonly uint[] s_k =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _inner = new uint[8];
    private readonly uint[] _outer = new uint[8];

    /// <summary>Prepares HMAC-SHA-224 for <paramref name="key"/> (any length; longer than a block is hashed first).</summary>
    public Sha224(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear();
        if (key.Length > BlockSize)
        {
            Hash(key, block[..DigestSize]);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> pad = stackalloc byte[BlockSize];
        for (int i = 0; i < BlockSize; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x36);
        }

        s_initial.CopyTo(_inner, 0);
        Compress(_inner, pad);
        for (int i = 0; i < BlockSize; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x5c);
        }

        s_initial.CopyTo(_outer, 0);
        Compress(_outer, pad);
    }

    /// <summary>HMAC-SHA-224 of <paramref name="message"/> into the first 28 bytes of <paramref name="mac"/>.</summary>
    public void ComputeHmac(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        Span<uint> state = stackalloc uint[8];
        _inner.CopyTo(state);
        Span<byte> innerDigest = stackalloc byte[DigestSize];
        Finish(state, message, BlockSize, innerDigest);
        _outer.CopyTo(state);
        Finish(state, innerDigest, BlockSize, mac);
    }

    /// <summary>Plain SHA-224 of <paramref name="message"/> into the first 28 bytes of <paramref name="digest"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        Span<uint> state = stackalloc uint[8];
        s_initial.CopyTo(state);
        Finish(state, message, 0, digest);
    }

    /// <summary>Absorbs the message after <paramref name="prefixBytes"/> already compressed, pads (FIPS 180-4 5.1.1) and writes 28 bytes.</summary>
    private static void Finish(Span<uint> state, ReadOnlySpan<byte> message, long prefixBytes, Span<byte> digest)
    {
        int whole = message.Length & ~(BlockSize - 1);
        for (int i = 0; i < whole; i += BlockSize)
        {
            Compress(state, message.Slice(i, BlockSize));
        }

        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        int rest = message.Length - whole;
        message[whole..].CopyTo(tail);
        tail[rest] = 0x80;
        int tailBlocks = rest + 1 + 8 <= BlockSize ? 1 : 2;
        ulong bits = (ulong)(prefixBytes + message.Length) * 8;
        BinaryPrimitives.WriteUInt64BigEndian(tail[((tailBlocks * BlockSize) - 8)..], bits);
        for (int b = 0; b < tailBlocks; b++)
        {
            Compress(state, tail.Slice(b * BlockSize, BlockSize));
        }

        for (int i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(4 * i)..], state[i]);
        }
    }

    /// <summary>The SHA-256 compression function (FIPS 180-4 6.2.2).</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }

        for (int t = 16; t < 64; t++)
        {
            w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint t1 = h + BigSigma1(e) + ((e & f) ^ (~e & g)) + s_k[t] + w[t];
            uint t2 = BigSigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma0(uint x) => uint.RotateRight(x, 2) ^ uint.RotateRight(x, 13) ^ uint.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma1(uint x) => uint.RotateRight(x, 6) ^ uint.RotateRight(x, 11) ^ uint.RotateRight(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma0(uint x) => uint.RotateRight(x, 7) ^ uint.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma1(uint x) => uint.RotateRight(x, 17) ^ uint.RotateRight(x, 19) ^ (x >> 10);
}
