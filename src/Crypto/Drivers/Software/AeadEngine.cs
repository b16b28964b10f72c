using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>A session's AEAD step on the SDK's own AES-GCM and AES-CCM: immutable, shared by all queue pairs.</summary>
internal abstract class AeadEngine
{
    /// <summary>Encrypts <paramref name="text"/> in place and writes the tag (its length is the session's digest length).</summary>
    public abstract void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, Span<byte> tag);

    /// <summary>Checks the tag and decrypts <paramref name="text"/> in place.</summary>
    /// <returns>Whether the tag matched.</returns>
    public abstract bool Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, ReadOnlySpan<byte> tag);

    /// <summary>Builds the engine for a validated transform.</summary>
    public static AeadEngine Create(AeadTransform transform, KernelOptions options) => transform.Algorithm switch
    {
        AeadAlgorithm.AesGcm => new GcmEngine(new AesGcmCipher(new AesKey(transform.Key.Span), options.Aes, options.Ghash)),
        AeadAlgorithm.AesCcm => new CcmEngine(new AesCcmCipher(new AesKey(transform.Key.Span), options.Aes)),
        _ => throw new NotSupportedException($"AEAD {transform.AlgorithmName} is not implemented by crypto_sw."),
    };

    private sealed class GcmEngine(AesGcmCipher gcm) : AeadEngine
    {
        public override void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, Span<byte> tag)
        {
            Span<byte> j0 = stackalloc byte[16];
            J0(iv, j0);
            gcm.Encrypt(j0, aad, text, text, tag);
        }

        public override bool Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, ReadOnlySpan<byte> tag)
        {
            Span<byte> j0 = stackalloc byte[16];
            J0(iv, j0);
            return gcm.Decrypt(j0, aad, text, text, tag);
        }

        // IV length 0 in the session: the op's IV area holds the 16-byte pre-counter block (DPDK convention).
        private void J0(ReadOnlySpan<byte> iv, Span<byte> j0)
        {
            if (iv.Length == 16)
            {
                iv.CopyTo(j0);
            }
            else
            {
                gcm.ComputeJ0(iv, j0);
            }
        }
    }

    private sealed class CcmEngine(AesCcmCipher ccm) : AeadEngine
    {
        public override void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, Span<byte> tag) =>
            ccm.Encrypt(iv, aad, text, text, tag);

        public override bool Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, Span<byte> text, ReadOnlySpan<byte> tag) =>
            ccm.Decrypt(iv, aad, text, text, tag);
    }
}
