namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// Index tables of one turbo code block size K, built once on first use and shared by every engine (immutable, so
/// thread-safe): where each encoded bit sits in the virtual circular buffer w (TS 36.212 5.1.4.1.1-2) and how the
/// decoder's windowed layout maps through the QPP interleaver.
/// </summary>
internal sealed class TurboCodeTables
{
    /// <summary>Lanes per row of the decoder's window-major layout: the most windows a block is cut into.</summary>
    public const int Lanes = 32;

    /// <summary>
    /// Guard (training) steps each window's recursions run into its neighbour before its own steps. Measured on the
    /// DPDK low-SNR vector: windows of 192 steps with next-iteration initialisation alone need one iteration more than
    /// an unwindowed decoder; 16 guard steps recover it (8 do almost as well).
    /// </summary>
    public const int Guard = 16;

    /// <summary>Shortest window: a block is cut into the most windows (≤ 32, dividing K) that keep at least this many steps.</summary>
    public const int MinWindow = 64;

    /// <summary>Marks a NULL (dummy) position of the circular buffer.</summary>
    public const ushort Null = ushort.MaxValue;

    /// <summary>The inter-column permutation P of the sub-block interleaver (TS 36.212 Table 5.1.4-1).</summary>
    public static ReadOnlySpan<byte> ColumnPermutation =>
        [0, 16, 8, 24, 4, 20, 12, 28, 2, 18, 10, 26, 6, 22, 14, 30, 1, 17, 9, 25, 5, 21, 13, 29, 3, 19, 11, 27, 7, 23, 15, 31];

    private static readonly TurboCodeTables?[] s_tables = new TurboCodeTables?[TurboInterleaver.BlockSizeCount];
    private ushort[]? _decoderStreamSource;

    private TurboCodeTables(int k)
    {
        K = k;
        D = k + 4;
        Rows = (D + 31) / 32;
        KPi = 32 * Rows;
        Kw = 3 * KPi;
        int windows = Lanes;
        while (windows > 1 && (k % windows != 0 || k / windows < MinWindow))
        {
            windows >>= 1;
        }

        Windows = windows;
        WindowLength = k / windows;
        StreamSource = BuildStreamSource();
        (CircularSource, CircularPosition) = BuildCircular();
        (DecoderInterleave, DecoderDeinterleave) = BuildDecoderInterleave();
        InterleaveRows = TurboRowPermutation.From(DecoderInterleave, DecoderRows, ZeroIndex);
        DeinterleaveRows = TurboRowPermutation.From(DecoderDeinterleave, DecoderRows, ZeroIndex);
        DecoderSource = BuildDecoderSource();
    }

    /// <summary>K.</summary>
    public int K { get; }

    /// <summary>D = K + 4.</summary>
    public int D { get; }

    /// <summary>R_TC.</summary>
    public int Rows { get; }

    /// <summary>Kπ = 32·R_TC.</summary>
    public int KPi { get; }

    /// <summary>Kw = 3·Kπ.</summary>
    public int Kw { get; }

    /// <summary>P, the number of decoder windows (1..32, a power of two dividing K).</summary>
    public int Windows { get; }

    /// <summary>L = K/P, steps per window.</summary>
    public int WindowLength { get; }

    /// <summary>Physical rows of a decoder array: the window plus a guard on each side.</summary>
    public int DecoderRows => WindowLength + (2 * Guard);

    /// <summary>Position in w of d_s[n] at index s·D + n (s = 0, 1, 2; n &lt; D).</summary>
    public ushort[] StreamSource { get; }

    /// <summary>For each non-NULL position of w in increasing order: the index s·D + n of the bit d_s[n] it holds.</summary>
    public ushort[] CircularSource { get; }

    /// <summary>For each entry of <see cref="CircularSource"/>: its position in w (increasing).</summary>
    public ushort[] CircularPosition { get; }

    /// <summary>Physical index of an element the decoder keeps at 0 (first element of the row after the last).</summary>
    public int ZeroIndex => DecoderRows * Lanes;

    /// <summary>
    /// For every physical index i of the second constituent decoder (guard rows and unused lanes included): the first
    /// decoder's physical index that holds the value i needs, i.e. natural position Π(w·L + t) for step t of window w,
    /// the neighbouring window's value in the guard rows, and <see cref="ZeroIndex"/> where there is none.
    /// </summary>
    public ushort[] DecoderInterleave { get; }

    /// <summary>The inverse map: for every physical index of the first decoder, the second decoder's physical index.</summary>
    public ushort[] DecoderDeinterleave { get; }

    /// <summary><see cref="DecoderInterleave"/> as row moves (null if a row had several sources, which the QPP rules out).</summary>
    public TurboRowPermutation? InterleaveRows { get; }

    /// <summary><see cref="DecoderDeinterleave"/> as row moves.</summary>
    public TurboRowPermutation? DeinterleaveRows { get; }

    /// <summary>
    /// Where the decoder's inputs come from in the circular buffer w (index Kw = a zero), for every physical index:
    /// [stream][index], stream 0 = x and 1 = z of the first decoder, 2 = z′ of the second.
    /// </summary>
    public ushort[] DecoderSource { get; }

    /// <summary>
    /// As <see cref="DecoderSource"/> for three streams in Kπ-long slots (input without sub-block interleaving): index
    /// s·Kπ + n, built on first use.
    /// </summary>
    public ushort[] DecoderStreamSource => _decoderStreamSource ?? BuildDecoderStreamSource();

    /// <summary>The tables of block size <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a size of Table 5.1.3-3.</exception>
    public static TurboCodeTables Get(int k)
    {
        int index = TurboInterleaver.IndexOf(k);
        if (index < 0)
        {
            _ = TurboInterleaver.GetCoefficients(k);
        }

        TurboCodeTables? tables = Volatile.Read(ref s_tables[index]);
        if (tables is null)
        {
            // Two threads may build the same tables; both results are identical and one wins.
            tables = new TurboCodeTables(k);
            tables = Interlocked.CompareExchange(ref s_tables[index], tables, null) ?? tables;
        }

        return tables;
    }

    /// <summary>Number of non-NULL positions of w before position <paramref name="position"/> (0..Kw).</summary>
    public int CompactIndexOf(int position)
    {
        ReadOnlySpan<ushort> positions = CircularPosition;
        int low = 0;
        int high = positions.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (positions[mid] < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// The index into y (the stream with ND leading NULLs) that sub-block interleaver output k of stream
    /// <paramref name="stream"/> takes: P[⌊k/R⌋] + 32·(k mod R) for d0 and d1, that plus 1 modulo Kπ for d2
    /// (TS 36.212 5.1.4.1.1).
    /// </summary>
    public int InterleavedSource(int stream, int k)
    {
        int y = ColumnPermutation[k / Rows] + (32 * (k % Rows));
        return stream == 2 ? (y + 1) % KPi : y;
    }

    private ushort[] BuildStreamSource()
    {
        var source = new ushort[3 * D];
        int dummies = KPi - D;
        for (int k = 0; k < KPi; k++)
        {
            int n = InterleavedSource(0, k) - dummies;
            if (n >= 0)
            {
                source[n] = (ushort)k;
                source[D + n] = (ushort)(KPi + (2 * k));
            }

            n = InterleavedSource(2, k) - dummies;
            if (n >= 0)
            {
                source[(2 * D) + n] = (ushort)(KPi + (2 * k) + 1);
            }
        }

        return source;
    }

    private (ushort[] Source, ushort[] Position) BuildCircular()
    {
        var source = new ushort[3 * D];
        var position = new ushort[3 * D];
        int dummies = KPi - D;
        int count = 0;
        for (int p = 0; p < Kw; p++)
        {
            int stream = p < KPi ? 0 : 1 + ((p - KPi) & 1);
            int k = p < KPi ? p : (p - KPi) >> 1;
            int n = InterleavedSource(stream, k) - dummies;
            if (n >= 0)
            {
                source[count] = (ushort)((stream * D) + n);
                position[count] = (ushort)p;
                count++;
            }
        }

        return (source, position);
    }

    /// <summary>
    /// The natural position a physical index stands for in the window layout (step t of window w → w·L + t), following
    /// guard rows into the neighbouring window; −1 for a position with no neighbour or past the last window.
    /// </summary>
    public int NaturalOf(int index)
    {
        int row = index / Lanes;
        int w = index % Lanes;
        int t = row - Guard;
        if (w >= Windows || row >= DecoderRows)
        {
            return -1;
        }

        if (t < 0)
        {
            return w == 0 ? -1 : ((w - 1) * WindowLength) + WindowLength + t;
        }

        if (t >= WindowLength)
        {
            return w == Windows - 1 ? -1 : ((w + 1) * WindowLength) + t - WindowLength;
        }

        return (w * WindowLength) + t;
    }

    /// <summary>The physical index of step t of window w for natural position <paramref name="natural"/> (interior rows).</summary>
    public int IndexOf(int natural)
    {
        int w = natural / WindowLength;
        return ((natural - (w * WindowLength) + Guard) * Lanes) + w;
    }

    private ushort[] BuildDecoderSource()
    {
        int size = DecoderRows * Lanes;
        var table = new ushort[3 * size];
        for (int i = 0; i < size; i++)
        {
            int n = NaturalOf(i);
            table[i] = n < 0 ? (ushort)Kw : StreamSource[n];
            table[size + i] = n < 0 ? (ushort)Kw : StreamSource[D + n];
            table[(2 * size) + i] = n < 0 ? (ushort)Kw : StreamSource[(2 * D) + n];
        }

        return table;
    }

    private ushort[] BuildDecoderStreamSource()
    {
        int size = DecoderRows * Lanes;
        var table = new ushort[3 * size];
        for (int i = 0; i < size; i++)
        {
            int n = NaturalOf(i);
            for (int stream = 0; stream < 3; stream++)
            {
                table[(stream * size) + i] = n < 0 ? (ushort)Kw : (ushort)((stream * KPi) + n);
            }
        }

        // Immutable once built; racing builders produce equal tables.
        Volatile.Write(ref _decoderStreamSource, table);
        return table;
    }

    private (ushort[] Forward, ushort[] Inverse) BuildDecoderInterleave()
    {
        int size = DecoderRows * Lanes;
        var forward = new ushort[size];
        var inverse = new ushort[size];
        int[] pi = new int[K];
        int[] piInverse = new int[K];
        TurboInterleaver.GetPermutation(K, pi);
        for (int i = 0; i < K; i++)
        {
            piInverse[pi[i]] = i;
        }

        for (int i = 0; i < size; i++)
        {
            // Decoder 2's position i holds interleaved index n, i.e. natural Π(n); decoder 1's holds natural n.
            int n = NaturalOf(i);
            forward[i] = (ushort)(n < 0 ? ZeroIndex : IndexOf(pi[n]));
            inverse[i] = (ushort)(n < 0 ? ZeroIndex : IndexOf(piInverse[n]));
        }

        return (forward, inverse);
    }
}
