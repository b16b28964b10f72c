namespace AccelSdk.Crypto;

/// <summary>The outcome of an op (DPDK <c>rte_crypto_op_status</c>, same order). Set by the device; never thrown.</summary>
public enum CryptoOpStatus
{
    /// <summary>Processed successfully.</summary>
    Success,

    /// <summary>Not processed yet (the state of a fresh or reset op).</summary>
    NotProcessed,

    /// <summary>Digest or tag verification failed; any cipher part of the op was still performed.</summary>
    AuthFailed,

    /// <summary>The op has no session, or a session that is closed or belongs to another device.</summary>
    InvalidSession,

    /// <summary>The op is malformed: a range outside its buffer, a block cipher length that is not whole blocks, missing buffers, a short AAD.</summary>
    InvalidArgs,

    /// <summary>Any other failure inside the device.</summary>
    Error,
}
