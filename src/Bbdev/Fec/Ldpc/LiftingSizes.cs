namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The 51 lifting sizes Zc of TS 38.212 Table 5.3.2-1 and their set indices iLS.</summary>
/// <remarks>Zc = a·2^j with a ∈ {2, 3, 5, 7, 9, 11, 13, 15} (iLS = 0..7) and Zc ≤ 384.</remarks>
public static class LiftingSizes
{
    /// <summary>The largest lifting size.</summary>
    public const int Max = 384;

    private static readonly int[] s_all = BuildAll();

    /// <summary>Every valid Zc, ascending.</summary>
    public static ReadOnlySpan<int> All => s_all;

    /// <summary>Whether <paramref name="zc"/> is in the table.</summary>
    public static bool IsValid(int zc) => zc is >= 2 and <= Max && SetIndexOrMinusOne(zc) >= 0;

    /// <summary>The set index iLS (0..7) of a lifting size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zc"/> is not in the table.</exception>
    public static int SetIndex(int zc)
    {
        int index = zc is >= 2 and <= Max ? SetIndexOrMinusOne(zc) : -1;
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(zc), zc,
                $"z_c = {zc} is not a lifting size of TS 38.212 Table 5.3.2-1 (a·2^j, a in {{2,3,5,7,9,11,13,15}}, 2..384).");
        }

        return index;
    }

    /// <summary>The smallest Zc with <paramref name="kb"/>·Zc ≥ <paramref name="kPrime"/> (TS 38.212 5.2.2), or −1 if none.</summary>
    public static int Smallest(int kb, int kPrime)
    {
        foreach (int zc in s_all)
        {
            if ((long)kb * zc >= kPrime)
            {
                return zc;
            }
        }

        return -1;
    }

    private static int SetIndexOrMinusOne(int zc)
    {
        int a = zc >> BitOperationsTrailingZeroCount(zc);
        int index = a switch
        {
            1 => 0, // 2^j with j >= 1 belongs to set a = 2
            3 => 1,
            5 => 2,
            7 => 3,
            9 => 4,
            11 => 5,
            13 => 6,
            15 => 7,
            _ => -1,
        };
        return index == 0 && zc < 2 ? -1 : index;
    }

    private static int BitOperationsTrailingZeroCount(int value) => System.Numerics.BitOperations.TrailingZeroCount(value);

    private static int[] BuildAll()
    {
        var list = new List<int>();
        for (int zc = 2; zc <= Max; zc++)
        {
            if (SetIndexOrMinusOne(zc) >= 0)
            {
                list.Add(zc);
            }
        }

        return list.ToArray();
    }
}
