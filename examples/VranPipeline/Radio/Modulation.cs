namespace VranPipeline.Radio;

/// <summary>The modulations of the shared channels (TS 38.211 5.1); the value is the modulation order Qm.</summary>
public enum Modulation
{
    /// <summary>QPSK, 2 bits per symbol (TS 38.211 5.1.3).</summary>
    Qpsk = 2,

    /// <summary>16QAM, 4 bits per symbol (TS 38.211 5.1.4).</summary>
    Qam16 = 4,

    /// <summary>64QAM, 6 bits per symbol (TS 38.211 5.1.5).</summary>
    Qam64 = 6,

    /// <summary>256QAM, 8 bits per symbol (TS 38.211 5.1.6).</summary>
    Qam256 = 8,
}
