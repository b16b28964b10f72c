namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// One of the two LDPC base graphs of TS 38.212 5.3.2, and its liftings <see cref="Lift(int)"/>.
/// </summary>
/// <remarks>
/// Columns 0..Kb−1 (Kb = 22 for BG1, 10 for BG2) are systematic, the next four form the double-diagonal core,
/// and every later column has a single identity entry in its own extension row.
/// </remarks>
public sealed class BaseGraph
{
    private readonly int[] _rowStart;
    private readonly byte[] _column;
    private readonly short[] _shiftBySet;
    private readonly LdpcCode?[] _lifted = new LdpcCode?[LiftingSizes.Max + 1];

    private BaseGraph(int number, ReadOnlySpan<short> table, int entries, int rows, int columns, int systematic)
    {
        Number = number;
        Rows = rows;
        Columns = columns;
        SystematicColumns = systematic;
        _rowStart = new int[rows + 1];
        _column = new byte[entries];
        _shiftBySet = new short[entries * 8];
        int previousRow = 0;
        for (int e = 0; e < entries; e++)
        {
            ReadOnlySpan<short> entry = table.Slice(e * BaseGraphTables.EntryStride, BaseGraphTables.EntryStride);
            int row = entry[0];
            if (row < previousRow || row >= rows || entry[1] >= columns)
            {
                throw new InvalidOperationException($"Base graph {number} table entry {e} is out of order or range.");
            }

            while (previousRow < row)
            {
                _rowStart[++previousRow] = e;
            }

            _column[e] = (byte)entry[1];
            entry.Slice(2, 8).CopyTo(_shiftBySet.AsSpan(e * 8, 8));
        }

        while (previousRow < rows)
        {
            _rowStart[++previousRow] = entries;
        }
    }

    /// <summary>Base graph 1 (46 × 68, Kb = 22, for large blocks and high rates).</summary>
    public static BaseGraph Bg1 { get; } = new(1, BaseGraphTables.Bg1, BaseGraphTables.Bg1EntryCount, 46, 68, 22);

    /// <summary>Base graph 2 (42 × 52, Kb = 10, for small blocks and low rates).</summary>
    public static BaseGraph Bg2 { get; } = new(2, BaseGraphTables.Bg2, BaseGraphTables.Bg2EntryCount, 42, 52, 10);

    /// <summary>1 or 2.</summary>
    public int Number { get; }

    /// <summary>Check rows: 46 (BG1) or 42 (BG2).</summary>
    public int Rows { get; }

    /// <summary>Variable columns: 68 (BG1) or 52 (BG2).</summary>
    public int Columns { get; }

    /// <summary>Systematic columns Kb: 22 (BG1) or 10 (BG2). K = Kb·Zc.</summary>
    public int SystematicColumns { get; }

    /// <summary>Columns of the transmitted codeword after the 2 punctured ones: 66 (BG1) or 50 (BG2). N = that · Zc.</summary>
    public int CodewordColumns => Columns - 2;

    /// <summary>Largest code block K (information + filler bits): 8448 (BG1) or 3840 (BG2).</summary>
    public int MaxK => SystematicColumns * LiftingSizes.Max;

    /// <summary>Number of non-zero entries: 316 (BG1) or 197 (BG2).</summary>
    public int EntryCount => _column.Length;

    /// <summary>Returns base graph 1 or 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not 1 or 2.</exception>
    public static BaseGraph Get(int number) => number switch
    {
        1 => Bg1,
        2 => Bg2,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, $"basegraph must be 1 or 2; got {number}."),
    };

    /// <summary>Index of the first entry of <paramref name="row"/>; entries of a row are contiguous and sorted by column.</summary>
    public int RowStart(int row) => _rowStart[row];

    /// <summary>Number of entries (the degree) of <paramref name="row"/>.</summary>
    public int RowDegree(int row) => _rowStart[row + 1] - _rowStart[row];

    /// <summary>Column of entry <paramref name="entry"/>.</summary>
    public int Column(int entry) => _column[entry];

    /// <summary>The table value V of entry <paramref name="entry"/> for set index <paramref name="setIndex"/> (not yet reduced mod Zc).</summary>
    public int ShiftValue(int entry, int setIndex) => _shiftBySet[(entry * 8) + setIndex];

    /// <summary>The lifted code for <paramref name="zc"/> (built once and cached).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zc"/> is not a lifting size.</exception>
    public LdpcCode Lift(int zc)
    {
        int setIndex = LiftingSizes.SetIndex(zc);
        LdpcCode? code = Volatile.Read(ref _lifted[zc]);
        if (code is null)
        {
            code = new LdpcCode(this, zc, setIndex);
            Interlocked.CompareExchange(ref _lifted[zc], code, null);
            code = _lifted[zc]!;
        }

        return code;
    }
}
