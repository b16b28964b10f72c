using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES-GCM and GMAC (NIST SP 800-38D) on the SDK's own AES and GHASH: no allocation, any tag length from 1 to 16
/// bytes, IVs of any length or a caller-supplied pre-counter block J0 (DPDK's IV length 0), and a verify failure
/// that is a return value rather than an exception.
/// </summary>
internal sealed class AesGcmCipher
{
    private readonly Ghash _ghash;

    /// <summary>Prepares H = E_K(0^128) for <paramref name="key"/>.</summary>
    public AesGcmCipher(AesKey key, AesImplementation aes = AesImplementation.Auto, GhashImplementation ghash = GhashImplementation.Auto)
    {
        Key = key;
        Aes = AesKey.Resolve(aes);
        Span<byte> h = stackalloc byte[16];
        AesCore.EncryptBlock(key, Vector128<byte>.Zero, Aes).CopyTo(h);
        _ghash = new Ghash(h, ghash);
    }

    /// <summary>The expanded key.</summary>
    public AesKey Key { get; }

    /// <summary>The AES implementation in use.</summary>
    public AesImplementation Aes { get; }

    /// <summary>The GHASH implementation in use.</summary>
    public GhashImplementation GhashImplementation => _ghash.Implementation;

    /// <summary>Derives the pre-counter block J0 from an IV (SP 800-38D 7.1 step 2).</summary>
    public void ComputeJ0(ReadOnlySpan<byte> iv, Span<byte> j0)
    {
        if (iv.Length == 12)
        {
            iv.CopyTo(j0);
            BinaryPrimitives.WriteUInt32BigEndian(j0[12..], 1);
            return;
        }

        Vector128<ulong> state = Vector128<ulong>.Zero;
        _ghash.Update(ref state, iv);
        _ghash.UpdateBlock(ref state, Vector128.Create((ulong)iv.Length * 8, 0UL));
        Ghash.Store(state, j0);
    }

    /// <summary>Encrypts <paramref name="input"/> into <paramref name="output"/> (may be the same span) and writes the leading <c>tag.Length</c> bytes of the tag.</summary>
    public void Encrypt(ReadOnlySpan<byte> j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output, Span<byte> tag)
    {
        Span<byte> counter = stackalloc byte[16];
        Increment32(j0, counter);
        AesCtr.Transform(Key, counter, input, output, increment32: true, Aes);
        ComputeTag(j0, aad, output[..input.Length], tag);
    }

    /// <summary>
    /// Checks the leading <c>tag.Length</c> bytes of the tag over <paramref name="input"/> and decrypts it into
    /// <paramref name="output"/> (the decryption happens either way).
    /// </summary>
    /// <returns>Whether the tag matched.</returns>
    public bool Decrypt(ReadOnlySpan<byte> j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[16];
        ComputeTag(j0, aad, input, expected[..tag.Length]);
        bool match = CryptographicOperations.FixedTimeEquals(expected[..tag.Length], tag);
        Span<byte> counter = stackalloc byte[16];
        Increment32(j0, counter);
        AesCtr.Transform(Key, counter, input, output, increment32: true, Aes);
        return match;
    }

    /// <summary>The tag over <paramref name="aad"/> and <paramref name="ciphertext"/>, truncated to <c>tag.Length</c> bytes (GMAC when the ciphertext is empty).</summary>
    public void ComputeTag(ReadOnlySpan<byte> j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, Span<byte> tag)
    {
        Vector128<ulong> state = Vector128<ulong>.Zero;
        _ghash.Update(ref state, aad);
        _ghash.Update(ref state, ciphertext);
        _ghash.UpdateBlock(ref state, Vector128.Create((ulong)ciphertext.Length * 8, (ulong)aad.Length * 8));
        Span<byte> s = stackalloc byte[16];
        Ghash.Store(state, s);
        Vector128<byte> full = Vector128.Create((ReadOnlySpan<byte>)s) ^ AesCore.EncryptBlock(Key, Vector128.Create(j0[..16]), Aes);
        full.CopyTo(s);
        s[..tag.Length].CopyTo(tag);
    }

    private static void Increment32(ReadOnlySpan<byte> j0, Span<byte> counter)
    {
        j0[..12].CopyTo(counter);
        BinaryPrimitives.WriteUInt32BigEndian(counter[12..], BinaryPrimitives.ReadUInt32BigEndian(j0[12..]) + 1);
    }
}
