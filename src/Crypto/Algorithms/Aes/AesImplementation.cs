namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>Which AES block implementation a mode runs on. Both give identical results; only speed differs.</summary>
internal enum AesImplementation
{
    /// <summary>AES-NI when the CPU has it, else the scalar reference.</summary>
    Auto = 0,

    /// <summary>The byte-oriented FIPS-197 reference, written for reading (slow).</summary>
    Scalar = 1,

    /// <summary>AES-NI round instructions on 128-bit vectors, eight blocks in flight where the mode allows.</summary>
    AesNi = 2,
}
