using System.Security.Cryptography;
using AccelSdk.Crypto;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Algorithms.Kasumi;
using AccelSdk.Crypto.Algorithms.Snow3G;
using AccelSdk.Crypto.Algorithms.Zuc;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Cli.Commands;

/// <summary>The algorithms <c>accel crypto-perf</c> measures, with their kernels and BCL baselines.</summary>
internal static class CryptoPerfCatalog
{
    private static readonly byte[] Key16 = Enumerable.Range(0x10, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key20 = Enumerable.Range(0x30, 20).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key32 = Enumerable.Range(0x50, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Iv16 = Enumerable.Range(0x70, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] Aad16 = new byte[16];

    public static IReadOnlyList<CryptoPerfCase> All { get; } =
    [
        new()
        {
            Name = "null",
            Transform = () => new CipherTransform { Algorithm = CipherAlgorithm.Null },
            Setup = (op, size) => op.CipherLength = size,
            Kernel = _ => _ => { },
        },
        new()
        {
            Name = "aes-128-gcm",
            Transform = () => new AeadTransform { Algorithm = AeadAlgorithm.AesGcm, Key = Key16, IvLength = 12, DigestLength = 16, AadLength = 16 },
            Setup = (op, size) =>
            {
                op.AeadLength = size;
                op.DigestOffset = size;
                op.Aad = Aad16;
                Iv16.AsSpan(0, 12).CopyTo(op.Iv);
            },
            Kernel = size =>
            {
                var gcm = new AesGcmCipher(new AesKey(Key16));
                byte[] j0 = new byte[16];
                gcm.ComputeJ0(Iv16.AsSpan(0, 12), j0);
                return b => gcm.Encrypt(j0, Aad16, b.AsSpan(0, size), b.AsSpan(0, size), b.AsSpan(size, 16));
            },
            Bcl = size =>
            {
                var gcm = new System.Security.Cryptography.AesGcm(Key16, 16);
                byte[] nonce = Iv16[..12];
                return (b => gcm.Encrypt(nonce, b.AsSpan(0, size), b.AsSpan(0, size), b.AsSpan(size, 16), Aad16), gcm);
            },
        },
        new()
        {
            Name = "aes-128-cbc",
            Size = RoundToBlock,
            Transform = () => new CipherTransform { Algorithm = CipherAlgorithm.AesCbc, Key = Key16, IvLength = 16 },
            Setup = (op, size) =>
            {
                op.CipherLength = size;
                Iv16.CopyTo(op.Iv);
            },
            Kernel = size =>
            {
                var key = new AesKey(Key16);
                AesImplementation impl = AesKey.Resolve(AesImplementation.Auto);
                return b => AesCbc.Encrypt(key, Iv16, b.AsSpan(0, size), b.AsSpan(0, size), impl);
            },
            Bcl = size =>
            {
                var aes = System.Security.Cryptography.Aes.Create();
                aes.Key = Key16;
                return (b => aes.EncryptCbc(b.AsSpan(0, size), Iv16, b.AsSpan(0, size), PaddingMode.None), aes);
            },
        },
        new()
        {
            Name = "aes-128-cbc+hmac-sha1-96",
            Size = RoundToBlock,
            Transform = () => new CipherTransform
            {
                Algorithm = CipherAlgorithm.AesCbc,
                Key = Key16,
                IvLength = 16,
                Next = new AuthTransform { Algorithm = AuthAlgorithm.Sha1Hmac, Key = Key20, DigestLength = 12, Operation = AuthOperation.Generate },
            },
            Setup = (op, size) =>
            {
                op.CipherLength = size;
                op.AuthLength = size;
                op.DigestOffset = size;
                Iv16.CopyTo(op.Iv);
            },
            Kernel = size =>
            {
                var key = new AesKey(Key16);
                AesImplementation impl = AesKey.Resolve(AesImplementation.Auto);
                var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, Key20);
                return b =>
                {
                    AesCbc.Encrypt(key, Iv16, b.AsSpan(0, size), b.AsSpan(0, size), impl);
                    hmac.AppendData(b.AsSpan(0, size));
                    hmac.GetHashAndReset(b.AsSpan(size, 20));
                };
            },
            Bcl = size =>
            {
                var aes = System.Security.Cryptography.Aes.Create();
                aes.Key = Key16;
                var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, Key20);
                return (b =>
                {
                    aes.EncryptCbc(b.AsSpan(0, size), Iv16, b.AsSpan(0, size), PaddingMode.None);
                    hmac.AppendData(b.AsSpan(0, size));
                    hmac.GetHashAndReset(b.AsSpan(size, 20));
                }, new Disposables(aes, hmac));
            },
        },
        Hmac("hmac-sha1", AuthAlgorithm.Sha1Hmac, HashAlgorithmName.SHA1, 20),
        Hmac("hmac-sha256", AuthAlgorithm.Sha256Hmac, HashAlgorithmName.SHA256, 32),
        new()
        {
            Name = "aes-128-ctr (nea2)",
            Transform = () => new CipherTransform { Algorithm = CipherAlgorithm.AesCtr, Key = Key16, IvLength = 16 },
            Setup = (op, size) =>
            {
                op.CipherLength = size;
                Iv16.CopyTo(op.Iv);
            },
            Kernel = size =>
            {
                var key = new AesKey(Key16);
                AesImplementation impl = AesKey.Resolve(AesImplementation.Auto);
                return b => AesCtr.Transform(key, Iv16, b.AsSpan(0, size), b.AsSpan(0, size), false, impl);
            },
        },
        new()
        {
            Name = "aes-128-cmac-32 (nia2)",
            Transform = () => new AuthTransform { Algorithm = AuthAlgorithm.AesCmac, Key = Key16, DigestLength = 4, Operation = AuthOperation.Generate },
            Setup = (op, size) =>
            {
                op.AuthLength = size;
                op.DigestOffset = size;
            },
            Kernel = size =>
            {
                var cmac = new AesCmac(new AesKey(Key16), AesImplementation.Auto);
                return b => cmac.Compute(b.AsSpan(0, size), b.AsSpan(size, 16));
            },
        },
        Bits("snow3g-uea2 (nea1)", new CipherTransform { Algorithm = CipherAlgorithm.Snow3GUea2, Key = Key16, IvLength = 16 },
            size => b => Snow3GF8.Transform(Key16, Iv16, b, 0, size * 8L)),
        BitsAuth("snow3g-uia2 (nia1)", new AuthTransform { Algorithm = AuthAlgorithm.Snow3GUia2, Key = Key16, IvLength = 16, DigestLength = 4, Operation = AuthOperation.Generate },
            size => b => Snow3GF9.Compute(Key16, Iv16, b, size * 8L)),
        Bits("zuc-eea3 (nea3)", new CipherTransform { Algorithm = CipherAlgorithm.ZucEea3, Key = Key16, IvLength = 16 },
            size => b => ZucEea3.Transform(Key16, Iv16, b, 0, size * 8L)),
        BitsAuth("zuc-eia3 (nia3)", new AuthTransform { Algorithm = AuthAlgorithm.ZucEia3, Key = Key16, IvLength = 16, DigestLength = 4, Operation = AuthOperation.Generate },
            size => b => ZucEia3.Compute(Key16, Iv16, b, size * 8L, b.AsSpan(size, 4))),
        Bits("kasumi-f8", new CipherTransform { Algorithm = CipherAlgorithm.KasumiF8, Key = Key16, IvLength = 8 },
            size =>
            {
                var f8 = new KasumiF8(Key16);
                return b => f8.Transform(Iv16.AsSpan(0, 8), b, 0, size * 8L);
            }),
        BitsAuth("kasumi-f9", new AuthTransform { Algorithm = AuthAlgorithm.KasumiF9, Key = Key16, DigestLength = 4, Operation = AuthOperation.Generate },
            size =>
            {
                var f9 = new KasumiF9(Key16);
                return b => f9.Compute(b, size * 8L);
            }),
    ];

    private static int RoundToBlock(int size) => (size + 15) & ~15;

    private static CryptoPerfCase Hmac(string name, AuthAlgorithm algorithm, HashAlgorithmName bcl, int digest) => new()
    {
        Name = name,
        Transform = () => new AuthTransform { Algorithm = algorithm, Key = Key20, DigestLength = digest, Operation = AuthOperation.Generate },
        Setup = (op, size) =>
        {
            op.AuthLength = size;
            op.DigestOffset = size;
        },
        Bcl = size =>
        {
            var hmac = IncrementalHash.CreateHMAC(bcl, Key20);
            return (b =>
            {
                hmac.AppendData(b.AsSpan(0, size));
                hmac.GetHashAndReset(b.AsSpan(size, digest));
            }, hmac);
        },
    };

    private static CryptoPerfCase Bits(string name, CipherTransform transform, Func<int, Action<byte[]>> kernel) => new()
    {
        Name = name,
        Transform = () => transform,
        Setup = (op, size) =>
        {
            op.CipherLength = size * 8;
            Iv16.CopyTo(op.Iv);
        },
        Kernel = kernel,
    };

    private static CryptoPerfCase BitsAuth(string name, AuthTransform transform, Func<int, Action<byte[]>> kernel) => new()
    {
        Name = name,
        Transform = () => transform,
        Setup = (op, size) =>
        {
            op.AuthLength = size * 8;
            op.DigestOffset = size;
            Iv16.CopyTo(op.Iv);
        },
        Kernel = kernel,
    };

    private sealed class Disposables(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (IDisposable item in items)
            {
                item.Dispose();
            }
        }
    }
}
