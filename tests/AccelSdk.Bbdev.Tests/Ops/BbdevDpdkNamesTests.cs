namespace AccelSdk.Bbdev.Tests.Ops;

/// <summary>The enums carry DPDK's values (bbdev.md §2) and the name table matches them one to one.</summary>
public sealed class BbdevDpdkNamesTests
{
    public static TheoryData<BbdevOpType, Type> FlagEnums() => new()
    {
        { BbdevOpType.TurboDec, typeof(TurboDecFlags) },
        { BbdevOpType.TurboEnc, typeof(TurboEncFlags) },
        { BbdevOpType.LdpcDec, typeof(LdpcDecFlags) },
        { BbdevOpType.LdpcEnc, typeof(LdpcEncFlags) },
        { BbdevOpType.Fft, typeof(FftFlags) },
        { BbdevOpType.Mldts, typeof(MldtsFlags) },
    };

    [Theory]
    [MemberData(nameof(FlagEnums))]
    public void EveryFlagMember_HasExactlyOneDpdkName(BbdevOpType opType, Type flagEnum)
    {
        uint[] members = Enum.GetValues(flagEnum).Cast<object>().Select(Convert.ToUInt32).Where(v => v != 0).ToArray();

        Assert.All(members, m => Assert.True(uint.IsPow2(m)));
        Assert.Equal(members.Length, BbdevDpdkNames.GetAllFlagNames(opType).Count);
        Assert.Equal(members.Aggregate(0u, (a, m) => a | m), BbdevDpdkNames.GetDefinedFlags(opType));
        foreach (uint member in members)
        {
            string name = Assert.IsType<string>(BbdevDpdkNames.GetFlagName(opType, member));
            Assert.True(BbdevDpdkNames.TryParseFlag(opType, name, out uint parsed));
            Assert.Equal(member, parsed);
        }
    }

    [Theory]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_CRC_TYPE_24A_CHECK", 1u << 0)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK", 1u << 1)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_CRC_TYPE_24B_DROP", 1u << 2)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_HQ_COMBINE_IN_ENABLE", 1u << 5)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE", 1u << 6)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE", 1u << 11)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_LLR_COMPRESSION", 1u << 15)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS", 1u << 19)]
    [InlineData(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_HARQ_4BIT_COMPRESSION", 1u << 20)]
    [InlineData(BbdevOpType.LdpcEnc, "RTE_BBDEV_LDPC_RATE_MATCH", 1u << 1)]
    [InlineData(BbdevOpType.LdpcEnc, "RTE_BBDEV_LDPC_CRC_24B_ATTACH", 1u << 3)]
    [InlineData(BbdevOpType.LdpcEnc, "RTE_BBDEV_LDPC_ENC_CONCATENATION", 1u << 7)]
    [InlineData(BbdevOpType.TurboDec, "RTE_BBDEV_TURBO_EARLY_TERMINATION", 1u << 7)]
    [InlineData(BbdevOpType.TurboDec, "RTE_BBDEV_TURBO_DEC_INTERRUPTS", 1u << 9)]
    [InlineData(BbdevOpType.TurboDec, "RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN", 1u << 11)]
    [InlineData(BbdevOpType.TurboDec, "RTE_BBDEV_TURBO_DEC_CRC_24B_DROP", 1u << 17)]
    [InlineData(BbdevOpType.TurboEnc, "RTE_BBDEV_TURBO_CRC_24A_ATTACH", 1u << 3)]
    [InlineData(BbdevOpType.TurboEnc, "RTE_BBDEV_TURBO_ENC_SCATTER_GATHER", 1u << 5)]
    [InlineData(BbdevOpType.Fft, "RTE_BBDEV_FFT_IDFT_BYPASS", 1u << 3)]
    [InlineData(BbdevOpType.Fft, "RTE_BBDEV_FFT_FREQ_RESAMPLING", 1u << 11)]
    [InlineData(BbdevOpType.Mldts, "RTE_BBDEV_MLDTS_REP", 1u << 0)]
    public void FlagNames_HaveDpdkBitValues(BbdevOpType opType, string name, uint value)
    {
        Assert.True(BbdevDpdkNames.TryParseFlag(opType, name, out uint parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(name, BbdevDpdkNames.GetFlagName(opType, value));
    }

    [Fact]
    public void EnumValues_AreDpdks()
    {
        Assert.Equal(2u, (uint)LdpcDecFlags.Crc24BCheck);
        Assert.Equal(1u << 20, (uint)LdpcDecFlags.Harq4BitCompression);
        Assert.Equal(1u << 7, (uint)LdpcEncFlags.EncConcatenation);
        Assert.Equal(1u << 16, (uint)TurboDecFlags.DecTbCrc24BKeep);
        Assert.Equal(1u << 11, (uint)FftFlags.FreqResampling);
        Assert.Equal(new[] { 0, 1, 2, 4, 8, 16 }, Enum.GetValues<BbdevOpStatus>().Select(s => (int)s));
        Assert.Equal(
            ["RTE_BBDEV_OP_NONE", "RTE_BBDEV_OP_TURBO_DEC", "RTE_BBDEV_OP_TURBO_ENC", "RTE_BBDEV_OP_LDPC_DEC", "RTE_BBDEV_OP_LDPC_ENC", "RTE_BBDEV_OP_FFT", "RTE_BBDEV_OP_MLDTS"],
            Enumerable.Range(0, 7).Select(i => BbdevDpdkNames.GetOpTypeName((BbdevOpType)i)));
        Assert.True(BbdevDpdkNames.TryParseOpType("RTE_BBDEV_OP_LDPC_ENC", out BbdevOpType type));
        Assert.Equal(BbdevOpType.LdpcEnc, type);
        Assert.False(BbdevDpdkNames.TryParseOpType("RTE_BBDEV_OP_ldpc_enc", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => BbdevDpdkNames.GetOpTypeName((BbdevOpType)7));
    }

    [Fact]
    public void VectorFileFlags_ExcludeTheCapabilitiesDpdksParserRefuses()
    {
        Assert.False(BbdevDpdkNames.IsAcceptedInVectorFile(BbdevOpType.LdpcDec, (uint)LdpcDecFlags.InternalHarqMemoryFillers));
        Assert.False(BbdevDpdkNames.IsAcceptedInVectorFile(BbdevOpType.TurboDec, (uint)TurboDecFlags.DecInterrupts));
        Assert.False(BbdevDpdkNames.IsAcceptedInVectorFile(BbdevOpType.TurboEnc, (uint)TurboEncFlags.EncInterrupts));
        Assert.True(BbdevDpdkNames.IsAcceptedInVectorFile(BbdevOpType.LdpcDec, (uint)(LdpcDecFlags.Harq4BitCompression | LdpcDecFlags.DecInterrupts)));
        Assert.True(BbdevDpdkNames.IsAcceptedInVectorFile(BbdevOpType.LdpcEnc, (uint)LdpcEncFlags.EncConcatenation));
        Assert.Equal(0u, BbdevDpdkNames.GetVectorFileFlags(BbdevOpType.None));
    }

    [Fact]
    public void GetFlagNames_ListsBitsInOrder_AndRefusesUnnamedBits()
    {
        Assert.Equal(
            ["RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK", "RTE_BBDEV_LDPC_CRC_TYPE_24B_DROP", "RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE"],
            BbdevDpdkNames.GetFlagNames(BbdevOpType.LdpcDec, (uint)(LdpcDecFlags.IterationStopEnable | LdpcDecFlags.Crc24BDrop | LdpcDecFlags.Crc24BCheck)));
        Assert.Empty(BbdevDpdkNames.GetFlagNames(BbdevOpType.LdpcEnc, 0));
        Assert.Throws<ArgumentException>(() => BbdevDpdkNames.GetFlagNames(BbdevOpType.TurboDec, 1u << 8));
        Assert.Null(BbdevDpdkNames.GetFlagName(BbdevOpType.TurboDec, 1u << 8));
        Assert.Throws<ArgumentException>(() => BbdevDpdkNames.GetFlagName(BbdevOpType.TurboDec, 3));
    }

    [Fact]
    public void FindOpTypeOfFlag_NamesTheOwner()
    {
        Assert.Equal(BbdevOpType.LdpcEnc, BbdevDpdkNames.FindOpTypeOfFlag("RTE_BBDEV_LDPC_RATE_MATCH"));
        Assert.Equal(BbdevOpType.TurboEnc, BbdevDpdkNames.FindOpTypeOfFlag("RTE_BBDEV_TURBO_RATE_MATCH"));
        Assert.Null(BbdevDpdkNames.FindOpTypeOfFlag("RTE_BBDEV_NOTHING"));
        Assert.False(BbdevDpdkNames.TryParseFlag(BbdevOpType.LdpcDec, "RTE_BBDEV_LDPC_RATE_MATCH", out _));
    }
}
