using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

public sealed class LdpcSegmentationTests
{
    // Worked by hand from TS 38.212 5.2.2 and 7.2.1 (Kb for BG2 from B: 6 up to 192, 8 up to 560, 9 up to 640, else 10).
    [Theory]
    // A = 8424: CRC24A, B = 8448 = Kcb → one block, K' = 8448, Zc = 384, no fillers.
    [InlineData(8424, 1, 1, 8448, 384)]
    // A = 8432: B = 8456 > 8448 → C = 2, B' = 8456 + 48 = 8504, K' = 4252, 22·Zc ≥ 4252 → Zc = 208.
    [InlineData(8432, 1, 2, 4252, 208)]
    // A = 100: CRC16, B = 116 ≤ 192 → Kb = 6, 6·Zc ≥ 116 → Zc = 20.
    [InlineData(100, 2, 1, 116, 20)]
    // A = 600: B = 616 > 560 → Kb = 9, 9·Zc ≥ 616 → Zc = 72.
    [InlineData(600, 2, 1, 616, 72)]
    // A = 4000 on BG2: CRC24A, B = 4024 > 3840 → C = ceil(4024 / 3816) = 2, B' = 4072, K' = 2036, Kb = 10 → Zc = 208.
    [InlineData(4000, 2, 2, 2036, 208)]
    public void Compute_SegmentsAs38212(int a, int baseGraph, int c, int kPrime, int zc)
    {
        LdpcTransportBlockLayout layout = LdpcSegmentation.Compute(a, baseGraph, codedBits: 100_000, qm: 2);
        Assert.Equal(c, layout.CodeBlocks);
        Assert.Equal(kPrime, layout.KPrime);
        Assert.Equal(zc, layout.Zc);
        Assert.Equal(layout.K - kPrime, layout.FillerBits);
        Assert.Equal(layout.N, layout.Ncb);
        Assert.Equal(a > 3824 ? CrcType.Crc24A : CrcType.Crc16, layout.TransportBlockCrc);
        Assert.Equal(c > 1 ? 24 : 0, layout.CodeBlockCrcBits);
        Assert.Equal(a + layout.TransportBlockCrcBits, layout.CodeBlockDataBits * c);
    }

    [Fact]
    public void Compute_SharesCodedBitsAs38212_5421()
    {
        // G = 1000, Qm = 2, C = 3: 500 symbols, mod(500, 3) = 2, so the first 3 − 2 = 1 block gets 2·166 = 332 bits and
        // the other two 2·167 = 334.
        LdpcTransportBlockLayout small = LdpcSegmentation.Compute(17424, 1, codedBits: 1000, qm: 2);
        Assert.Equal(3, small.CodeBlocks);
        Assert.Equal((332, 334, 1), (small.Ea, small.Eb, small.Cab));
        Assert.Equal(new[] { 332, 334, 334 }, Enumerable.Range(0, 3).Select(small.EOf));
        Assert.Equal(new[] { 0, 332, 666 }, Enumerable.Range(0, 3).Select(small.CodedBitOffset));
    }

    [Fact]
    public void LimitedBufferRateMatching_CapsNcb()
    {
        // N_ref = floor(TBS_LBRM / (C · 2/3)); one block of Zc = 384 on BG1 has N = 25344.
        LdpcTransportBlockLayout full = LdpcSegmentation.Compute(8424, 1, 30000, 2);
        LdpcTransportBlockLayout limited = LdpcSegmentation.Compute(8424, 1, 30000, 2, lbrmTransportBlockBits: 12000);
        Assert.Equal(25344, full.Ncb);
        Assert.Equal(18000, limited.Ncb);
        Assert.Throws<ArgumentOutOfRangeException>(() => LdpcSegmentation.Compute(8424, 1, 30000, 2, lbrmTransportBlockBits: 1000));
    }

    [Theory]
    [InlineData(292, 0.9, 2)]
    [InlineData(293, 0.9, 1)]
    [InlineData(3824, 0.67, 2)]
    [InlineData(3824, 0.68, 1)]
    [InlineData(100000, 0.25, 2)]
    [InlineData(100000, 0.26, 1)]
    public void SelectBaseGraph_Follows7_2_2(int a, double rate, int expected) =>
        Assert.Equal(expected, LdpcSegmentation.SelectBaseGraph(a, rate));

    [Fact]
    public void BadArguments_NameTheParameterAndRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdpcSegmentation.Compute(0, 1, 1000, 2));
        Assert.Contains("transportBlockBits = 0", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdpcSegmentation.Compute(1000, 3, 1000, 2));
        Assert.Contains("baseGraph = 3", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdpcSegmentation.Compute(1000, 1, 1001, 2));
        Assert.Contains("multiple of NL·Qm = 2", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdpcSegmentation.Compute(1000, 1, 1000, 3));
        Assert.Contains("qm = 3", ex.Message, StringComparison.Ordinal);

        // A TB whose B' does not divide into C blocks (not a TS 38.214 size).
        var bad = Assert.Throws<ArgumentException>(() => LdpcSegmentation.Compute(8433, 1, 100_000, 2));
        Assert.Contains("not a multiple of C = 2", bad.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 400)]
    public Property Layout_IsConsistent()
    {
        Gen<(int A, int Bg, int Qm, int Layers, int Groups)> gen =
            from bg in Gen.Elements(1, 2)
            from c in Gen.Choose(1, 40)
            from k in Gen.Choose(3, bg == 1 ? 1053 : 477)
            from qm in Gen.Elements(1, 2, 4, 6, 8)
            from layers in Gen.Choose(1, 4)
            from extra in Gen.Choose(0, 5000)
            let a = c == 1 ? (8 * k) - 24 : (8 * c * k) - 24
            select (a, bg, qm, layers, (c * 4) + extra);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            if (t.A < 1 || (t.A + 24 > (t.Bg == 1 ? 8448 : 3840) && LdpcSegmentation.CodeBlockCount(t.A, t.Bg) * 8 * ((t.A + 24) / (8 * LdpcSegmentation.CodeBlockCount(t.A, t.Bg))) != t.A + 24))
            {
                return true; // not a size that divides into whole-byte code blocks on this graph
            }

            int g = t.Groups * t.Qm * t.Layers;
            LdpcTransportBlockLayout l;
            try
            {
                l = LdpcSegmentation.Compute(t.A, t.Bg, g, t.Qm, t.Layers);
            }
            catch (ArgumentException)
            {
                return LdpcSegmentation.CodeBlockCount(t.A, t.Bg) * t.Qm * t.Layers > g;
            }

            int kb = t.Bg == 1 ? 22 : 10;
            int previousZ = -1;
            foreach (int z in LiftingSizes.All)
            {
                if (z < l.Zc)
                {
                    previousZ = z;
                }
            }

            int sumE = Enumerable.Range(0, l.CodeBlocks).Sum(l.EOf);
            bool kbSmall = t.Bg == 2 && l.TransportBlockBits + l.TransportBlockCrcBits <= 640;
            return sumE == g
                && Enumerable.Range(0, l.CodeBlocks).All(r => l.EOf(r) % (t.Qm * t.Layers) == 0 && Math.Abs(l.EOf(r) - l.Ea) <= t.Qm * t.Layers)
                && l.KPrime * l.CodeBlocks == l.TransportBlockBits + l.TransportBlockCrcBits + (l.CodeBlocks * l.CodeBlockCrcBits)
                && l.FillerBits >= 0
                && l.KPrime <= (t.Bg == 1 ? 8448 : 3840)
                && (kbSmall || previousZ < 0 || kb * previousZ < l.KPrime)
                && l.CodeBlock(l.CodeBlocks - 1, 3).Validate() is null;
        });
    }
}
