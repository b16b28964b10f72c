namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>When the turbo decoder may stop before its iteration limit.</summary>
public enum TurboEarlyTermination
{
    /// <summary>Always run the maximum number of iterations.</summary>
    None,

    /// <summary>Stop after the first full iteration whose hard decisions pass the code block's CRC (bbdev EARLY_TERMINATION).</summary>
    Crc,

    /// <summary>Stop after the first full iteration whose hard decisions equal those of the previous one (for blocks without a CRC).</summary>
    HardDecisions,
}
