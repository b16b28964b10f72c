namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// One of the decoder's gathers (an interleaver direction, guard rows included) written as row moves: every row of the
/// destination takes the values of one source row, lanes permuted, some lanes zero. This holds because the QPP
/// interleaver is contention-free for windows of L | K steps: Π(w·L + t) mod L = Π(t) mod L for every window w, so
/// step t of all windows reads step Π(t) mod L of some windows (TS 36.212's QPP; the inverse is contention-free too).
/// </summary>
/// <remarks>
/// The controls per width are built once per block size, on first use: byte-shuffle masks for 128/256-bit vectors
/// (PSHUFB on each 16-byte quarter of the 64-byte source row) and word indices with a keep mask for 512-bit vectors
/// (VPERMW).
/// </remarks>
internal sealed class TurboRowPermutation
{
    /// <summary>A lane with no source (zero).</summary>
    public const byte NoLane = 0xFF;

    private const int Lanes = TurboCodeTables.Lanes;
    private byte[]? _shuffle;
    private short[]? _permute;

    private TurboRowPermutation(int rows, int[] sourceRow, byte[] laneSource)
    {
        Rows = rows;
        SourceRow = sourceRow;
        LaneSource = laneSource;
    }

    /// <summary>Destination rows.</summary>
    public int Rows { get; }

    /// <summary>For each destination row, the source row (the zero row when none of its lanes has a source).</summary>
    public int[] SourceRow { get; }

    /// <summary>For each destination element [row][lane], the source lane in the source row, or <see cref="NoLane"/>.</summary>
    public byte[] LaneSource { get; }

    /// <summary>
    /// PSHUFB controls: [row][half j of 16 lanes][source quarter h of 8 lanes][32 bytes]; byte 2l(+1) of half j takes byte
    /// 2s(+1) of quarter h when lane 16j + l comes from lane 8h + s, else 0x80 (zero).
    /// </summary>
    public byte[] Shuffle => _shuffle ?? BuildShuffle();

    /// <summary>VPERMW indices then keep masks: [row][32 indices][32 masks of 0 or −1].</summary>
    public short[] Permute => _permute ?? BuildPermute();

    /// <summary>
    /// The row form of the flat gather <paramref name="map"/> (destination index → source index, <paramref name="zeroIndex"/>
    /// for zero), or null when some row reads more than one source row (it cannot for the QPP; kept as a guard).
    /// </summary>
    public static TurboRowPermutation? From(ushort[] map, int rows, int zeroIndex)
    {
        int zeroRow = zeroIndex / Lanes;
        var sourceRow = new int[rows];
        var laneSource = new byte[rows * Lanes];
        for (int r = 0; r < rows; r++)
        {
            int source = -1;
            for (int lane = 0; lane < Lanes; lane++)
            {
                int from = map[(r * Lanes) + lane];
                if (from == zeroIndex)
                {
                    laneSource[(r * Lanes) + lane] = NoLane;
                    continue;
                }

                int row = from / Lanes;
                if (source >= 0 && row != source)
                {
                    return null;
                }

                source = row;
                laneSource[(r * Lanes) + lane] = (byte)(from % Lanes);
            }

            sourceRow[r] = source < 0 ? zeroRow : source;
        }

        return new TurboRowPermutation(rows, sourceRow, laneSource);
    }

    private byte[] BuildShuffle()
    {
        var table = new byte[Rows * 256];
        for (int r = 0; r < Rows; r++)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                int half = lane / 16;
                int l = lane % 16;
                int source = LaneSource[(r * Lanes) + lane];
                for (int quarter = 0; quarter < 4; quarter++)
                {
                    int at = (r * 256) + (half * 128) + (quarter * 32) + (2 * l);
                    bool from = source != NoLane && source / 8 == quarter;
                    table[at] = from ? (byte)(2 * (source % 8)) : (byte)0x80;
                    table[at + 1] = from ? (byte)((2 * (source % 8)) + 1) : (byte)0x80;
                }
            }
        }

        Volatile.Write(ref _shuffle, table);
        return table;
    }

    private short[] BuildPermute()
    {
        var table = new short[Rows * 64];
        for (int r = 0; r < Rows; r++)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                int source = LaneSource[(r * Lanes) + lane];
                table[(r * 64) + lane] = (short)(source == NoLane ? 0 : source);
                table[(r * 64) + Lanes + lane] = source == NoLane ? (short)0 : (short)-1;
            }
        }

        Volatile.Write(ref _permute, table);
        return table;
    }
}
