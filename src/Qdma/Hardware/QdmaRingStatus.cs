namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// The 64-bit write-back status words the device keeps in the last slot of each ring (QDMA's status descriptors).
/// </summary>
/// <remarks>
/// <code>
/// H2C and C2H rings (first 8 bytes of the slot after the last descriptor):
///   bits 1:0   error (bit 1 descriptor fetch error, bit 0 DMA error)
///   bits 31:16 CIDX: descriptors the device has consumed (their slots may be reused)
///   bits 47:32 PIDX: the producer index the device had seen at write-back time
/// completion ring (first 8 bytes of the last entry):
///   bits 15:0  PIDX: entries written
///   bits 31:16 CIDX: the consumer index the device had seen
///   bit 32     color the next entry will carry
///   bits 36:35 error: 0 none, 1 bad CIDX update, 2 descriptor error, 3 ring overflow
/// </code>
/// </remarks>
internal static class QdmaRingStatus
{
    /// <summary>Completion-ring error: the consumer index moved past entries not yet written.</summary>
    public const int CmptErrorBadCidx = 1;

    /// <summary>Descriptor-ring error bit 1: a descriptor fetch failed.</summary>
    public const int DescriptorFetchError = 2;

    /// <summary>H2C/C2H write-back word.</summary>
    public static ulong MakeDescriptorStatus(int cidx, int pidx, int error) =>
        ((ulong)(uint)(error & 3)) | ((ulong)(ushort)cidx << 16) | ((ulong)(ushort)pidx << 32);

    /// <summary>The CIDX of an H2C/C2H write-back word.</summary>
    public static int DescriptorCidx(ulong status) => (ushort)(status >> 16);

    /// <summary>The error bits of an H2C/C2H write-back word.</summary>
    public static int DescriptorError(ulong status) => (int)(status & 3);

    /// <summary>Completion-ring write-back word.</summary>
    public static ulong MakeCmptStatus(int pidx, int cidx, uint color, int error) =>
        (ushort)pidx | ((ulong)(ushort)cidx << 16) | ((ulong)(color & 1) << 32) | ((ulong)(uint)(error & 3) << 35);

    /// <summary>The PIDX of a completion-ring write-back word.</summary>
    public static int CmptPidx(ulong status) => (ushort)status;

    /// <summary>The error field of a completion-ring write-back word.</summary>
    public static int CmptError(ulong status) => (int)((status >> 35) & 3);
}
