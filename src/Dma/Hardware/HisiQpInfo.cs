using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Hardware;

/// <summary>The argument of <see cref="HisiQm.SetQpInfo"/> (Linux <c>struct hisi_qp_info</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HisiQpInfo
{
    /// <summary>Out: bytes per submission entry (128 for data moves).</summary>
    public uint SqeSize;

    /// <summary>Out: submission ring depth (a power of two).</summary>
    public ushort SqDepth;

    /// <summary>Out: completion ring depth.</summary>
    public ushort CqDepth;

    /// <summary>Reserved.</summary>
    public ulong Reserved;
}
