using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Qdma.Model;

/// <summary>How one code block is decoded (from the job's op flags and iteration limit).</summary>
/// <param name="IterMax">Largest number of iterations, at least 1.</param>
/// <param name="EarlyTermination">Stop as soon as the syndrome check passes.</param>
/// <param name="CrcCheck">The CRC to check over the decoded bits, or null.</param>
/// <param name="DropCrc24B">Leave the last 24 decoded bits out of the hard output.</param>
/// <param name="DeinterleaverBypass">The LLRs are not bit-interleaved.</param>
/// <param name="CombineHarqIn">Add the HARQ input into the circular buffer before decoding.</param>
/// <param name="WriteHarqOut">Write the combined circular buffer to the HARQ output.</param>
internal readonly record struct CodeBlockDecodeSettings(
    int IterMax, bool EarlyTermination, CrcType? CrcCheck, bool DropCrc24B, bool DeinterleaverBypass, bool CombineHarqIn, bool WriteHarqOut);
