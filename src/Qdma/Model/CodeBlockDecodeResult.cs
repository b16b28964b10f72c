namespace AccelSdk.Qdma.Model;

/// <summary>What decoding one code block produced.</summary>
/// <param name="Iterations">Iterations run (1-based).</param>
/// <param name="SyndromeOk">Whether the final parity check passed.</param>
/// <param name="CrcOk">The CRC check result, or null when no CRC was checked.</param>
/// <param name="HardBytes">Bytes written to the hard output.</param>
/// <param name="HarqLength">LLRs written to the HARQ output (0 when not asked).</param>
internal readonly record struct CodeBlockDecodeResult(int Iterations, bool SyndromeOk, bool? CrcOk, int HardBytes, int HarqLength);
