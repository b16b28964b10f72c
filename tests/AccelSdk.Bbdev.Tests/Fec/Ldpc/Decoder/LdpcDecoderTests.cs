using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Decoder;

/// <summary>Decoder behaviour every width must show: decoding, stopping rules, rows in use, validation.</summary>
public sealed class LdpcDecoderTests
{
    public static TheoryData<SimdWidth> Widths() => new(SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512);

    /// <summary>Widths that are quick for full-size codes here (V512 is emulated in software without AVX-512).</summary>
    public static TheoryData<SimdWidth> FastWidths() => new(SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256);

    [Theory]
    [MemberData(nameof(FastWidths))]
    public void NoisyZeroCodeword_DecodesToZeros_LargeCodes(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        AssertDecodesNoisyZeros(decoder, 1, 384, 0, 25344, 2.5, seed: 1);
        AssertDecodesNoisyZeros(decoder, 2, 384, 0, 19200, 2.5, seed: 2);
        AssertDecodesNoisyZeros(decoder, 1, 320, 688, 20432, 2.5, seed: 3);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NoisyZeroCodeword_DecodesToZeros_SmallCodes(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        AssertDecodesNoisyZeros(decoder, 2, 7, 30, 300, 6, seed: 4);
        AssertDecodesNoisyZeros(decoder, 2, 52, 100, 2000, 4, seed: 5);
        AssertDecodesNoisyZeros(decoder, 1, 36, 17, 2000, 4, seed: 6);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NoiselessZeroCodeword_DecodesInOneIteration(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        foreach ((int bg, int zc, int fillers) in new[] { (1, 32, 0), (2, 7, 30), (1, 20, 50), (2, 64, 3) })
        {
            LdpcCode code = BaseGraph.Get(bg).Lift(zc);
            sbyte[] llrs = Enumerable.Repeat((sbyte)127, code.N - fillers).ToArray();
            var output = new byte[(code.K - fillers + 7) / 8];
            LdpcDecoderResult result = decoder.Decode(code, fillers, llrs, output, 6, earlyTermination: true);
            Assert.Equal(new LdpcDecoderResult(1, true), result);
            Assert.All(output, b => Assert.Equal(0, b));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NoInformation_ReportsSyndromeFailure_WithoutCrashing(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        foreach (int zc in new[] { 2, 15, 64, 384 })
        {
            foreach (int bg in new[] { 1, 2 })
            {
                LdpcCode code = BaseGraph.Get(bg).Lift(zc);
                int fillers = code.K - (2 * zc) - 1;
                var output = new byte[code.K / 8 + 1];
                output.AsSpan().Fill(0xA5);
                int bytes = (code.K - fillers + 7) / 8;

                LdpcDecoderResult empty = decoder.Decode(code, fillers, ReadOnlySpan<sbyte>.Empty, output, 6, true);
                Assert.Equal(new LdpcDecoderResult(0, false), empty);
                Assert.All(output.Take(bytes), b => Assert.Equal(0, b));
                Assert.All(output.Skip(bytes), b => Assert.Equal(0xA5, b));

                LdpcDecoderResult erased = decoder.Decode(code, 0, new sbyte[code.N], output, 6, false, code.K > 24 ? CrcType.Crc24B : null);
                Assert.Equal(new LdpcDecoderResult(0, false), erased);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NoCodeword_RunsEveryIteration_AndReportsSyndromeFailure(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        LdpcCode code = BaseGraph.Get(2).Lift(26);
        sbyte[] llrs = DecoderTestData.Llrs(LlrKind.Saturated, code.N, seed: 7);
        var output = new byte[code.K / 8 + 1];
        Assert.Equal(new LdpcDecoderResult(5, false), decoder.Decode(code, 0, llrs, output, 5, earlyTermination: true));
        Assert.Equal(new LdpcDecoderResult(3, false), decoder.Decode(code, 0, llrs, output, 3, earlyTermination: true, CrcType.Crc24A));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void WithoutEarlyTermination_RunsMaxIterations_AndStillChecksTheSyndrome(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        LdpcCode code = BaseGraph.Get(1).Lift(13);
        sbyte[] llrs = Enumerable.Repeat((sbyte)40, code.N).ToArray();
        var output = new byte[code.K / 8 + 1];
        Assert.Equal(new LdpcDecoderResult(7, true), decoder.Decode(code, 0, llrs, output, 7, earlyTermination: false));
    }

    [Theory]
    [MemberData(nameof(FastWidths))]
    public void CleanCodeword_StaysDecoded_OverManyIterations(SimdWidth width)
    {
        // Saturated APPs must not lose their confidence when layered updates subtract old messages (int8 pitfall).
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        foreach ((int bg, int zc, sbyte llr) in new[] { (1, 13, (sbyte)127), (1, 384, (sbyte)40), (2, 52, (sbyte)5), (2, 384, (sbyte)90) })
        {
            LdpcCode code = BaseGraph.Get(bg).Lift(zc);
            sbyte[] llrs = Enumerable.Repeat(llr, code.N).ToArray();
            var output = new byte[code.K / 8 + 1];
            Assert.Equal(new LdpcDecoderResult(30, true), decoder.Decode(code, 0, llrs, output, 30, earlyTermination: false));
            Assert.All(output, b => Assert.Equal(0, b));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void PassingCrc_StopsEarly_EvenWithoutSyndromeTermination(SimdWidth width)
    {
        // The all-zero word passes every CRC (zero initial register), so the CRC stop fires after iteration 1.
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        LdpcCode code = BaseGraph.Get(2).Lift(30);
        sbyte[] llrs = Enumerable.Repeat((sbyte)25, code.N - 12).ToArray();
        var output = new byte[code.K / 8];
        foreach (CrcType crc in new[] { CrcType.Crc24A, CrcType.Crc24B, CrcType.Crc16 })
        {
            Assert.Equal(new LdpcDecoderResult(1, true), decoder.Decode(code, 12, llrs, output, 8, earlyTermination: false, crc));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void HardOutput_PacksMsbFirst_WithZeroTrailingBits(SimdWidth width)
    {
        // A block that cannot decode: whatever the decisions are, bits past K′ in the last byte must be 0 and the
        // output must equal the scalar reference (the equivalence tests cover that widely; here K′ mod 8 != 0).
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        LdpcDecoder scalar = LdpcDecoder.Create(SimdWidth.Scalar);
        LdpcCode code = BaseGraph.Get(2).Lift(11);
        int fillers = 3; // K′ = 107
        sbyte[] llrs = Enumerable.Repeat((sbyte)-127, code.N - fillers).ToArray();
        var expected = new byte[14];
        var actual = new byte[14];
        scalar.Decode(code, fillers, llrs, expected, 1, false);
        decoder.Decode(code, fillers, llrs, actual, 1, false);
        Assert.Equal(expected, actual);
        Assert.Equal(0, actual[13] & 0x1F);
        Assert.Contains(actual.Take(13), b => b != 0);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ReusedInstance_GivesTheSameResultEveryTime(SimdWidth width)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        LdpcCode small = BaseGraph.Get(2).Lift(10);
        LdpcCode other = BaseGraph.Get(1).Lift(24);
        sbyte[] a = DecoderTestData.Llrs(LlrKind.NoisyZeroCodeword, small.N - 44, seed: 11);
        sbyte[] b = DecoderTestData.Llrs(LlrKind.Uniform, other.N, seed: 12);
        var first = new byte[small.K / 8];
        var again = new byte[small.K / 8];
        var scratch = new byte[other.K / 8];
        LdpcDecoderResult r1 = decoder.Decode(small, 44, a, first, 4, true);
        decoder.Decode(other, 0, b, scratch, 3, false);
        LdpcDecoderResult r2 = decoder.Decode(small, 44, a, again, 4, true);
        Assert.Equal(r1, r2);
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(1, 384, 0, 25344, 46)]
    [InlineData(1, 384, 0, 8448 - 768, 4)]
    [InlineData(1, 384, 0, 0, 4)]
    [InlineData(1, 384, 0, 9000, 4)]
    [InlineData(1, 384, 0, 9600, 5)]
    [InlineData(2, 384, 0, 19200, 42)]
    [InlineData(2, 384, 0, 6144, 8)]
    [InlineData(2, 7, 30, 44, 4)]
    [InlineData(1, 320, 688, 20432, 46)]
    [InlineData(1, 176, 8, 4640, 7)]
    public void RowsInUse_FollowTheExtensionColumnsCovered(int bg, int zc, int fillers, int length, int rows)
    {
        Assert.Equal(rows, LdpcDecoder.RowsInUse(BaseGraph.Get(bg).Lift(zc), fillers, length));
    }

    [Fact]
    public void Create_Auto_PicksTheBestAcceleratedWidth()
    {
        Assert.Equal(SimdSupport.Best, LdpcDecoder.Create().Width);
        Assert.Equal(SimdWidth.V128, LdpcDecoder.Create(SimdWidth.V128).Width);
        Assert.Throws<ArgumentOutOfRangeException>(() => LdpcDecoder.Create((SimdWidth)7));
    }

    [Fact]
    public void Decode_RejectsInvalidParameters_NamingFieldValueAndRange()
    {
        LdpcDecoder decoder = LdpcDecoder.Create(SimdWidth.Scalar);
        LdpcCode code = BaseGraph.Get(2).Lift(10); // K = 100, N = 500
        var output = new byte[13];
        var llrs = new sbyte[100];

        AssertRejected("fillerBits", "n_filler = -1", "[0, 79]", () => decoder.Decode(code, -1, llrs, output, 6, true));
        AssertRejected("fillerBits", "n_filler = 80", "[0, 79]", () => decoder.Decode(code, 80, llrs, output, 6, true));
        AssertRejected("compact", "length = 491", "[0, 490]", () => decoder.Decode(code, 10, new sbyte[491], output, 6, true));
        AssertRejected("hardOutput", "length = 12", "13 bytes", () => decoder.Decode(code, 0, llrs, output.AsSpan(0, 12), 6, true));
        AssertRejected("maxIterations", "iter_max = 0", "[1, 100]", () => decoder.Decode(code, 0, llrs, output, 0, true));
        AssertRejected("maxIterations", "iter_max = 101", "[1, 100]", () => decoder.Decode(code, 0, llrs, output, 101, true));
        AssertRejected("earlyStopCrc", "K′ = 24", "K′ > 24", () => decoder.Decode(code, 76, llrs, output, 6, true, CrcType.Crc24A));
        AssertRejected("earlyStopCrc", "(CrcType)9", "allowed", () => decoder.Decode(code, 0, llrs, output, 6, true, (CrcType)9));
        Assert.Throws<ArgumentNullException>(() => decoder.Decode(null!, 0, llrs, output, 6, true));
    }

    private static void AssertRejected(string parameter, string value, string range, Action call)
    {
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(value.Replace("(CrcType)9", "9", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
    }

    private static void AssertDecodesNoisyZeros(LdpcDecoder decoder, int bg, int zc, int fillers, int length, double ebN0Db, int seed)
    {
        // BPSK over AWGN a dB or more above where these codes reach BLER 1e-2, LLRs scaled as in the BLER tool.
        LdpcCode code = BaseGraph.Get(bg).Lift(zc);
        double rate = (double)(code.K - fillers) / length;
        double sigma = Math.Sqrt(1 / (2 * rate * Math.Pow(10, ebN0Db / 10)));
        var random = new Random(seed);
        sbyte[] llrs = new sbyte[length];
        for (int i = 0; i < length; i++)
        {
            double y = 1 + (sigma * DecoderTestData.Gaussian(random));
            llrs[i] = DecoderTestData.Quantise(4 * 2 * y / (sigma * sigma));
        }

        var output = new byte[(code.K - fillers + 7) / 8];
        LdpcDecoderResult result = decoder.Decode(code, fillers, llrs, output, 10, earlyTermination: true);
        Assert.True(result.SyndromePassed, $"BG{bg} Zc={zc}: {result}");
        Assert.InRange(result.Iterations, 1, 9);
        Assert.All(output, b => Assert.Equal(0, b));
    }
}
