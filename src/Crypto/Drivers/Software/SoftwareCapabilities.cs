using System.Runtime.Intrinsics.X86;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Capabilities;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>What <c>crypto_sw</c> supports: its capability table and feature flags.</summary>
internal static class SoftwareCapabilities
{
    /// <summary>Smallest and largest queue depth.</summary>
    public const int MinDepth = 1, MaxDepth = 1 << 16;

    private static readonly ParamRange AesKeys = new(16, 32, 8);

    private static readonly CryptoCapability[] s_table =
    [
        CryptoCapability.ForCipher(CipherAlgorithm.Null, 1, ParamRange.Zero, ParamRange.Zero),
        CryptoCapability.ForCipher(CipherAlgorithm.AesCbc, 16, AesKeys, ParamRange.Single(16)),
        CryptoCapability.ForCipher(CipherAlgorithm.AesCtr, 16, AesKeys, new ParamRange(12, 16, 4)),
        CryptoCapability.ForCipher(CipherAlgorithm.AesEcb, 16, AesKeys, ParamRange.Zero),
        CryptoCapability.ForCipher(CipherAlgorithm.Snow3GUea2, 16, ParamRange.Single(16), ParamRange.Single(16)),
        CryptoCapability.ForCipher(CipherAlgorithm.ZucEea3, 16, new ParamRange(16, 32, 16), new ParamRange(16, 25, 9)),
        CryptoCapability.ForCipher(CipherAlgorithm.KasumiF8, 8, ParamRange.Single(16), ParamRange.Single(8)),
        CryptoCapability.ForAuth(AuthAlgorithm.Null, 1, ParamRange.Zero, new ParamRange(0, 64, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.AesCmac, 16, AesKeys, new ParamRange(1, 16, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.AesGmac, 16, AesKeys, new ParamRange(1, 16, 1), new ParamRange(0, 12, 12)),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha1, 64, ParamRange.Zero, new ParamRange(1, 20, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha224, 64, ParamRange.Zero, new ParamRange(1, 28, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha256, 64, ParamRange.Zero, new ParamRange(1, 32, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha384, 128, ParamRange.Zero, new ParamRange(1, 48, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha512, 128, ParamRange.Zero, new ParamRange(1, 64, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha1Hmac, 64, new ParamRange(1, 65535, 1), new ParamRange(1, 20, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha224Hmac, 64, new ParamRange(1, 65535, 1), new ParamRange(1, 28, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha256Hmac, 64, new ParamRange(1, 65535, 1), new ParamRange(1, 32, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha384Hmac, 128, new ParamRange(1, 65535, 1), new ParamRange(1, 48, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Sha512Hmac, 128, new ParamRange(1, 65535, 1), new ParamRange(1, 64, 1), ParamRange.Zero),
        CryptoCapability.ForAuth(AuthAlgorithm.Snow3GUia2, 16, ParamRange.Single(16), ParamRange.Single(4), ParamRange.Single(16)),
        CryptoCapability.ForAuth(AuthAlgorithm.ZucEia3, 16, new ParamRange(16, 32, 16), new ParamRange(4, 16, 4), new ParamRange(16, 25, 9)),
        CryptoCapability.ForAuth(AuthAlgorithm.KasumiF9, 8, ParamRange.Single(16), ParamRange.Single(4), ParamRange.Zero),
        CryptoCapability.ForAead(AeadAlgorithm.AesGcm, 16, AesKeys, new ParamRange(1, 16, 1), new ParamRange(0, 65535, 1), new ParamRange(0, 12, 12)),
        CryptoCapability.ForAead(AeadAlgorithm.AesCcm, 16, AesKeys, new ParamRange(4, 16, 2), new ParamRange(0, 65535, 1), new ParamRange(7, 13, 1)),
    ];

    public static CryptoDeviceInfo Describe(SoftwareCryptoOptions options)
    {
        CryptoFeatureFlags flags = CryptoFeatureFlags.SymmetricCrypto | CryptoFeatureFlags.SymOperationChaining
            | CryptoFeatureFlags.InPlaceSgl | CryptoFeatureFlags.OopSglInSglOut | CryptoFeatureFlags.OopSglInLbOut
            | CryptoFeatureFlags.OopLbInSglOut | CryptoFeatureFlags.OopLbInLbOut
            | CryptoFeatureFlags.DigestEncrypted | CryptoFeatureFlags.NonByteAlignedData;
        if (options.Kernels.Aes == AesImplementation.AesNi)
        {
            flags |= CryptoFeatureFlags.CpuAesni;
        }

        if (Sse2.IsSupported)
        {
            flags |= CryptoFeatureFlags.CpuSse;
        }

        if (Avx2.IsSupported)
        {
            flags |= CryptoFeatureFlags.CpuAvx | CryptoFeatureFlags.CpuAvx2;
        }

        return new CryptoDeviceInfo(SoftwareCryptoDriver.DriverName, flags, s_table, options.MaxQueuePairs, MinDepth, MaxDepth, options.MaxSessions);
    }
}
