namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The outcome of decoding one turbo code block.</summary>
/// <param name="Iterations">Full iterations run (1..IterMax).</param>
/// <param name="CrcPassed">Whether the decoded bits pass the CRC of the settings, or null when none was given (false → bbdev CRC_ERROR).</param>
public readonly record struct TurboDecoderResult(int Iterations, bool? CrcPassed);
