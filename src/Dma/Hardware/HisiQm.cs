using AccelSdk.Uacce.Queues;

namespace AccelSdk.Dma.Hardware;

/// <summary>
/// The HiSilicon QM queue format as its data-move (<c>udma</c>) function uses it — the contract that the
/// <c>dma_uacce</c> driver and the in-process device model are each written against, as a register manual is, and
/// the only thing they share. Layout from the reference notes (§1.9 and §3 of uacce_qdma_dma.md).
/// </summary>
/// <remarks>
/// <para>DUS region: <c>depth</c> submission entries of <see cref="SqeSize"/> bytes at offset 0, then <c>depth</c>
/// completion entries of <see cref="CqeSize"/> bytes, padding, and the two reset words in the last 8 bytes.</para>
/// <para>Completion entry: bytes 8–9 the index of the submission entry it completes, 10–11 the queue number, bit 0
/// of bytes 14–15 the phase bit; read as one u64 at byte 8: bits 15:0 index, 31:16 queue, 48 phase. The device
/// writes it last, after the entry's write-back word; software's expected phase starts at 1 and flips each time its
/// completion head wraps.</para>
/// <para>Doorbell: one 64-bit store at MMIO <see cref="DoorbellOffset"/> (QM v2 and later): bits 9:0 the queue number,
/// 15:12 the command (<see cref="DoorbellSq"/>: index = new submission tail; <see cref="DoorbellCq"/>: index = new
/// completion head), 47:32 the index, 63:48 a priority (0).</para>
/// </remarks>
internal static class HisiQm
{
    /// <summary><c>UACCE_CMD_QM_SET_QP_CTX</c> = <c>_IOWR('H', 10, struct hisi_qp_ctx)</c>: in the queue type, out the queue number.</summary>
    public static readonly uint SetQpCtx = UacceIoctl.ReadWrite<HisiQpCtx>('H', 10);

    /// <summary><c>UACCE_CMD_QM_SET_QP_INFO</c> = <c>_IOWR('H', 11, struct hisi_qp_info)</c>: out the entry size and depths.</summary>
    public static readonly uint SetQpInfo = UacceIoctl.ReadWrite<HisiQpInfo>('H', 11);

    /// <summary>The queue type DPDK's hisi_acc requests for the data-move function.</summary>
    public const ushort QcTypeUdma = 2;

    /// <summary>Offset of the 64-bit doorbell in the MMIO region (QM v2 and later).</summary>
    public const long DoorbellOffset = 0x1000;

    /// <summary>Submission entry size in bytes.</summary>
    public const int SqeSize = 128;

    /// <summary>Completion entry size in bytes.</summary>
    public const int CqeSize = 16;

    /// <summary>Doorbell command: new submission tail.</summary>
    public const int DoorbellSq = 0;

    /// <summary>Doorbell command: new completion head.</summary>
    public const int DoorbellCq = 1;

    /// <summary>Mask of the doorbell's queue-number field.</summary>
    public const int QueueNumberMask = 0x3FF;

    /// <summary>Longest job: <c>data_size</c> is 24 bits in single-address mode.</summary>
    public const int MaxLength = (1 << 24) - 1;

    /// <summary>
    /// Completion entries software consumes before it rings the completion doorbell; it keeps as many submission slots
    /// (plus one) unused so that the device never overruns the completion ring while its view of the head lags.
    /// </summary>
    public const int CqDoorbellBatch = 64;

    /// <summary>Submission slots never used: <see cref="CqDoorbellBatch"/> + 1.</summary>
    public const int SqReserve = CqDoorbellBatch + 1;

    /// <summary>Byte offset of the completion ring in the DUS region.</summary>
    public static long CqOffset(int sqDepth) => (long)sqDepth * SqeSize;

    /// <summary>
    /// The DUS size a QM driver gives a queue: submission and completion rings rounded up to pages, plus one more
    /// page whose last 8 bytes are the reset words.
    /// </summary>
    public static long DusSize(int depth, long pageSize)
    {
        long rings = ((long)depth * SqeSize) + ((long)depth * CqeSize);
        return (((rings + pageSize - 1) / pageSize) * pageSize) + pageSize;
    }

    /// <summary>Encodes a doorbell value.</summary>
    public static ulong Doorbell(int queueNumber, int command, int index, int priority = 0) =>
        ((ulong)(uint)queueNumber & QueueNumberMask)
        | ((ulong)(command & 0xF) << 12)
        | ((ulong)(ushort)index << 32)
        | ((ulong)(ushort)priority << 48);

    /// <summary>Decodes a doorbell value.</summary>
    public static (int QueueNumber, int Command, int Index) DecodeDoorbell(ulong value) =>
        ((int)(value & QueueNumberMask), (int)((value >> 12) & 0xF), (int)((value >> 32) & 0xFFFF));

    /// <summary>The completion entry's u64 at byte 8: submission index, queue number and phase.</summary>
    public static ulong CompletionWord(int sqIndex, int queueNumber, int phase) =>
        (ulong)(ushort)sqIndex | ((ulong)(ushort)queueNumber << 16) | ((ulong)(phase & 1) << 48);
}
