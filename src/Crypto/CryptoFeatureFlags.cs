namespace AccelSdk.Crypto;

/// <summary>What a device supports (DPDK <c>RTE_CRYPTODEV_FF_*</c>, same bit positions).</summary>
[Flags]
public enum CryptoFeatureFlags : ulong
{
    /// <summary>No feature.</summary>
    None = 0,

    /// <summary>Symmetric crypto ops.</summary>
    SymmetricCrypto = 1UL << 0,

    /// <summary>Asymmetric crypto ops.</summary>
    AsymmetricCrypto = 1UL << 1,

    /// <summary>Cipher + auth chains in one session.</summary>
    SymOperationChaining = 1UL << 2,

    /// <summary>The implementation uses SSE.</summary>
    CpuSse = 1UL << 3,

    /// <summary>The implementation uses AVX.</summary>
    CpuAvx = 1UL << 4,

    /// <summary>The implementation uses AVX2.</summary>
    CpuAvx2 = 1UL << 5,

    /// <summary>The implementation uses AES-NI.</summary>
    CpuAesni = 1UL << 6,

    /// <summary>Operations are offloaded to hardware.</summary>
    HwAccelerated = 1UL << 7,

    /// <summary>The implementation uses AVX-512.</summary>
    CpuAvx512 = 1UL << 8,

    /// <summary>In-place ops on segmented (chained) buffers.</summary>
    InPlaceSgl = 1UL << 9,

    /// <summary>Out-of-place ops, segmented source and destination.</summary>
    OopSglInSglOut = 1UL << 10,

    /// <summary>Out-of-place ops, segmented source, linear destination.</summary>
    OopSglInLbOut = 1UL << 11,

    /// <summary>Out-of-place ops, linear source, segmented destination.</summary>
    OopLbInSglOut = 1UL << 12,

    /// <summary>Out-of-place ops, linear source and destination.</summary>
    OopLbInLbOut = 1UL << 13,

    /// <summary>The implementation uses NEON.</summary>
    CpuNeon = 1UL << 14,

    /// <summary>The implementation uses the Arm crypto extensions.</summary>
    CpuArmCe = 1UL << 15,

    /// <summary>Protocol offload (rte_security).</summary>
    Security = 1UL << 16,

    /// <summary>Auth-then-cipher chains whose cipher range covers the generated digest (PDCP's encrypted MAC-I).</summary>
    DigestEncrypted = 1UL << 19,

    /// <summary>The synchronous CPU crypto API.</summary>
    SymCpuCrypto = 1UL << 21,

    /// <summary>Ops without a session.</summary>
    SymSessionless = 1UL << 22,

    /// <summary>Bit offsets and lengths that are not multiples of 8 for the bit-oriented algorithms.</summary>
    NonByteAlignedData = 1UL << 23,

    /// <summary>The raw data-path API.</summary>
    SymRawDataPath = 1UL << 24,
}
