using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Qdma.Model;

/// <summary>The model's engines on the span-level <see cref="LdpcCodeBlockEngine"/> of <c>Bbdev.Fec</c>, the engine <c>baseband_sw</c> runs too.</summary>
internal sealed class LdpcCodeBlockEngineAdapter(LdpcCodeBlockEngine engine) : ILdpcCodeBlockEngine
{
    /// <summary>Creates an engine with kernels of the given width (one per queue: it owns scratch memory).</summary>
    public static ILdpcCodeBlockEngine Create(SimdWidth simd) => new LdpcCodeBlockEngineAdapter(LdpcCodeBlockEngine.Create(simd));

    public int Encode(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, CrcType? attach, Span<byte> output) =>
        engine.Encode(parameters, input, attach, output);

    public LdpcCodeBlockResult Decode(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, in LdpcDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqInput, Span<sbyte> harqOutput) =>
        engine.Decode(parameters, llrs, settings, hardOutput, harqInput, harqOutput);
}
