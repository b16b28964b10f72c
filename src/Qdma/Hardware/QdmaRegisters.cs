namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// The queue's direct-mapped doorbell registers in the MMIO region (QDMA's <c>QDMA_*_DSC_PIDX</c> block: one
/// 32-bit store each, at <see cref="QdmaQueueGeometry.DoorbellOffset"/> + the offsets below).
/// </summary>
/// <remarks>
/// The layout is QDMA's per-queue stride of 16 bytes (PF base + 0x10·qid on the soft IP); the kernel maps only the
/// queue's own block into the UACCE MMIO region, so the driver sees qid-relative offsets. Every write is one
/// <c>WriteDoorbell32</c>: the device treats each store as an edge (the IRQ-arm bits are commands, not state).
/// </remarks>
internal static class QdmaRegisters
{
    /// <summary>0x0 INT_CIDX: interrupt-aggregation ring consumer index (not used by this device; writes are ignored).</summary>
    public const int InterruptCidx = 0x0;

    /// <summary>0x4 H2C_DSC_PIDX: bits 15:0 new H2C producer index, bit 16 IRQ arm.</summary>
    public const int H2cPidx = 0x4;

    /// <summary>0x8 C2H_DSC_PIDX: bits 15:0 new C2H producer index, bit 16 IRQ arm.</summary>
    public const int C2hPidx = 0x8;

    /// <summary>
    /// 0xC CMPT_CIDX: bits 15:0 new completion consumer index, 19:16 counter-threshold index, 23:20 timer index,
    /// 26:24 trigger mode, 27 enable status write-back, 28 IRQ arm.
    /// </summary>
    public const int CmptCidx = 0xC;

    /// <summary>Bytes of the register block.</summary>
    public const int BlockSize = 0x10;

    /// <summary>Mask of an index field (bits 15:0).</summary>
    public const uint IndexMask = 0xFFFF;

    /// <summary>PIDX registers bit 16: signal an event (POLLIN) once, at the next completion.</summary>
    public const uint PidxIrqArm = 1u << 16;

    /// <summary>CMPT_CIDX bits 26:24: trigger mode (0 disabled, 1 every completion, 2 count, 3 user, 4 timer, 5 timer + count).</summary>
    public const int CmptTriggerModeShift = 24;

    /// <summary>Trigger mode 1 ("every"): the only mode this device implements; the others behave like it.</summary>
    public const uint CmptTriggerEvery = 1u << CmptTriggerModeShift;

    /// <summary>CMPT_CIDX bit 27: the device keeps the CMPT status slot (its PIDX and error) up to date.</summary>
    public const uint CmptStatusWriteEnable = 1u << 27;

    /// <summary>CMPT_CIDX bit 28: signal an event (POLLIN) once, at the next completion (at once if one is pending).</summary>
    public const uint CmptIrqArm = 1u << 28;
}
