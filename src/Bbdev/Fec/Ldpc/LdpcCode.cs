namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// A base graph lifted by Zc (TS 38.212 5.3.2): entry (i, j) of the base matrix becomes the Zc × Zc identity
/// cyclically shifted right by P(i, j) = V(i, j) mod Zc. Row i, column j entry with shift P connects check
/// i·Zc + z to variable j·Zc + ((z + P) mod Zc) for z = 0..Zc−1.
/// </summary>
public sealed class LdpcCode
{
    private readonly int[] _rowStart;
    private readonly int[] _column;
    private readonly int[] _shift;

    internal LdpcCode(BaseGraph graph, int zc, int setIndex)
    {
        Graph = graph;
        Zc = zc;
        SetIndex = setIndex;
        int rows = graph.Rows;
        _rowStart = new int[rows + 1];
        _column = new int[graph.EntryCount];
        _shift = new int[graph.EntryCount];
        for (int r = 0; r <= rows; r++)
        {
            _rowStart[r] = r < rows ? graph.RowStart(r) : graph.EntryCount;
        }

        for (int e = 0; e < graph.EntryCount; e++)
        {
            _column[e] = graph.Column(e);
            _shift[e] = graph.ShiftValue(e, setIndex) % zc;
        }
    }

    /// <summary>The base graph.</summary>
    public BaseGraph Graph { get; }

    /// <summary>The lifting size.</summary>
    public int Zc { get; }

    /// <summary>The lifting-size set index iLS of <see cref="Zc"/>.</summary>
    public int SetIndex { get; }

    /// <summary>K = Kb·Zc: information plus filler bits per code block.</summary>
    public int K => Graph.SystematicColumns * Zc;

    /// <summary>N = (columns − 2)·Zc: the codeword length after the 2·Zc punctured systematic bits.</summary>
    public int N => Graph.CodewordColumns * Zc;

    /// <summary>Total variable nodes: columns·Zc (K + parity, punctured bits included).</summary>
    public int VariableCount => Graph.Columns * Zc;

    /// <summary>First entry of each row, plus one final element equal to the entry count.</summary>
    public ReadOnlySpan<int> RowStarts => _rowStart;

    /// <summary>Base-graph column of each entry, row-major.</summary>
    public ReadOnlySpan<int> Columns => _column;

    /// <summary>Shift P = V mod Zc of each entry, row-major.</summary>
    public ReadOnlySpan<int> Shifts => _shift;
}
