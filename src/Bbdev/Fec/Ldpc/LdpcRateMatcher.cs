using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// LDPC rate matching for transmission (TS 38.212 5.4.2): bit selection of E bits from k0 over the circular buffer
/// (length Ncb, full or limited), skipping filler bits and repeating cyclically, then bit interleaving for Qm and
/// MSB-first packing — the output of a bbdev LDPC encode op.
/// </summary>
public static class LdpcRateMatcher
{
    /// <summary>
    /// The whole transmit chain of one code block: optional CRC attach, LDPC encoding, rate matching, bit
    /// interleaving (unless <see cref="LdpcBlockParameters.InterleaverBypass"/>) and packing.
    /// </summary>
    /// <param name="parameters">The code block; validated before any work.</param>
    /// <param name="input">
    /// The information bits packed MSB-first: K′ bits, or K′ − L when <paramref name="crc"/> asks the CRC of L bits
    /// to be computed and appended (bbdev CRC_24A/24B/16_ATTACH). Bits past them are ignored.
    /// </param>
    /// <param name="output">At least ceil(E/8) bytes; ceil(E/8) are written, unused trailing bits 0.</param>
    /// <param name="crc">The CRC to attach to the input, or null for none.</param>
    /// <param name="width">The implementation; every width gives the same bits.</param>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid; the message names it, its value and the allowed range.</exception>
    public static void EncodeAndMatch(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> output, CrcType? crc = null, SimdWidth width = SimdWidth.Auto)
    {
        LdpcArguments.ThrowIfInvalid(parameters);
        SimdWidth resolved = SimdSupport.Resolve(width);
        int kPrime = parameters.KPrime;
        int crcLength = crc is { } type ? CrcCalculator.Length(type) : 0;
        if (crc is { } checkedType && !Enum.IsDefined(checkedType))
        {
            throw new ArgumentOutOfRangeException(nameof(crc), crc, "crc must be Crc24A, Crc24B, Crc16 or null.");
        }

        if (kPrime <= crcLength)
        {
            throw new ArgumentException($"crc = {crc} is invalid for K′ = {kPrime} bits: the code block must hold more than the {crcLength} CRC bits.", nameof(crc));
        }

        int inputBits = kPrime - crcLength;
        LdpcArguments.ThrowIfTooShort(input.Length, (inputBits + 7) >> 3, nameof(input), $"K′ − L = {inputBits} input bits");
        LdpcArguments.ThrowIfTooShort(output.Length, (parameters.E + 7) >> 3, nameof(output), $"E = {parameters.E} output bits");
        switch (resolved)
        {
            case SimdWidth.Scalar:
                EncodeAndMatchReference(parameters, input, output, crc);
                break;
            case SimdWidth.V128:
                LdpcTransmitPath.EncodeAndMatch<WordLanes128>(parameters, input, output, crc);
                break;
            case SimdWidth.V256:
                LdpcTransmitPath.EncodeAndMatch<WordLanes256>(parameters, input, output, crc);
                break;
            default:
                LdpcTransmitPath.EncodeAndMatch<WordLanes512>(parameters, input, output, crc);
                break;
        }
    }

    /// <summary>
    /// Rate-matches an encoded circular buffer d (as <see cref="LdpcEncoder.Encode"/> writes it) into E bits: bit
    /// selection, interleaving (unless <see cref="LdpcBlockParameters.InterleaverBypass"/>) and packing.
    /// </summary>
    /// <param name="parameters">The code block; validated before any work.</param>
    /// <param name="codeword">d packed MSB-first, at least its first Ncb bits (filler bit values are ignored).</param>
    /// <param name="output">At least ceil(E/8) bytes; ceil(E/8) are written, unused trailing bits 0.</param>
    /// <param name="width">The implementation; every width gives the same bits.</param>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid; the message names it, its value and the allowed range.</exception>
    public static void Match(in LdpcBlockParameters parameters, ReadOnlySpan<byte> codeword, Span<byte> output, SimdWidth width = SimdWidth.Auto)
    {
        LdpcArguments.ThrowIfInvalid(parameters);
        SimdWidth resolved = SimdSupport.Resolve(width);
        int ncb = parameters.NcbEffective;
        LdpcArguments.ThrowIfTooShort(codeword.Length, (ncb + 7) >> 3, nameof(codeword), $"Ncb = {ncb} circular-buffer bits");
        LdpcArguments.ThrowIfTooShort(output.Length, (parameters.E + 7) >> 3, nameof(output), $"E = {parameters.E} output bits");
        if (resolved == SimdWidth.Scalar)
        {
            byte[] d = new byte[ncb];
            BitPacking.UnpackReference(codeword, d);
            LdpcRateMatcherReference.Match(parameters, d, output);
        }
        else
        {
            // Selection and interleaving work on 64-bit words and PDEP whatever the width: one path for all.
            LdpcTransmitPath.Match(parameters, codeword, output);
        }
    }

    // The scalar reference chain: CRC by table, encoder and rate matcher one byte per bit.
    private static void EncodeAndMatchReference(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> output, CrcType? crc)
    {
        int kPrime = parameters.KPrime;
        byte[] packed = new byte[(kPrime + 7) >> 3];
        int inputBits = kPrime - (crc is { } t ? CrcCalculator.Length(t) : 0);
        input[..((inputBits + 7) >> 3)].CopyTo(packed);
        if (crc is { } type)
        {
            CrcCalculator.AttachReference(type, packed, inputBits);
        }

        byte[] c = LdpcEncoderReference.EncodeToBits(parameters.Code, kPrime, packed);
        LdpcRateMatcherReference.Match(parameters, c.AsSpan(2 * parameters.Zc, parameters.N), output);
    }
}
