using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>What a software job does.</summary>
internal enum SoftwareOp : byte
{
    Copy,
    CopySg,
    Fill,
}

/// <summary>
/// One job as the application side hands it to the engine through the vchan's ring (copied by value): 32 bytes, two
/// per cache line, because the engine's cost for short jobs is mostly the descriptor lines it pulls from the other core.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct SoftwareDescriptor
{
    /// <summary>Copy source.</summary>
    [FieldOffset(0)] public nint Source;

    /// <summary>Fill pattern (a fill has no source).</summary>
    [FieldOffset(0)] public ulong Pattern;

    /// <summary>Scatter-gather copy: the job's first entry in the vchan's entry arena (its lists live there).</summary>
    [FieldOffset(0)] public int SgSlot;

    /// <summary>Scatter-gather copy: entries in the source list.</summary>
    [FieldOffset(4)] public ushort SourceCount;

    /// <summary>Scatter-gather copy: entries in the destination list.</summary>
    [FieldOffset(6)] public ushort DestinationCount;

    /// <summary>Copy or fill destination.</summary>
    [FieldOffset(8)] public nint Destination;

    /// <summary>Bytes to move (for a scatter-gather copy, the total).</summary>
    [FieldOffset(16)] public long Length;

    /// <summary>The operation.</summary>
    [FieldOffset(24)] public SoftwareOp Op;

    /// <summary>Whether the job carries <see cref="DmaOpFlags.Llc"/> (keep the data in cache: never stream).</summary>
    [FieldOffset(25)] public bool Llc;
}
