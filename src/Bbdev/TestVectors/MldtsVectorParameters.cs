namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The scalar keys of an MLD-TS vector (<c>RTE_BBDEV_OP_MLDTS</c>), named after the file keys in .NET casing and
/// typed with DPDK's field widths. <see langword="null"/> means the key was absent (DPDK then uses 0).
/// </summary>
public sealed record MldtsVectorParameters
{
    /// <summary><c>layers</c>: number of layers, 2..4 (DPDK <c>num_layers</c>). u16.</summary>
    public ushort? Layers { get; init; }

    /// <summary><c>layer1</c>: modulation order Qm of layer 1 (DPDK <c>q_m[0]</c>). u8.</summary>
    public byte? Layer1 { get; init; }

    /// <summary><c>layer2</c>: modulation order Qm of layer 2 (DPDK <c>q_m[1]</c>). u8.</summary>
    public byte? Layer2 { get; init; }

    /// <summary><c>layer3</c>: modulation order Qm of layer 3 (DPDK <c>q_m[2]</c>). u8.</summary>
    public byte? Layer3 { get; init; }

    /// <summary><c>layer4</c>: modulation order Qm of layer 4 (DPDK <c>q_m[3]</c>). u8.</summary>
    public byte? Layer4 { get; init; }

    /// <summary><c>crep</c>: column repetition of the R matrix across symbols (DPDK <c>c_rep</c>). u8.</summary>
    public byte? Crep { get; init; }

    /// <summary><c>rrep</c>: row repetition of the R matrix across subcarriers (DPDK <c>r_rep</c>). u8.</summary>
    public byte? Rrep { get; init; }

    /// <summary><c>rbs</c>: number of resource blocks (DPDK <c>num_rbs</c>). u16.</summary>
    public ushort? Rbs { get; init; }
}
