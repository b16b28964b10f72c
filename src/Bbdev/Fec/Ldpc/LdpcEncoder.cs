using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The 5G NR LDPC encoder (TS 38.212 5.3.2): systematic encoding of one code block through the double-diagonal core,
/// for both base graphs and all 51 lifting sizes.
/// </summary>
/// <remarks>
/// For the transmit data path use <see cref="LdpcRateMatcher.EncodeAndMatch"/>, which encodes only the parity that
/// the rate-matched output needs and never materialises the packed codeword.
/// </remarks>
public static class LdpcEncoder
{
    /// <summary>
    /// Encodes the K′ information bits of <paramref name="input"/> into the circular buffer d: the N = 66·Zc (BG1)
    /// or 50·Zc (BG2) codeword bits after the 2·Zc punctured systematic bits, packed MSB-first; the F filler positions
    /// d[K′ − 2·Zc, K − 2·Zc) are written as 0.
    /// </summary>
    /// <param name="parameters">Only <see cref="LdpcBlockParameters.BaseGraph"/>, <see cref="LdpcBlockParameters.Zc"/> and <see cref="LdpcBlockParameters.FillerBits"/> are used.</param>
    /// <param name="input">K′ bits packed MSB-first (ceil(K′/8) bytes; bits after K′ are ignored).</param>
    /// <param name="codeword">At least ceil(N/8) bytes; ceil(N/8) are written, unused trailing bits 0.</param>
    /// <param name="width">The implementation; every width gives the same bits.</param>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid; the message names it, its value and the allowed range.</exception>
    public static void Encode(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> codeword, SimdWidth width = SimdWidth.Auto)
    {
        LdpcArguments.ThrowIfInvalidCode(parameters);
        SimdWidth resolved = SimdSupport.Resolve(width);
        int kPrime = parameters.KPrime;
        int n = parameters.N;
        LdpcArguments.ThrowIfTooShort(input.Length, (kPrime + 7) >> 3, nameof(input), $"K′ = {kPrime} information bits");
        LdpcArguments.ThrowIfTooShort(codeword.Length, (n + 7) >> 3, nameof(codeword), $"N = {n} codeword bits");
        LdpcCode code = parameters.Code;
        switch (resolved)
        {
            case SimdWidth.Scalar:
                LdpcEncoderReference.EncodePacked(code, kPrime, input, codeword);
                break;
            case SimdWidth.V128:
                LdpcTransmitPath.Encode<WordLanes128>(parameters, input, codeword);
                break;
            case SimdWidth.V256:
                LdpcTransmitPath.Encode<WordLanes256>(parameters, input, codeword);
                break;
            default:
                LdpcTransmitPath.Encode<WordLanes512>(parameters, input, codeword);
                break;
        }
    }
}
