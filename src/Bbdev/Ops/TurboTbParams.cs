namespace AccelSdk.Bbdev;

/// <summary>Transport-block-mode parameters of a turbo op (DPDK's turbo <c>tb_params</c>, TS 36.212 5.1.2 and 5.1.4).</summary>
/// <param name="KNeg">K− : size of the smaller code blocks.</param>
/// <param name="KPos">K+ : size of the larger code blocks.</param>
/// <param name="CNeg">C− : number of code blocks of size K−.</param>
/// <param name="C">Total number of code blocks.</param>
/// <param name="Cab">Number of code blocks that use <paramref name="Ea"/>.</param>
/// <param name="Ea">E of code blocks r &lt; Cab.</param>
/// <param name="Eb">E of code blocks r ≥ Cab.</param>
/// <param name="R">Index of the first code block in this op.</param>
/// <param name="NcbNeg">Ncb of K− code blocks (encoder only).</param>
/// <param name="NcbPos">Ncb of K+ code blocks (encoder only).</param>
public readonly record struct TurboTbParams(int KNeg, int KPos, int CNeg, int C, int Cab, int Ea, int Eb, int R, int NcbNeg = 0, int NcbPos = 0)
{
    /// <summary>K of code block <paramref name="r"/>: K− for r &lt; C−, else K+.</summary>
    public int KOf(int r) => r < CNeg ? KNeg : KPos;

    /// <summary>E of code block <paramref name="r"/>.</summary>
    public int EOf(int r) => r < Cab ? Ea : Eb;
}
