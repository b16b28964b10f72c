namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// How to encode one lifted code systematically (TS 38.212 5.3.2), derived once per (base graph, Zc) from the
/// parity-check structure rather than hard-coded, and shared by the scalar reference and the vector kernels.
/// </summary>
/// <remarks>
/// <para>
/// Write λ_r for the sum of row r's systematic blocks, P^s for the Zc × Zc identity shifted by s, and x_j for parity
/// column j. Rows 0..3 touch only systematic columns and the four core columns Kb..Kb+3 (the double diagonal). In the
/// sum of those four rows every core column except Kb appears an even number of times with equal shifts and cancels,
/// leaving P^s·x_Kb = λ_0 + λ_1 + λ_2 + λ_3: x_Kb is that sum shifted back by s (s = 1 for BG1 except iLS 6, where the
/// sum leaves P^105; the constructor finds s from the table). The other three core columns then follow one row at a
/// time, each time from a row with a single unknown core column. Every extension row r ≥ 4 has one identity entry in
/// its own column Kb + r, so x_(Kb+r) is the sum of the row's other (systematic and core) blocks. No dense inverse is
/// ever formed.
/// </para>
/// <para>
/// For the vector kernels the plan also codes each block's position in the encoder workspace, where every systematic
/// and core column is stored twice in a row as packed MSB-first words (2·Zc bits), so that the block shifted by s is
/// the Zc contiguous bits at bit offset s: a word offset and a funnel shift.
/// </para>
/// </remarks>
internal sealed class LdpcEncoderPlan
{
    /// <summary>Words per block in <see cref="SystematicBlocks"/> and <see cref="ExtensionBlocks"/>.</summary>
    public const int BlockStride = 4;

    private static readonly LdpcEncoderPlan?[][] s_cache = [new LdpcEncoderPlan?[LiftingSizes.Max + 1], new LdpcEncoderPlan?[LiftingSizes.Max + 1]];

    private LdpcEncoderPlan(LdpcCode code)
    {
        Code = code;
        Zc = code.Zc;
        BaseGraph graph = code.Graph;
        Kb = graph.SystematicColumns;
        Rows = graph.Rows;
        Words = (Zc + 63) >> 6;
        ColumnStride = StrideWords(Zc);
        ReadOnlySpan<int> rowStarts = code.RowStarts;
        ReadOnlySpan<int> columns = code.Columns;
        ReadOnlySpan<int> shifts = code.Shifts;

        // Core: per core column, the shifts it has in rows 0..3; equal pairs cancel in the sum of the four rows.
        var coreEntries = new List<(int Row, int Column, int Shift)>();
        var systematic = new List<(int Column, int Shift)>[4];
        for (int r = 0; r < 4; r++)
        {
            systematic[r] = [];
            for (int e = rowStarts[r]; e < rowStarts[r + 1]; e++)
            {
                if (columns[e] < Kb)
                {
                    systematic[r].Add((columns[e], shifts[e]));
                }
                else if (columns[e] < Kb + 4)
                {
                    coreEntries.Add((r, columns[e], shifts[e]));
                }
                else
                {
                    throw new InvalidOperationException($"BG{graph.Number} row {r} reaches extension column {columns[e]}; the core rows must not.");
                }
            }
        }

        int coreShift = -1;
        for (int c = Kb; c < Kb + 4; c++)
        {
            var residue = new List<int>();
            foreach ((int _, int column, int shift) in coreEntries)
            {
                if (column == c && !residue.Remove(shift))
                {
                    residue.Add(shift);
                }
            }

            if (c == Kb && residue.Count == 1)
            {
                coreShift = residue[0];
            }
            else if (residue.Count != 0)
            {
                throw new InvalidOperationException($"BG{graph.Number} Zc {Zc}: core column {c} does not cancel in the sum of rows 0..3; not a double-diagonal core.");
            }
        }

        if (coreShift < 0)
        {
            throw new InvalidOperationException($"BG{graph.Number} Zc {Zc}: core column {Kb} does not survive the sum of rows 0..3 exactly once.");
        }

        CoreShift = coreShift;

        // Solve the other three core columns, each from a row whose only unknown core column it is.
        var known = new HashSet<int> { Kb };
        var used = new HashSet<int>();
        var steps = new List<CoreStep>();
        while (known.Count < 4)
        {
            bool progressed = false;
            for (int r = 0; r < 4 && !progressed; r++)
            {
                if (used.Contains(r))
                {
                    continue;
                }

                var unknown = coreEntries.Where(t => t.Row == r && !known.Contains(t.Column)).ToList();
                if (unknown.Count == 1)
                {
                    var knownInRow = coreEntries.Where(t => t.Row == r && known.Contains(t.Column)).Select(t => (t.Column, t.Shift)).ToArray();
                    steps.Add(new CoreStep(r, unknown[0].Column, unknown[0].Shift, knownInRow));
                    known.Add(unknown[0].Column);
                    used.Add(r);
                    progressed = true;
                }
            }

            if (!progressed)
            {
                throw new InvalidOperationException($"BG{graph.Number} Zc {Zc}: the core columns cannot be solved row by row.");
            }
        }

        Steps = [.. steps];
        SystematicEntries = [.. systematic.Select(l => l.ToArray())];

        // Extension rows: every entry except the row's own identity, which must be the only one at or past Kb + 4.
        ExtensionEntries = new (int Column, int Shift)[Rows][];
        for (int r = 4; r < Rows; r++)
        {
            var list = new List<(int, int)>();
            for (int e = rowStarts[r]; e < rowStarts[r + 1]; e++)
            {
                if (columns[e] == Kb + r)
                {
                    if (shifts[e] != 0)
                    {
                        throw new InvalidOperationException($"BG{graph.Number} row {r}: the extension column's entry must be the identity.");
                    }
                }
                else if (columns[e] >= Kb + 4)
                {
                    throw new InvalidOperationException($"BG{graph.Number} row {r} reaches another extension column {columns[e]}.");
                }
                else
                {
                    list.Add((columns[e], shifts[e]));
                }
            }

            ExtensionEntries[r] = [.. list];
        }

        ExtensionEntries[0] = ExtensionEntries[1] = ExtensionEntries[2] = ExtensionEntries[3] = [];

        // Each block as its first word in the doubled-column workspace and its funnel-shift counts, flattened per row.
        (SystematicBlocks, SystematicStarts) = Flatten(SystematicEntries, ColumnStride);
        (ExtensionBlocks, ExtensionStarts) = Flatten(ExtensionEntries, ColumnStride);
        (StepBlocks, StepStarts) = Flatten([.. Steps.Select(step => step.Known)], ColumnStride);
    }

    /// <summary>The lifted code.</summary>
    public LdpcCode Code { get; }

    /// <summary>The lifting size.</summary>
    public int Zc { get; }

    /// <summary>Systematic columns Kb (22 or 10).</summary>
    public int Kb { get; }

    /// <summary>Check rows of the base graph (46 or 42).</summary>
    public int Rows { get; }

    /// <summary>Words per Zc-bit block: ceil(Zc / 64).</summary>
    public int Words { get; }

    /// <summary>Words per doubled column in the kernels' workspace (<see cref="StrideWords"/>).</summary>
    public int ColumnStride { get; }

    /// <summary>s with P^s·x_Kb = λ_0 + λ_1 + λ_2 + λ_3.</summary>
    public int CoreShift { get; }

    /// <summary>The three remaining core columns, in solving order.</summary>
    public CoreStep[] Steps { get; }

    /// <summary>Systematic (column, shift) entries of rows 0..3.</summary>
    public (int Column, int Shift)[][] SystematicEntries { get; }

    /// <summary>For rows 4..Rows−1, the (column, shift) entries other than the row's own identity; empty for rows 0..3.</summary>
    public (int Column, int Shift)[][] ExtensionEntries { get; }

    /// <summary>
    /// <see cref="SystematicEntries"/> of rows 0..3 flattened for the kernels, <see cref="BlockStride"/> words per
    /// block: its first workspace word (column·<see cref="ColumnStride"/> + shift / 64), s = shift mod 64, 0 and
    /// 64 − s, so that the two funnel-shift counts load straight into vector registers (lane 0 of a load at +1 and
    /// at +3); one spare word ends the array.
    /// </summary>
    public ulong[] SystematicBlocks { get; }

    /// <summary>Start (in blocks) of each core row in <see cref="SystematicBlocks"/>, plus the end.</summary>
    public int[] SystematicStarts { get; }

    /// <summary><see cref="ExtensionEntries"/> of all rows flattened as <see cref="SystematicBlocks"/>.</summary>
    public ulong[] ExtensionBlocks { get; }

    /// <summary>Start (in blocks) of each row in <see cref="ExtensionBlocks"/>, plus the end.</summary>
    public int[] ExtensionStarts { get; }

    /// <summary>The known core blocks of each of <see cref="Steps"/>, flattened as <see cref="SystematicBlocks"/>.</summary>
    public ulong[] StepBlocks { get; }

    /// <summary>Start (in blocks) of each step in <see cref="StepBlocks"/>, plus the end.</summary>
    public int[] StepStarts { get; }

    /// <summary>
    /// Words per doubled column for lifting size <paramref name="zc"/>: a read of ceil(Zc/64) words rounded up to
    /// 8 (the widest vector) at any shift below Zc, plus the funnel's next word, stays inside; a multiple of 8.
    /// </summary>
    public static int StrideWords(int zc)
    {
        int words = (zc + 63) >> 6;
        int reach = ((zc - 1) >> 6) + ((words + 7) & ~7) + 2;
        return (reach + 7) & ~7;
    }

    /// <summary>The plan of <paramref name="code"/>, built once and cached.</summary>
    public static LdpcEncoderPlan Get(LdpcCode code)
    {
        LdpcEncoderPlan?[] perZc = s_cache[code.Graph.Number - 1];
        LdpcEncoderPlan? plan = Volatile.Read(ref perZc[code.Zc]);
        if (plan is null)
        {
            Interlocked.CompareExchange(ref perZc[code.Zc], new LdpcEncoderPlan(code), null);
            plan = perZc[code.Zc]!;
        }

        return plan;
    }

    private static (ulong[] Blocks, int[] Starts) Flatten((int Column, int Shift)[][] rows, int stride)
    {
        var blocks = new List<ulong>();
        int[] starts = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            starts[r] = blocks.Count / BlockStride;
            foreach ((int column, int shift) in rows[r])
            {
                blocks.AddRange([(ulong)((column * stride) + (shift >> 6)), (ulong)(shift & 63), 0, (ulong)(64 - (shift & 63))]);
            }
        }

        starts[^1] = blocks.Count / BlockStride;
        blocks.Add(0);
        return ([.. blocks], starts);
    }

    /// <summary>
    /// One core column solved from one row: P^Shift·x_Column = λ_Row + Σ over <see cref="Known"/> of P^shift·x_column,
    /// so x_Column is the right-hand side shifted back by Shift.
    /// </summary>
    /// <param name="Row">The core row used (0..3).</param>
    /// <param name="Column">The core column it yields.</param>
    /// <param name="Shift">That column's shift in the row.</param>
    /// <param name="Known">The row's entries in core columns already solved.</param>
    internal sealed record CoreStep(int Row, int Column, int Shift, (int Column, int Shift)[] Known);
}
