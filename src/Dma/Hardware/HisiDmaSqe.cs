using System.Runtime.InteropServices;

namespace AccelSdk.Dma.Hardware;

/// <summary>
/// The 128-byte data-move submission entry (little-endian; hosts that run UACCE are). Software clears
/// <see cref="WriteBack"/> when it fills an entry; the device writes it when the job ends, before the completion entry.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = HisiQm.SqeSize)]
internal struct HisiDmaSqe
{
    /// <summary>Bits 5:0 <c>bd_type</c> (<see cref="BdType"/>), 13:8 <c>task_type</c> (<see cref="TaskTypeDataMove"/>), 21:16 <c>task_type_ext</c> (<see cref="ExtMemcpy"/>, <see cref="ExtMemset"/>), 31 <c>bd_invalid</c>.</summary>
    [FieldOffset(0)] public uint Dw0;

    /// <summary>User tag, low half (not used by the driver).</summary>
    [FieldOffset(12)] public uint LowTag;

    /// <summary>User tag, high half.</summary>
    [FieldOffset(16)] public uint HighTag;

    /// <summary>Bytes to copy or fill (single-address mode), 1 to <see cref="HisiQm.MaxLength"/>.</summary>
    [FieldOffset(20)] public uint DataSize;

    /// <summary>Bit 14 multi-address mode, bit 15 SVA prefetch enable.</summary>
    [FieldOffset(28)] public ushort Flags0;

    /// <summary>Bits 13:6 number of addresses − 1 (multi-address mode).</summary>
    [FieldOffset(30)] public ushort Flags1;

    /// <summary>Fill pattern (64-bit) for memset; 0 for a copy.</summary>
    [FieldOffset(32)] public ulong InitValue;

    /// <summary>Destination address (as the device sees it).</summary>
    [FieldOffset(88)] public ulong DestinationAddress;

    /// <summary>Source address of a copy (0 for a fill); in multi-address mode, the address of a table.</summary>
    [FieldOffset(104)] public ulong AddressArray;

    /// <summary>Write-back: bits 2:0 <c>done_flag</c> (1 done, 2 error), 15:4 <c>ext_err_type</c>, 23:16 <c>err_type</c>, 31:24 <c>wtype</c>.</summary>
    [FieldOffset(112)] public uint WriteBack;

    /// <summary><c>bd_type</c> of every data-move entry.</summary>
    public const uint BdType = 1;

    /// <summary><c>task_type</c> of the data-move function.</summary>
    public const uint TaskTypeDataMove = 3;

    /// <summary><c>task_type_ext</c>: copy.</summary>
    public const uint ExtMemcpy = 0;

    /// <summary><c>task_type_ext</c>: fill.</summary>
    public const uint ExtMemset = 7;

    /// <summary><see cref="Flags0"/> bit: multi-address mode (not used by DPDK's driver nor ours).</summary>
    public const ushort MultiAddress = 1 << 14;

    /// <summary><see cref="Flags0"/> bit: SVA prefetch enable (DPDK sets it on every entry).</summary>
    public const ushort SvaPrefetch = 1 << 15;

    /// <summary><c>done_flag</c>: the job completed.</summary>
    public const uint DoneOk = 1;

    /// <summary><c>done_flag</c>: the job failed (<c>err_type</c> says why).</summary>
    public const uint DoneError = 2;

    /// <summary>The <see cref="Dw0"/> word of a job.</summary>
    public static uint MakeDw0(uint taskTypeExt) => BdType | (TaskTypeDataMove << 8) | (taskTypeExt << 16);

    /// <summary>A failed job's write-back word.</summary>
    public static uint ErrorWriteBack(HisiDmaErrorType type) => DoneError | ((uint)type << 16);
}
