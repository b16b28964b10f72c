namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The scalar keys of a turbo encoder or decoder vector (<c>RTE_BBDEV_OP_TURBO_ENC</c> / <c>_DEC</c>), named after
/// the file keys in .NET casing and typed with DPDK's field widths. <see langword="null"/> means the key was absent
/// (DPDK then uses 0).
/// </summary>
public sealed record TurboVectorParameters
{
    /// <summary><c>e</c>: rate-matched length E in bits (code-block mode). u32.</summary>
    public uint? E { get; init; }

    /// <summary><c>ea</c>: E of the code blocks r &lt; cab (transport-block mode). u32.</summary>
    public uint? Ea { get; init; }

    /// <summary><c>eb</c>: E of the code blocks r ≥ cab (transport-block mode). u32.</summary>
    public uint? Eb { get; init; }

    /// <summary><c>k</c>: code-block size K in bits, CRC included (code-block mode). u16.</summary>
    public ushort? K { get; init; }

    /// <summary><c>k_neg</c>: K− of the code blocks r &lt; c_neg (transport-block mode). u16.</summary>
    public ushort? KNeg { get; init; }

    /// <summary><c>k_pos</c>: K+ of the code blocks r ≥ c_neg (transport-block mode). u16.</summary>
    public ushort? KPos { get; init; }

    /// <summary><c>c</c>: number of code blocks in the transport block. u8; defaults to 1 in transport-block mode.</summary>
    public byte? C { get; init; }

    /// <summary><c>c_neg</c>: number of code blocks of size K−. u8.</summary>
    public byte? CNeg { get; init; }

    /// <summary><c>cab</c>: number of code blocks that use Ea. u8.</summary>
    public byte? Cab { get; init; }

    /// <summary><c>r</c>: index of the first code block in this op. u8.</summary>
    public byte? R { get; init; }

    /// <summary><c>rv_index</c>: redundancy version 0..3. u8.</summary>
    public byte? RvIndex { get; init; }

    /// <summary><c>ncb</c> (encoder only): soft-buffer size Ncb in bits (code-block mode). u16.</summary>
    public ushort? Ncb { get; init; }

    /// <summary><c>ncb_neg</c> (encoder only): Ncb of the K− code blocks (transport-block mode). u16.</summary>
    public ushort? NcbNeg { get; init; }

    /// <summary><c>ncb_pos</c> (encoder only): Ncb of the K+ code blocks (transport-block mode). u16.</summary>
    public ushort? NcbPos { get; init; }

    /// <summary><c>iter_min</c> (decoder only): minimum number of iterations, 0..15 (a 4-bit field in DPDK).</summary>
    public byte? IterMin { get; init; }

    /// <summary><c>expected_iter_count</c> (decoder only): the iteration count the vector was made with (reported, not checked, for turbo). u8.</summary>
    public byte? ExpectedIterCount { get; init; }

    /// <summary><c>ext_scale</c> (decoder only): extrinsic scale factor. u8.</summary>
    public byte? ExtScale { get; init; }

    /// <summary><c>num_maps</c> (decoder only): MAP engines to use (power of 2, 0 = auto); forced to 0 unless <see cref="TurboDecFlags.MapDec"/> is set. u8.</summary>
    public byte? NumMaps { get; init; }

    /// <summary><c>code_block_mode</c>: 1 = one code block per op, 0 = transport-block mode. u8; 1 when the key is absent.</summary>
    public byte CodeBlockMode { get; init; } = 1;
}
