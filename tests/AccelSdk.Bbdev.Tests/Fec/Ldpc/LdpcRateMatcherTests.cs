using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

public sealed class LdpcRateMatcherTests
{
    [Property(MaxTest = 150)]
    public Property EncodeAndMatch_RandomBlock_EveryWidthEqualsReference() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed);
            var random = new Random(seed);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] expected = new byte[(p.E + 7) / 8];
            LdpcRateMatcher.EncodeAndMatch(p, input, expected, null, SimdWidth.Scalar);
            bool padZero = p.E % 8 == 0 || (expected[^1] & (0xFF >> (p.E % 8))) == 0;
            SimdWidth[] widths = p.E <= 20000 ? TestWidths.Vector : [SimdWidth.V128, SimdWidth.V256];
            bool agree = widths.All(w =>
            {
                byte[] actual = new byte[expected.Length + 9];
                actual.AsSpan().Fill(0x5A);
                LdpcRateMatcher.EncodeAndMatch(p, input, actual, null, w);
                return actual.AsSpan(0, expected.Length).SequenceEqual(expected) && actual.AsSpan(expected.Length).IndexOfAnyExcept((byte)0x5A) < 0;
            });
            return (padZero && agree).Label($"seed {seed}: {p}");
        });

    [Property(MaxTest = 60)]
    public Property MatchOfEncode_EqualsEncodeAndMatch_ForEveryWidth() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed, maxZc: 176);
            var random = new Random(seed);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] d = new byte[(p.N + 7) / 8];
            LdpcEncoder.Encode(p, input, d);
            byte[] expected = new byte[(p.E + 7) / 8];
            LdpcRateMatcher.EncodeAndMatch(p, input, expected);
            return TestWidths.All.All(w =>
            {
                byte[] actual = new byte[expected.Length];
                LdpcRateMatcher.Match(p, d, actual, w);
                return actual.AsSpan().SequenceEqual(expected);
            }).Label($"seed {seed}: {p}");
        });

    [Property(MaxTest = 40)]
    public Property EncodeAndMatch_WithCrc_EqualsEncodingTheInputWithItsCrcAppended() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Elements(Enum.GetValues<CrcType>()).ToArbitrary(), (seed, crc) =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed, maxZc: 96);
            int crcLength = CrcCalculator.Length(crc);
            if (p.KPrime <= crcLength)
            {
                return true.Label("too short for a CRC");
            }

            var random = new Random(seed);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime - crcLength);
            byte[] withCrc = new byte[(p.KPrime + 7) / 8];
            input.CopyTo(withCrc, 0);
            CrcCalculator.AttachReference(crc, withCrc, p.KPrime - crcLength);
            byte[] expected = new byte[(p.E + 7) / 8];
            LdpcRateMatcher.EncodeAndMatch(p, withCrc, expected, null, SimdWidth.Scalar);
            return TestWidths.All.All(w =>
            {
                byte[] actual = new byte[expected.Length];
                LdpcRateMatcher.EncodeAndMatch(p, input, actual, crc, w);
                return actual.AsSpan().SequenceEqual(expected);
            }).Label($"seed {seed}: {p}, {crc}");
        });

    [Fact]
    public void Interleaver_WritesRowsAndReadsColumns()
    {
        // E = 12, Qm = 4: rows e[0..2], e[3..5], e[6..8], e[9..11]; f reads column by column.
        byte[] e = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        Assert.Equal([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11], LdpcRateMatcherReference.Interleave(e, 4));
    }

    [Fact]
    public void Select_SkipsFillersAndWrapsModuloNcb()
    {
        // BG2 Zc 2: K = 20, K' = 17 (F = 3), d has fillers at 13..15; Ncb = 16 (the minimum, K - 2Zc), rv 0.
        var p = new LdpcBlockParameters { BaseGraph = 2, Zc = 2, FillerBits = 3, Ncb = 16, Qm = 1, E = 30 };
        byte[] d = Enumerable.Range(0, p.N).Select(i => (byte)i).ToArray();
        byte[] e = LdpcRateMatcherReference.Select(p, d);
        int[] expected = [.. Enumerable.Range(0, 13), .. Enumerable.Range(0, 13), 0, 1, 2, 3];
        Assert.Equal(expected.Select(i => (byte)i), e);
        Assert.Equal(13, p.CompactLength);
    }

    [Fact]
    public void K0_FollowsTable5_4_2_1_2()
    {
        var bg1 = new LdpcBlockParameters { BaseGraph = 1, Zc = 176, FillerBits = 8, Qm = 2, E = 4640 };
        Assert.Equal([0, 17 * 176, 33 * 176, 56 * 176], Enumerable.Range(0, 4).Select(rv => (bg1 with { RvIndex = rv }).K0));
        var lbrm = bg1 with { Ncb = 8000, RvIndex = 2 };
        Assert.Equal(33 * 8000 / (66 * 176) * 176, lbrm.K0);
        var bg2 = new LdpcBlockParameters { BaseGraph = 2, Zc = 384, Qm = 2, E = 100 };
        Assert.Equal([0, 13 * 384, 25 * 384, 43 * 384], Enumerable.Range(0, 4).Select(rv => (bg2 with { RvIndex = rv }).K0));
        Assert.Equal(777, (bg2 with { K0Override = 777, RvIndex = 3 }).K0);
    }

    [Theory]
    [InlineData(0, 0, "q_m = 3")]
    [InlineData(1, 0, "e = 7")]
    [InlineData(2, 0, "rv_index = 4")]
    [InlineData(3, 0, "n_cb = 100")]
    [InlineData(4, 0, "k0 = 25344")]
    [InlineData(5, 0, "e = 0")]
    [InlineData(6, 0, "output.Length = 3")]
    [InlineData(7, 0, "input.Length = 1000")]
    [InlineData(8, 0, "crc = Crc24A")]
    public void EncodeAndMatch_RejectsInvalidArgumentsBeforeAnyWork(int which, int unused, string expected)
    {
        _ = unused;
        var ok = new LdpcBlockParameters { BaseGraph = 1, Zc = 384, Qm = 2, E = 25344 };
        byte[] input = new byte[1056];
        byte[] output = new byte[3168];
        output.AsSpan().Fill(0x77);
        Action act = which switch
        {
            0 => () => LdpcRateMatcher.EncodeAndMatch(ok with { Qm = 3 }, input, output),
            1 => () => LdpcRateMatcher.EncodeAndMatch(ok with { Qm = 2, E = 7 }, input, output),
            2 => () => LdpcRateMatcher.EncodeAndMatch(ok with { RvIndex = 4 }, input, output),
            3 => () => LdpcRateMatcher.EncodeAndMatch(ok with { Ncb = 100 }, input, output),
            4 => () => LdpcRateMatcher.EncodeAndMatch(ok with { K0Override = 25344 }, input, output),
            5 => () => LdpcRateMatcher.EncodeAndMatch(ok with { E = 0 }, input, output),
            6 => () => LdpcRateMatcher.EncodeAndMatch(ok, input, output.AsSpan(0, 3)),
            7 => () => LdpcRateMatcher.EncodeAndMatch(ok, input.AsSpan(0, 1000), output),
            _ => () => LdpcRateMatcher.EncodeAndMatch(new LdpcBlockParameters { BaseGraph = 2, Zc = 2, FillerBits = 0, Qm = 2, E = 8 }, input, output, CrcType.Crc24A),
        };
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.True(output.AsSpan().IndexOfAnyExcept((byte)0x77) < 0, "no output may be written before validation");
    }
}
