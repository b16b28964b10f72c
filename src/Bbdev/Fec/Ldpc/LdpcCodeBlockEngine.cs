using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// One LDPC code block end to end on spans, the unit every engine shares (the software driver, the QDMA device
/// model, the GPU driver's reference): transmit = CRC attach, encoding, rate matching, interleaving and packing;
/// receive = de-interleaving, rate recovery with HARQ combining, decoding, CRC check and hard-decision packing.
/// </summary>
/// <remarks>
/// An engine owns its decoder's scratch memory and a compact-buffer scratch sized for the largest code, so neither
/// call allocates; it is not thread-safe (one per worker). Parameters are validated before any work.
/// </remarks>
public sealed class LdpcCodeBlockEngine
{
    private readonly LdpcDecoder _decoder;
    private readonly sbyte[] _compact = new sbyte[66 * LiftingSizes.Max];
    private readonly byte[] _hard = new byte[(22 * LiftingSizes.Max / 8) + 8];

    private LdpcCodeBlockEngine(SimdWidth width)
    {
        Width = SimdSupport.Resolve(width);
        _decoder = LdpcDecoder.Create(Width);
    }

    /// <summary>The implementation in use (never Auto).</summary>
    public SimdWidth Width { get; }

    /// <summary>Creates an engine for <paramref name="width"/> (Auto: the widest accelerated width).</summary>
    public static LdpcCodeBlockEngine Create(SimdWidth width = SimdWidth.Auto) => new(width);

    /// <summary>Output bytes of one encoded code block: ⌈E/8⌉.</summary>
    public static int EncodedBytes(in LdpcBlockParameters parameters) => (parameters.E + 7) >> 3;

    /// <summary>Input bytes of one code block to encode: ⌈(K′ − L)/8⌉, L = the attached CRC length or 0.</summary>
    public static int EncoderInputBytes(in LdpcBlockParameters parameters, CrcType? attach) =>
        (parameters.KPrime - (attach is { } crc ? CrcCalculator.Length(crc) : 0) + 7) >> 3;

    /// <summary>
    /// Encodes one code block: K′ − L information bits (packed MSB-first) plus the CRC of <paramref name="attach"/>
    /// when given → ⌈E/8⌉ bytes of rate-matched, interleaved (unless bypassed) bits.
    /// </summary>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid.</exception>
    public int Encode(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, CrcType? attach, Span<byte> output)
    {
        LdpcRateMatcher.EncodeAndMatch(parameters, input, output, attach, Width);
        return EncodedBytes(parameters);
    }

    /// <summary>
    /// Decodes one code block from E received LLRs (transmitted order, S8.1, positive = bit 0).
    /// </summary>
    /// <param name="parameters">The code block.</param>
    /// <param name="llrs">At least E LLRs.</param>
    /// <param name="settings">Iterations, early termination, CRC and HARQ behaviour.</param>
    /// <param name="hardOutput">Room for ⌈(K′ − drop)/8⌉ bytes (unless <see cref="LdpcDecodeSettings.DecodeBypass"/>).</param>
    /// <param name="harqInput">The previous combined buffer to add, or empty (entries past Ncb − F are ignored).</param>
    /// <param name="harqOutput">Where to write the combined buffer, or empty for none; needs room for its length.</param>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid.</exception>
    public LdpcCodeBlockResult Decode(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, in LdpcDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqInput, Span<sbyte> harqOutput)
    {
        int length = LdpcRateRecovery.Recover(parameters, llrs, harqInput, _compact, Width);
        ReadOnlySpan<sbyte> combined = _compact.AsSpan(0, length);
        if (!harqOutput.IsEmpty)
        {
            if (harqOutput.Length < length)
            {
                throw new ArgumentException($"HARQ output holds {harqOutput.Length} LLRs; the combined buffer has {length}.", nameof(harqOutput));
            }

            combined.CopyTo(harqOutput);
        }

        if (settings.DecodeBypass)
        {
            return new LdpcCodeBlockResult(0, false, null, 0, length);
        }

        int kPrime = parameters.KPrime;
        int drop = settings.DropCrc24B ? 24 : 0;
        int outBits = kPrime - drop;
        int outBytes = (outBits + 7) >> 3;
        if (hardOutput.Length < outBytes)
        {
            throw new ArgumentException($"hard output holds {hardOutput.Length} bytes; {outBits} decoded bits need {outBytes}.", nameof(hardOutput));
        }

        LdpcDecoderResult decoded = _decoder.Decode(parameters.Code, parameters.FillerBits, combined, _hard, settings.IterMax,
            settings.EarlyTermination, settings.EarlyStopOnCrc ? settings.CrcCheck : null);
        bool? crcPassed = settings.CrcCheck is { } crc ? CrcCalculator.Check(crc, _hard, kPrime, Width) : null;

        _hard.AsSpan(0, outBytes).CopyTo(hardOutput);
        int spare = (outBytes * 8) - outBits;
        if (spare != 0)
        {
            // Dropping the CRC can leave decoded bits after the last output bit in the final byte: clear them.
            hardOutput[outBytes - 1] &= (byte)(0xFF << spare);
        }

        return new LdpcCodeBlockResult(decoded.Iterations, decoded.SyndromePassed, crcPassed, outBits, length);
    }
}
