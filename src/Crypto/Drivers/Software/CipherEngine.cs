using System.Buffers.Binary;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Algorithms.Kasumi;
using AccelSdk.Crypto.Algorithms.Snow3G;
using AccelSdk.Crypto.Algorithms.Zuc;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// A session's cipher step: immutable key material, safe to share between queue pairs. Works in place on a
/// linear buffer; offsets and lengths are in the algorithm's unit (bits for SNOW 3G, ZUC, KASUMI).
/// </summary>
internal abstract class CipherEngine
{
    /// <summary>Whether offsets and lengths are bits.</summary>
    public virtual bool BitOriented => false;

    /// <summary>Byte multiple the length must be (16 for CBC/ECB, 1 otherwise).</summary>
    public virtual int BlockSize => 1;

    /// <summary>Transforms the range in place.</summary>
    public abstract void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt);

    /// <summary>Builds the engine for a validated transform.</summary>
    public static CipherEngine Create(CipherTransform transform, KernelOptions options)
    {
        ReadOnlySpan<byte> key = transform.Key.Span;
        return transform.Algorithm switch
        {
            CipherAlgorithm.Null => new NullEngine(),
            CipherAlgorithm.AesCbc => new CbcEngine(new AesKey(key), options.Aes),
            CipherAlgorithm.AesEcb => new EcbEngine(new AesKey(key), options.Aes),
            CipherAlgorithm.AesCtr => new CtrEngine(new AesKey(key), options.Aes),
            CipherAlgorithm.Snow3GUea2 => new Snow3GEngine(key.ToArray()),
            CipherAlgorithm.ZucEea3 => new ZucEngine(key.ToArray()),
            CipherAlgorithm.KasumiF8 => new KasumiEngine(new KasumiF8(key)),
            _ => throw new NotSupportedException($"Cipher {transform.AlgorithmName} is not implemented by crypto_sw."),
        };
    }

    private sealed class NullEngine : CipherEngine
    {
        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt)
        {
        }
    }

    private sealed class CbcEngine(AesKey key, AesImplementation implementation) : CipherEngine
    {
        public override int BlockSize => 16;

        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt)
        {
            Span<byte> range = data.Slice((int)offset, (int)length);
            if (encrypt)
            {
                AesCbc.Encrypt(key, iv, range, range, implementation);
            }
            else
            {
                AesCbc.Decrypt(key, iv, range, range, implementation);
            }
        }
    }

    private sealed class EcbEngine(AesKey key, AesImplementation implementation) : CipherEngine
    {
        public override int BlockSize => 16;

        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt)
        {
            Span<byte> range = data.Slice((int)offset, (int)length);
            if (encrypt)
            {
                AesCore.EncryptBlocks(key, range, range, implementation);
            }
            else
            {
                AesCore.DecryptBlocks(key, range, range, implementation);
            }
        }
    }

    private sealed class CtrEngine(AesKey key, AesImplementation implementation) : CipherEngine
    {
        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt)
        {
            // A 12-byte IV is a nonce: the counter block is nonce ‖ 00000001 (RFC 3686 style, as DPDK).
            Span<byte> counter = stackalloc byte[16];
            if (iv.Length == 12)
            {
                iv.CopyTo(counter);
                BinaryPrimitives.WriteUInt32BigEndian(counter[12..], 1);
            }
            else
            {
                iv[..16].CopyTo(counter);
            }

            Span<byte> range = data.Slice((int)offset, (int)length);
            AesCtr.Transform(key, counter, range, range, increment32: false, implementation);
        }
    }

    private sealed class Snow3GEngine(byte[] key) : CipherEngine
    {
        public override bool BitOriented => true;

        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt) =>
            Snow3GF8.Transform(key, iv, data, offset, length);
    }

    private sealed class ZucEngine(byte[] key) : CipherEngine
    {
        public override bool BitOriented => true;

        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt) =>
            ZucEea3.Transform(key, iv, data, offset, length);
    }

    private sealed class KasumiEngine(KasumiF8 f8) : CipherEngine
    {
        public override bool BitOriented => true;

        public override void Process(ReadOnlySpan<byte> iv, Span<byte> data, long offset, long length, bool encrypt) =>
            f8.Transform(iv, data, offset, length);
    }
}
