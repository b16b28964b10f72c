namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Per-thread scratch of the LDPC vector kernels, sized once for the largest code (BG1, Zc = 384) so that the data
/// path allocates nothing after a thread's first call. Rate recovery's de-interleaving buffer grows to the largest E
/// seen on the thread.
/// </summary>
internal sealed class LdpcWorkspace
{
    /// <summary>Slack past every region for full-vector reads and writes (two 512-bit vectors).</summary>
    public const int Slack = 128;

    [ThreadStatic]
    private static LdpcWorkspace? t_current;

    private LdpcWorkspace()
    {
        int maxStride = (2 * LiftingSizes.Max) + LdpcEncoderPlan.ColumnPadding;
        Packed = GC.AllocateUninitializedArray<byte>((BaseGraph.Bg1.MaxK / 8) + Slack, pinned: true);
        Columns = GC.AllocateUninitializedArray<byte>((26 * maxStride) + Slack, pinned: true);
        Temp = GC.AllocateUninitializedArray<byte>((6 * maxStride) + Slack, pinned: true);
        Codeword = GC.AllocateUninitializedArray<byte>((68 * LiftingSizes.Max) + (2 * Slack), pinned: true);
        Bytes = GC.AllocateUninitializedArray<byte>((66 * LiftingSizes.Max) + (2 * Slack), pinned: true);
        Llrs = [];
    }

    /// <summary>This thread's workspace.</summary>
    public static LdpcWorkspace Current => t_current ??= new LdpcWorkspace();

    /// <summary>Packed information bits (input copy, CRC attached), zero-padded for vector reads.</summary>
    public byte[] Packed { get; }

    /// <summary>Systematic and core columns, each stored twice in a row (<see cref="LdpcEncoderPlan.Stride"/> bytes per column).</summary>
    public byte[] Columns { get; }

    /// <summary>λ_0..λ_3, the doubled λ sum and the doubled right-hand side of a core step, one stride each.</summary>
    public byte[] Temp { get; }

    /// <summary>
    /// The codeword without fillers, one mask byte per bit: K′ information bits (the first 2·Zc punctured), then the
    /// parity columns; from offset 2·Zc on it is the compact circular buffer, followed by a cyclic extension.
    /// </summary>
    public byte[] Codeword { get; }

    /// <summary>One byte per bit of a whole circular buffer d (N bits), for packing or unpacking codewords.</summary>
    public byte[] Bytes { get; }

    /// <summary>De-interleaved LLRs for rate recovery; grown on demand.</summary>
    public sbyte[] Llrs { get; private set; }

    /// <summary>Returns <see cref="Llrs"/>, grown to hold at least <paramref name="length"/> values plus slack.</summary>
    public sbyte[] LlrBuffer(int length)
    {
        if (Llrs.Length < length + Slack)
        {
            Llrs = GC.AllocateUninitializedArray<sbyte>(length + Slack, pinned: true);
        }

        return Llrs;
    }
}
