namespace VranPipeline.Scheduling;

/// <summary>
/// The MCS index tables of TS 38.214 5.1.3.1 (modulation order and target code rate per MCS index). The reserved
/// rows at the end of each table (retransmission with the modulation implied) carry no code rate and are not listed.
/// </summary>
public static class McsTables
{
    // Table 5.1.3.1-1: MCS index table 1 for PDSCH.
    private static readonly McsEntry[] s_qam64 =
    [
        new(2, 120), new(2, 157), new(2, 193), new(2, 251), new(2, 308), new(2, 379), new(2, 449), new(2, 526), new(2, 602), new(2, 679),
        new(4, 340), new(4, 378), new(4, 434), new(4, 490), new(4, 553), new(4, 616), new(4, 658),
        new(6, 438), new(6, 466), new(6, 517), new(6, 567), new(6, 616), new(6, 666), new(6, 719), new(6, 772), new(6, 822), new(6, 873),
        new(6, 910), new(6, 948),
    ];

    // Table 5.1.3.1-2: MCS index table 2 for PDSCH.
    private static readonly McsEntry[] s_qam256 =
    [
        new(2, 120), new(2, 193), new(2, 308), new(2, 449), new(2, 602),
        new(4, 378), new(4, 434), new(4, 490), new(4, 553), new(4, 616), new(4, 658),
        new(6, 466), new(6, 517), new(6, 567), new(6, 616), new(6, 666), new(6, 719), new(6, 772), new(6, 822), new(6, 873),
        new(8, 682.5), new(8, 711), new(8, 754), new(8, 797), new(8, 841), new(8, 885), new(8, 916.5), new(8, 948),
    ];

    // Table 5.1.3.1-3: MCS index table 3 for PDSCH.
    private static readonly McsEntry[] s_qam64LowSe =
    [
        new(2, 30), new(2, 40), new(2, 50), new(2, 64), new(2, 78), new(2, 99), new(2, 120), new(2, 157), new(2, 193), new(2, 251),
        new(2, 308), new(2, 379), new(2, 449), new(2, 526), new(2, 602),
        new(4, 340), new(4, 378), new(4, 434), new(4, 490), new(4, 553), new(4, 616),
        new(6, 438), new(6, 466), new(6, 517), new(6, 567), new(6, 616), new(6, 666), new(6, 719), new(6, 772),
    ];

    /// <summary>The highest MCS index of <paramref name="table"/> that has a code rate (28, 27 or 28).</summary>
    public static int MaxIndex(McsTable table) => Rows(table).Length - 1;

    /// <summary>Looks up an MCS index; <see langword="false"/> for a reserved or out-of-table index.</summary>
    public static bool TryGet(McsTable table, int index, out McsEntry entry)
    {
        McsEntry[] rows = Rows(table);
        if ((uint)index < (uint)rows.Length)
        {
            entry = rows[index];
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>Looks up an MCS index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is reserved or outside the table.</exception>
    public static McsEntry Get(McsTable table, int index) =>
        TryGet(table, index, out McsEntry entry)
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"MCS {index} is out of range: allowed [0, {MaxIndex(table)}] for table {table}.");

    private static McsEntry[] Rows(McsTable table) => table switch
    {
        McsTable.Qam64 => s_qam64,
        McsTable.Qam256 => s_qam256,
        McsTable.Qam64LowSe => s_qam64LowSe,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown MCS table."),
    };
}
