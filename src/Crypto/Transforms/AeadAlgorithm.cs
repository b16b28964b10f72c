namespace AccelSdk.Crypto.Transforms;

/// <summary>AEAD algorithms (DPDK <c>rte_crypto_aead_algorithm</c>).</summary>
public enum AeadAlgorithm
{
    /// <summary>AES-CCM (<c>AES_CCM</c>): 7- to 13-byte nonce, even tag lengths 4 to 16.</summary>
    AesCcm,

    /// <summary>AES-GCM (<c>AES_GCM</c>): 12-byte IV, or IV length 0 with the pre-counter block J0 in the op.</summary>
    AesGcm,
}
