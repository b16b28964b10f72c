using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec;

/// <summary>What the CPU accelerates, and the resolution of <see cref="SimdWidth.Auto"/>.</summary>
public static class SimdSupport
{
    /// <summary>The widest width accelerated here: V512, V256, V128 or Scalar.</summary>
    public static SimdWidth Best { get; } =
        Vector512.IsHardwareAccelerated ? SimdWidth.V512
        : Vector256.IsHardwareAccelerated ? SimdWidth.V256
        : Vector128.IsHardwareAccelerated ? SimdWidth.V128
        : SimdWidth.Scalar;

    /// <summary>Whether <paramref name="width"/> is hardware accelerated here (Scalar and Auto always are).</summary>
    /// <remarks>
    /// A width that is not accelerated still computes correct results (the portable vector types fall back to
    /// software), only slowly; tests use that to check every width on any machine.
    /// </remarks>
    public static bool IsAccelerated(SimdWidth width) => width switch
    {
        SimdWidth.Auto or SimdWidth.Scalar => true,
        SimdWidth.V128 => Vector128.IsHardwareAccelerated,
        SimdWidth.V256 => Vector256.IsHardwareAccelerated,
        SimdWidth.V512 => Vector512.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>Replaces <see cref="SimdWidth.Auto"/> by <see cref="Best"/>; validates other values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a member of <see cref="SimdWidth"/>.</exception>
    public static SimdWidth Resolve(SimdWidth width) => width switch
    {
        SimdWidth.Auto => Best,
        SimdWidth.Scalar or SimdWidth.V128 or SimdWidth.V256 or SimdWidth.V512 => width,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "SIMD width must be Auto, Scalar, V128, V256 or V512."),
    };

    /// <summary>Parses the CLI spelling: auto, scalar, 128, 256, 512.</summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static SimdWidth Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => SimdWidth.Auto,
        "scalar" => SimdWidth.Scalar,
        "128" => SimdWidth.V128,
        "256" => SimdWidth.V256,
        "512" => SimdWidth.V512,
        _ => throw new FormatException($"SIMD width '{text}' is not one of auto, scalar, 128, 256, 512."),
    };
}
