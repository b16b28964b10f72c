using System.Runtime.InteropServices;

namespace AccelSdk.Gpu.Kernels;

/// <summary>
/// What the decode kernel needs to know about one code block of a batch: its code, its rows in use, where its
/// inputs, check state and outputs lie in the batch buffers, and its stopping rule. Built on the host per code
/// block; the device reads it once per group.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GpuDecodeBlock
{
    /// <summary>Lifting size Zc.</summary>
    public int Zc;

    /// <summary>Systematic columns Kb (22 or 10).</summary>
    public int Kb;

    /// <summary>Index of the base graph's first row start in the row-start table.</summary>
    public int RowStartOffset;

    /// <summary>Added to a global entry index to find its shift for this (graph, Zc) in the shift table.</summary>
    public int ShiftOffset;

    /// <summary>Check rows in use (4..graph rows), as <c>LdpcDecoderPlan.RowsInUse</c>.</summary>
    public int Rows;

    /// <summary>K′ = K − F.</summary>
    public int KPrime;

    /// <summary>Filler bits F.</summary>
    public int Fillers;

    /// <summary>Entries of the compacted circular buffer (L).</summary>
    public int CompactLength;

    /// <summary>First LLR of this block in the batch's LLR buffer.</summary>
    public int LlrOffset;

    /// <summary>First int of this block's check state (2 · Rows · Zc ints) in the batch's state buffer.</summary>
    public int StateOffset;

    /// <summary>First byte of this block's hard output (⌈K′/8⌉ bytes) in the batch's output buffer.</summary>
    public int HardOffset;

    /// <summary>Iteration limit, 1..100.</summary>
    public int MaxIterations;

    /// <summary>1: stop after the first iteration whose syndrome holds (bbdev ITERATION_STOP_ENABLE).</summary>
    public int EarlyTermination;

    /// <summary>L of the CRC to check over the K′ decoded bits (24 or 16), 0 for none.</summary>
    public int CrcLength;

    /// <summary>The CRC's generator polynomial without its leading term (0x864CFB, 0x800063, 0x1021).</summary>
    public int CrcPolynomial;
}
