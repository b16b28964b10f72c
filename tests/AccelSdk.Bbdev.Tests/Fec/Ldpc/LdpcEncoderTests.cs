using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

public sealed class LdpcEncoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Encode_EveryLiftingSize_SatisfiesParityChecks_AndEveryWidthAgrees(int bg)
    {
        var random = new Random(bg);
        foreach (int zc in LiftingSizes.All)
        {
            int k = (bg == 1 ? 22 : 10) * zc;
            var p = new LdpcBlockParameters { BaseGraph = bg, Zc = zc, FillerBits = random.Next(0, k - (2 * zc)), Qm = 2, E = 2 };
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] expected = new byte[(p.N + 7) / 8];
            LdpcEncoder.Encode(p, input, expected, SimdWidth.Scalar);
            Assert.Equal(0, LdpcTestCases.SyndromeWeight(p.Code, LdpcTestCases.FullCodeword(p, input, expected)));
            foreach (SimdWidth width in (SimdWidth[])[SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256])
            {
                byte[] actual = new byte[expected.Length];
                LdpcEncoder.Encode(p, input, actual, width);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"BG{bg} Zc {zc} F {p.FillerBits} width {width}");
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property Encode_RandomBlock_IsACodewordWithFillersZero_ForEveryWidth() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed);
            var random = new Random(seed);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] expected = new byte[(p.N + 7) / 8];
            LdpcEncoder.Encode(p, input, expected, SimdWidth.Scalar);
            byte[] c = LdpcTestCases.FullCodeword(p, input, expected);
            bool systematic = Enumerable.Range(0, p.KPrime).All(v => c[v] == LdpcTestCases.Bit(input, v));
            bool fillersZero = Enumerable.Range(p.FillerStart, p.FillerBits).All(k => LdpcTestCases.Bit(expected, k) == 0);
            bool padZero = p.N % 8 == 0 || (expected[^1] & (0xFF >> (p.N % 8))) == 0;
            bool widthsAgree = TestWidths.Vector.All(w =>
            {
                byte[] actual = new byte[expected.Length + 3];
                actual.AsSpan().Fill(0xA5);
                LdpcEncoder.Encode(p, input, actual, w);
                return actual.AsSpan(0, expected.Length).SequenceEqual(expected) && actual[^1] == 0xA5;
            });
            return (systematic && fillersZero && padZero && widthsAgree && LdpcTestCases.SyndromeWeight(p.Code, c) == 0)
                .Label($"seed {seed}: {p}");
        });

    [Fact]
    public void Encode_IgnoresInputBitsPastKPrime()
    {
        // K' = 70 - 27 = 43: the low five bits of byte 5 are not information bits.
        var p = new LdpcBlockParameters { BaseGraph = 2, Zc = 7, FillerBits = 27 };
        byte[] clean = [0x12, 0x34, 0x56, 0x78, 0x9A, 0x00];
        byte[] dirty = [0x12, 0x34, 0x56, 0x78, 0x9A, 0x1F];
        byte[] a = new byte[(p.N + 7) / 8];
        byte[] b = new byte[a.Length];
        foreach (SimdWidth width in TestWidths.All)
        {
            LdpcEncoder.Encode(p, clean, a, width);
            LdpcEncoder.Encode(p, dirty, b, width);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Encode_RejectsInvalidCodeAndShortBuffers()
    {
        byte[] big = new byte[4000];
        var bad = new LdpcBlockParameters { BaseGraph = 3, Zc = 384 };
        ArgumentException e1 = Assert.Throws<ArgumentException>(() => LdpcEncoder.Encode(bad, big, big));
        Assert.Contains("basegraph = 3", e1.Message, StringComparison.Ordinal);
        ArgumentException e2 = Assert.Throws<ArgumentException>(() => LdpcEncoder.Encode(bad with { BaseGraph = 1, Zc = 17 }, big, big));
        Assert.Contains("z_c = 17", e2.Message, StringComparison.Ordinal);
        ArgumentException e3 = Assert.Throws<ArgumentException>(() => LdpcEncoder.Encode(bad with { BaseGraph = 1, FillerBits = 7680 }, big, big));
        Assert.Contains("n_filler = 7680", e3.Message, StringComparison.Ordinal);
        var ok = new LdpcBlockParameters { BaseGraph = 1, Zc = 384 };
        ArgumentException e4 = Assert.Throws<ArgumentException>(() => LdpcEncoder.Encode(ok, big.AsSpan(0, 1055), big));
        Assert.Contains("input.Length = 1055", e4.Message, StringComparison.Ordinal);
        Assert.Contains("1056", e4.Message, StringComparison.Ordinal);
        ArgumentException e5 = Assert.Throws<ArgumentException>(() => LdpcEncoder.Encode(ok, big, big.AsSpan(0, 3167)));
        Assert.Contains("codeword.Length = 3167", e5.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LdpcEncoder.Encode(ok, big, big, (SimdWidth)7));
    }

    [Fact]
    public void Plan_CoreShiftMatchesTheStandardsKnownStructure()
    {
        // BG1 column 22 has shifts 1, 0, 1 in rows 0, 1, 3: the two 1s cancel in the sum of the core rows, leaving
        // the identity; in set iLS 6 they are 0, 105, 0, leaving P^105 (the well-known special case of that set).
        Assert.Equal(0, LdpcEncoderPlan.Get(BaseGraph.Bg1.Lift(384)).CoreShift);
        Assert.Equal(105, LdpcEncoderPlan.Get(BaseGraph.Bg1.Lift(208)).CoreShift);
        Assert.Equal(105 % 13, LdpcEncoderPlan.Get(BaseGraph.Bg1.Lift(13)).CoreShift);
        foreach (int zc in LiftingSizes.All)
        {
            Assert.Equal(3, LdpcEncoderPlan.Get(BaseGraph.Bg2.Lift(zc)).Steps.Length);
        }
    }
}
