namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>Which GHASH implementation GCM and GMAC run on. Both give identical results.</summary>
internal enum GhashImplementation
{
    /// <summary>Carry-less multiply when the CPU has PCLMULQDQ, else the reference.</summary>
    Auto = 0,

    /// <summary>The bit-serial multiplication of NIST SP 800-38D Algorithm 1 (slow; documents the math).</summary>
    Scalar = 1,

    /// <summary>PCLMULQDQ products of four blocks at a time with one reduction per group.</summary>
    Pclmul = 2,
}
