using System.Collections.Frozen;

namespace AccelSdk.Bbdev;

/// <summary>
/// Maps between DPDK's C identifiers (<c>RTE_BBDEV_OP_LDPC_DEC</c>, <c>RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK</c>, ...)
/// and the SDK's values, per op type. The test-vector reader and writer, capability printing and the CLI all
/// use this one table so that a name is spelled the same everywhere.
/// </summary>
/// <remarks>
/// Flag names are scoped by op type because DPDK reuses bit positions: bit 1 is
/// <c>RTE_BBDEV_LDPC_RATE_MATCH</c> for an LDPC encoder but <c>RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK</c> for an
/// LDPC decoder. A few flags are capabilities that DPDK's vector parser refuses as op flags
/// (see <see cref="IsAcceptedInVectorFile"/>).
/// </remarks>
public static class BbdevDpdkNames
{
    private readonly record struct FlagName(string Name, uint Value, bool InVectorFile);

    private static readonly string[] OpTypeNames =
    [
        "RTE_BBDEV_OP_NONE",
        "RTE_BBDEV_OP_TURBO_DEC",
        "RTE_BBDEV_OP_TURBO_ENC",
        "RTE_BBDEV_OP_LDPC_DEC",
        "RTE_BBDEV_OP_LDPC_ENC",
        "RTE_BBDEV_OP_FFT",
        "RTE_BBDEV_OP_MLDTS",
    ];

    private static readonly FrozenDictionary<string, BbdevOpType> OpTypesByName =
        OpTypeNames.Select((name, index) => KeyValuePair.Create(name, (BbdevOpType)index)).ToFrozenDictionary(StringComparer.Ordinal);

    // Per op type, in bit order. The third column is DPDK test-bbdev's parser (test_bbdev_vector.c): it refuses
    // RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS, RTE_BBDEV_TURBO_DEC_INTERRUPTS and RTE_BBDEV_TURBO_ENC_INTERRUPTS.
    private static readonly FlagName[][] FlagTables =
    [
        [],
        [
            new("RTE_BBDEV_TURBO_SUBBLOCK_DEINTERLEAVE", (uint)TurboDecFlags.SubblockDeinterleave, true),
            new("RTE_BBDEV_TURBO_CRC_TYPE_24B", (uint)TurboDecFlags.CrcType24B, true),
            new("RTE_BBDEV_TURBO_EQUALIZER", (uint)TurboDecFlags.Equalizer, true),
            new("RTE_BBDEV_TURBO_SOFT_OUT_SATURATE", (uint)TurboDecFlags.SoftOutSaturate, true),
            new("RTE_BBDEV_TURBO_HALF_ITERATION_EVEN", (uint)TurboDecFlags.HalfIterationEven, true),
            new("RTE_BBDEV_TURBO_CONTINUE_CRC_MATCH", (uint)TurboDecFlags.ContinueCrcMatch, true),
            new("RTE_BBDEV_TURBO_SOFT_OUTPUT", (uint)TurboDecFlags.SoftOutput, true),
            new("RTE_BBDEV_TURBO_EARLY_TERMINATION", (uint)TurboDecFlags.EarlyTermination, true),
            new("RTE_BBDEV_TURBO_DEC_INTERRUPTS", (uint)TurboDecFlags.DecInterrupts, false),
            new("RTE_BBDEV_TURBO_POS_LLR_1_BIT_IN", (uint)TurboDecFlags.PosLlr1BitIn, true),
            new("RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN", (uint)TurboDecFlags.NegLlr1BitIn, true),
            new("RTE_BBDEV_TURBO_POS_LLR_1_BIT_SOFT_OUT", (uint)TurboDecFlags.PosLlr1BitSoftOut, true),
            new("RTE_BBDEV_TURBO_NEG_LLR_1_BIT_SOFT_OUT", (uint)TurboDecFlags.NegLlr1BitSoftOut, true),
            new("RTE_BBDEV_TURBO_MAP_DEC", (uint)TurboDecFlags.MapDec, true),
            new("RTE_BBDEV_TURBO_DEC_SCATTER_GATHER", (uint)TurboDecFlags.DecScatterGather, true),
            new("RTE_BBDEV_TURBO_DEC_TB_CRC_24B_KEEP", (uint)TurboDecFlags.DecTbCrc24BKeep, true),
            new("RTE_BBDEV_TURBO_DEC_CRC_24B_DROP", (uint)TurboDecFlags.DecCrc24BDrop, true),
        ],
        [
            new("RTE_BBDEV_TURBO_RV_INDEX_BYPASS", (uint)TurboEncFlags.RvIndexBypass, true),
            new("RTE_BBDEV_TURBO_RATE_MATCH", (uint)TurboEncFlags.RateMatch, true),
            new("RTE_BBDEV_TURBO_CRC_24B_ATTACH", (uint)TurboEncFlags.Crc24BAttach, true),
            new("RTE_BBDEV_TURBO_CRC_24A_ATTACH", (uint)TurboEncFlags.Crc24AAttach, true),
            new("RTE_BBDEV_TURBO_ENC_INTERRUPTS", (uint)TurboEncFlags.EncInterrupts, false),
            new("RTE_BBDEV_TURBO_ENC_SCATTER_GATHER", (uint)TurboEncFlags.EncScatterGather, true),
        ],
        [
            new("RTE_BBDEV_LDPC_CRC_TYPE_24A_CHECK", (uint)LdpcDecFlags.Crc24ACheck, true),
            new("RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK", (uint)LdpcDecFlags.Crc24BCheck, true),
            new("RTE_BBDEV_LDPC_CRC_TYPE_24B_DROP", (uint)LdpcDecFlags.Crc24BDrop, true),
            new("RTE_BBDEV_LDPC_CRC_TYPE_16_CHECK", (uint)LdpcDecFlags.Crc16Check, true),
            new("RTE_BBDEV_LDPC_DEINTERLEAVER_BYPASS", (uint)LdpcDecFlags.DeinterleaverBypass, true),
            new("RTE_BBDEV_LDPC_HQ_COMBINE_IN_ENABLE", (uint)LdpcDecFlags.HqCombineInEnable, true),
            new("RTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE", (uint)LdpcDecFlags.HqCombineOutEnable, true),
            new("RTE_BBDEV_LDPC_DECODE_BYPASS", (uint)LdpcDecFlags.DecodeBypass, true),
            new("RTE_BBDEV_LDPC_SOFT_OUT_ENABLE", (uint)LdpcDecFlags.SoftOutEnable, true),
            new("RTE_BBDEV_LDPC_SOFT_OUT_RM_BYPASS", (uint)LdpcDecFlags.SoftOutRmBypass, true),
            new("RTE_BBDEV_LDPC_SOFT_OUT_DEINTERLEAVER_BYPASS", (uint)LdpcDecFlags.SoftOutDeinterleaverBypass, true),
            new("RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE", (uint)LdpcDecFlags.IterationStopEnable, true),
            new("RTE_BBDEV_LDPC_DEC_INTERRUPTS", (uint)LdpcDecFlags.DecInterrupts, true),
            new("RTE_BBDEV_LDPC_DEC_SCATTER_GATHER", (uint)LdpcDecFlags.DecScatterGather, true),
            new("RTE_BBDEV_LDPC_HARQ_6BIT_COMPRESSION", (uint)LdpcDecFlags.Harq6BitCompression, true),
            new("RTE_BBDEV_LDPC_LLR_COMPRESSION", (uint)LdpcDecFlags.LlrCompression, true),
            new("RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_IN_ENABLE", (uint)LdpcDecFlags.InternalHarqMemoryInEnable, true),
            new("RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_OUT_ENABLE", (uint)LdpcDecFlags.InternalHarqMemoryOutEnable, true),
            new("RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_LOOPBACK", (uint)LdpcDecFlags.InternalHarqMemoryLoopback, true),
            new("RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS", (uint)LdpcDecFlags.InternalHarqMemoryFillers, false),
            new("RTE_BBDEV_LDPC_HARQ_4BIT_COMPRESSION", (uint)LdpcDecFlags.Harq4BitCompression, true),
        ],
        [
            new("RTE_BBDEV_LDPC_INTERLEAVER_BYPASS", (uint)LdpcEncFlags.InterleaverBypass, true),
            new("RTE_BBDEV_LDPC_RATE_MATCH", (uint)LdpcEncFlags.RateMatch, true),
            new("RTE_BBDEV_LDPC_CRC_24A_ATTACH", (uint)LdpcEncFlags.Crc24AAttach, true),
            new("RTE_BBDEV_LDPC_CRC_24B_ATTACH", (uint)LdpcEncFlags.Crc24BAttach, true),
            new("RTE_BBDEV_LDPC_CRC_16_ATTACH", (uint)LdpcEncFlags.Crc16Attach, true),
            new("RTE_BBDEV_LDPC_ENC_INTERRUPTS", (uint)LdpcEncFlags.EncInterrupts, true),
            new("RTE_BBDEV_LDPC_ENC_SCATTER_GATHER", (uint)LdpcEncFlags.EncScatterGather, true),
            new("RTE_BBDEV_LDPC_ENC_CONCATENATION", (uint)LdpcEncFlags.EncConcatenation, true),
        ],
        [
            new("RTE_BBDEV_FFT_WINDOWING", (uint)FftFlags.Windowing, true),
            new("RTE_BBDEV_FFT_CS_ADJUSTMENT", (uint)FftFlags.CsAdjustment, true),
            new("RTE_BBDEV_FFT_DFT_BYPASS", (uint)FftFlags.DftBypass, true),
            new("RTE_BBDEV_FFT_IDFT_BYPASS", (uint)FftFlags.IdftBypass, true),
            new("RTE_BBDEV_FFT_WINDOWING_BYPASS", (uint)FftFlags.WindowingBypass, true),
            new("RTE_BBDEV_FFT_POWER_MEAS", (uint)FftFlags.PowerMeas, true),
            new("RTE_BBDEV_FFT_FP16_INPUT", (uint)FftFlags.Fp16Input, true),
            new("RTE_BBDEV_FFT_FP16_OUTPUT", (uint)FftFlags.Fp16Output, true),
            new("RTE_BBDEV_FFT_TIMING_OFFSET_PER_CS", (uint)FftFlags.TimingOffsetPerCs, true),
            new("RTE_BBDEV_FFT_TIMING_ERROR", (uint)FftFlags.TimingError, true),
            new("RTE_BBDEV_FFT_DEWINDOWING", (uint)FftFlags.Dewindowing, true),
            new("RTE_BBDEV_FFT_FREQ_RESAMPLING", (uint)FftFlags.FreqResampling, true),
        ],
        [
            new("RTE_BBDEV_MLDTS_REP", (uint)MldtsFlags.Rep, true),
        ],
    ];

    private static readonly FrozenDictionary<string, FlagName>[] FlagsByName =
        FlagTables.Select(table => table.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal)).ToArray();

    private static readonly uint[] VectorFileMasks =
        FlagTables.Select(table => table.Where(f => f.InVectorFile).Aggregate(0u, (mask, f) => mask | f.Value)).ToArray();

    private static readonly uint[] AllMasks =
        FlagTables.Select(table => table.Aggregate(0u, (mask, f) => mask | f.Value)).ToArray();

    /// <summary>All op types DPDK defines, in value order.</summary>
    public static IReadOnlyList<BbdevOpType> OpTypes { get; } = Enumerable.Range(0, OpTypeNames.Length).Select(i => (BbdevOpType)i).ToArray();

    /// <summary>The DPDK name of an op type, e.g. <c>RTE_BBDEV_OP_LDPC_DEC</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opType"/> is not a defined op type.</exception>
    public static string GetOpTypeName(BbdevOpType opType) => OpTypeNames[Index(opType)];

    /// <summary>Parses a DPDK op type name (exact, case-sensitive, as DPDK's parser compares).</summary>
    /// <returns><see langword="false"/> when <paramref name="name"/> is not one of the seven names.</returns>
    public static bool TryParseOpType(string name, out BbdevOpType opType)
    {
        ArgumentNullException.ThrowIfNull(name);
        return OpTypesByName.TryGetValue(name, out opType);
    }

    /// <summary>
    /// Looks up a DPDK flag name (e.g. <c>RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK</c>) among the flags of
    /// <paramref name="opType"/>, including capability-only flags.
    /// </summary>
    /// <returns><see langword="false"/> when the name is not a flag of that op type (it may belong to another one).</returns>
    public static bool TryParseFlag(BbdevOpType opType, string name, out uint flag)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FlagsByName[Index(opType)].TryGetValue(name, out FlagName entry))
        {
            flag = entry.Value;
            return true;
        }

        flag = 0;
        return false;
    }

    /// <summary>The DPDK name of one flag bit of <paramref name="opType"/>, or <see langword="null"/> when that bit has no name.</summary>
    /// <exception cref="ArgumentException"><paramref name="flag"/> is not a single bit.</exception>
    public static string? GetFlagName(BbdevOpType opType, uint flag)
    {
        if (!uint.IsPow2(flag))
        {
            throw new ArgumentException($"flag must be a single bit; got 0x{flag:X}.", nameof(flag));
        }

        foreach (FlagName entry in FlagTables[Index(opType)])
        {
            if (entry.Value == flag)
            {
                return entry.Name;
            }
        }

        return null;
    }

    /// <summary>The DPDK names of the bits set in <paramref name="flags"/>, lowest bit first.</summary>
    /// <exception cref="ArgumentException">A set bit has no DPDK name for <paramref name="opType"/>.</exception>
    public static IReadOnlyList<string> GetFlagNames(BbdevOpType opType, uint flags)
    {
        int index = Index(opType);
        uint unknown = flags & ~AllMasks[index];
        if (unknown != 0)
        {
            throw new ArgumentException(
                $"flags 0x{flags:X} have bits 0x{unknown:X} that are not {GetOpTypeName(opType)} flags.", nameof(flags));
        }

        var names = new List<string>(System.Numerics.BitOperations.PopCount(flags));
        foreach (FlagName entry in FlagTables[index])
        {
            if ((flags & entry.Value) != 0)
            {
                names.Add(entry.Name);
            }
        }

        return names;
    }

    /// <summary>Every flag name of <paramref name="opType"/> in bit order (capability-only flags included).</summary>
    public static IReadOnlyList<string> GetAllFlagNames(BbdevOpType opType) =>
        FlagTables[Index(opType)].Select(f => f.Name).ToArray();

    /// <summary>The mask of every defined flag of <paramref name="opType"/>.</summary>
    public static uint GetDefinedFlags(BbdevOpType opType) => AllMasks[Index(opType)];

    /// <summary>
    /// The mask of the flags that DPDK test-bbdev's vector parser accepts in <c>op_flags</c> for
    /// <paramref name="opType"/>: all defined flags except <c>RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS</c>,
    /// <c>RTE_BBDEV_TURBO_DEC_INTERRUPTS</c> and <c>RTE_BBDEV_TURBO_ENC_INTERRUPTS</c>; none for <see cref="BbdevOpType.None"/>.
    /// </summary>
    public static uint GetVectorFileFlags(BbdevOpType opType) => VectorFileMasks[Index(opType)];

    /// <summary>Whether every bit of <paramref name="flags"/> may appear in a vector file's <c>op_flags</c> for <paramref name="opType"/>.</summary>
    public static bool IsAcceptedInVectorFile(BbdevOpType opType, uint flags) => (flags & ~VectorFileMasks[Index(opType)]) == 0;

    /// <summary>The op type whose flag table holds <paramref name="name"/>, or <see langword="null"/> when no op type has it.</summary>
    /// <remarks>Used to explain a wrong token ("an LDPC encoder flag in an LDPC decoder vector").</remarks>
    public static BbdevOpType? FindOpTypeOfFlag(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < FlagsByName.Length; i++)
        {
            if (FlagsByName[i].ContainsKey(name))
            {
                return (BbdevOpType)i;
            }
        }

        return null;
    }

    private static int Index(BbdevOpType opType)
    {
        if ((uint)opType >= (uint)OpTypeNames.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(opType), opType, $"opType must be one of the {OpTypeNames.Length} DPDK op types (0..{OpTypeNames.Length - 1}).");
        }

        return (int)opType;
    }
}
