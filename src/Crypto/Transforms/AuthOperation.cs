namespace AccelSdk.Crypto.Transforms;

/// <summary>Auth direction (DPDK <c>rte_crypto_auth_operation</c>, same order).</summary>
public enum AuthOperation
{
    /// <summary>Compute the digest and compare it with the one in the op; a mismatch sets <see cref="CryptoOpStatus.AuthFailed"/>.</summary>
    Verify,

    /// <summary>Compute the digest and write it where the op says.</summary>
    Generate,
}
