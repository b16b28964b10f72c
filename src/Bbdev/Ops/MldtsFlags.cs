namespace AccelSdk.Bbdev;

/// <summary>
/// MLD-TS op flags and capabilities (DPDK <c>enum rte_bbdev_op_mldts_flag_bitmasks</c>, same bit values).
/// </summary>
[Flags]
public enum MldtsFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Bit 0, <c>RTE_BBDEV_MLDTS_REP</c>: the R matrix is repeated across subcarriers (r_rep) and symbols (c_rep).</summary>
    Rep = 1u << 0,
}
