namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// How the scalar reference corrects the min-sum magnitudes: an offset (max(m − amount, 0)) or a normalisation
/// (m·amount/16, rounded down), then a limit on the message magnitude. Only the offset of
/// <see cref="LdpcDecoder.Offset"/> with the limit <see cref="LdpcDecoder.MaxMessageMagnitude"/> is on the data
/// path; the other settings exist so the BLER tool can measure the choice.
/// </summary>
/// <param name="Normalised">False: offset min-sum; true: normalised min-sum.</param>
/// <param name="Amount">The offset in LSB (0..127), or the factor's numerator over 16 (1..16).</param>
/// <param name="Limit">The largest message magnitude (1..127).</param>
internal readonly record struct MinSumCorrection(bool Normalised, int Amount, int Limit)
{
    /// <summary>The correction every decoder uses.</summary>
    public static MinSumCorrection Default => new(false, LdpcDecoder.Offset, LdpcDecoder.MaxMessageMagnitude);

    /// <summary>Corrects a magnitude 0..127.</summary>
    public int Apply(int magnitude) => Math.Min(Normalised ? (magnitude * Amount) >> 4 : Math.Max(magnitude - Amount, 0), Limit);
}
