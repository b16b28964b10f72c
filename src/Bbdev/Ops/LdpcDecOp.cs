namespace AccelSdk.Bbdev;

/// <summary>
/// A 5G NR LDPC decode operation (DPDK's <c>rte_bbdev_op_ldpc_dec</c>): received LLRs in, decoded bits out,
/// with optional HARQ combining (TS 38.212 5.4.2 rate recovery, 5.3.2 decoding).
/// </summary>
/// <remarks>
/// <see cref="Input"/> holds E int8 LLRs per code block in transmitted (interleaved) order, in the device's LLR
/// format (<see cref="LdpcDecCapability.LlrSize"/>, <see cref="LdpcDecCapability.LlrDecimals"/>), positive = bit 0.
/// <see cref="HardOutput"/> receives K′ bits MSB-first per code block (K′ − 24 with <see cref="LdpcDecFlags.Crc24BDrop"/>).
/// HARQ buffers hold one LLR per circular-buffer position with the punctured and filler bits removed.
/// </remarks>
public sealed class LdpcDecOp : BbdevOp
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.LdpcDec;

    /// <summary>Received LLRs (E bytes per code block).</summary>
    public BbdevOpData Input { get; } = new();

    /// <summary>Decoded bits (packed MSB-first); the device sets the length.</summary>
    public BbdevOpData HardOutput { get; } = new();

    /// <summary>Soft output LLRs, when <see cref="LdpcDecFlags.SoftOutEnable"/> is set and supported.</summary>
    public BbdevOpData SoftOutput { get; } = new();

    /// <summary>HARQ buffer combined with this transmission when <see cref="LdpcDecFlags.HqCombineInEnable"/> is set.</summary>
    public BbdevOpData HarqCombinedInput { get; } = new();

    /// <summary>HARQ buffer written when <see cref="LdpcDecFlags.HqCombineOutEnable"/> is set; the device sets the length.</summary>
    public BbdevOpData HarqCombinedOutput { get; } = new();

    /// <summary>Decoder flags (DPDK <c>op_flags</c>).</summary>
    public LdpcDecFlags OpFlags { get; set; }

    /// <summary>Redundancy version 0..3 (DPDK <c>rv_index</c>).</summary>
    public int RvIndex { get; set; }

    /// <summary>Maximum iterations, at least 1 and at most the device's <see cref="LdpcDecCapability.MaxIterations"/> (DPDK <c>iter_max</c>).</summary>
    public int IterMax { get; set; } = 8;

    /// <summary>Iterations run (output; DPDK <c>iter_count</c>). In transport-block mode, the largest over the code blocks.</summary>
    public int IterCount { get; set; }

    /// <summary>Base graph 1 or 2 (DPDK <c>basegraph</c>).</summary>
    public int BaseGraph { get; set; }

    /// <summary>Lifting size Zc (DPDK <c>z_c</c>).</summary>
    public int Zc { get; set; }

    /// <summary>Circular-buffer length Ncb in bits (DPDK <c>n_cb</c>).</summary>
    public int NCb { get; set; }

    /// <summary>Modulation order for the bit de-interleaver: 1, 2, 4, 6 or 8 (DPDK <c>q_m</c>).</summary>
    public int Qm { get; set; }

    /// <summary>Filler bits F (DPDK <c>n_filler</c>).</summary>
    public int NFiller { get; set; }

    /// <summary>Explicit rate-matching start position; overrides <see cref="RvIndex"/> when non-zero (DPDK <c>k0</c>).</summary>
    public int K0 { get; set; }

    /// <summary>Code-block or transport-block mode (DPDK <c>code_block_mode</c>).</summary>
    public CodeBlockMode CodeBlockMode { get; set; } = CodeBlockMode.CodeBlock;

    /// <summary>Code-block-mode parameters (E).</summary>
    public LdpcCbParams CbParams { get; set; }

    /// <summary>Transport-block-mode parameters (Ea, Eb, C, r, Cab).</summary>
    public LdpcTbParams TbParams { get; set; }

    /// <summary>Copies every input field (not the buffers' contents, not status or iteration count) from <paramref name="other"/>.</summary>
    public void CopyParametersFrom(LdpcDecOp other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OpFlags = other.OpFlags;
        RvIndex = other.RvIndex;
        IterMax = other.IterMax;
        BaseGraph = other.BaseGraph;
        Zc = other.Zc;
        NCb = other.NCb;
        Qm = other.Qm;
        NFiller = other.NFiller;
        K0 = other.K0;
        CodeBlockMode = other.CodeBlockMode;
        CbParams = other.CbParams;
        TbParams = other.TbParams;
    }
}
