namespace AccelSdk.Bbdev;

/// <summary>An LTE turbo decode operation (DPDK's <c>rte_bbdev_op_turbo_dec</c>, TS 36.212 5.1.3–5.1.4 receive side).</summary>
public sealed class TurboDecOp : BbdevOp
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.TurboDec;

    /// <summary>LLRs of the virtual circular buffer (3·Kπ bytes per code block).</summary>
    public BbdevOpData Input { get; } = new();

    /// <summary>Decoded bits, K per code block (packed MSB-first).</summary>
    public BbdevOpData HardOutput { get; } = new();

    /// <summary>Soft output LLRs when <see cref="TurboDecFlags.SoftOutput"/> is set.</summary>
    public BbdevOpData SoftOutput { get; } = new();

    /// <summary>Decoder flags.</summary>
    public TurboDecFlags OpFlags { get; set; }

    /// <summary>Redundancy version 0..3.</summary>
    public int RvIndex { get; set; }

    /// <summary>Minimum iterations before early termination may stop (0..15).</summary>
    public int IterMin { get; set; }

    /// <summary>Maximum iterations (1..15).</summary>
    public int IterMax { get; set; } = 8;

    /// <summary>Iterations run (output).</summary>
    public int IterCount { get; set; }

    /// <summary>Extrinsic scaling factor in 1/16 units (0..31).</summary>
    public int ExtScale { get; set; }

    /// <summary>MAP engines to use (power of two, 0 = automatic).</summary>
    public int NumMaps { get; set; }

    /// <summary>Code-block or transport-block mode.</summary>
    public CodeBlockMode CodeBlockMode { get; set; } = CodeBlockMode.CodeBlock;

    /// <summary>Code-block-mode parameters (K, E).</summary>
    public TurboCbParams CbParams { get; set; }

    /// <summary>Transport-block-mode parameters.</summary>
    public TurboTbParams TbParams { get; set; }

    /// <summary>Copies every input field (not the buffers' contents, not status or iteration count) from <paramref name="other"/>.</summary>
    public void CopyParametersFrom(TurboDecOp other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OpFlags = other.OpFlags;
        RvIndex = other.RvIndex;
        IterMin = other.IterMin;
        IterMax = other.IterMax;
        ExtScale = other.ExtScale;
        NumMaps = other.NumMaps;
        CodeBlockMode = other.CodeBlockMode;
        CbParams = other.CbParams;
        TbParams = other.TbParams;
    }
}
