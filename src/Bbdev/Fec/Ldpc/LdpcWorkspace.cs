namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Per-thread scratch of the LDPC vector kernels, sized once for the largest code (BG1, Zc = 384) so that the data
/// path allocates nothing after a thread's first call. Rate recovery's de-interleaving buffer grows to the largest E
/// seen on the thread.
/// </summary>
internal sealed class LdpcWorkspace
{
    /// <summary>Words of slack past every word region, for full-vector reads and one-word-past writes.</summary>
    public const int SlackWords = 16;

    /// <summary>Bytes of slack past the LLR buffer.</summary>
    public const int SlackBytes = 128;

    [ThreadStatic]
    private static LdpcWorkspace? t_current;

    private readonly ulong[] _memory;
    private readonly int[] _starts;

    private LdpcWorkspace()
    {
        // One pinned block, every region starting on a 64-byte line.
        int maxStride = LdpcEncoderPlan.StrideWords(LiftingSizes.Max);
        int[] sizes =
        [
            (BaseGraph.Bg1.MaxK / 64) + SlackWords,                 // input words
            (26 * maxStride) + SlackWords,                          // doubled systematic and core columns
            (6 * maxStride) + SlackWords,                           // λ_0..3, the doubled λ sum, a doubled core right-hand side
            (68 * LiftingSizes.Max / 64) + (2 * SlackWords),        // the compact circular buffer
            (66 * LiftingSizes.Max / 64) + (2 * SlackWords),        // a whole circular buffer d
            (BaseGraph.Bg1.MaxK / 64) + SlackWords,                 // packed input bytes (CRC attach), as words
        ];
        _starts = new int[sizes.Length + 1];
        _memory = GC.AllocateArray<ulong>(8 + sizes.Sum(size => (size + 7) & ~7), pinned: true);
        int offset = AlignmentPad(_memory);
        for (int i = 0; i < sizes.Length; i++)
        {
            _starts[i] = offset;
            offset += (sizes[i] + 7) & ~7;
        }

        _starts[^1] = offset;
        Llrs = [];
    }

    /// <summary>This thread's workspace.</summary>
    public static LdpcWorkspace Current => t_current ??= new LdpcWorkspace();

    /// <summary>The K′ information bits as MSB-first words, zero past K′ (so the fillers read as 0).</summary>
    public Span<ulong> Input => Region(0);

    /// <summary>Systematic and core columns, each Zc-bit block stored twice in a row (<see cref="LdpcEncoderPlan.ColumnStride"/> words per column).</summary>
    public Span<ulong> Columns => Region(1);

    /// <summary>λ_0..λ_3, the doubled λ sum and the doubled right-hand side of a core step, one column stride each.</summary>
    public Span<ulong> Temp => Region(2);

    /// <summary>
    /// The compact circular buffer (d without fillers: information bits from 2·Zc, then the parity columns), followed
    /// by a cyclic extension of 64 bits.
    /// </summary>
    public Span<ulong> Compact => Region(3);

    /// <summary>A whole circular buffer d (N bits with fillers), for packing or unpacking codewords.</summary>
    public Span<ulong> Circular => Region(4);

    /// <summary>The packed input bytes, zero-padded, where a CRC is attached before conversion to words.</summary>
    public Span<byte> PackedBytes => System.Runtime.InteropServices.MemoryMarshal.AsBytes(Region(5));

    /// <summary>De-interleaved LLRs for rate recovery; grown on demand.</summary>
    public sbyte[] Llrs { get; private set; }

    /// <summary>Returns <see cref="Llrs"/>, grown to hold at least <paramref name="length"/> values plus slack.</summary>
    public sbyte[] LlrBuffer(int length)
    {
        if (Llrs.Length < length + SlackBytes)
        {
            Llrs = GC.AllocateUninitializedArray<sbyte>(length + SlackBytes, pinned: true);
        }

        return Llrs;
    }

    private Span<ulong> Region(int index) => _memory.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    // Words from the start of the array's data to the next 64-byte boundary.
    private static unsafe int AlignmentPad(ulong[] pinned)
    {
        fixed (ulong* start = pinned)
        {
            return (int)(((64 - ((nuint)start & 63)) & 63) / 8);
        }
    }
}
