using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>What a software job does.</summary>
internal enum SoftwareOp : byte
{
    Copy,
    CopySg,
    Fill,
}

/// <summary>One job as the application side hands it to the engine through the vchan's ring (copied by value).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SoftwareDescriptor
{
    /// <summary>Copy source.</summary>
    public nint Source;

    /// <summary>Copy or fill destination.</summary>
    public nint Destination;

    /// <summary>Bytes to move (for a scatter-gather copy, the total).</summary>
    public long Length;

    /// <summary>Fill pattern.</summary>
    public ulong Pattern;

    /// <summary>Scatter-gather copy: the job's slot in the vchan's entry arena (its lists live there).</summary>
    public int SgSlot;

    /// <summary>Scatter-gather copy: entries in the source list.</summary>
    public ushort SourceCount;

    /// <summary>Scatter-gather copy: entries in the destination list.</summary>
    public ushort DestinationCount;

    /// <summary>The operation.</summary>
    public SoftwareOp Op;

    /// <summary>Whether the job carries <see cref="DmaOpFlags.Llc"/> (keep the data in cache: never stream).</summary>
    public bool Llc;
}
