using System.Buffers.Binary;
using System.Security.Cryptography;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Algorithms.Kasumi;
using AccelSdk.Crypto.Algorithms.Sha;
using AccelSdk.Crypto.Algorithms.Snow3G;
using AccelSdk.Crypto.Algorithms.Zuc;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// A session's auth step. Engines built on the SDK's own kernels are immutable and shared; the HMAC and SHA engines
/// hold a BCL <see cref="IncrementalHash"/> (keyed once, reset after every digest, allocation-free), which is not
/// thread-safe, so each queue pair gets its own through <see cref="ForLane"/>.
/// </summary>
internal abstract class AuthEngine : IDisposable
{
    /// <summary>Whether offsets and lengths are bits.</summary>
    public virtual bool BitOriented => false;

    /// <summary>Bytes <see cref="Compute"/> writes (the untruncated MAC, or the tag length chosen for ZUC-256).</summary>
    public abstract int MacLength { get; }

    /// <summary>An engine for one queue pair: this one when it is stateless.</summary>
    public virtual AuthEngine ForLane() => this;

    /// <summary>Computes the MAC of the message (bit 0 at <c>message[0]</c>'s MSB; length in the algorithm's unit).</summary>
    public abstract void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac);

    /// <summary>Releases native state (the BCL hash contexts).</summary>
    public virtual void Dispose()
    {
    }

    /// <summary>Builds the engine for a validated transform.</summary>
    public static AuthEngine Create(AuthTransform transform, KernelOptions options)
    {
        ReadOnlySpan<byte> key = transform.Key.Span;
        return transform.Algorithm switch
        {
            AuthAlgorithm.Null => new NullEngine(),
            AuthAlgorithm.AesCmac => new CmacEngine(new AesCmac(new AesKey(key), options.Aes)),
            AuthAlgorithm.AesGmac => new GmacEngine(new AesGcmCipher(new AesKey(key), options.Aes, options.Ghash)),
            AuthAlgorithm.Sha1 => new HashEngine(HashAlgorithmName.SHA1, null, 20),
            AuthAlgorithm.Sha224 => new Sha224Engine(null),
            AuthAlgorithm.Sha256 => new HashEngine(HashAlgorithmName.SHA256, null, 32),
            AuthAlgorithm.Sha384 => new HashEngine(HashAlgorithmName.SHA384, null, 48),
            AuthAlgorithm.Sha512 => new HashEngine(HashAlgorithmName.SHA512, null, 64),
            AuthAlgorithm.Sha1Hmac => new HashEngine(HashAlgorithmName.SHA1, key.ToArray(), 20),
            AuthAlgorithm.Sha224Hmac => new Sha224Engine(new Sha224(key)),
            AuthAlgorithm.Sha256Hmac => new HashEngine(HashAlgorithmName.SHA256, key.ToArray(), 32),
            AuthAlgorithm.Sha384Hmac => new HashEngine(HashAlgorithmName.SHA384, key.ToArray(), 48),
            AuthAlgorithm.Sha512Hmac => new HashEngine(HashAlgorithmName.SHA512, key.ToArray(), 64),
            AuthAlgorithm.Snow3GUia2 => new Snow3GEngine(key.ToArray(), options.CarrylessMultiply),
            AuthAlgorithm.ZucEia3 => new ZucEngine(key.ToArray(), transform.DigestLength, options.CarrylessMultiply),
            AuthAlgorithm.KasumiF9 => new KasumiEngine(new KasumiF9(key)),
            _ => throw new NotSupportedException($"Auth {transform.AlgorithmName} is not implemented by crypto_sw."),
        };
    }

    private sealed class NullEngine : AuthEngine
    {
        public override int MacLength => 0;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac)
        {
        }
    }

    private sealed class CmacEngine(AesCmac cmac) : AuthEngine
    {
        public override int MacLength => 16;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac) =>
            cmac.Compute(message[..(int)length], mac);
    }

    private sealed class GmacEngine(AesGcmCipher gcm) : AuthEngine
    {
        public override int MacLength => 16;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac)
        {
            // A session IV length of 0 means the op carries J0 itself; the processor then hands over 16 bytes.
            Span<byte> j0 = stackalloc byte[16];
            if (iv.Length == 16)
            {
                iv.CopyTo(j0);
            }
            else
            {
                gcm.ComputeJ0(iv, j0);
            }

            gcm.ComputeTag(j0, message[..(int)length], [], mac);
        }
    }

    private sealed class HashEngine : AuthEngine
    {
        private readonly HashAlgorithmName _algorithm;
        private readonly byte[]? _key;
        private readonly IncrementalHash _hash;

        public HashEngine(HashAlgorithmName algorithm, byte[]? key, int macLength)
        {
            _algorithm = algorithm;
            _key = key;
            MacLength = macLength;
            _hash = key is null ? IncrementalHash.CreateHash(algorithm) : IncrementalHash.CreateHMAC(algorithm, key);
        }

        public override int MacLength { get; }

        public override AuthEngine ForLane() => new HashEngine(_algorithm, _key, MacLength);

        public override void Dispose() => _hash.Dispose();

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac)
        {
            _hash.AppendData(message[..(int)length]);
            _hash.GetHashAndReset(mac);
        }
    }

    /// <summary>SHA-224 and HMAC-SHA-224 on the SDK's own implementation (the BCL has no SHA-224); immutable.</summary>
    private sealed class Sha224Engine(Sha224? hmac) : AuthEngine
    {
        public override int MacLength => Sha224.DigestSize;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac)
        {
            if (hmac is null)
            {
                Sha224.Hash(message[..(int)length], mac);
            }
            else
            {
                hmac.ComputeHmac(message[..(int)length], mac);
            }
        }
    }

    private sealed class Snow3GEngine(byte[] key, bool clmul) : AuthEngine
    {
        public override bool BitOriented => true;

        public override int MacLength => 4;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac) =>
            BinaryPrimitives.WriteUInt32BigEndian(mac, Snow3GF9.Compute(key, iv, message, length, clmul));
    }

    private sealed class ZucEngine(byte[] key, int macLength, bool clmul) : AuthEngine
    {
        public override bool BitOriented => true;

        public override int MacLength => key.Length == 16 ? 4 : macLength;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac) =>
            ZucEia3.Compute(key, iv, message, length, mac[..MacLength], clmul);
    }

    private sealed class KasumiEngine(KasumiF9 f9) : AuthEngine
    {
        public override bool BitOriented => true;

        public override int MacLength => 4;

        public override void Compute(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> message, long length, Span<byte> mac) =>
            BinaryPrimitives.WriteUInt32BigEndian(mac, f9.Compute(message, length));
    }
}
