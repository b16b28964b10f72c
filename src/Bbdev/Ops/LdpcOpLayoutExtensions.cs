using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev;

/// <summary>
/// Fills the code parameters of LDPC ops from a transport block's layout (<see cref="LdpcSegmentation.Compute"/>), so
/// that an application sets base graph, Zc, Ncb, Qm, fillers, rv and E in one call instead of mapping ten fields by
/// hand. Flags, <see cref="LdpcDecOp.IterMax"/> and the buffers stay the caller's.
/// </summary>
public static class LdpcOpLayoutExtensions
{
    /// <summary>
    /// Sets <paramref name="op"/> up in transport-block mode for code blocks <paramref name="firstCodeBlock"/>..C−1 of
    /// <paramref name="layout"/>, sent with redundancy version <paramref name="rvIndex"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rvIndex"/> is not 0..3 or <paramref name="firstCodeBlock"/> is not a code block.</exception>
    public static void SetTransportBlock(this LdpcEncOp op, in LdpcTransportBlockLayout layout, int rvIndex, int firstCodeBlock = 0)
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckArguments(layout, rvIndex, firstCodeBlock);
        op.BaseGraph = layout.BaseGraph;
        op.Zc = layout.Zc;
        op.NCb = layout.Ncb;
        op.Qm = layout.Qm;
        op.NFiller = layout.FillerBits;
        op.RvIndex = rvIndex;
        op.CodeBlockMode = CodeBlockMode.TransportBlock;
        op.TbParams = TbParams(layout, firstCodeBlock);
    }

    /// <summary>Sets <paramref name="op"/> up in code-block mode for code block <paramref name="codeBlock"/> of <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rvIndex"/> is not 0..3 or <paramref name="codeBlock"/> is not a code block.</exception>
    public static void SetCodeBlock(this LdpcEncOp op, in LdpcTransportBlockLayout layout, int codeBlock, int rvIndex)
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckArguments(layout, rvIndex, codeBlock);
        op.BaseGraph = layout.BaseGraph;
        op.Zc = layout.Zc;
        op.NCb = layout.Ncb;
        op.Qm = layout.Qm;
        op.NFiller = layout.FillerBits;
        op.RvIndex = rvIndex;
        op.CodeBlockMode = CodeBlockMode.CodeBlock;
        op.CbParams = new LdpcCbParams(layout.EOf(codeBlock));
    }

    /// <summary>
    /// Sets <paramref name="op"/> up in transport-block mode for code blocks <paramref name="firstCodeBlock"/>..C−1 of
    /// <paramref name="layout"/>, received with redundancy version <paramref name="rvIndex"/> (<see cref="LdpcDecOp.K0"/> = 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rvIndex"/> is not 0..3 or <paramref name="firstCodeBlock"/> is not a code block.</exception>
    public static void SetTransportBlock(this LdpcDecOp op, in LdpcTransportBlockLayout layout, int rvIndex, int firstCodeBlock = 0)
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckArguments(layout, rvIndex, firstCodeBlock);
        op.BaseGraph = layout.BaseGraph;
        op.Zc = layout.Zc;
        op.NCb = layout.Ncb;
        op.Qm = layout.Qm;
        op.NFiller = layout.FillerBits;
        op.RvIndex = rvIndex;
        op.K0 = 0;
        op.CodeBlockMode = CodeBlockMode.TransportBlock;
        op.TbParams = TbParams(layout, firstCodeBlock);
    }

    /// <summary>
    /// Sets <paramref name="op"/> up in code-block mode for code block <paramref name="codeBlock"/> of
    /// <paramref name="layout"/>, received with redundancy version <paramref name="rvIndex"/> (<see cref="LdpcDecOp.K0"/> = 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rvIndex"/> is not 0..3 or <paramref name="codeBlock"/> is not a code block.</exception>
    public static void SetCodeBlock(this LdpcDecOp op, in LdpcTransportBlockLayout layout, int codeBlock, int rvIndex)
    {
        ArgumentNullException.ThrowIfNull(op);
        CheckArguments(layout, rvIndex, codeBlock);
        op.BaseGraph = layout.BaseGraph;
        op.Zc = layout.Zc;
        op.NCb = layout.Ncb;
        op.Qm = layout.Qm;
        op.NFiller = layout.FillerBits;
        op.RvIndex = rvIndex;
        op.K0 = 0;
        op.CodeBlockMode = CodeBlockMode.CodeBlock;
        op.CbParams = new LdpcCbParams(layout.EOf(codeBlock));
    }

    private static LdpcTbParams TbParams(in LdpcTransportBlockLayout layout, int firstCodeBlock) =>
        new(layout.Ea, layout.Eb, layout.CodeBlocks, firstCodeBlock, layout.Cab);

    private static void CheckArguments(in LdpcTransportBlockLayout layout, int rvIndex, int codeBlock)
    {
        if (rvIndex is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(rvIndex), rvIndex, $"rv_index = {rvIndex} is invalid: allowed 0..3.");
        }

        if (codeBlock < 0 || codeBlock >= layout.CodeBlocks)
        {
            throw new ArgumentOutOfRangeException(nameof(codeBlock), codeBlock,
                $"code block {codeBlock} is out of range: allowed [0, {layout.CodeBlocks - 1}] (C = {layout.CodeBlocks}).");
        }
    }
}
