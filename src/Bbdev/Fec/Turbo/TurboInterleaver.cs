namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The turbo code internal interleaver of TS 36.212 5.1.3.2.3: the quadratic permutation polynomial (QPP)
/// Π(i) = (f1·i + f2·i²) mod K for the 188 code block sizes K of Table 5.1.3-3 (40..6144), and the table itself.
/// </summary>
/// <remarks>
/// The interleaver output is c′_i = c_Π(i). Every (f1, f2) pair of the table defines a permutation of 0..K − 1 (f1 is
/// odd and coprime with K, f2 carries every prime factor of K); the tests check that for all 188 sizes.
/// </remarks>
public static class TurboInterleaver
{
    /// <summary>Smallest code block size, 40 bits.</summary>
    public const int MinBlockSize = 40;

    /// <summary>Largest code block size Z, 6144 bits.</summary>
    public const int MaxBlockSize = 6144;

    /// <summary>Number of code block sizes in Table 5.1.3-3.</summary>
    public const int BlockSizeCount = 188;

    /// <summary>Table 5.1.3-3, one row per index i = 1..188: K, f1, f2.</summary>
    private static ReadOnlySpan<ushort> Table =>
    [
        40, 3, 10, 48, 7, 12, 56, 19, 42, 64, 7, 16,
        72, 7, 18, 80, 11, 20, 88, 5, 22, 96, 11, 24,
        104, 7, 26, 112, 41, 84, 120, 103, 90, 128, 15, 32,
        136, 9, 34, 144, 17, 108, 152, 9, 38, 160, 21, 120,
        168, 101, 84, 176, 21, 44, 184, 57, 46, 192, 23, 48,
        200, 13, 50, 208, 27, 52, 216, 11, 36, 224, 27, 56,
        232, 85, 58, 240, 29, 60, 248, 33, 62, 256, 15, 32,
        264, 17, 198, 272, 33, 68, 280, 103, 210, 288, 19, 36,
        296, 19, 74, 304, 37, 76, 312, 19, 78, 320, 21, 120,
        328, 21, 82, 336, 115, 84, 344, 193, 86, 352, 21, 44,
        360, 133, 90, 368, 81, 46, 376, 45, 94, 384, 23, 48,
        392, 243, 98, 400, 151, 40, 408, 155, 102, 416, 25, 52,
        424, 51, 106, 432, 47, 72, 440, 91, 110, 448, 29, 168,
        456, 29, 114, 464, 247, 58, 472, 29, 118, 480, 89, 180,
        488, 91, 122, 496, 157, 62, 504, 55, 84, 512, 31, 64,
        528, 17, 66, 544, 35, 68, 560, 227, 420, 576, 65, 96,
        592, 19, 74, 608, 37, 76, 624, 41, 234, 640, 39, 80,
        656, 185, 82, 672, 43, 252, 688, 21, 86, 704, 155, 44,
        720, 79, 120, 736, 139, 92, 752, 23, 94, 768, 217, 48,
        784, 25, 98, 800, 17, 80, 816, 127, 102, 832, 25, 52,
        848, 239, 106, 864, 17, 48, 880, 137, 110, 896, 215, 112,
        912, 29, 114, 928, 15, 58, 944, 147, 118, 960, 29, 60,
        976, 59, 122, 992, 65, 124, 1008, 55, 84, 1024, 31, 64,
        1056, 17, 66, 1088, 171, 204, 1120, 67, 140, 1152, 35, 72,
        1184, 19, 74, 1216, 39, 76, 1248, 19, 78, 1280, 199, 240,
        1312, 21, 82, 1344, 211, 252, 1376, 21, 86, 1408, 43, 88,
        1440, 149, 60, 1472, 45, 92, 1504, 49, 846, 1536, 71, 48,
        1568, 13, 28, 1600, 17, 80, 1632, 25, 102, 1664, 183, 104,
        1696, 55, 954, 1728, 127, 96, 1760, 27, 110, 1792, 29, 112,
        1824, 29, 114, 1856, 57, 116, 1888, 45, 354, 1920, 31, 120,
        1952, 59, 610, 1984, 185, 124, 2016, 113, 420, 2048, 31, 64,
        2112, 17, 66, 2176, 171, 136, 2240, 209, 420, 2304, 253, 216,
        2368, 367, 444, 2432, 265, 456, 2496, 181, 468, 2560, 39, 80,
        2624, 27, 164, 2688, 127, 504, 2752, 143, 172, 2816, 43, 88,
        2880, 29, 300, 2944, 45, 92, 3008, 157, 188, 3072, 47, 96,
        3136, 13, 28, 3200, 111, 240, 3264, 443, 204, 3328, 51, 104,
        3392, 51, 212, 3456, 451, 192, 3520, 257, 220, 3584, 57, 336,
        3648, 313, 228, 3712, 271, 232, 3776, 179, 236, 3840, 331, 120,
        3904, 363, 244, 3968, 375, 248, 4032, 127, 168, 4096, 31, 64,
        4160, 33, 130, 4224, 43, 264, 4288, 33, 134, 4352, 477, 408,
        4416, 35, 138, 4480, 233, 280, 4544, 357, 142, 4608, 337, 480,
        4672, 37, 146, 4736, 71, 444, 4800, 71, 120, 4864, 37, 152,
        4928, 39, 462, 4992, 127, 234, 5056, 39, 158, 5120, 39, 80,
        5184, 31, 96, 5248, 113, 902, 5312, 41, 166, 5376, 251, 336,
        5440, 43, 170, 5504, 21, 86, 5568, 43, 174, 5632, 45, 176,
        5696, 45, 178, 5760, 161, 120, 5824, 89, 182, 5888, 323, 184,
        5952, 47, 186, 6016, 23, 94, 6080, 47, 190, 6144, 263, 480,
    ];

    /// <summary>Whether <paramref name="k"/> is one of the 188 sizes of Table 5.1.3-3.</summary>
    public static bool IsValidBlockSize(int k) => IndexOf(k) >= 0;

    /// <summary>
    /// The 0-based row of <paramref name="k"/> in Table 5.1.3-3 (the standard's i − 1), or −1 when K is not a size of the
    /// table. The sizes run 40..512 in steps of 8, 528..1024 in steps of 16, 1056..2048 in steps of 32 and 2112..6144 in
    /// steps of 64.
    /// </summary>
    public static int IndexOf(int k)
    {
        int index = k switch
        {
            >= 40 and <= 512 when (k & 7) == 0 => (k - 40) >> 3,
            >= 528 and <= 1024 when (k & 15) == 0 => 60 + ((k - 528) >> 4),
            >= 1056 and <= 2048 when (k & 31) == 0 => 92 + ((k - 1056) >> 5),
            >= 2112 and <= 6144 when (k & 63) == 0 => 124 + ((k - 2112) >> 6),
            _ => -1,
        };
        return index;
    }

    /// <summary>The block size K of row <paramref name="index"/> (0..187).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..187.</exception>
    public static int BlockSize(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BlockSizeCount);
        return Table[3 * index];
    }

    /// <summary>The coefficients (f1, f2) of the QPP for block size <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a size of Table 5.1.3-3.</exception>
    public static (int F1, int F2) GetCoefficients(int k)
    {
        int index = IndexOf(k);
        if (index < 0)
        {
            ThrowInvalidBlockSize(k);
        }

        return (Table[(3 * index) + 1], Table[(3 * index) + 2]);
    }

    /// <summary>Π(i) = (f1·i + f2·i²) mod K.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a size of the table or <paramref name="i"/> is outside 0..K − 1.</exception>
    public static int Permute(int k, int i)
    {
        (int f1, int f2) = GetCoefficients(k);
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, k);
        return (int)((((long)f1 * i) + ((long)f2 * i % k * i)) % k);
    }

    /// <summary>
    /// Writes Π(0..K − 1) into <paramref name="permutation"/>, by the recurrence Π(i + 1) = Π(i) + g(i),
    /// g(i + 1) = g(i) + 2·f2 (mod K), g(0) = f1 + f2, which needs no multiplication.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a size of the table.</exception>
    /// <exception cref="ArgumentException"><paramref name="permutation"/> holds fewer than K entries.</exception>
    public static void GetPermutation(int k, Span<int> permutation)
    {
        (int f1, int f2) = GetCoefficients(k);
        if (permutation.Length < k)
        {
            throw new ArgumentException($"permutation holds {permutation.Length} entries; K = {k} needs {k}.", nameof(permutation));
        }

        int pi = 0;
        int g = (f1 + f2) % k;
        int step = (2 * f2) % k;
        for (int i = 0; i < k; i++)
        {
            permutation[i] = pi;
            pi += g;
            if (pi >= k)
            {
                pi -= k;
            }

            g += step;
            if (g >= k)
            {
                g -= k;
            }
        }
    }

    /// <summary>The smallest size of the table that is at least <paramref name="bits"/>, or −1 when none is (bits &gt; 6144).</summary>
    public static int SmallestBlockSizeAtLeast(int bits)
    {
        if (bits <= MinBlockSize)
        {
            return MinBlockSize;
        }

        if (bits > MaxBlockSize)
        {
            return -1;
        }

        int step = bits <= 512 ? 8 : bits <= 1024 ? 16 : bits <= 2048 ? 32 : 64;
        return (bits + step - 1) / step * step;
    }

    /// <summary>The largest size of the table that is below <paramref name="bits"/>, or −1 when none is (bits ≤ 40).</summary>
    public static int LargestBlockSizeBelow(int bits)
    {
        if (bits <= MinBlockSize)
        {
            return -1;
        }

        int candidate = Math.Min(bits - 1, MaxBlockSize);
        int step = candidate < 528 ? 8 : candidate < 1056 ? 16 : candidate < 2112 ? 32 : 64;
        int k = candidate / step * step;

        // Between the ranges the grid of the upper range does not reach down: 520 → 512, 1040 → 1024, 2080 → 2048.
        return IsValidBlockSize(k) ? k : k switch
        {
            < 528 => 512,
            < 1056 => 1024,
            _ => 2048,
        };
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowInvalidBlockSize(int k) =>
        throw new ArgumentOutOfRangeException(nameof(k), k,
            $"K = {k} is not a turbo code block size of TS 36.212 Table 5.1.3-3: allowed 40..512 in steps of 8, 528..1024 in steps of 16, 1056..2048 in steps of 32, 2112..6144 in steps of 64.");
}
