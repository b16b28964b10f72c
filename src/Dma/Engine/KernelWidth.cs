using System.Runtime.Intrinsics;

namespace AccelSdk.Dma.Engine;

/// <summary>Which implementation of a copy or fill kernel runs: the scalar reference or a vector width.</summary>
/// <remarks>Every width writes the same bytes; the choice only changes speed. Tests call each one directly.</remarks>
internal enum KernelWidth
{
    /// <summary>The widest width accelerated on this CPU (<see cref="KernelWidths.Best"/>).</summary>
    Auto = 0,

    /// <summary>The scalar reference, one byte at a time, written for reading.</summary>
    Scalar = 1,

    /// <summary>128-bit vectors (<c>Vector128</c>).</summary>
    V128 = 128,

    /// <summary>256-bit vectors (<c>Vector256</c>).</summary>
    V256 = 256,

    /// <summary>512-bit vectors (<c>Vector512</c>).</summary>
    V512 = 512,
}

/// <summary>The resolution of <see cref="KernelWidth.Auto"/> on this CPU.</summary>
internal static class KernelWidths
{
    /// <summary>
    /// The widest width the hardware accelerates. <c>Vector512.IsHardwareAccelerated</c> is false on CPUs without
    /// AVX-512 (and where the runtime prefers 256-bit vectors), so this machine's AVX2 gets <see cref="KernelWidth.V256"/>.
    /// </summary>
    public static KernelWidth Best { get; } =
        Vector512.IsHardwareAccelerated ? KernelWidth.V512
        : Vector256.IsHardwareAccelerated ? KernelWidth.V256
        : Vector128.IsHardwareAccelerated ? KernelWidth.V128
        : KernelWidth.Scalar;

    /// <summary>Replaces <see cref="KernelWidth.Auto"/> by <see cref="Best"/>.</summary>
    public static KernelWidth Resolve(KernelWidth width) => width == KernelWidth.Auto ? Best : width;

    /// <summary>For reports: <c>AVX2 (256-bit)</c>.</summary>
    public static string Describe(KernelWidth width) => Resolve(width) switch
    {
        KernelWidth.V512 => "512-bit vectors",
        KernelWidth.V256 => "256-bit vectors",
        KernelWidth.V128 => "128-bit vectors",
        _ => "scalar",
    };
}
