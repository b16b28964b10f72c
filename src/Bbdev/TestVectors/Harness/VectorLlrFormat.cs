namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>
/// The conversions test-bbdev applies between the LLR format of vector files (S8.1 by convention: one fractional
/// bit) and a device's format (llr_size, llr_decimals), in one place so that the runner and the vector generator
/// agree bit for bit.
/// </summary>
internal static class VectorLlrFormat
{
    /// <summary>Vector files hold LLRs with this many fractional bits.</summary>
    public const int VectorDecimals = 1;

    /// <summary>A vector LLR in the device's format: shifted by the difference in fractional bits, saturated.</summary>
    public static sbyte ToDevice(sbyte value, int llrSize, int llrDecimals)
    {
        int max = (1 << (llrSize - 1)) - 1;
        int scaled = llrDecimals switch
        {
            0 => value / 2,
            VectorDecimals => value,
            _ => value << (llrDecimals - VectorDecimals),
        };
        return (sbyte)Math.Clamp(scaled, -max, max);
    }

    /// <summary><see cref="ToDevice(sbyte, int, int)"/> over a span.</summary>
    public static void ToDevice(ReadOnlySpan<sbyte> source, Span<sbyte> destination, int llrSize, int llrDecimals)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = ToDevice(source[i], llrSize, llrDecimals);
        }
    }

    /// <summary>A device LLR back in the vector format, rounded (the comparison test-bbdev makes on HARQ output).</summary>
    public static int FromDevice(int value, int llrDecimals) =>
        llrDecimals > VectorDecimals ? (value + 1) >> (llrDecimals - VectorDecimals) : value;

    /// <summary>Device LLRs back in the vector format, rounded and saturated to what the vector format holds.</summary>
    public static void ToVector(ReadOnlySpan<sbyte> source, Span<sbyte> destination, int llrSize, int llrDecimals)
    {
        int max = VectorMaxFor(llrSize, llrDecimals);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(FromDevice(source[i], llrDecimals), -max, max);
        }
    }

    /// <summary>The largest vector-format magnitude a device LLR can represent: vector values are clamped to it before comparing.</summary>
    public static int VectorMaxFor(int llrSize, int llrDecimals) =>
        llrDecimals > VectorDecimals ? (1 << (llrSize - 1 - (llrDecimals - VectorDecimals))) - 1 : (1 << (llrSize - 1)) - 1;
}
