namespace AccelSdk.Bbdev.Fec;

/// <summary>Which implementation of a FEC kernel to run: the scalar reference or a vector width.</summary>
/// <remarks>
/// Every width computes the same result bit for bit; the choice only changes speed. <see cref="Auto"/> picks the
/// widest width that is hardware accelerated on this CPU (see <see cref="SimdSupport.Best"/>).
/// </remarks>
public enum SimdWidth
{
    /// <summary>The widest accelerated width.</summary>
    Auto = 0,

    /// <summary>The scalar reference, written for reading.</summary>
    Scalar = 1,

    /// <summary>128-bit vectors (SSE/NEON, <c>Vector128</c>).</summary>
    V128 = 128,

    /// <summary>256-bit vectors (AVX2, <c>Vector256</c>).</summary>
    V256 = 256,

    /// <summary>512-bit vectors (AVX-512BW, <c>Vector512</c>).</summary>
    V512 = 512,
}
