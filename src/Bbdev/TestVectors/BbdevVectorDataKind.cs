namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The kinds of data buffer a test vector carries. Each kind holds up to
/// <see cref="BbdevTestVector.MaxSegments"/> numbered segments (<c>input0</c>, <c>input1</c>, ...), which become a
/// chained buffer with one segment per entry.
/// </summary>
public enum BbdevVectorDataKind
{
    /// <summary><c>input</c>: encoder information bits, decoder LLRs or FFT input points (DPDK <c>input</c> / <c>base_input</c>).</summary>
    Input,

    /// <summary>
    /// The expected main output: <c>output</c> for encoders, LDPC decoders (the hard output), FFT and MLD-TS, and
    /// <c>hard_output</c> for turbo decoders.
    /// </summary>
    Output,

    /// <summary><c>soft_output</c>: expected decoder soft output (LLRs).</summary>
    SoftOutput,

    /// <summary><c>harq_input</c>: LDPC decoder HARQ combined input (int8 LLRs of the compacted circular buffer).</summary>
    HarqInput,

    /// <summary><c>harq_output</c>: expected LDPC decoder HARQ combined output.</summary>
    HarqOutput,

    /// <summary><c>dewin_input</c>: FFT frequency-domain de-windowing input (DPDK <c>dewindowing_input</c>).</summary>
    DewinInput,

    /// <summary><c>power_output</c>: expected FFT power measurement output (DPDK <c>power_meas_output</c>).</summary>
    PowerOutput,

    /// <summary><c>qhy_input</c>: MLD-TS Qᴴy input from the QR decomposition.</summary>
    QhyInput,

    /// <summary><c>r_input</c>: MLD-TS triangular R input from the QR decomposition.</summary>
    RInput,
}
