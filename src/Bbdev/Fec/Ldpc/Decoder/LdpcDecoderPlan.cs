namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The geometry of one decode: which check rows and variable columns are in use, and the edges of each row after
/// the columns that hold nothing but filler bits are removed. Built once per <see cref="LdpcDecoder.Decode"/> call
/// into arrays the decoder owns (sized for the largest code), so it never allocates.
/// </summary>
/// <remarks>
/// <para>
/// Rows in use: a check row is worth processing only when the extension parity column it owns received LLRs.
/// Columns 0..Kb+3 (systematic and the four core parity columns) take part in rows 0..3; column Kb+4+i belongs to
/// row 4+i alone. With <c>covered</c> codeword positions reached by the compacted buffer (counting the fillers
/// when the buffer runs past them), the columns touched are ⌈covered/Zc⌉ + 2 (the two punctured ones), so
/// rows = clamp(⌈covered/Zc⌉ + 2 − Kb, 4, graph rows), as DPDK's software decoder prunes them.
/// </para>
/// <para>
/// Fillers are known zeros, held as +127 (certain, see <see cref="LdpcDecoder.Infinity"/>). A column made only of
/// fillers sends every check "+∞", which can never be a minimum nor flip a sign, so its edges are dropped from the
/// plan (exactly equivalent, and less work for the short blocks of BG2 where up to 4 of 10 columns are fillers). A
/// column that mixes information and filler bits stays; its filler lanes hold +127 and never change.
/// </para>
/// </remarks>
internal sealed class LdpcDecoderPlan
{
    /// <summary>Largest row degree over both base graphs (BG1 row 0: 19), bounding the per-row scratch.</summary>
    public const int MaxDegree = 19;

    /// <summary>Sentinel stored as the index of the minimum when no edge has a magnitude below 127.</summary>
    public const int NoIndex = 0x7F;

    private readonly int[] _rowStart = new int[BaseGraph.Bg1.Rows + 1];
    private readonly int[] _edgeColumn = new int[BaseGraph.Bg1.EntryCount];
    private readonly int[] _edgeShift = new int[BaseGraph.Bg1.EntryCount];

    /// <summary>The lifted code.</summary>
    public LdpcCode Code { get; private set; } = null!;

    /// <summary>Lifting size Zc.</summary>
    public int Zc { get; private set; }

    /// <summary>Systematic columns Kb (22 or 10).</summary>
    public int Kb { get; private set; }

    /// <summary>Filler bits F.</summary>
    public int Fillers { get; private set; }

    /// <summary>K′ = K − F: the bits the hard output carries.</summary>
    public int KPrime { get; private set; }

    /// <summary>Length L of the compacted circular buffer given.</summary>
    public int CompactLength { get; private set; }

    /// <summary>Check rows in use (4..graph rows).</summary>
    public int Rows { get; private set; }

    /// <summary>Variable columns in use: Kb + <see cref="Rows"/>.</summary>
    public int Columns { get; private set; }

    /// <summary>First systematic column made only of fillers (Kb when there is none).</summary>
    public int FullFillerColumn { get; private set; }


    /// <summary>Edges in use (after dropping filler-only columns) over the rows in use.</summary>
    public int EdgeCount => _rowStart[Rows];

    /// <summary>First edge of each row in use, plus a final element equal to <see cref="EdgeCount"/>.</summary>
    public ReadOnlySpan<int> RowStart => _rowStart.AsSpan(0, Rows + 1);

    /// <summary>Variable column of each edge in use.</summary>
    public ReadOnlySpan<int> EdgeColumn => _edgeColumn.AsSpan(0, EdgeCount);

    /// <summary>Cyclic shift P of each edge in use: check lane z meets variable lane (z + P) mod Zc.</summary>
    public ReadOnlySpan<int> EdgeShift => _edgeShift.AsSpan(0, EdgeCount);


    /// <summary>
    /// Whether <paramref name="row"/> ends with an extension column (rows 4 and later): that column is a degree-1
    /// variable, so its variable-to-check value is exactly its channel LLR. Its block keeps the channel LLRs and is
    /// never written; its APP (channel + this row's message) is formed only where it is needed, in the syndrome.
    /// </summary>
    public bool IsExtension(int row) => row >= 4;

    /// <summary>Rows in use for a compacted buffer of <paramref name="compactLength"/> LLRs (see the remarks).</summary>
    public static int RowsInUse(LdpcCode code, int fillerBits, int compactLength)
    {
        int zc = code.Zc;
        int kb = code.Graph.SystematicColumns;
        int fillerStart = code.K - fillerBits - (2 * zc);
        long covered = compactLength <= fillerStart ? compactLength : (long)compactLength + fillerBits;
        long columns = ((covered + zc - 1) / zc) + 2;
        return (int)Math.Clamp(columns - kb, 4, code.Graph.Rows);
    }

    /// <summary>Fills the plan for one decode; the arguments were validated by the caller.</summary>
    public void Prepare(LdpcCode code, int fillerBits, int compactLength)
    {
        Code = code;
        Zc = code.Zc;
        Kb = code.Graph.SystematicColumns;
        Fillers = fillerBits;
        KPrime = code.K - fillerBits;
        CompactLength = compactLength;
        Rows = RowsInUse(code, fillerBits, compactLength);
        Columns = Kb + Rows;
        FullFillerColumn = (KPrime + Zc - 1) / Zc;

        ReadOnlySpan<int> rowStarts = code.RowStarts;
        ReadOnlySpan<int> columns = code.Columns;
        ReadOnlySpan<int> shifts = code.Shifts;
        int edge = 0;
        for (int row = 0; row < Rows; row++)
        {
            _rowStart[row] = edge;
            for (int entry = rowStarts[row]; entry < rowStarts[row + 1]; entry++)
            {
                int column = columns[entry];
                if (column >= FullFillerColumn && column < Kb)
                {
                    continue;
                }

                _edgeColumn[edge] = column;
                _edgeShift[edge] = shifts[entry];
                edge++;
            }
        }

        _rowStart[Rows] = edge;
    }

    /// <summary>
    /// The codeword variable (index into c, punctured bits included) that compacted-buffer index
    /// <paramref name="index"/> covers: index + 2Zc before the fillers, index + 2Zc + F after them.
    /// </summary>
    public int VariableOf(int index) => index < KPrime - (2 * Zc) ? index + (2 * Zc) : index + (2 * Zc) + Fillers;
}
