namespace AccelSdk.Bbdev;

/// <summary>Code-block-mode parameters of a turbo op (DPDK's turbo <c>cb_params</c>, TS 36.212 5.1.4).</summary>
/// <param name="K">Code block size in bits including CRC, 40..6144 (one of the 188 QPP sizes).</param>
/// <param name="E">Rate-matched length in bits.</param>
/// <param name="Ncb">Soft-buffer (circular buffer) size in bits, between K and 3·Kπ; encoder only.</param>
public readonly record struct TurboCbParams(int K, int E, int Ncb = 0);
