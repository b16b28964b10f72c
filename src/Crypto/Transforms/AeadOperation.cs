namespace AccelSdk.Crypto.Transforms;

/// <summary>AEAD direction (DPDK <c>rte_crypto_aead_operation</c>).</summary>
public enum AeadOperation
{
    /// <summary>Encrypt and generate the tag.</summary>
    Encrypt,

    /// <summary>Verify the tag and decrypt.</summary>
    Decrypt,
}
