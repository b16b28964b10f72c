using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// The FEC kernels one engine of the model runs, one code block per call, on contiguous spans: the shape of
/// <see cref="LdpcCodeBlockEngine"/>, which the model uses (through <see cref="LdpcCodeBlockEngineAdapter"/>). The
/// model does the rest of what the card does: descriptor fetch, address checks, transport-block splitting,
/// scatter-gather and status. Tests substitute a stand-in to exercise that rest without the FEC math.
/// </summary>
/// <remarks>An instance serves one model queue, on one engine thread at a time; it may keep scratch memory.</remarks>
internal interface ILdpcCodeBlockEngine
{
    /// <summary>
    /// Encodes one code block: <paramref name="input"/> holds K′ − L bits MSB-first (L = the attached CRC's length,
    /// 0 without <paramref name="attach"/>); <paramref name="output"/> receives ⌈E/8⌉ bytes of rate-matched (and,
    /// unless <see cref="LdpcBlockParameters.InterleaverBypass"/>, interleaved) bits MSB-first.
    /// </summary>
    /// <returns>Bytes written.</returns>
    int Encode(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, CrcType? attach, Span<byte> output);

    /// <summary>
    /// Decodes one code block from its E LLRs: hard decisions into <paramref name="hardOutput"/>, the combined
    /// circular buffer into <paramref name="harqOutput"/> when it is not empty.
    /// </summary>
    LdpcCodeBlockResult Decode(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, in LdpcDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqInput, Span<sbyte> harqOutput);
}
