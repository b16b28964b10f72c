using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// One LTE turbo code block end to end on spans, the unit every engine shares (the software driver, a device model):
/// transmit = CRC attach, turbo encoding and rate matching (or the three streams as they are); receive = sub-block
/// de-interleaving, max-log-MAP decoding, CRC check, hard output with or without the CRC, soft output.
/// </summary>
/// <remarks>
/// An engine owns its encoder's and decoder's scratch memory, so neither call allocates; it is not thread-safe (one
/// per worker). Parameters are validated before any work.
/// </remarks>
public sealed class TurboCodeBlockEngine
{
    private readonly TurboEncoder _encoder = new();
    private readonly TurboDecoder _decoder;
    private readonly byte[] _block = new byte[TurboInterleaver.MaxBlockSize / 8];
    private readonly byte[] _streams = new byte[(3 * (TurboInterleaver.MaxBlockSize + 4)) + 8];
    private readonly byte[] _hard = new byte[TurboInterleaver.MaxBlockSize / 8];

    private TurboCodeBlockEngine(SimdWidth width)
    {
        Width = SimdSupport.Resolve(width);
        _decoder = TurboDecoder.Create(Width);
    }

    /// <summary>The decoder implementation in use (never Auto).</summary>
    public SimdWidth Width { get; }

    /// <summary>Creates an engine for <paramref name="width"/> (Auto: the widest accelerated width).</summary>
    public static TurboCodeBlockEngine Create(SimdWidth width = SimdWidth.Auto) => new(width);

    /// <summary>Input bytes of one code block to encode: (K − L)/8, L = the attached CRC's length or 0.</summary>
    public static int EncoderInputBytes(int k, CrcType? attach) => (k - (attach is { } crc ? CrcCalculator.Length(crc) : 0)) >> 3;

    /// <summary>Output bytes of one encoded code block: ⌈E/8⌉ with rate matching, else ⌈3·(K + 4)/8⌉.</summary>
    public static int EncodedBytes(in TurboBlockParameters parameters) => (parameters.OutputBits + 7) >> 3;

    /// <summary>
    /// Encodes one code block: K − L information bits (packed MSB-first) plus the CRC of <paramref name="attach"/> when
    /// given → ⌈E/8⌉ rate-matched bytes, or d0 ‖ d1 ‖ d2 (3·(K + 4) bits) without rate matching; unused trailing bits 0.
    /// </summary>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid.</exception>
    public int Encode(in TurboBlockParameters parameters, ReadOnlySpan<byte> input, CrcType? attach, Span<byte> output)
    {
        parameters.EnsureValid();
        int k = parameters.K;
        int crcBits = attach is { } crc ? CrcCalculator.Length(crc) : 0;
        int inBytes = (k - crcBits) >> 3;
        int outBytes = EncodedBytes(parameters);
        if (input.Length < inBytes)
        {
            throw new ArgumentException($"input holds {input.Length} bytes; K = {k} with a {crcBits}-bit CRC attached needs {inBytes}.", nameof(input));
        }

        if (output.Length < outBytes)
        {
            throw new ArgumentException($"output holds {output.Length} bytes; the encoded block needs {outBytes}.", nameof(output));
        }

        Span<byte> block = _block.AsSpan(0, k >> 3);
        input[..inBytes].CopyTo(block);
        if (attach is CrcType type)
        {
            CrcCalculator.Attach(type, block, k - crcBits, Width);
        }

        int length = k + 4;
        _encoder.Encode(block, k, _streams);
        if (parameters.RateMatch)
        {
            TurboRateMatcher.SelectBits(TurboCodeTables.Get(k), _streams, parameters.K0, parameters.NcbEffective, parameters.E, output);
        }
        else
        {
            TurboEncoder.Pack(_streams.AsSpan(0, 3 * length), output);
        }

        return outBytes;
    }

    /// <summary>
    /// Decodes one code block from its 3·Kπ LLRs (<see cref="TurboDecodeSettings.InputFormat"/>).
    /// </summary>
    /// <param name="k">The block size K.</param>
    /// <param name="input">At least 3·Kπ int8 LLRs.</param>
    /// <param name="settings">Iterations, stopping rule, CRC, sign conventions.</param>
    /// <param name="dropCrc">Leave the last 24 decoded bits (the block's CRC) out of the hard output.</param>
    /// <param name="hardOutput">Room for (K − drop)/8 bytes.</param>
    /// <param name="softOutput">Empty for none, else room for 3·(K + 4) LLRs.</param>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid.</exception>
    public TurboCodeBlockResult Decode(int k, ReadOnlySpan<sbyte> input, in TurboDecodeSettings settings, bool dropCrc, Span<byte> hardOutput, Span<sbyte> softOutput)
    {
        int bits = k - (dropCrc ? 24 : 0);
        if (hardOutput.Length < bits >> 3)
        {
            throw new ArgumentException($"hard output holds {hardOutput.Length} bytes; {bits} decoded bits need {bits >> 3}.", nameof(hardOutput));
        }

        TurboDecoderResult result = _decoder.Decode(k, input, settings, _hard, softOutput);
        _hard.AsSpan(0, bits >> 3).CopyTo(hardOutput);
        return new TurboCodeBlockResult(result.Iterations, result.CrcPassed, bits, softOutput.IsEmpty ? 0 : TurboDecoder.SoftOutputLength(k));
    }
}
