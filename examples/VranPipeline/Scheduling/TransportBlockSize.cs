namespace VranPipeline.Scheduling;

/// <summary>Transport block size determination for PDSCH/PUSCH, TS 38.214 5.1.3.2 (steps 1 to 4).</summary>
public static class TransportBlockSize
{
    /// <summary>The largest N_info answered from Table 5.1.3.2-1; above it the closed form of step 4 applies.</summary>
    public const int TableMaxInformationBits = 3824;

    /// <summary>The most REs per PRB that count towards the TBS (step 1: N_RE = min(156, N′_RE)·n_PRB).</summary>
    public const int MaxResourceElementsPerPrb = 156;

    // Table 5.1.3.2-1: TBS for N_info <= 3824.
    private static readonly int[] s_table =
    [
        24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176, 184, 192, 208, 224, 240, 256,
        272, 288, 304, 320, 336, 352, 368, 384, 408, 432, 456, 480, 504, 528, 552, 576, 608, 640, 672, 704, 736, 768, 808, 848,
        888, 928, 984, 1032, 1064, 1128, 1160, 1192, 1224, 1256, 1288, 1320, 1352, 1416, 1480, 1544, 1608, 1672, 1736, 1800,
        1864, 1928, 2024, 2088, 2152, 2216, 2280, 2408, 2472, 2536, 2600, 2664, 2728, 2792, 2856, 2976, 3104, 3240, 3368, 3496,
        3624, 3752, 3824,
    ];

    /// <summary>Table 5.1.3.2-1, the 93 transport block sizes for N_info ≤ 3824, ascending.</summary>
    public static ReadOnlySpan<int> SmallSizes => s_table;

    /// <summary>
    /// N′_RE = 12·N_symb − N_DMRS − N_oh: the REs of one PRB the shared channel can use (step 1, before the cap at 156).
    /// </summary>
    public static int ResourceElementsPerPrb(int symbols, int dmrsResourceElementsPerPrb, int overheadResourceElementsPerPrb) =>
        (12 * symbols) - dmrsResourceElementsPerPrb - overheadResourceElementsPerPrb;

    /// <summary>The information bits N_info = N_RE·R·Qm·υ of step 2.</summary>
    /// <param name="prbs">n_PRB, allocated PRBs, at least 1.</param>
    /// <param name="resourceElementsPerPrb">N′_RE per PRB (see <see cref="ResourceElementsPerPrb"/>), at least 1.</param>
    /// <param name="qm">Modulation order.</param>
    /// <param name="codeRate">Target code rate R.</param>
    /// <param name="layers">υ, number of layers.</param>
    public static double InformationBits(int prbs, int resourceElementsPerPrb, int qm, double codeRate, int layers = 1) =>
        (double)Math.Min(MaxResourceElementsPerPrb, resourceElementsPerPrb) * prbs * codeRate * qm * layers;

    /// <summary>The TBS of an allocation (steps 1 to 4).</summary>
    /// <param name="prbs">n_PRB, allocated PRBs, at least 1.</param>
    /// <param name="resourceElementsPerPrb">N′_RE per PRB (see <see cref="ResourceElementsPerPrb"/>), at least 1.</param>
    /// <param name="qm">Modulation order.</param>
    /// <param name="codeRate">Target code rate R, in (0, 1).</param>
    /// <param name="layers">υ, number of layers.</param>
    /// <returns>The transport block size in bits (a multiple of 8, at least 24).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int Compute(int prbs, int resourceElementsPerPrb, int qm, double codeRate, int layers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prbs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resourceElementsPerPrb, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(qm, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        if (!(codeRate > 0 && codeRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(codeRate), codeRate, $"codeRate = {codeRate} is out of range: allowed (0, 1).");
        }

        return FromInformationBits(InformationBits(prbs, resourceElementsPerPrb, qm, codeRate, layers), codeRate);
    }

    /// <summary>Steps 3 and 4: quantises N_info and picks the TBS.</summary>
    /// <param name="informationBits">N_info (step 2), positive.</param>
    /// <param name="codeRate">Target code rate R (step 4 segments with 3816-bit blocks when R ≤ 1/4).</param>
    public static int FromInformationBits(double informationBits, double codeRate)
    {
        if (!(informationBits > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(informationBits), informationBits, "N_info must be positive.");
        }

        if (informationBits <= TableMaxInformationBits)
        {
            // Step 3: n = max(3, floor(log2 N_info) - 6), N'_info = max(24, 2^n floor(N_info / 2^n)), then the table.
            int n = Math.Max(3, (int)Math.Floor(Math.Log2(informationBits)) - 6);
            double step = Math.Pow(2, n);
            double quantised = Math.Max(24, step * Math.Floor(informationBits / step));
            foreach (int size in s_table)
            {
                if (size >= quantised)
                {
                    return size;
                }
            }

            return s_table[^1];
        }

        // Step 4: n = floor(log2(N_info - 24)) - 5, N'_info = max(3840, 2^n round((N_info - 24) / 2^n)).
        int n4 = (int)Math.Floor(Math.Log2(informationBits - 24)) - 5;
        double step4 = Math.Pow(2, n4);
        long infoPrime = (long)Math.Max(3840, step4 * Math.Round((informationBits - 24) / step4, MidpointRounding.AwayFromZero));
        long c;
        if (codeRate <= 0.25)
        {
            c = CeilDiv(infoPrime + 24, 3816);
        }
        else if (infoPrime > 8424)
        {
            c = CeilDiv(infoPrime + 24, 8424);
        }
        else
        {
            c = 1;
        }

        return (int)((8 * c * CeilDiv(infoPrime + 24, 8 * c)) - 24);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
