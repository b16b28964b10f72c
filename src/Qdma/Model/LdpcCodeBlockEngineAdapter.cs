using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Qdma.Model;

/// <summary>The model's engines on the span-level LDPC engine of <c>Bbdev.Fec</c> (one instance per queue).</summary>
internal sealed class LdpcCodeBlockEngineAdapter : ILdpcCodeBlockEngine
{
    private LdpcCodeBlockEngineAdapter()
    {
    }

    /// <summary>Creates an engine with kernels of the given width.</summary>
    public static ILdpcCodeBlockEngine Create(SimdWidth simd) =>
        throw new NotSupportedException($"The span-level LDPC engine (Bbdev.Fec.Ldpc) is not in this build yet; no {simd} kernels to run.");

    public void Encode(in LdpcBlockParameters p, ReadOnlySpan<byte> input, CrcType? attach, bool interleaverBypass, Span<byte> output) =>
        throw new NotSupportedException();

    public CodeBlockDecodeResult Decode(in LdpcBlockParameters p, ReadOnlySpan<sbyte> llrs, in CodeBlockDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqIn, Span<sbyte> harqOut) => throw new NotSupportedException();
}
