namespace AccelSdk.Bbdev;

/// <summary>
/// A 5G NR LDPC encode operation (DPDK's <c>rte_bbdev_op_ldpc_enc</c>): information bits in, rate-matched and
/// interleaved coded bits out (TS 38.212 5.3.2, 5.4.2).
/// </summary>
/// <remarks>
/// Code-block mode: <see cref="Input"/> holds K′ − L bits MSB-first (L = 24 or 16 when the device attaches a CRC,
/// else 0) and <see cref="Output"/> receives ⌈E/8⌉ bytes. Transport-block mode: inputs and outputs are the
/// per-code-block streams concatenated, each code block byte-aligned. K = 22·Zc (BG1) or 10·Zc (BG2), K′ = K − F.
/// </remarks>
public sealed class LdpcEncOp : BbdevOp
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.LdpcEnc;

    /// <summary>Information bits (packed MSB-first).</summary>
    public BbdevOpData Input { get; } = new();

    /// <summary>Encoded, rate-matched bits (packed MSB-first); the device sets the length.</summary>
    public BbdevOpData Output { get; } = new();

    /// <summary>Encoder flags (DPDK <c>op_flags</c>).</summary>
    public LdpcEncFlags OpFlags { get; set; }

    /// <summary>Redundancy version 0..3 (DPDK <c>rv_index</c>).</summary>
    public int RvIndex { get; set; }

    /// <summary>Base graph 1 or 2 (DPDK <c>basegraph</c>).</summary>
    public int BaseGraph { get; set; }

    /// <summary>Lifting size Zc (DPDK <c>z_c</c>).</summary>
    public int Zc { get; set; }

    /// <summary>Circular-buffer length Ncb in bits (DPDK <c>n_cb</c>): N = 66·Zc / 50·Zc, or less with LBRM.</summary>
    public int NCb { get; set; }

    /// <summary>Modulation order for the bit interleaver: 1, 2, 4, 6 or 8 (DPDK <c>q_m</c>).</summary>
    public int Qm { get; set; }

    /// <summary>Filler bits F (DPDK <c>n_filler</c>).</summary>
    public int NFiller { get; set; }

    /// <summary>Code-block or transport-block mode (DPDK <c>code_block_mode</c>).</summary>
    public CodeBlockMode CodeBlockMode { get; set; } = CodeBlockMode.CodeBlock;

    /// <summary>Code-block-mode parameters (E).</summary>
    public LdpcCbParams CbParams { get; set; }

    /// <summary>Transport-block-mode parameters (Ea, Eb, C, r, Cab).</summary>
    public LdpcTbParams TbParams { get; set; }

    /// <summary>Copies every input field (not the buffers' contents, not status) from <paramref name="other"/>.</summary>
    public void CopyParametersFrom(LdpcEncOp other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OpFlags = other.OpFlags;
        RvIndex = other.RvIndex;
        BaseGraph = other.BaseGraph;
        Zc = other.Zc;
        NCb = other.NCb;
        Qm = other.Qm;
        NFiller = other.NFiller;
        CodeBlockMode = other.CodeBlockMode;
        CbParams = other.CbParams;
        TbParams = other.TbParams;
    }
}
