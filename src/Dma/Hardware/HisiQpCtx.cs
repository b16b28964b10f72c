using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Hardware;

/// <summary>The argument of <see cref="HisiQm.SetQpCtx"/> (Linux <c>struct hisi_qp_ctx</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct HisiQpCtx
{
    /// <summary>Out: the hardware queue number (SQN), used in doorbells.</summary>
    public ushort Id;

    /// <summary>In: the queue type (<see cref="HisiQm.QcTypeUdma"/> for data moves).</summary>
    public ushort QcType;
}
