using AccelSdk.Bbdev.Fec.Turbo;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>Code block segmentation (TS 36.212 5.1.2) and the per-block rate-matched lengths (5.1.4.1.2).</summary>
public sealed class TurboSegmentationTests
{
    [Theory]
    [InlineData(40, 1, 40, 0, 1, 0, 0)]
    [InlineData(1, 1, 40, 0, 1, 0, 39)]
    [InlineData(6144, 1, 6144, 0, 1, 0, 0)]
    [InlineData(6145, 2, 3136, 3072, 1, 1, 15)]
    [InlineData(12240, 2, 6144, 6120, 2, 0, 0)]
    public void Segment_GivesTheStandardsSplit(int b, int c, int kPlus, int kMinus, int cPlus, int cMinus, int filler)
    {
        TurboSegmentationResult s = TurboSegmentation.Segment(b);
        Assert.Equal((c, kPlus, cPlus, cMinus, filler), (s.C, s.KPlus, s.CPlus, s.CMinus, s.FillerBits));
        if (cMinus > 0)
        {
            Assert.Equal(kMinus, s.KMinus);
        }
    }

    [Fact]
    public void Segment_Invariants_HoldForRandomSizes()
    {
        Prop.ForAll(Gen.Choose(1, 64 * 6120).ToArbitrary(), b =>
        {
            TurboSegmentationResult s = TurboSegmentation.Segment(b);
            int crc = s.C > 1 ? 24 : 0;
            int bPrime = b + (s.C * crc);
            Assert.Equal(crc, s.CrcLength);
            Assert.Equal(s.C, s.CPlus + s.CMinus);
            Assert.True(TurboInterleaver.IsValidBlockSize(s.KPlus));
            Assert.True(s.CMinus == 0 || (TurboInterleaver.IsValidBlockSize(s.KMinus) && s.KMinus < s.KPlus));
            Assert.Equal(bPrime + s.FillerBits, (s.CPlus * s.KPlus) + (s.CMinus * s.KMinus));
            Assert.True(s.FillerBits >= 0);
            if (s.C == 1)
            {
                Assert.Equal(s.KPlus - b, s.FillerBits);
            }
            else
            {
                // C− = ⌊(C·K+ − B′)/ΔK⌋ leaves fewer than ΔK filler bits.
                Assert.True(s.FillerBits < s.KPlus - TurboInterleaver.LargestBlockSizeBelow(s.KPlus));
            }

            Assert.Equal(s.C, b <= 6144 ? 1 : (b + 6119) / 6120);

            // K+ is the smallest size that fits: one size smaller would not hold B′ in C blocks.
            int smaller = TurboInterleaver.LargestBlockSizeBelow(s.KPlus);
            Assert.True(smaller < 0 || s.C * smaller < bPrime);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Theory]
    [InlineData(1000, 3, 2, 1, 332, 334, 1)]
    [InlineData(14412 * 4, 4, 2, 1, 14412, 14412, 4)]
    [InlineData(9838, 2, 2, 1, 4918, 4920, 1)]
    [InlineData(2400, 5, 4, 2, 480, 480, 5)]
    public void RateMatchedLengths_SplitGAcrossBlocks(int g, int c, int qm, int layers, int ea, int eb, int cab)
    {
        (int Ea, int Eb, int Cab) e = TurboSegmentation.RateMatchedLengths(g, c, qm, layers);
        Assert.Equal((ea, eb, cab), e);
        Assert.Equal(g, (e.Cab * e.Ea) + ((c - e.Cab) * e.Eb));
    }

    [Fact]
    public void RateMatchedLengths_RejectsGNotAMultipleOfTheSymbol() =>
        Assert.Contains("multiple", Assert.Throws<ArgumentOutOfRangeException>(() => TurboSegmentation.RateMatchedLengths(1001, 2, 2, 1)).Message, StringComparison.Ordinal);

    [Fact]
    public void DownlinkNcb_IsTheSmallerOfTheShareAndKw()
    {
        Assert.Equal(18528, TurboSegmentation.DownlinkNcb(6144, 1 << 20, 2));
        Assert.Equal(10000, TurboSegmentation.DownlinkNcb(6144, 20000, 2));
        Assert.Equal(14304, TurboBlockParameters.CircularBufferLength(4736));
        Assert.Equal(14496, TurboBlockParameters.CircularBufferLength(4800));
    }
}
