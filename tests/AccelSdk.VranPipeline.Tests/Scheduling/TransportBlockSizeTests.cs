using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VranPipeline.Scheduling;

namespace AccelSdk.VranPipeline.Tests.Scheduling;

public sealed class TransportBlockSizeTests
{
    // Each expected value is worked by hand from TS 38.214 5.1.3.2 (the arithmetic is in the comment), not by this code.
    [Theory]
    // MCS 0 of table 1 (Qm 2, R 120/1024), 1 PRB, N'_RE = 12·12 − 12 = 132: N_info = 30.94, n = 3, N'_info = max(24, 24) → 24.
    [InlineData(McsTable.Qam64, 0, 1, 24)]
    // MCS 9 of table 1 (Qm 2, R 679/1024), 10 PRBs: N_info = 1750.55, n = 4, N'_info = 16·109 = 1744 → table: 1800.
    [InlineData(McsTable.Qam64, 9, 10, 1800)]
    // MCS 0 of table 3 (Qm 2, R 30/1024), 273 PRBs: N_info = 2111.48, n = 5, N'_info = 32·65 = 2080 → table: 2088.
    [InlineData(McsTable.Qam64LowSe, 0, 273, 2088)]
    // MCS 3 of table 1 (R 251/1024 ≤ 1/4), 273 PRBs: N_info = 17666.09, n = 9, N'_info = 512·34 = 17408,
    // C = ceil(17432 / 3816) = 5, TBS = 8·5·ceil(17432 / 40) − 24 = 17416.
    [InlineData(McsTable.Qam64, 3, 273, 17416)]
    // MCS 27 of table 2 (Qm 8, R 948/1024), 273 PRBs: N_info = 266891.25, n = 13, N'_info = 8192·33 = 270336,
    // C = ceil(270360 / 8424) = 33, TBS = 8·33·ceil(270360 / 264) − 24 = 270576.
    [InlineData(McsTable.Qam256, 27, 273, 270576)]
    public void Compute_MatchesHandWorkedExamples(McsTable table, int mcs, int prbs, int expected)
    {
        McsEntry entry = McsTables.Get(table, mcs);
        int re = TransportBlockSize.ResourceElementsPerPrb(symbols: 12, dmrsResourceElementsPerPrb: 12, overheadResourceElementsPerPrb: 0);
        Assert.Equal(expected, TransportBlockSize.Compute(prbs, re, entry.Qm, entry.CodeRate));
    }

    [Fact]
    public void SmallSizes_AreTheStandardTable()
    {
        ReadOnlySpan<int> sizes = TransportBlockSize.SmallSizes;
        Assert.Equal(93, sizes.Length);
        Assert.Equal(24, sizes[0]);
        Assert.Equal(3824, sizes[^1]);
        for (int i = 1; i < sizes.Length; i++)
        {
            Assert.True(sizes[i] > sizes[i - 1] && sizes[i] % 8 == 0, $"entry {i}");
        }
    }

    [Fact]
    public void ResourceElements_AreCappedAt156PerPrb()
    {
        // 14 symbols, no DM-RS: 168 REs per PRB, of which 156 count (step 1).
        double capped = TransportBlockSize.InformationBits(10, 168, 2, 0.5);
        Assert.Equal(156 * 10 * 2 * 0.5, capped);
    }

    [Property(MaxTest = 300)]
    public Property Tbs_IsWholeBytes_AndGrowsWithPrbs()
    {
        Gen<(int Mcs, int Prbs, McsTable Table)> gen =
            from table in Gen.Elements(McsTable.Qam64, McsTable.Qam256, McsTable.Qam64LowSe)
            from mcs in Gen.Choose(0, 27)
            from prbs in Gen.Choose(1, 274)
            select (mcs, prbs, table);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            McsEntry entry = McsTables.Get(c.Table, c.Mcs);
            int a = TransportBlockSize.Compute(c.Prbs, 132, entry.Qm, entry.CodeRate);
            int b = TransportBlockSize.Compute(c.Prbs + 1, 132, entry.Qm, entry.CodeRate);
            return a % 8 == 0 && a >= 24 && b >= a;
        });
    }

    [Fact]
    public void McsTables_HaveTheStandardShapes()
    {
        Assert.Equal(28, McsTables.MaxIndex(McsTable.Qam64));
        Assert.Equal(27, McsTables.MaxIndex(McsTable.Qam256));
        Assert.Equal(28, McsTables.MaxIndex(McsTable.Qam64LowSe));
        Assert.Equal(new McsEntry(8, 682.5), McsTables.Get(McsTable.Qam256, 20));
        Assert.Equal(new McsEntry(6, 948), McsTables.Get(McsTable.Qam64, 28));
        Assert.Equal(new McsEntry(2, 30), McsTables.Get(McsTable.Qam64LowSe, 0));
        Assert.False(McsTables.TryGet(McsTable.Qam256, 28, out _));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => McsTables.Get(McsTable.Qam64, 29));
        Assert.Contains("[0, 28]", ex.Message, StringComparison.Ordinal);
    }
}
