using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>Table 5.1.3-3 of TS 36.212 as embedded: every row a permutation, the recurrence equal to the polynomial.</summary>
public sealed class TurboInterleaverTests
{
    [Fact]
    public void Table_HasTheStandardsSizeGrid()
    {
        var expected = new List<int>();
        for (int k = 40; k <= 512; k += 8)
        {
            expected.Add(k);
        }

        for (int k = 528; k <= 1024; k += 16)
        {
            expected.Add(k);
        }

        for (int k = 1056; k <= 2048; k += 32)
        {
            expected.Add(k);
        }

        for (int k = 2112; k <= 6144; k += 64)
        {
            expected.Add(k);
        }

        Assert.Equal(TurboInterleaver.BlockSizeCount, expected.Count);
        Assert.Equal(expected, Enumerable.Range(0, TurboInterleaver.BlockSizeCount).Select(TurboInterleaver.BlockSize));
        Assert.All(expected, k => Assert.Equal(expected.IndexOf(k), TurboInterleaver.IndexOf(k)));
    }

    [Fact]
    public void EveryRow_DefinesAPermutation_AndTheRecurrenceMatchesThePolynomial()
    {
        int[] pi = new int[TurboInterleaver.MaxBlockSize];
        bool[] seen = new bool[TurboInterleaver.MaxBlockSize];
        for (int index = 0; index < TurboInterleaver.BlockSizeCount; index++)
        {
            int k = TurboInterleaver.BlockSize(index);
            (int f1, int f2) = TurboInterleaver.GetCoefficients(k);
            Assert.True(f1 % 2 == 1 && f2 % 2 == 0 && f1 < k && f2 < k, $"K = {k}: (f1, f2) = ({f1}, {f2})");
            TurboInterleaver.GetPermutation(k, pi);
            Array.Clear(seen);
            for (int i = 0; i < k; i++)
            {
                long expected = (((long)f1 * i) + ((long)f2 * i * i)) % k;
                Assert.Equal(expected, pi[i]);
                Assert.False(seen[pi[i]], $"K = {k}: Π({i}) = {pi[i]} repeats");
                seen[pi[i]] = true;
            }
        }
    }

    [Theory]
    [InlineData(40, 3, 10)]
    [InlineData(512, 31, 64)]
    [InlineData(1024, 31, 64)]
    [InlineData(3136, 13, 28)]
    [InlineData(4736, 71, 444)]
    [InlineData(4800, 71, 120)]
    [InlineData(5248, 113, 902)]
    [InlineData(6144, 263, 480)]
    public void Coefficients_AreTheStandardsForSampleRows(int k, int f1, int f2) =>
        Assert.Equal((f1, f2), TurboInterleaver.GetCoefficients(k));

    [Theory]
    [InlineData(0)]
    [InlineData(39)]
    [InlineData(44)]
    [InlineData(520)]
    [InlineData(1040)]
    [InlineData(2080)]
    [InlineData(6145)]
    [InlineData(6208)]
    public void InvalidSizes_AreRejectedWithTheAllowedGrid(int k)
    {
        Assert.False(TurboInterleaver.IsValidBlockSize(k));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TurboInterleaver.GetCoefficients(k));
        Assert.Contains($"K = {k}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Table 5.1.3-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeighbourSizes_AreTheNextTableEntries()
    {
        for (int bits = 1; bits <= 6200; bits++)
        {
            int up = TurboInterleaver.SmallestBlockSizeAtLeast(bits);
            int down = TurboInterleaver.LargestBlockSizeBelow(bits);
            int[] sizes = [.. Enumerable.Range(0, TurboInterleaver.BlockSizeCount).Select(TurboInterleaver.BlockSize)];
            int expectedUp = sizes.Where(k => k >= bits).DefaultIfEmpty(-1).First();
            int expectedDown = sizes.Where(k => k < bits).DefaultIfEmpty(-1).Last();
            Assert.Equal(expectedUp, up);
            Assert.Equal(expectedDown, down);
        }
    }
}
