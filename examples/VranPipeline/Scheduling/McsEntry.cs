namespace VranPipeline.Scheduling;

/// <summary>One row of an MCS table: modulation order and target code rate.</summary>
/// <param name="Qm">Modulation order (bits per symbol): 2, 4, 6 or 8.</param>
/// <param name="CodeRateX1024">Target code rate R × 1024, as the tables print it (682.5 and 916.5 occur).</param>
public readonly record struct McsEntry(int Qm, double CodeRateX1024)
{
    /// <summary>The target code rate R.</summary>
    public double CodeRate => CodeRateX1024 / 1024;

    /// <summary>The modulation.</summary>
    public Radio.Modulation Modulation => (Radio.Modulation)Qm;
}
