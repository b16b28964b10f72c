using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

public sealed class LdpcRateRecoveryTests
{
    [Property(MaxTest = 80)]
    public Property RateMatchThenRecover_NoiselessLlrs_PutTheRightSignAndSumRepetitions() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1, 127).ToArbitrary(), (seed, magnitude) =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed, maxZc: 208);
            var random = new Random(seed);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] d = new byte[(p.N + 7) / 8];
            LdpcEncoder.Encode(p, input, d);
            byte[] transmitted = new byte[(p.E + 7) / 8];
            LdpcRateMatcher.EncodeAndMatch(p, input, transmitted);
            sbyte[] llrs = Enumerable.Range(0, p.E).Select(j => (sbyte)(LdpcTestCases.Bit(transmitted, j) == 0 ? magnitude : -magnitude)).ToArray();
            sbyte[] output = new sbyte[p.CompactLength];
            int length = LdpcRateRecovery.Recover(p, llrs, [], output);

            // Expected: each compact position is hit floor/ceil(E / (Ncb - F)) times from k0'.
            int compactLength = p.CompactLength;
            for (int i = 0; i < compactLength; i++)
            {
                long first = ((long)i - p.K0Compact + compactLength) % compactLength;
                long hits = first >= p.E ? 0 : ((p.E - 1 - first) / compactLength) + 1;
                int bit = LdpcTestCases.Bit(d, LdpcCircularBuffer.CompactToCircular(p, i));
                int expected = (int)Math.Min(127, hits * magnitude) * (bit == 0 ? 1 : -1);
                int actual = i < length ? output[i] : 0;
                if (actual != expected || (hits > 0 && i >= length))
                {
                    return false.Label($"seed {seed}: {p}: position {i} holds {actual}, expected {expected} ({hits} hits)");
                }
            }

            return (length == LdpcCircularBuffer.CombinedLength(p, 0)).Label($"seed {seed}: length {length}");
        });

    [Property(MaxTest = 120)]
    public Property Recover_RandomLlrsAndHarq_EveryWidthEqualsReference() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed);
            var random = new Random(seed);
            sbyte[] llrs = RandomLlrs(random, p.E + random.Next(3));
            sbyte[] harq = random.Next(3) == 0 ? [] : RandomLlrs(random, random.Next(0, p.CompactLength + 100));
            int length = LdpcRateRecovery.OutputLength(p, harq.Length);
            sbyte[] expected = new sbyte[length];
            int expectedLength = LdpcRateRecovery.Recover(p, llrs, harq, expected, SimdWidth.Scalar);
            SimdWidth[] widths = p.E <= 20000 ? TestWidths.Vector : [SimdWidth.V128, SimdWidth.V256];
            bool agree = widths.Append(SimdWidth.Auto).All(w =>
            {
                sbyte[] actual = new sbyte[length + 5];
                actual.AsSpan().Fill(99);
                int actualLength = LdpcRateRecovery.Recover(p, llrs, harq, actual, w);
                return actualLength == expectedLength && actual.AsSpan(0, length).SequenceEqual(expected) && actual.AsSpan(length).IndexOfAnyExcept((sbyte)99) < 0;
            });
            bool inRange = expected.All(v => v >= -127);
            return (expectedLength == length && agree && inRange).Label($"seed {seed}: {p}, harq {harq.Length}");
        });

    [Fact]
    public void Recover_SaturatesInLlrOrder_HarqFirst()
    {
        // Qm 1, E = 2 (Ncb - F) + 1: positions 0 and 1 of a tiny buffer get three and two additions.
        var p = new LdpcBlockParameters { BaseGraph = 2, Zc = 2, FillerBits = 3, Ncb = 16, Qm = 1, E = 27 };
        Assert.Equal(13, p.CompactLength);
        sbyte[] llrs = new sbyte[27];
        llrs[0] = 100;
        llrs[13] = 100;
        llrs[26] = -100; // 100 + 100 saturates at 127 before -100: 27, not 100
        llrs[1] = -128;  // -128 + -127 saturates to -127
        sbyte[] harq = [0, -128, 5]; // -128 enters as -127
        foreach (SimdWidth width in TestWidths.All)
        {
            sbyte[] output = new sbyte[13];
            Assert.Equal(13, LdpcRateRecovery.Recover(p, llrs, harq, output, width));
            Assert.Equal(27, output[0]);
            Assert.Equal(-127, output[1]);
            Assert.Equal(5, output[2]);
        }
    }

    [Fact]
    public void Recover_OutputLength_FollowsTheHarqRule()
    {
        // The HARQ_1_x chain: BG1 Zc 176, F 8, Ncb = N = 11616, E = 4640, rv 0 / 2 / 3.
        var p = new LdpcBlockParameters { BaseGraph = 1, Zc = 176, FillerBits = 8, Qm = 2, E = 4640 };
        Assert.Equal(4640, LdpcRateRecovery.OutputLength(p, 0));
        Assert.Equal(10440, LdpcRateRecovery.OutputLength(p with { RvIndex = 2 }, 4672));
        Assert.Equal(11608, LdpcRateRecovery.OutputLength(p with { RvIndex = 3 }, 10496));
        Assert.Equal(11608, LdpcRateRecovery.OutputLength(p, 20000));
        Assert.Equal(5000, LdpcRateRecovery.OutputLength(p, 5000));
    }

    [Fact]
    public void Recover_RejectsShortBuffersBeforeAnyWork()
    {
        var p = new LdpcBlockParameters { BaseGraph = 1, Zc = 176, FillerBits = 8, Qm = 2, E = 4640 };
        sbyte[] output = new sbyte[4639];
        output.AsSpan().Fill(3);
        ArgumentException e1 = Assert.Throws<ArgumentException>(() => LdpcRateRecovery.Recover(p, new sbyte[4640], [], output));
        Assert.Contains("output.Length = 4639", e1.Message, StringComparison.Ordinal);
        ArgumentException e2 = Assert.Throws<ArgumentException>(() => LdpcRateRecovery.Recover(p, new sbyte[4639], [], new sbyte[5000]));
        Assert.Contains("llrs.Length = 4639", e2.Message, StringComparison.Ordinal);
        ArgumentException e3 = Assert.Throws<ArgumentException>(() => LdpcRateRecovery.Recover(p with { Qm = 6 }, new sbyte[4640], [], new sbyte[5000]));
        Assert.Contains("e = 4640", e3.Message, StringComparison.Ordinal);
        Assert.True(output.All(v => v == 3));
    }

    [Fact]
    public void CircularBuffer_MapsCompactPositionsToVariables()
    {
        var p = new LdpcBlockParameters { BaseGraph = 1, Zc = 176, FillerBits = 8, Qm = 2, E = 4640 };
        int fillerStart = p.FillerStart; // K' - 2Zc = 3864 - 352
        Assert.Equal(3512, fillerStart);
        Assert.Equal(352, LdpcCircularBuffer.CompactToVariable(p, 0));
        Assert.Equal(3863, LdpcCircularBuffer.CompactToVariable(p, fillerStart - 1));
        Assert.Equal(3872, LdpcCircularBuffer.CompactToVariable(p, fillerStart));
        for (int i = 0; i < p.CompactLength; i += 37)
        {
            Assert.Equal(i, LdpcCircularBuffer.VariableToCompact(p, LdpcCircularBuffer.CompactToVariable(p, i)));
        }

        Assert.Equal(-1, LdpcCircularBuffer.VariableToCompact(p, 351));
        Assert.Equal(-1, LdpcCircularBuffer.VariableToCompact(p, 3865));
    }

    [Fact]
    public void K0Compact_InsideTheFillers_StartsAfterThem()
    {
        // Ncb = K - 2Zc: the fillers end the buffer, so a k0 inside them wraps to position 0.
        var p = new LdpcBlockParameters { BaseGraph = 2, Zc = 2, FillerBits = 3, Ncb = 16, Qm = 1, E = 4, K0Override = 14 };
        Assert.Equal(0, p.K0Compact);
        Assert.Equal(12, (p with { K0Override = 12 }).K0Compact);
        var q = p with { Ncb = 0, K0Override = 14 };
        Assert.Equal(13, q.K0Compact);
    }

    private static sbyte[] RandomLlrs(Random random, int count)
    {
        sbyte[] llrs = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            llrs[i] = random.Next(4) switch
            {
                0 => (sbyte)(random.Next(2) == 0 ? 127 : -128),
                1 => (sbyte)random.Next(-8, 9),
                _ => (sbyte)random.Next(-128, 128),
            };
        }

        return llrs;
    }
}
