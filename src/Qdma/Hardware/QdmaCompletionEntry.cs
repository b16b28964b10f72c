using System.Runtime.InteropServices;

namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// One 16-byte completion (CMPT) entry, little-endian, written by the device when a job ends, in job order.
/// </summary>
/// <remarks>
/// <code>
/// off  size field
/// 0x00 u32  Word0       bit 0 format (0), bit 1 COLOR, bit 2 error, bit 3 desc_used,
///                       bits 15:8 QdmaJobStatus, bits 23:16 iterations, bits 31:24 QdmaJobError
/// 0x04 u32  Tag         the job's tag
/// 0x08 u32  OutputLength      bytes written to the data output stream
/// 0x0C u32  HarqOutputLength  bytes written to the HARQ output stream
/// </code>
/// Bits 0..3 follow the Xilinx example design's convention (color at bit 1, error at bit 2, desc_used at bit 3).
/// The device writes bytes 4..15 first and Word0 last with release semantics, so an entry whose color matches the
/// consumer's expected color is complete. The color the device writes starts at 1 and flips each time its producer
/// index wraps; the consumer's expected color starts at 1 and flips each time its consumer index wraps.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct QdmaCompletionEntry
{
    /// <summary>Bytes of one entry.</summary>
    public const int Size = 16;

    /// <summary>Word0 bit 1: the color (phase) bit.</summary>
    public const uint ColorBit = 1u << 1;

    /// <summary>Word0 bit 2: the job failed in the device (descriptor, DMA, parameter or engine error).</summary>
    public const uint ErrorBit = 1u << 2;

    /// <summary>Word0 bit 3: the job consumed C2H descriptors.</summary>
    public const uint DescUsedBit = 1u << 3;

    [FieldOffset(0x00)] public uint Word0;
    [FieldOffset(0x04)] public uint Tag;
    [FieldOffset(0x08)] public uint OutputLength;
    [FieldOffset(0x0C)] public uint HarqOutputLength;

    /// <summary>The color bit (0 or 1).</summary>
    public readonly uint Color => (Word0 >> 1) & 1;

    /// <summary>The job's result bits.</summary>
    public readonly QdmaJobStatus Status => (QdmaJobStatus)(byte)(Word0 >> 8);

    /// <summary>Decoder iterations run (the largest over a transport block's code blocks).</summary>
    public readonly int Iterations => (byte)(Word0 >> 16);

    /// <summary>Why the job failed, when <see cref="Status"/> has an error bit.</summary>
    public readonly QdmaJobError Error => (QdmaJobError)(byte)(Word0 >> 24);

    /// <summary>Builds Word0.</summary>
    public static uint MakeWord0(uint color, QdmaJobStatus status, int iterations, QdmaJobError error, bool descUsed)
    {
        bool failed = (status & QdmaJobStatus.Failures) != 0;
        return ((color & 1) << 1)
            | (failed ? ErrorBit : 0)
            | (descUsed ? DescUsedBit : 0)
            | ((uint)(byte)status << 8)
            | ((uint)(byte)Math.Clamp(iterations, 0, 255) << 16)
            | ((uint)(byte)error << 24);
    }
}
