namespace AccelSdk.Crypto.Transforms;

/// <summary>Cipher algorithms (DPDK <c>rte_crypto_cipher_algorithm</c>; names without the <c>RTE_CRYPTO_CIPHER_</c> prefix).</summary>
public enum CipherAlgorithm
{
    /// <summary>NULL: data passes unchanged (<c>NULL</c>).</summary>
    Null,

    /// <summary>AES in CBC mode, no padding; lengths are whole 16-byte blocks (<c>AES_CBC</c>).</summary>
    AesCbc,

    /// <summary>AES in counter mode; 128-NEA2 in 3GPP (<c>AES_CTR</c>).</summary>
    AesCtr,

    /// <summary>AES in ECB mode; lengths are whole blocks (<c>AES_ECB</c>).</summary>
    AesEcb,

    /// <summary>SNOW 3G UEA2 / 128-NEA1; offsets and lengths in bits (<c>SNOW3G_UEA2</c>).</summary>
    Snow3GUea2,

    /// <summary>ZUC EEA3 / 128-NEA3 (16-byte key) or ZUC-256 (32-byte key); offsets and lengths in bits (<c>ZUC_EEA3</c>).</summary>
    ZucEea3,

    /// <summary>KASUMI f8 / UEA1; offsets and lengths in bits (<c>KASUMI_F8</c>).</summary>
    KasumiF8,
}
