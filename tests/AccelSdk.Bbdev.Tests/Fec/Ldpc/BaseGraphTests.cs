using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc;

public sealed class BaseGraphTests
{
    [Theory]
    [InlineData(1, 46, 68, 22, 316)]
    [InlineData(2, 42, 52, 10, 197)]
    public void Dimensions_MatchTs38212(int number, int rows, int columns, int kb, int entries)
    {
        BaseGraph graph = BaseGraph.Get(number);
        Assert.Equal(rows, graph.Rows);
        Assert.Equal(columns, graph.Columns);
        Assert.Equal(kb, graph.SystematicColumns);
        Assert.Equal(entries, graph.EntryCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ExtensionColumns_HaveOneIdentityEntryInTheirOwnRow(int number)
    {
        BaseGraph graph = BaseGraph.Get(number);
        int core = graph.SystematicColumns + 4;
        for (int column = core; column < graph.Columns; column++)
        {
            var rows = Enumerable.Range(0, graph.Rows)
                .SelectMany(r => Enumerable.Range(graph.RowStart(r), graph.RowDegree(r)).Select(e => (r, e)))
                .Where(t => graph.Column(t.e) == column)
                .ToArray();
            Assert.Single(rows);
            Assert.Equal(column - core + 4, rows[0].r);
            for (int set = 0; set < 8; set++)
            {
                Assert.Equal(0, graph.ShiftValue(rows[0].e, set));
            }
        }
    }

    [Fact]
    public void LiftingSizes_Are51WithSetIndices()
    {
        Assert.Equal(51, LiftingSizes.All.Length);
        Assert.Equal(0, LiftingSizes.SetIndex(2));
        Assert.Equal(1, LiftingSizes.SetIndex(384));
        Assert.Equal(7, LiftingSizes.SetIndex(240));
        Assert.Equal(6, LiftingSizes.SetIndex(208));
        Assert.False(LiftingSizes.IsValid(17));
        Assert.False(LiftingSizes.IsValid(416));
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => LiftingSizes.SetIndex(17));
        Assert.Contains("z_c = 17", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Get_RejectsUnknownGraph(int number)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => BaseGraph.Get(number));
        Assert.Contains("basegraph must be 1 or 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lift_ReducesShiftsModuloZc()
    {
        LdpcCode code = BaseGraph.Bg1.Lift(384);
        Assert.Equal(8448, code.K);
        Assert.Equal(66 * 384, code.N);
        Assert.Equal(307, code.Shifts[0]); // BG1 (0,0), iLS 1: V = 307 < 384
        LdpcCode small = BaseGraph.Bg2.Lift(7);
        foreach (int shift in small.Shifts)
        {
            Assert.InRange(shift, 0, 6);
        }

        Assert.Same(code, BaseGraph.Bg1.Lift(384));
    }
}
