using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Decoder;

/// <summary>
/// Every vector width must reproduce the scalar reference exactly: hard bits, iteration count and syndrome flag, on
/// random codes (both graphs, all 51 lifting sizes, any filler count and buffer length) and random LLRs.
/// </summary>
public sealed class LdpcDecoderEquivalenceTests
{
    [ThreadStatic]
    private static LdpcDecoder? t_scalar;

    private static LdpcDecoder s_scalar => t_scalar ??= LdpcDecoder.Create(SimdWidth.Scalar);

    [Theory]
    [InlineData(SimdWidth.V128, 60, 384)]
    [InlineData(SimdWidth.V256, 60, 384)]
    [InlineData(SimdWidth.V512, 15, 40)]
    public void RandomDecodes_MatchScalarReference(SimdWidth width, int cases, int maxZc)
    {
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        Prop.ForAll(Cases(maxZc).ToArbitrary(), c => SameAsScalar(decoder, c))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(cases));
    }

    [Theory]
    [InlineData(SimdWidth.V128)]
    [InlineData(SimdWidth.V256)]
    [InlineData(SimdWidth.V512)]
    public void EveryLiftingSize_MatchesScalarReference(SimdWidth width)
    {
        // One case per Zc so that every remainder of Zc modulo the vector width runs (V512 is emulated here: short).
        LdpcDecoder decoder = LdpcDecoder.Create(width);
        int index = 0;
        foreach (int zc in LiftingSizes.All)
        {
            int bg = (index % 2) + 1;
            var code = BaseGraph.Get(bg).Lift(zc);
            int fillers = (index * 7) % (code.K - (2 * zc));
            int length = code.N - fillers - ((index * 13) % code.N / 2);
            var c = new DecoderCase(bg, zc, fillers, Math.Max(length, 0), (LlrKind)(index % 4), 1000 + index, width == SimdWidth.V512 ? 2 : 4, index % 3 != 0, index % 4);
            SameAsScalar(decoder, c);
            index++;
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 3)]
    [InlineData(8, 1)]
    [InlineData(12, 0)]
    public void OtherCheckNodeRules_MatchScalarReference(int scale, int offset)
    {
        // The BLER tool compares rules through the vector decoder; it must compute what the reference computes.
        var rule = new CheckNodeRule(scale, offset);
        LdpcDecoder scalar = LdpcDecoder.Create(SimdWidth.Scalar, rule);
        LdpcDecoder vector = LdpcDecoder.Create(SimdWidth.V256, rule);
        Prop.ForAll(Cases(96).ToArbitrary(), c => SameAs(scalar, vector, c)).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    internal static Gen<DecoderCase> Cases(int maxZc) =>
        from bg in Gen.Choose(1, 2)
        from zc in Gen.Elements(LiftingSizes.All.ToArray().Where(z => z <= maxZc).ToArray())
        let code = BaseGraph.Get(bg).Lift(zc)
        from fillers in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, code.K - (2 * zc) - 1)))
        from length in Gen.Frequency((1, Gen.Constant(code.N - fillers)), (3, Gen.Choose(0, code.N - fillers)))
        from kind in Gen.Elements(LlrKind.Uniform, LlrKind.Saturated, LlrKind.Mixed, LlrKind.NoisyZeroCodeword)
        from seed in Gen.Choose(0, int.MaxValue)
        from iterations in Gen.Choose(1, 6)
        from early in Gen.Elements(true, false)
        from crc in Gen.Choose(0, 4)
        select new DecoderCase(bg, zc, fillers, length, kind, seed, iterations, early, crc);

    internal static bool SameAsScalar(LdpcDecoder decoder, DecoderCase c) => SameAs(s_scalar, decoder, c);

    private static bool SameAs(LdpcDecoder reference, LdpcDecoder decoder, DecoderCase c)
    {
        sbyte[] llrs = c.Llrs();
        int bytes = (c.Code.K - c.Fillers + 7) / 8;
        var expected = new byte[bytes];
        var actual = new byte[bytes];
        LdpcDecoderResult want = reference.Decode(c.Code, c.Fillers, llrs, expected, c.MaxIterations, c.EarlyTermination, c.EarlyStopCrc);
        LdpcDecoderResult got = decoder.Decode(c.Code, c.Fillers, llrs, actual, c.MaxIterations, c.EarlyTermination, c.EarlyStopCrc);
        Assert.True(want == got, $"{decoder.Width}: {got} != scalar {want} for {c}");
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{decoder.Width}: hard bits differ from scalar for {c}");
        return true;
    }
}
