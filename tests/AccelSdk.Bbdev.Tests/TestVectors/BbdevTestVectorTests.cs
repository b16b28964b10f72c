using AccelSdk.Bbdev.TestVectors;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>The model's data views: segments, totals, LLR views, copies.</summary>
public sealed class BbdevTestVectorTests
{
    private static BbdevTestVector TwoSegmentDecoder() =>
        new BbdevTestVectorBuilder(BbdevOpType.LdpcDec)
            .AddSegment(BbdevVectorDataKind.Input, [0x7F, 0x81, 0x00])
            .AddSegment(BbdevVectorDataKind.Input, [0x10, 0xF0])
            .AddSegment(BbdevVectorDataKind.Output, [0xAA])
            .Build();

    [Fact]
    public void Totals_AndConcatenation_SpanAllSegments()
    {
        BbdevTestVector v = TwoSegmentDecoder();

        Assert.Equal(2, v.GetSegmentCount(BbdevVectorDataKind.Input));
        Assert.Equal(5, v.GetTotalLength(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 0x7F, 0x81, 0x00, 0x10, 0xF0 }, v.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal(new sbyte[] { 127, -127, 0, 16, -16 }, v.ToLlrArray(BbdevVectorDataKind.Input));
        Assert.Equal(0, v.GetTotalLength(BbdevVectorDataKind.HarqInput));
        Assert.Empty(v.GetSegments(BbdevVectorDataKind.HarqInput));
        Assert.Empty(v.ToArray(BbdevVectorDataKind.SoftOutput));
    }

    [Fact]
    public void LlrView_IsSignedBytesOfOneSegment()
    {
        BbdevTestVector v = TwoSegmentDecoder();

        Assert.Equal(new sbyte[] { 16, -16 }, v.GetLlrs(BbdevVectorDataKind.Input, 1).ToArray());
        Assert.Equal(new byte[] { 0x7F, 0x81, 0x00 }, v.GetBytes(BbdevVectorDataKind.Input).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => v.GetLlrs(BbdevVectorDataKind.Input, 2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => v.GetBytes(BbdevVectorDataKind.HarqOutput).Length);
    }

    [Fact]
    public void CopyTo_NeedsRoomForEverything()
    {
        BbdevTestVector v = TwoSegmentDecoder();
        var destination = new byte[6];

        Assert.Equal(5, v.CopyTo(BbdevVectorDataKind.Input, destination));
        Assert.Equal(new byte[] { 0x7F, 0x81, 0x00, 0x10, 0xF0, 0 }, destination);
        Assert.Throws<ArgumentException>(() => v.CopyTo(BbdevVectorDataKind.Input, new byte[4]));
    }

    [Fact]
    public void TypedFlags_AnswerOnlyForTheirOpType()
    {
        BbdevTestVector v = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec).SetOpFlags(LdpcDecFlags.Crc24BCheck).Build();

        Assert.Equal(LdpcDecFlags.Crc24BCheck, v.LdpcDecFlags);
        Assert.Null(v.LdpcEncFlags);
        Assert.Null(v.TurboDecFlags);
        Assert.Null(v.TurboEncFlags);
        Assert.Null(v.FftFlags);
        Assert.Null(v.MldtsFlags);
        Assert.NotNull(v.Ldpc);
        Assert.Null(v.Fft);
        Assert.Equal("RTE_BBDEV_OP_LDPC_DEC", v.ToString());
    }

    [Fact]
    public void Equality_ComparesDataAndParameters()
    {
        BbdevTestVector a = TwoSegmentDecoder();
        BbdevTestVector b = TwoSegmentDecoder();
        BbdevTestVector otherData = new BbdevTestVectorBuilder(a).AddSegment(BbdevVectorDataKind.Input, [1]).Build();
        BbdevTestVector otherParameters = new BbdevTestVectorBuilder(a) { Ldpc = new LdpcVectorParameters { E = 1 } }.Build();
        BbdevTestVector splitDifferently = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec)
            .AddSegment(BbdevVectorDataKind.Input, [0x7F, 0x81, 0x00, 0x10, 0xF0])
            .AddSegment(BbdevVectorDataKind.Output, [0xAA])
            .Build();

        Assert.Equal(a, b);
        Assert.NotEqual(a, otherData);
        Assert.NotEqual(a, otherParameters);
        Assert.NotEqual(a, splitDifferently);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void FftParameters_CompareListsByValue()
    {
        var a = new FftVectorParameters { CsTheta0 = new ushort[12], FftShift = -3 };
        var b = new FftVectorParameters { CsTheta0 = new ushort[12], FftShift = -3 };
        var c = a with { CsTheta0 = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, a with { FftShift = 3 });
    }
}
