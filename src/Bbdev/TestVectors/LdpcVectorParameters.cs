namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The scalar keys of an LDPC encoder or decoder vector (<c>RTE_BBDEV_OP_LDPC_ENC</c> / <c>_DEC</c>), named after
/// the file keys in .NET casing and typed with DPDK's field widths. <see langword="null"/> means the key was absent
/// (DPDK then uses 0).
/// </summary>
public sealed record LdpcVectorParameters
{
    /// <summary><c>e</c>: rate-matched length E in bits (code-block mode). u32.</summary>
    public uint? E { get; init; }

    /// <summary><c>ea</c>: E of the code blocks r &lt; cab (transport-block mode). u32.</summary>
    public uint? Ea { get; init; }

    /// <summary><c>eb</c>: E of the code blocks r ≥ cab (transport-block mode). u32.</summary>
    public uint? Eb { get; init; }

    /// <summary><c>c</c>: number of code blocks in the (partial) transport block. u8; defaults to 1 in transport-block mode.</summary>
    public byte? C { get; init; }

    /// <summary><c>cab</c>: number of code blocks that use Ea. u8.</summary>
    public byte? Cab { get; init; }

    /// <summary><c>r</c>: index of the first code block in this op. u8.</summary>
    public byte? R { get; init; }

    /// <summary><c>rv_index</c>: redundancy version 0..3 (selects k0). u8.</summary>
    public byte? RvIndex { get; init; }

    /// <summary><c>k0</c> (decoder only): explicit rate-matching start position; overrides rv_index when non-zero. u16.</summary>
    public ushort? K0 { get; init; }

    /// <summary><c>n_cb</c>: circular-buffer length Ncb in bits. u16.</summary>
    public ushort? NCb { get; init; }

    /// <summary><c>q_m</c>: modulation order Qm (bits per symbol) for the bit (de)interleaver. u8.</summary>
    public byte? QM { get; init; }

    /// <summary><c>basegraph</c>: LDPC base graph, 1 or 2. u8.</summary>
    public byte? Basegraph { get; init; }

    /// <summary><c>z_c</c>: lifting size Zc. u16.</summary>
    public ushort? ZC { get; init; }

    /// <summary><c>n_filler</c>: filler bits F = K − K′. u16.</summary>
    public ushort? NFiller { get; init; }

    /// <summary>
    /// <c>expected_iter_count</c> (decoder only): upper bound for the iteration count the decoder reports; absent
    /// means the count is not checked. u8.
    /// </summary>
    public byte? ExpectedIterCount { get; init; }

    /// <summary><c>code_block_mode</c>: 1 = one code block per op, 0 = transport-block mode. u8; 1 when the key is absent.</summary>
    public byte CodeBlockMode { get; init; } = 1;
}
