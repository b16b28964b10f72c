namespace AccelSdk.Bbdev;

/// <summary>Code-block-mode parameters of an LDPC op (DPDK's <c>cb_params</c>).</summary>
/// <param name="E">Rate-matched length of the code block in bits.</param>
public readonly record struct LdpcCbParams(int E);
