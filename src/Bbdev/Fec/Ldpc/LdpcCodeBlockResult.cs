namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The outcome of decoding one code block with <see cref="LdpcCodeBlockEngine.Decode"/>.</summary>
/// <param name="Iterations">Iterations completed (0 with decode bypass or an input without information).</param>
/// <param name="SyndromePassed">Whether the final parity check passed (false → bbdev SYNDROME_ERROR).</param>
/// <param name="CrcPassed">The CRC check result, or null when none was asked (false → bbdev CRC_ERROR).</param>
/// <param name="HardOutputBits">Bits written to the hard output (K′, or K′ − 24 when dropping the CRC).</param>
/// <param name="HarqLength">Entries of the combined HARQ buffer (written when a HARQ output was given).</param>
public readonly record struct LdpcCodeBlockResult(int Iterations, bool SyndromePassed, bool? CrcPassed, int HardOutputBits, int HarqLength);
