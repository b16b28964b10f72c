namespace AccelSdk.Bbdev;

/// <summary>An LTE turbo encode operation (DPDK's <c>rte_bbdev_op_turbo_enc</c>, TS 36.212 5.1.3–5.1.4).</summary>
public sealed class TurboEncOp : BbdevOp
{
    /// <inheritdoc />
    public override BbdevOpType OpType => BbdevOpType.TurboEnc;

    /// <summary>Information bits (packed MSB-first).</summary>
    public BbdevOpData Input { get; } = new();

    /// <summary>Encoded bits: d0‖d1‖d2 without rate matching, else E rate-matched bits (packed MSB-first).</summary>
    public BbdevOpData Output { get; } = new();

    /// <summary>Encoder flags.</summary>
    public TurboEncFlags OpFlags { get; set; }

    /// <summary>Redundancy version 0..3.</summary>
    public int RvIndex { get; set; }

    /// <summary>Code-block or transport-block mode.</summary>
    public CodeBlockMode CodeBlockMode { get; set; } = CodeBlockMode.CodeBlock;

    /// <summary>Code-block-mode parameters (K, E, Ncb).</summary>
    public TurboCbParams CbParams { get; set; }

    /// <summary>Transport-block-mode parameters.</summary>
    public TurboTbParams TbParams { get; set; }

    /// <summary>Copies every input field (not the buffers' contents, not status) from <paramref name="other"/>.</summary>
    public void CopyParametersFrom(TurboEncOp other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OpFlags = other.OpFlags;
        RvIndex = other.RvIndex;
        CodeBlockMode = other.CodeBlockMode;
        CbParams = other.CbParams;
        TbParams = other.TbParams;
    }
}
