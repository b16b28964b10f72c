using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Receiver-side rate recovery of one LDPC code block: de-interleaving, de-rate-matching into the compact circular
/// buffer (fillers and the 2·Zc punctured bits removed, bbdev's HARQ layout) and HARQ combining, on int8 LLRs
/// (positive = bit 0) saturated at ±127.
/// </summary>
/// <remarks>
/// Compact position i holds codeword variable <c>i &lt; K′ − 2·Zc ? i + 2·Zc : i + 2·Zc + F</c>; positions past
/// the returned length, the punctured bits and the fillers are for the decoder to fill (0, 0 and +max). Repeated
/// positions (E &gt; Ncb − F) are summed; the HARQ input is added first, then the new LLRs in de-interleaved order,
/// each addition saturating.
/// </remarks>
public static class LdpcRateRecovery
{
    /// <summary>
    /// The combined length written by <see cref="Recover"/>: max(min(k0′ + E, Ncb − F), min(<paramref name="harqInputLength"/>, Ncb − F)).
    /// </summary>
    /// <exception cref="ArgumentException">A parameter is invalid.</exception>
    public static int OutputLength(in LdpcBlockParameters parameters, int harqInputLength)
    {
        LdpcArguments.ThrowIfInvalid(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(harqInputLength);
        return LdpcCircularBuffer.CombinedLength(parameters, harqInputLength);
    }

    /// <summary>
    /// De-interleaves the E received LLRs (unless <see cref="LdpcBlockParameters.InterleaverBypass"/>; Qm = 1 is the
    /// identity), adds them at compact positions (k0′ + j) mod (Ncb − F) on top of <paramref name="harqInput"/>,
    /// and writes the combined buffer.
    /// </summary>
    /// <param name="parameters">The code block; validated before any work.</param>
    /// <param name="llrs">At least E LLRs in transmitted order (only the first E are read).</param>
    /// <param name="harqInput">The previous combined buffer (compact layout), or empty; entries past Ncb − F are ignored.</param>
    /// <param name="output">At least <see cref="OutputLength"/> entries; must not overlap the inputs.</param>
    /// <param name="width">The implementation; every width gives the same values.</param>
    /// <returns>The number of entries written (the HARQ combined-output length).</returns>
    /// <exception cref="ArgumentException">A parameter or buffer length is invalid; the message names it, its value and the allowed range.</exception>
    public static int Recover(in LdpcBlockParameters parameters, ReadOnlySpan<sbyte> llrs, ReadOnlySpan<sbyte> harqInput, Span<sbyte> output, SimdWidth width = SimdWidth.Auto)
    {
        LdpcArguments.ThrowIfInvalid(parameters);
        SimdWidth resolved = SimdSupport.Resolve(width);
        int length = LdpcCircularBuffer.CombinedLength(parameters, harqInput.Length);
        LdpcArguments.ThrowIfTooShort(llrs.Length, parameters.E, nameof(llrs), $"E = {parameters.E} LLRs");
        LdpcArguments.ThrowIfTooShort(output.Length, length, nameof(output), "the combined length max(min(k0′ + E, Ncb − F), min(HARQ input length, Ncb − F))");
        if (resolved == SimdWidth.Scalar)
        {
            return LdpcRateRecoveryReference.Recover(parameters, llrs, harqInput, output);
        }

        sbyte[] scratch = LdpcWorkspace.Current.LlrBuffer(parameters.E);
        switch (resolved)
        {
            case SimdWidth.V128:
                LdpcRateRecoveryKernel.Recover<ByteLanes128>(parameters, llrs, harqInput, output, length, scratch);
                break;
            case SimdWidth.V256:
                LdpcRateRecoveryKernel.Recover<ByteLanes256>(parameters, llrs, harqInput, output, length, scratch);
                break;
            default:
                LdpcRateRecoveryKernel.Recover<ByteLanes512>(parameters, llrs, harqInput, output, length, scratch);
                break;
        }

        return length;
    }
}
