using AccelSdk.Bbdev.TestVectors;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>The builder refuses what cannot be written as a DPDK vector and applies the reader's defaults.</summary>
public sealed class VectorBuilderTests
{
    private static BbdevTestVectorBuilder Encoder() =>
        new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc)
            .AddSegment(BbdevVectorDataKind.Input, [1])
            .AddSegment(BbdevVectorDataKind.Output, [2]);

    [Fact]
    public void DecoderOnlyKeys_AreRefusedForAnEncoder()
    {
        BbdevTestVectorBuilder builder = Encoder();
        builder.Ldpc = new LdpcVectorParameters { K0 = 5 };

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("'k0' is not a key of RTE_BBDEV_OP_LDPC_ENC vectors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersOfAnotherFamily_AreRefused()
    {
        BbdevTestVectorBuilder builder = Encoder();
        builder.Turbo = new TurboVectorParameters { K = 40 };

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("TurboVectorParameters cannot describe a RTE_BBDEV_OP_LDPC_ENC vector", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlagsTheFormatCannotCarry_AreRefused()
    {
        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec) { OpFlags = (uint)LdpcDecFlags.InternalHarqMemoryFillers };

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(new BbdevTestVectorBuilder(BbdevOpType.LdpcDec) { OpFlags = 1u << 30 }.Build);
        Assert.Throws<InvalidOperationException>(new BbdevTestVectorBuilder(BbdevOpType.None) { OpFlags = 1 }.Build);
    }

    [Theory]
    [InlineData(BbdevOpType.LdpcDec, BbdevOpStatus.EngineError)]
    [InlineData(BbdevOpType.LdpcEnc, BbdevOpStatus.CrcError)]
    [InlineData(BbdevOpType.None, BbdevOpStatus.DataError)]
    public void StatusWithoutTokens_IsRefused(BbdevOpType type, BbdevOpStatus status)
    {
        var builder = new BbdevTestVectorBuilder(type) { ExpectedStatus = status };
        if (type == BbdevOpType.LdpcEnc)
        {
            builder.AddSegment(BbdevVectorDataKind.Input, [1]).AddSegment(BbdevVectorDataKind.Output, [1]);
        }

        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void ValuesOutsideTheirField_AndShortLists_AreRefused()
    {
        var turbo = new BbdevTestVectorBuilder(BbdevOpType.TurboDec) { Turbo = new TurboVectorParameters { IterMin = 16 } };
        turbo.AddSegment(BbdevVectorDataKind.Input, [1]).AddSegment(BbdevVectorDataKind.Output, [1]);
        var fft = new BbdevTestVectorBuilder(BbdevOpType.Fft) { Fft = new FftVectorParameters { WindowIndex = new byte[11] } };
        var nibble = new BbdevTestVectorBuilder(BbdevOpType.Fft) { Fft = new FftVectorParameters { WindowIndex = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16] } };

        Assert.Contains("4-bit field", Assert.Throws<InvalidOperationException>(turbo.Build).Message, StringComparison.Ordinal);
        Assert.Contains("needs 12 values; got 11", Assert.Throws<InvalidOperationException>(fft.Build).Message, StringComparison.Ordinal);
        Assert.Contains("'window_index' = 16", Assert.Throws<InvalidOperationException>(nibble.Build).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredData_IsRefused()
    {
        var encoder = new BbdevTestVectorBuilder(BbdevOpType.TurboEnc);
        encoder.AddSegment(BbdevVectorDataKind.Input, [1]);
        var harq = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec).SetOpFlags(LdpcDecFlags.HqCombineOutEnable);

        Assert.Contains("needs output0", Assert.Throws<InvalidOperationException>(encoder.Build).Message, StringComparison.Ordinal);
        Assert.Contains("no harq_output0", Assert.Throws<InvalidOperationException>(harq.Build).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentsOfKindsTheOpTypeLacks_AndTooManySegments_AreRefused()
    {
        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc);

        Assert.Throws<ArgumentException>(() => builder.AddSegment(BbdevVectorDataKind.HarqInput, [1]));
        for (int i = 0; i < BbdevTestVector.MaxSegments; i++)
        {
            builder.AddSegment(BbdevVectorDataKind.Input, [1]);
        }

        Assert.Throws<InvalidOperationException>(() => builder.AddSegment(BbdevVectorDataKind.Input, [1]));
    }

    [Fact]
    public void FlagsOfAnotherOpType_CannotBeSet()
    {
        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec);

        Assert.Throws<InvalidOperationException>(() => builder.SetOpFlags(LdpcEncFlags.RateMatch));
        Assert.Same(builder, builder.SetOpFlags(LdpcDecFlags.Crc24ACheck));
        Assert.Equal((uint)LdpcDecFlags.Crc24ACheck, builder.OpFlags);
    }

    [Fact]
    public void Build_AppliesTheReaderDefaults_AndSpellsFlagsInBitOrder()
    {
        var builder = new BbdevTestVectorBuilder(BbdevOpType.TurboDec) { Turbo = new TurboVectorParameters { CodeBlockMode = 0, NumMaps = 2 } }
            .SetOpFlags(TurboDecFlags.SoftOutput | TurboDecFlags.CrcType24B)
            .AddSegment(BbdevVectorDataKind.Input, [1])
            .AddSegment(BbdevVectorDataKind.Output, [2])
            .AddSegment(BbdevVectorDataKind.SoftOutput, [3]);

        BbdevTestVector v = builder.Build();

        Assert.Equal(
            TurboDecFlags.SoftOutput | TurboDecFlags.CrcType24B | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.NegLlr1BitSoftOut,
            v.TurboDecFlags);
        Assert.Equal(
            ["RTE_BBDEV_TURBO_CRC_TYPE_24B", "RTE_BBDEV_TURBO_SOFT_OUTPUT", "RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN", "RTE_BBDEV_TURBO_NEG_LLR_1_BIT_SOFT_OUT"],
            v.OpFlagTokens);
        Assert.Equal((byte)1, v.Turbo!.C);
        Assert.Equal((byte)0, v.Turbo.NumMaps);
        Assert.NotEmpty(v.Warnings);
    }

    [Fact]
    public void BuiltVector_IsIndependentOfTheCallersArrays()
    {
        byte[] data = [1, 2, 3];
        byte[] window = new byte[12];
        var builder = new BbdevTestVectorBuilder(BbdevOpType.Fft) { Fft = new FftVectorParameters { WindowIndex = window } };
        builder.AddSegment(BbdevVectorDataKind.Input, data);

        BbdevTestVector v = builder.Build();
        data[0] = 9;
        window[0] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, v.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal((byte)0, v.Fft!.WindowIndex![0]);
    }
}
