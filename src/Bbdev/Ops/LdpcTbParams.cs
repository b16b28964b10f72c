namespace AccelSdk.Bbdev;

/// <summary>Transport-block-mode parameters of an LDPC op (DPDK's <c>tb_params</c>, TS 38.212 5.4.2.1).</summary>
/// <param name="Ea">E of code blocks r &lt; <paramref name="Cab"/>.</param>
/// <param name="Eb">E of code blocks r ≥ <paramref name="Cab"/>.</param>
/// <param name="C">Number of code blocks in the transport block.</param>
/// <param name="R">Index of the first code block this op carries (a partial transport block when non-zero).</param>
/// <param name="Cab">Number of code blocks that use <paramref name="Ea"/>.</param>
public readonly record struct LdpcTbParams(int Ea, int Eb, int C, int R, int Cab)
{
    /// <summary>E of code block <paramref name="r"/>.</summary>
    public int EOf(int r) => r < Cab ? Ea : Eb;
}
