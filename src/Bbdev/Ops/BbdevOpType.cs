namespace AccelSdk.Bbdev;

/// <summary>
/// The kind of work a bbdev operation does (DPDK <c>enum rte_bbdev_op_type</c>); the values are DPDK's.
/// </summary>
public enum BbdevOpType
{
    /// <summary><c>RTE_BBDEV_OP_NONE</c>: a dummy operation that does nothing (the null device's op type).</summary>
    None = 0,

    /// <summary><c>RTE_BBDEV_OP_TURBO_DEC</c>: LTE turbo decode (TS 36.212 5.1.3.2).</summary>
    TurboDec = 1,

    /// <summary><c>RTE_BBDEV_OP_TURBO_ENC</c>: LTE turbo encode (TS 36.212 5.1.3.2) with optional rate matching.</summary>
    TurboEnc = 2,

    /// <summary><c>RTE_BBDEV_OP_LDPC_DEC</c>: 5G NR LDPC decode (TS 38.212 5.3.2) with rate recovery and HARQ combining.</summary>
    LdpcDec = 3,

    /// <summary><c>RTE_BBDEV_OP_LDPC_ENC</c>: 5G NR LDPC encode (TS 38.212 5.3.2) with rate matching (5.4.2).</summary>
    LdpcEnc = 4,

    /// <summary><c>RTE_BBDEV_OP_FFT</c>: iDFT, cyclic-shift windowing and DFT over several antennas (e.g. SRS processing).</summary>
    Fft = 5,

    /// <summary><c>RTE_BBDEV_OP_MLDTS</c>: the tree-search part of maximum-likelihood MIMO detection.</summary>
    Mldts = 6,
}
