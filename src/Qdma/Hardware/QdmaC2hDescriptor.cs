using System.Runtime.InteropServices;

namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// One 16-byte C2H (card-to-host) descriptor, little-endian: a buffer the device may write one output stream of a
/// job into. QDMA's stream C2H descriptor is an address only, its size coming from a global buffer-size table; bbdev
/// outputs vary per op, so this bypass format carries the room explicitly.
/// </summary>
/// <remarks>
/// <code>
/// off  size field
/// 0x00 u64  Address   device address of the room
/// 0x08 u32  Length    bytes of room (≤ MaxSegmentBytes)
/// 0x0C u8   Control   QdmaDescriptorControl: SOP on the job's first C2H descriptor, EOP on its last
/// 0x0D u8   Stream    QdmaStream: 0 output data, 1 HARQ output
/// 0x0E u16  reserved
/// </code>
/// A job's C2H descriptors are consumed in order; within a stream the device fills them one after the other.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct QdmaC2hDescriptor
{
    /// <summary>Bytes of one descriptor.</summary>
    public const int Size = 16;

    [FieldOffset(0x00)] public ulong Address;
    [FieldOffset(0x08)] public uint Length;
    [FieldOffset(0x0C)] public QdmaDescriptorControl Control;
    [FieldOffset(0x0D)] public QdmaStream Stream;
    [FieldOffset(0x0E)] public ushort Reserved;
}
