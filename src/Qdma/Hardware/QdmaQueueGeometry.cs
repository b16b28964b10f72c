using System.Runtime.InteropServices;

namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// <c>struct qdma_fec_queue_info</c> (64 bytes, little-endian): what the kernel driver programmed into the queue's
/// contexts, returned by <see cref="QdmaFecApi.QueueInfoRequest"/>. On real QDMA hardware the contexts are written
/// through indirect registers that only the kernel may touch, so user space learns the ring layout from here, as
/// HiSilicon drivers learn theirs from <c>SET_QP_INFO</c>.
/// </summary>
/// <remarks>
/// <code>
/// off  size field
/// 0x00 u32  Magic              0x43454651 ("QFEC")
/// 0x04 u16  Version            1
/// 0x06 u16  QueueId            hardware queue number
/// 0x08 u16  H2cRingSize        ring slots incl. the status slot (a QdmaRingSizes value)
/// 0x0A u16  C2hRingSize
/// 0x0C u16  CmptRingSize
/// 0x0E u16  TurboEncodeFlags   turbo encoder op-flag bits the engine implements (bbdev numbering; 0 on cards without turbo)
/// 0x10 u16  H2cDescriptorSize  64
/// 0x12 u16  C2hDescriptorSize  16
/// 0x14 u16  CmptEntrySize      16
/// 0x16 u16  MaxSegmentsPerJob  most H2C (or C2H) descriptors one job may use
/// 0x18 u32  H2cRingOffset      byte offset of the H2C ring in the DUS region (4 KiB aligned)
/// 0x1C u32  C2hRingOffset
/// 0x20 u32  CmptRingOffset
/// 0x24 u32  DoorbellOffset     byte offset of the QdmaRegisters block in the MMIO region
/// 0x28 u32  Features           QdmaFeatures
/// 0x2C u32  EncodeFlags        encoder op-flag bits the engine implements (bbdev numbering)
/// 0x30 u32  DecodeFlags        decoder op-flag bits the engine implements (bbdev numbering)
/// 0x34 u16  MaxIterations      largest decoder iteration limit
/// 0x36 u8   LlrSize            bits per LLR including sign
/// 0x37 u8   LlrDecimals        fractional bits per LLR
/// 0x38 u32  MaxSegmentBytes    largest length of one descriptor
/// 0x3C u32  TurboDecodeFlags   turbo decoder op-flag bits the engine implements (bbdev numbering)
/// </code>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct QdmaQueueGeometry
{
    /// <summary>Bytes of the structure.</summary>
    public const int Size = 64;

    /// <summary>"QFEC" read as a little-endian u32.</summary>
    public const uint ExpectedMagic = 0x43454651;

    /// <summary>The layout version this code implements.</summary>
    public const ushort CurrentVersion = 1;

    [FieldOffset(0x00)] public uint Magic;
    [FieldOffset(0x04)] public ushort Version;
    [FieldOffset(0x06)] public ushort QueueId;
    [FieldOffset(0x08)] public ushort H2cRingSize;
    [FieldOffset(0x0A)] public ushort C2hRingSize;
    [FieldOffset(0x0C)] public ushort CmptRingSize;
    [FieldOffset(0x0E)] public ushort TurboEncodeFlags;
    [FieldOffset(0x10)] public ushort H2cDescriptorSize;
    [FieldOffset(0x12)] public ushort C2hDescriptorSize;
    [FieldOffset(0x14)] public ushort CmptEntrySize;
    [FieldOffset(0x16)] public ushort MaxSegmentsPerJob;
    [FieldOffset(0x18)] public uint H2cRingOffset;
    [FieldOffset(0x1C)] public uint C2hRingOffset;
    [FieldOffset(0x20)] public uint CmptRingOffset;
    [FieldOffset(0x24)] public uint DoorbellOffset;
    [FieldOffset(0x28)] public QdmaFeatures Features;
    [FieldOffset(0x2C)] public uint EncodeFlags;
    [FieldOffset(0x30)] public uint DecodeFlags;
    [FieldOffset(0x34)] public ushort MaxIterations;
    [FieldOffset(0x36)] public byte LlrSize;
    [FieldOffset(0x37)] public byte LlrDecimals;
    [FieldOffset(0x38)] public uint MaxSegmentBytes;
    [FieldOffset(0x3C)] public uint TurboDecodeFlags;

    /// <summary>
    /// Checks the geometry against a DUS region of <paramref name="dusSize"/> bytes and an MMIO region of
    /// <paramref name="mmioSize"/> bytes; returns null when usable, else what is wrong.
    /// </summary>
    public readonly string? Validate(long dusSize, long mmioSize)
    {
        if (Magic != ExpectedMagic || Version != CurrentVersion)
        {
            return $"queue info magic 0x{Magic:X8} version {Version}; expected 0x{ExpectedMagic:X8} version {CurrentVersion}";
        }

        if (H2cDescriptorSize != QdmaH2cDescriptor.Size || C2hDescriptorSize != QdmaC2hDescriptor.Size || CmptEntrySize != QdmaCompletionEntry.Size)
        {
            return $"descriptor sizes H2C {H2cDescriptorSize}, C2H {C2hDescriptorSize}, CMPT {CmptEntrySize}; this layout needs {QdmaH2cDescriptor.Size}, {QdmaC2hDescriptor.Size}, {QdmaCompletionEntry.Size}";
        }

        if (!QdmaRingSizes.IsValid(H2cRingSize) || !QdmaRingSizes.IsValid(C2hRingSize) || !QdmaRingSizes.IsValid(CmptRingSize))
        {
            return $"ring sizes H2C {H2cRingSize}, C2H {C2hRingSize}, CMPT {CmptRingSize}; each must be one of {QdmaRingSizes.Describe()}";
        }

        if (MaxSegmentsPerJob < 1)
        {
            return "MaxSegmentsPerJob is 0";
        }

        // The rings must lie inside the region and leave its last 8 bytes (the reset words) alone.
        long usable = dusSize - 8;
        if (!Fits(H2cRingOffset, (long)H2cRingSize * H2cDescriptorSize, usable)
            || !Fits(C2hRingOffset, (long)C2hRingSize * C2hDescriptorSize, usable)
            || !Fits(CmptRingOffset, (long)CmptRingSize * CmptEntrySize, usable))
        {
            return $"rings at DUS offsets 0x{H2cRingOffset:X}, 0x{C2hRingOffset:X}, 0x{CmptRingOffset:X} do not fit a DUS region of {dusSize} bytes";
        }

        if ((long)DoorbellOffset + QdmaRegisters.BlockSize > mmioSize || (DoorbellOffset & 3) != 0)
        {
            return $"doorbell block at MMIO offset 0x{DoorbellOffset:X} does not fit an MMIO region of {mmioSize} bytes";
        }

        return null;
    }

    private static bool Fits(uint offset, long length, long limit) => (offset & 63) == 0 && offset + length <= limit;
}
