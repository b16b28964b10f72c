using System.Runtime.InteropServices;

namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// One 64-byte H2C (host-to-card) descriptor, little-endian, in the QDMA bypass format this device defines. A job is
/// a packet of <see cref="H2cCount"/> consecutive descriptors: the first (SOP) carries the job fields and the first
/// input buffer; the others carry further input segments or the HARQ input (<see cref="Stream"/>).
/// </summary>
/// <remarks>
/// <code>
/// off  size field          every descriptor
/// 0x00 u64  Address        device address of the buffer (process address under SVA, IOVA otherwise)
/// 0x08 u32  Length         bytes in the buffer (≤ MaxSegmentBytes)
/// 0x0C u8   Control        QdmaDescriptorControl: bit 0 SOP, bit 1 EOP
/// 0x0D u8   Stream         QdmaStream: 0 input data, 1 HARQ input
/// 0x0E u16  reserved
///      job fields, SOP descriptor only (ignored elsewhere)
/// 0x10 u8   Opcode         QdmaOpcode
/// 0x11 u8   BaseGraph      1 or 2
/// 0x12 u16  Zc             lifting size
/// 0x14 u32  OpFlags        encoder or decoder op flags (bbdev bit numbering, QdmaEncodeFlags/QdmaDecodeFlags)
/// 0x18 u16  NFiller        filler bits F
/// 0x1A u16  Ncb            circular-buffer length (bits)
/// 0x1C u16  K0             explicit k0; 0 = from RvIndex
/// 0x1E u8   RvIndex        0..3
/// 0x1F u8   Qm             1, 2, 4, 6, 8
/// 0x20 u32  Ea             E of code blocks r &lt; Cab (code-block mode: E)
/// 0x24 u32  Eb             E of code blocks r ≥ Cab
/// 0x28 u16  C              code blocks in the transport block (code-block mode: 1)
/// 0x2A u16  R              first code block of this job (code-block mode: 0)
/// 0x2C u16  Cab            code blocks using Ea (code-block mode: 1)
/// 0x2E u8   IterMax        decoder iteration limit
/// 0x2F u8   Mode           0 transport block, 1 code block
/// 0x30 u16  H2cCount       H2C descriptors of the job, this one included
/// 0x32 u16  C2hCount       C2H descriptors the job consumes
/// 0x34 u32  Tag            echoed in the completion entry
/// 0x38 u64  reserved
///      turbo jobs (opcodes 3, 4) read these fields instead of the LDPC ones at the same offsets
/// 0x11 u8   CNeg           code blocks of size KNeg (transport-block mode)
/// 0x12 u16  K              K+ (code-block mode: K)
/// 0x18 u16  KNeg           K−
/// 0x1A u16  Ncb            Ncb of the K+ blocks (0 = Kw)
/// 0x1C u16  NcbNeg         Ncb of the K− blocks (0 = Kw)
/// 0x1F u8   IterMin        decoder iteration floor
/// </code>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct QdmaH2cDescriptor
{
    /// <summary>Bytes of one descriptor.</summary>
    public const int Size = 64;

    [FieldOffset(0x00)] public ulong Address;
    [FieldOffset(0x08)] public uint Length;
    [FieldOffset(0x0C)] public QdmaDescriptorControl Control;
    [FieldOffset(0x0D)] public QdmaStream Stream;
    [FieldOffset(0x10)] public QdmaOpcode Opcode;
    [FieldOffset(0x11)] public byte BaseGraph;
    [FieldOffset(0x12)] public ushort Zc;
    [FieldOffset(0x14)] public uint OpFlags;
    [FieldOffset(0x18)] public ushort NFiller;
    [FieldOffset(0x1A)] public ushort Ncb;
    [FieldOffset(0x1C)] public ushort K0;
    [FieldOffset(0x1E)] public byte RvIndex;
    [FieldOffset(0x1F)] public byte Qm;
    [FieldOffset(0x20)] public uint Ea;
    [FieldOffset(0x24)] public uint Eb;
    [FieldOffset(0x28)] public ushort C;
    [FieldOffset(0x2A)] public ushort R;
    [FieldOffset(0x2C)] public ushort Cab;
    [FieldOffset(0x2E)] public byte IterMax;
    [FieldOffset(0x2F)] public byte Mode;
    [FieldOffset(0x30)] public ushort H2cCount;
    [FieldOffset(0x32)] public ushort C2hCount;
    [FieldOffset(0x34)] public uint Tag;
    [FieldOffset(0x38)] public ulong Reserved;

    // Turbo aliases (the LDPC fields they overlap are meaningless for turbo opcodes).
    [FieldOffset(0x11)] public byte CNeg;
    [FieldOffset(0x12)] public ushort K;
    [FieldOffset(0x18)] public ushort KNeg;
    [FieldOffset(0x1C)] public ushort NcbNeg;
    [FieldOffset(0x1F)] public byte IterMin;

    /// <summary>Mode value of a transport-block job.</summary>
    public const byte TransportBlockMode = 0;

    /// <summary>Mode value of a code-block job.</summary>
    public const byte CodeBlockMode = 1;
}
