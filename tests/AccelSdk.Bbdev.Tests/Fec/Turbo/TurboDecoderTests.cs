using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>
/// The turbo decoder: every vector width bit-exact with the scalar reference on noisy blocks (hard bits, iterations,
/// CRC result, soft output), encode-then-noiseless-decode round trips for random K and E, early termination and
/// argument checks.
/// </summary>
public sealed class TurboDecoderTests
{
    private static readonly TurboDecoder s_scalar = TurboDecoder.Create(SimdWidth.Scalar);

    /// <summary>One decode: block, channel, settings.</summary>
    internal sealed record DecodeCase(TurboBlockParameters Block, int Seed, double EbN0Db, double Scale, int IterMax, int IterMin,
        TurboEarlyTermination Stop, bool Crc, bool PositiveIsOne, bool Streams, bool Soft, int ExtrinsicScale)
    {
        public TurboDecodeSettings Settings => new()
        {
            IterMax = IterMax,
            IterMin = IterMin,
            EarlyTermination = Stop,
            Crc = Crc || Stop == TurboEarlyTermination.Crc ? CrcType.Crc24B : null,
            InputFormat = Streams ? TurboInputFormat.Streams : TurboInputFormat.CircularBuffer,
            InputPositiveIsOne = PositiveIsOne,
            SoftOutputPositiveIsOne = !PositiveIsOne,
            ExtrinsicScale = ExtrinsicScale,
        };

        /// <summary>A codeword with a CRC24B, rate-matched, through AWGN, recovered into the input layout of the settings.</summary>
        public sbyte[] Input()
        {
            var random = new Random(Seed);
            int k = Block.K;
            byte[] info = TurboTestCases.RandomBits(random, k);
            CrcCalculator.AttachReference(CrcType.Crc24B, info, k - 24);
            byte[] d = new byte[3 * Block.D];
            TurboEncoderReference.Encode(TurboTestCases.Unpack(info, k), d);
            byte[] e = new byte[Block.E];
            TurboRateMatcher.MatchReference(Block, d, e);
            byte[] packed = new byte[(Block.E + 7) / 8];
            TurboEncoder.Pack(e, packed);
            sbyte[] llrs = TurboTestCases.NoisyLlrs(random, packed, Block.E, EbN0Db, (double)k / Block.E, Scale);
            sbyte[] circular = new sbyte[Block.Kw];
            TurboRateRecovery.Recover(Block, llrs, circular);
            if (PositiveIsOne)
            {
                for (int i = 0; i < circular.Length; i++)
                {
                    circular[i] = (sbyte)-circular[i];
                }
            }

            if (random.Next(4) == 0)
            {
                circular[random.Next(circular.Length)] = sbyte.MinValue;
            }

            return Streams ? ToStreams(Block, circular) : circular;
        }
    }

    internal static Gen<DecodeCase> Cases(int maxK) =>
        from block in TurboTestCases.DecodableBlock(maxK)
        from seed in Gen.Choose(0, int.MaxValue)
        from ebN0 in Gen.Elements(-1.0, 0.0, 0.5, 1.0, 2.0, 8.0)
        from scale in Gen.Elements(1.0, 4.0, 16.0)
        from iterMax in Gen.Choose(1, 8)
        from iterMin in Gen.Choose(0, 4)
        from stop in Gen.Elements(TurboEarlyTermination.None, TurboEarlyTermination.Crc, TurboEarlyTermination.HardDecisions)
        from crc in Gen.Elements(true, false)
        from positive in Gen.Elements(true, false)
        from streams in Gen.Elements(true, false)
        from soft in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from extrinsicScale in Gen.Elements(0, 8, 12, 15, 16, 31)
        select new DecodeCase(block, seed, ebN0, scale, iterMax, iterMin, stop, crc, positive, streams, soft, extrinsicScale);

    [Theory]
    [InlineData(SimdWidth.V128, 40, 6144)]
    [InlineData(SimdWidth.V256, 40, 6144)]
    [InlineData(SimdWidth.V512, 12, 1024)]
    public void RandomDecodes_MatchScalarReference(SimdWidth width, int cases, int maxK)
    {
        TurboDecoder decoder = TurboDecoder.Create(width);
        Assert.Equal(width, decoder.Width);
        Prop.ForAll(Cases(maxK).ToArbitrary(), c => SameAsScalar(decoder, c))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(cases));
    }

    [Theory]
    [InlineData(SimdWidth.V128)]
    [InlineData(SimdWidth.V256)]
    [InlineData(SimdWidth.V512)]
    public void EveryWindowCount_MatchesScalarReference(SimdWidth width)
    {
        // One block size per window count (1, 2, 4, 8, 16, 32 windows) and window lengths that are not multiples of 8;
        // the decoder instance is reused across sizes, so stale state from a longer block would show.
        TurboDecoder decoder = TurboDecoder.Create(width);
        int[] sizes = width == SimdWidth.V512 ? [6144, 40, 128, 264, 1008] : [6144, 40, 128, 264, 520 + 8, 1008, 2016, 2112, 4032, 1024, 40];
        int seed = 0;
        foreach (int k in sizes)
        {
            var block = new TurboBlockParameters { K = k, E = (3 * k) + 12, RateMatch = true };
            SameAsScalar(decoder, new DecodeCase(block, seed++, 0.5, 4, 3, 0, TurboEarlyTermination.None, true, false, false, seed % 2 == 0, 0));
        }
    }

    [Fact]
    public void EncodeThenNoiselessDecode_ReturnsTheInput_ForRandomKAndE()
    {
        TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create();
        Prop.ForAll(TurboTestCases.DecodableBlock().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (p, seed) =>
        {
            var random = new Random(seed);
            byte[] info = TurboTestCases.RandomBits(random, p.K - 24);
            byte[] encoded = new byte[(p.E + 7) / 8];
            engine.Encode(p, info, CrcType.Crc24A, encoded);
            sbyte[] circular = new sbyte[p.Kw];
            TurboRateRecovery.Recover(p, TurboTestCases.NoiselessLlrs(encoded, p.E), circular);
            byte[] hard = new byte[p.K / 8];
            var settings = new TurboDecodeSettings { IterMax = 8, EarlyTermination = TurboEarlyTermination.Crc, Crc = CrcType.Crc24A };
            TurboCodeBlockResult result = engine.Decode(p.K, circular, settings, dropCrc: true, hard, default);
            Assert.True(result.CrcPassed, $"{p}: CRC fails after {result.Iterations} iterations");
            Assert.Equal(p.K - 24, result.HardOutputBits);
            Assert.True(info.AsSpan().SequenceEqual(hard.AsSpan(0, info.Length)), $"{p}: decoded bits differ");
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void NoiselessBlock_StopsAtIterMin_AndSoftOutputCarriesTheCodeword()
    {
        var random = new Random(9);
        foreach (int k in (int[])[40, 1024, 6144])
        {
            byte[] info = TurboTestCases.RandomBits(random, k);
            CrcCalculator.AttachReference(CrcType.Crc24A, info, k - 24);
            byte[] d = new byte[3 * (k + 4)];
            TurboEncoderReference.Encode(TurboTestCases.Unpack(info, k), d);
            byte[] streams = new byte[((3 * (k + 4)) + 7) / 8];
            TurboEncoder.Pack(d, streams);
            var p = new TurboBlockParameters { K = k, E = 3 * (k + 4), RateMatch = true };
            sbyte[] circular = new sbyte[p.Kw];
            byte[] e = new byte[p.E];
            TurboRateMatcher.MatchReference(p, d, e);
            byte[] packed = new byte[(p.E + 7) / 8];
            TurboEncoder.Pack(e, packed);
            TurboRateRecovery.Recover(p, TurboTestCases.NoiselessLlrs(packed, p.E), circular);
            foreach (SimdWidth width in TestWidths.All)
            {
                TurboDecoder decoder = TurboDecoder.Create(width);
                byte[] hard = new byte[k / 8];
                sbyte[] soft = new sbyte[TurboDecoder.SoftOutputLength(k)];
                var settings = new TurboDecodeSettings { IterMax = 8, IterMin = 3, EarlyTermination = TurboEarlyTermination.Crc, Crc = CrcType.Crc24A };
                TurboDecoderResult result = decoder.Decode(k, circular, settings, hard, soft);
                Assert.Equal(new TurboDecoderResult(3, true), result);
                Assert.Equal(info, hard);

                // Soft output: (d0_k, d1_k, d2_k) triples, negative for 1 (NEG_LLR_1_BIT_SOFT_OUT), saturated.
                for (int i = 0; i < k + 4; i++)
                {
                    for (int s = 0; s < 3; s++)
                    {
                        int bit = d[(s * (k + 4)) + i];
                        Assert.True(bit == 0 ? soft[(3 * i) + s] > 64 : soft[(3 * i) + s] < -64, $"K = {k} {width}: soft[{(3 * i) + s}] = {soft[(3 * i) + s]} for bit {bit}");
                    }
                }
            }
        }
    }

    [Fact]
    public void StableHardDecisions_StopAfterTwoEqualIterations()
    {
        var block = new TurboBlockParameters { K = 512, E = 3 * 516, RateMatch = true };
        var c = new DecodeCase(block, 4, 8.0, 4, 8, 0, TurboEarlyTermination.HardDecisions, false, false, false, false, 0);
        byte[] hard = new byte[64];
        TurboDecoderResult result = s_scalar.Decode(512, c.Input(), c.Settings, hard, default);
        Assert.Equal(2, result.Iterations);
        Assert.Null(result.CrcPassed);
    }

    [Fact]
    public void InvalidArguments_NameTheFieldAndTheRange()
    {
        TurboDecoder decoder = TurboDecoder.Create();
        sbyte[] input = new sbyte[20000];
        byte[] hard = new byte[768];
        var ok = new TurboDecodeSettings { IterMax = 4 };
        Assert.Contains("k = 44", Assert.Throws<ArgumentException>(() => decoder.Decode(44, input, ok, hard, default)).Message, StringComparison.Ordinal);
        Assert.Contains("3·Kπ = 18528", Assert.Throws<ArgumentException>(() => decoder.Decode(6144, input.AsSpan(0, 100), ok, hard, default)).Message, StringComparison.Ordinal);
        Assert.Contains("iter_max = 0", Assert.Throws<ArgumentException>(() => decoder.Decode(40, input, ok with { IterMax = 0 }, hard, default)).Message, StringComparison.Ordinal);
        Assert.Contains("needs a CRC", Assert.Throws<ArgumentException>(() => decoder.Decode(40, input, ok with { EarlyTermination = TurboEarlyTermination.Crc }, hard, default)).Message, StringComparison.Ordinal);
        Assert.Contains("extrinsic scale = 32", Assert.Throws<ArgumentException>(() => decoder.Decode(40, input, ok with { ExtrinsicScale = 32 }, hard, default)).Message, StringComparison.Ordinal);
        Assert.Contains("soft output", Assert.Throws<ArgumentException>(() => decoder.Decode(40, input, ok, hard, new sbyte[10])).Message, StringComparison.Ordinal);
    }

    internal static bool SameAsScalar(TurboDecoder decoder, DecodeCase c)
    {
        sbyte[] input = c.Input();
        int k = c.Block.K;
        byte[] expectedHard = new byte[k / 8];
        byte[] actualHard = new byte[k / 8];
        sbyte[] expectedSoft = c.Soft ? new sbyte[TurboDecoder.SoftOutputLength(k)] : [];
        sbyte[] actualSoft = c.Soft ? new sbyte[TurboDecoder.SoftOutputLength(k)] : [];
        TurboDecoderResult want = s_scalar.Decode(k, input, c.Settings, expectedHard, expectedSoft);
        TurboDecoderResult got = decoder.Decode(k, input, c.Settings, actualHard, actualSoft);
        Assert.True(want == got, $"{decoder.Width}: {got} != scalar {want} for {c}");
        Assert.True(expectedHard.AsSpan().SequenceEqual(actualHard), $"{decoder.Width}: hard bits differ from scalar for {c}");
        Assert.True(expectedSoft.AsSpan().SequenceEqual(actualSoft), $"{decoder.Width}: soft output differs from scalar for {c}");
        return true;
    }

    /// <summary>The circular buffer's LLRs rearranged into the three-stream layout (each stream in a Kπ slot, data first).</summary>
    private static sbyte[] ToStreams(TurboBlockParameters p, sbyte[] circular)
    {
        TurboCodeTables tables = TurboCodeTables.Get(p.K);
        sbyte[] streams = new sbyte[p.Kw];
        for (int s = 0; s < 3; s++)
        {
            for (int n = 0; n < p.D; n++)
            {
                streams[(s * p.KPi) + n] = circular[tables.StreamSource[(s * p.D) + n]];
            }
        }

        return streams;
    }
}
