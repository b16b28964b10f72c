namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>What one <see cref="LdpcDecoder.Decode"/> call reports besides the hard bits.</summary>
/// <param name="Iterations">
/// Completed iterations, 1-based (bbdev's <c>iter_count</c>): 1..maxIterations, or 0 when the input held no
/// information (every LLR 0) and nothing was decoded.
/// </param>
/// <param name="SyndromePassed">
/// Whether the hard decisions after the last iteration satisfy every parity check of the rows in use. False maps
/// to bbdev's <c>RTE_BBDEV_SYNDROME_ERROR</c> status bit.
/// </param>
public readonly record struct LdpcDecoderResult(int Iterations, bool SyndromePassed);
