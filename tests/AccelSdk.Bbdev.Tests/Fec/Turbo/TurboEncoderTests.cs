using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>The table-driven encoder and rate matcher against the bit-by-bit references, and the engine's packing.</summary>
public sealed class TurboEncoderTests
{
    [Fact]
    public void FastEncoder_EqualsReference_ForEveryBlockSize()
    {
        var random = new Random(11);
        var encoder = new TurboEncoder();
        foreach (int k in TurboTestCases.BlockSizes)
        {
            byte[] packed = TurboTestCases.RandomBits(random, k);
            byte[] expected = new byte[3 * (k + 4)];
            TurboEncoderReference.Encode(TurboTestCases.Unpack(packed, k), expected);
            byte[] actual = new byte[3 * (k + 4)];
            encoder.Encode(packed, k, actual);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"K = {k}: differs at bit {expected.AsSpan().CommonPrefixLength(actual)}");
        }
    }

    [Fact]
    public void Reference_TerminatesBothEncodersInStateZero()
    {
        // Re-running each constituent encoder over its input and its three tail inputs must end in the zero state,
        // and the systematic stream carries the input: the encoder's structure checked from the outside.
        var random = new Random(5);
        foreach (int k in (int[])[40, 1008, 6144])
        {
            byte[] c = TurboTestCases.Unpack(TurboTestCases.RandomBits(random, k), k);
            byte[] d = new byte[3 * (k + 4)];
            TurboEncoderReference.Encode(c, d);
            Assert.Equal(c, d.AsSpan(0, k).ToArray());
            int[] pi = new int[k];
            TurboInterleaver.GetPermutation(k, pi);
            byte[] tail1 = [d[k], d[(2 * (k + 4)) + k], d[(k + 4) + k + 1]];
            byte[] tail2 = [d[k + 2], d[(2 * (k + 4)) + k + 2], d[(k + 4) + k + 3]];
            Assert.Equal(0, RunRsc(c.Concat(tail1).ToArray(), d.AsSpan(k + 4, k).ToArray()));
            Assert.Equal(0, RunRsc(pi.Select(i => c[i]).Concat(tail2).ToArray(), d.AsSpan(2 * (k + 4), k).ToArray()));
        }
    }

    [Fact]
    public void RateMatcher_EqualsReference_ForRandomBlocks()
    {
        var encoder = new TurboEncoder();
        Prop.ForAll(TurboTestCases.AnyBlock().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (p, seed) =>
        {
            var random = new Random(seed);
            byte[] d = new byte[3 * p.D];
            encoder.Encode(TurboTestCases.RandomBits(random, p.K), p.K, d);
            byte[] expected = new byte[p.E];
            TurboRateMatcher.MatchReference(p, d, expected);
            byte[] packed = new byte[(p.E + 7) / 8];
            TurboRateMatcher.SelectBits(TurboCodeTables.Get(p.K), d, p.K0, p.NcbEffective, p.E, packed);
            Assert.True(TurboTestCases.Unpack(packed, p.E).AsSpan().SequenceEqual(expected), $"{p}");
            Assert.Equal(0, p.E % 8 == 0 ? 0 : packed[^1] & (0xFF >> (p.E % 8)));

            // The public entry point from packed streams gives the same bits.
            byte[] streams = new byte[((3 * p.D) + 7) / 8];
            TurboEncoder.Pack(d, streams);
            byte[] viaPublic = new byte[packed.Length];
            TurboRateMatcher.Match(p, streams, viaPublic);
            Assert.Equal(packed, viaPublic);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    [Fact]
    public void RateRecovery_EqualsReference_AndPutsEveryBitBackWhereItCameFrom()
    {
        Prop.ForAll(TurboTestCases.AnyBlock().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (p, seed) =>
        {
            var random = new Random(seed);
            sbyte[] llrs = new sbyte[p.E];
            random.NextBytes((byte[])(Array)llrs);
            sbyte[] expected = new sbyte[p.Kw];
            sbyte[] actual = new sbyte[p.Kw];
            TurboRateRecovery.RecoverReference(p, llrs, expected);
            TurboRateRecovery.Recover(p, llrs, actual);
            Assert.Equal(expected, actual);

            // Matching a codeword then recovering ±1 LLRs: every position that received bits has the codeword's sign.
            byte[] d = new byte[3 * p.D];
            TurboEncoderReference.Encode(TurboTestCases.Unpack(TurboTestCases.RandomBits(random, p.K), p.K), d);
            byte[] e = new byte[p.E];
            TurboRateMatcher.MatchReference(p, d, e);
            sbyte[] ones = e.Select(bit => bit == 0 ? (sbyte)1 : (sbyte)-1).ToArray();
            TurboRateRecovery.Recover(p, ones, actual);
            byte[] w = TurboRateMatcher.CircularBufferReference(p, d, 2);
            for (int i = 0; i < p.Kw; i++)
            {
                if (actual[i] != 0)
                {
                    Assert.Equal(w[i] == 0 ? 1 : -1, Math.Sign(actual[i]));
                }
                else
                {
                    Assert.True(w[i] == 2 || i >= p.NcbEffective || p.E < p.Kw, $"{p}: position {i} empty");
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CrcType.Crc24A)]
    [InlineData(CrcType.Crc24B)]
    public void Engine_AttachesTheCrcThenEncodes(CrcType? crc)
    {
        var random = new Random(3);
        foreach (int k in (int[])[40, 528, 6144])
        {
            int crcBits = crc is null ? 0 : 24;
            byte[] info = TurboTestCases.RandomBits(random, k - crcBits);
            byte[] block = new byte[k / 8];
            info.CopyTo(block, 0);
            if (crc is CrcType type)
            {
                CrcCalculator.AttachReference(type, block, k - 24);
            }

            byte[] d = new byte[3 * (k + 4)];
            TurboEncoderReference.Encode(TurboTestCases.Unpack(block, k), d);
            byte[] expected = new byte[((3 * (k + 4)) + 7) / 8];
            TurboEncoder.Pack(d, expected);
            foreach (SimdWidth width in (SimdWidth[])[SimdWidth.Scalar, SimdWidth.Auto])
            {
                TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create(width);
                byte[] actual = new byte[expected.Length];
                Assert.Equal(expected.Length, engine.Encode(new TurboBlockParameters { K = k }, info, crc, actual));
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Engine_RejectsInvalidParametersByName()
    {
        TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create();
        byte[] buffer = new byte[4096];
        Assert.Contains("k = 44", Assert.Throws<ArgumentException>(() => engine.Encode(new TurboBlockParameters { K = 44 }, buffer, null, buffer)).Message, StringComparison.Ordinal);
        Assert.Contains("ncb = 20", Assert.Throws<ArgumentException>(() => engine.Encode(new TurboBlockParameters { K = 40, Ncb = 20, E = 100, RateMatch = true }, buffer, null, buffer)).Message, StringComparison.Ordinal);
        Assert.Contains("e = 0", Assert.Throws<ArgumentException>(() => engine.Encode(new TurboBlockParameters { K = 40, RateMatch = true }, buffer, null, buffer)).Message, StringComparison.Ordinal);
        Assert.Contains("rv_index = 4", Assert.Throws<ArgumentException>(() => engine.Encode(new TurboBlockParameters { K = 40, E = 10, RvIndex = 4, RateMatch = true }, buffer, null, buffer)).Message, StringComparison.Ordinal);
        Assert.Contains("output", Assert.Throws<ArgumentException>(() => engine.Encode(new TurboBlockParameters { K = 6144 }, buffer, null, buffer.AsSpan(0, 10))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void K0_FollowsTheStandardsFormula()
    {
        // k0 = R·(2·⌈Ncb/(8R)⌉·rv + 2); K = 40: R = 2, Ncb = 192, ⌈192/16⌉ = 12 → 4, 52, 100, 148.
        int[] expected = [4, 52, 100, 148];
        for (int rv = 0; rv < 4; rv++)
        {
            Assert.Equal(expected[rv], new TurboBlockParameters { K = 40, RvIndex = rv }.K0);
        }

        Assert.Equal(0, new TurboBlockParameters { K = 6144, RvIndex = 1, RvIndexBypass = true }.K0);
        Assert.Equal(193 * ((2 * 12 * 3) + 2), new TurboBlockParameters { K = 6144, RvIndex = 3 }.K0);
    }

    private static int RunRsc(byte[] input, byte[] parity)
    {
        int r1 = 0, r2 = 0, r3 = 0;
        for (int i = 0; i < input.Length; i++)
        {
            int a = input[i] ^ r2 ^ r3;
            if (i < parity.Length)
            {
                Assert.Equal(parity[i], a ^ r1 ^ r3);
            }

            r3 = r2;
            r2 = r1;
            r1 = a;
        }

        return r1 | (r2 << 1) | (r3 << 2);
    }
}
