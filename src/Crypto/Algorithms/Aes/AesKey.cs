using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// An expanded AES key (FIPS-197 5.2): the key schedule words for the reference implementation and the same round
/// keys as 128-bit vectors for AES-NI, plus the equivalent-inverse-cipher decryption keys. Immutable, so one instance
/// serves every thread.
/// </summary>
internal sealed class AesKey
{
    private static readonly byte[] s_roundConstants = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36];

    /// <summary>Expands a 16-, 24- or 32-byte key.</summary>
    /// <exception cref="ArgumentException">Any other key length.</exception>
    public AesKey(ReadOnlySpan<byte> key)
    {
        int nk = key.Length / 4;
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"AES key length {key.Length} is invalid: expected 16, 24 or 32 bytes.", nameof(key));
        }

        Rounds = nk + 6;
        KeyLength = key.Length;
        int total = 4 * (Rounds + 1);
        Words = new uint[total];
        for (int i = 0; i < nk; i++)
        {
            Words[i] = BinaryPrimitives.ReadUInt32BigEndian(key.Slice(4 * i, 4));
        }

        for (int i = nk; i < total; i++)
        {
            uint temp = Words[i - 1];
            if (i % nk == 0)
            {
                temp = SubWord(RotWord(temp)) ^ ((uint)s_roundConstants[(i / nk) - 1] << 24);
            }
            else if (nk > 6 && i % nk == 4)
            {
                temp = SubWord(temp);
            }

            Words[i] = Words[i - nk] ^ temp;
        }

        EncryptRoundKeys = new Vector128<byte>[Rounds + 1];
        Span<byte> bytes = stackalloc byte[16];
        for (int round = 0; round <= Rounds; round++)
        {
            for (int c = 0; c < 4; c++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.Slice(4 * c, 4), Words[(4 * round) + c]);
            }

            EncryptRoundKeys[round] = Vector128.Create((ReadOnlySpan<byte>)bytes);
        }

        // The equivalent inverse cipher (FIPS-197 5.3.5) that AESDEC implements wants the middle round keys passed
        // through InvMixColumns, in reverse order.
        DecryptRoundKeys = new Vector128<byte>[Rounds + 1];
        if (X86Aes.IsSupported)
        {
            DecryptRoundKeys[0] = EncryptRoundKeys[Rounds];
            for (int round = 1; round < Rounds; round++)
            {
                DecryptRoundKeys[round] = X86Aes.InverseMixColumns(EncryptRoundKeys[Rounds - round]);
            }

            DecryptRoundKeys[Rounds] = EncryptRoundKeys[0];
        }
    }

    /// <summary>Number of rounds: 10, 12 or 14.</summary>
    public int Rounds { get; }

    /// <summary>Key length in bytes.</summary>
    public int KeyLength { get; }

    /// <summary>The key schedule w[0 .. 4·(Nr+1)), big-endian words.</summary>
    public uint[] Words { get; }

    /// <summary>Round keys 0..Nr in memory byte order (AES-NI encryption).</summary>
    public Vector128<byte>[] EncryptRoundKeys { get; }

    /// <summary>Round keys for AESDEC/AESDECLAST in the order they are applied (empty without AES-NI).</summary>
    public Vector128<byte>[] DecryptRoundKeys { get; }

    /// <summary>Resolves <see cref="AesImplementation.Auto"/> to what this CPU runs best.</summary>
    public static AesImplementation Resolve(AesImplementation implementation) =>
        implementation == AesImplementation.Auto
            ? (X86Aes.IsSupported ? AesImplementation.AesNi : AesImplementation.Scalar)
            : implementation;

    private static uint RotWord(uint word) => (word << 8) | (word >> 24);

    private static uint SubWord(uint word)
    {
        byte[] box = AesReference.SBox;
        return ((uint)box[word >> 24] << 24) | ((uint)box[(word >> 16) & 0xFF] << 16) | ((uint)box[(word >> 8) & 0xFF] << 8) | box[word & 0xFF];
    }
}
