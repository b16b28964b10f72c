namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The outcome of decoding one code block with <see cref="TurboCodeBlockEngine.Decode"/>.</summary>
/// <param name="Iterations">Full iterations run.</param>
/// <param name="CrcPassed">The CRC check result, or null when none was asked (false → bbdev CRC_ERROR).</param>
/// <param name="HardOutputBits">Bits written to the hard output (K, or K − 24 when the CRC is dropped).</param>
/// <param name="SoftOutputLength">LLRs written to the soft output (3·(K + 4), or 0 for none).</param>
public readonly record struct TurboCodeBlockResult(int Iterations, bool? CrcPassed, int HardOutputBits, int SoftOutputLength);
