using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// The FEC kernels one engine of the model runs, one code block per call, on contiguous spans. The model does the
/// rest of what the card does (descriptor fetch, address checks, transport-block splitting, scatter-gather, status);
/// the one class behind this interface adapts the span-level LDPC engine of <c>Bbdev.Fec</c>.
/// </summary>
/// <remarks>An instance serves one model queue, on one engine thread at a time; it may keep scratch memory.</remarks>
internal interface ILdpcCodeBlockEngine
{
    /// <summary>
    /// Encodes one code block: <paramref name="input"/> holds K′ − L bits MSB-first (L = the attached CRC's length,
    /// 0 without <paramref name="attach"/>); <paramref name="output"/> receives ⌈E/8⌉ bytes of rate-matched (and,
    /// unless bypassed, interleaved) bits MSB-first.
    /// </summary>
    void Encode(in LdpcBlockParameters p, ReadOnlySpan<byte> input, CrcType? attach, bool interleaverBypass, Span<byte> output);

    /// <summary>
    /// Decodes one code block from its E LLRs: hard decisions of K′ bits (K′ − 24 with <see cref="CodeBlockDecodeSettings.DropCrc24B"/>)
    /// MSB-first into <paramref name="hardOutput"/>, the combined circular buffer into <paramref name="harqOut"/>
    /// when asked (filler-free layout, at most Ncb − F LLRs).
    /// </summary>
    CodeBlockDecodeResult Decode(in LdpcBlockParameters p, ReadOnlySpan<sbyte> llrs, in CodeBlockDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqIn, Span<sbyte> harqOut);
}
