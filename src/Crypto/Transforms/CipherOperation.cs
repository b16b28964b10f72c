namespace AccelSdk.Crypto.Transforms;

/// <summary>Cipher direction (DPDK <c>rte_crypto_cipher_operation</c>).</summary>
public enum CipherOperation
{
    /// <summary>Encrypt.</summary>
    Encrypt,

    /// <summary>Decrypt.</summary>
    Decrypt,
}
