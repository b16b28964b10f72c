namespace AccelSdk.Crypto.Transforms;

/// <summary>Authentication algorithms (DPDK <c>rte_crypto_auth_algorithm</c>; names without the <c>RTE_CRYPTO_AUTH_</c> prefix).</summary>
public enum AuthAlgorithm
{
    /// <summary>NULL: nothing is computed; verify always succeeds (<c>NULL</c>).</summary>
    Null,

    /// <summary>AES-CMAC; 128-NIA2 in 3GPP with a 4-byte digest (<c>AES_CMAC</c>).</summary>
    AesCmac,

    /// <summary>AES-GMAC: GCM authentication of the data range, 12-byte IV (<c>AES_GMAC</c>).</summary>
    AesGmac,

    /// <summary>Plain SHA-1 (<c>SHA1</c>).</summary>
    Sha1,

    /// <summary>HMAC-SHA-1 (<c>SHA1_HMAC</c>).</summary>
    Sha1Hmac,

    /// <summary>Plain SHA-224 (<c>SHA224</c>).</summary>
    Sha224,

    /// <summary>HMAC-SHA-224 (<c>SHA224_HMAC</c>).</summary>
    Sha224Hmac,

    /// <summary>Plain SHA-256 (<c>SHA256</c>).</summary>
    Sha256,

    /// <summary>HMAC-SHA-256 (<c>SHA256_HMAC</c>).</summary>
    Sha256Hmac,

    /// <summary>Plain SHA-384 (<c>SHA384</c>).</summary>
    Sha384,

    /// <summary>HMAC-SHA-384 (<c>SHA384_HMAC</c>).</summary>
    Sha384Hmac,

    /// <summary>Plain SHA-512 (<c>SHA512</c>).</summary>
    Sha512,

    /// <summary>HMAC-SHA-512 (<c>SHA512_HMAC</c>).</summary>
    Sha512Hmac,

    /// <summary>SNOW 3G UIA2 / 128-NIA1; offsets and lengths in bits (<c>SNOW3G_UIA2</c>).</summary>
    Snow3GUia2,

    /// <summary>ZUC EIA3 / 128-NIA3 (16-byte key) or the ZUC-256 MAC (32-byte key); offsets and lengths in bits (<c>ZUC_EIA3</c>).</summary>
    ZucEia3,

    /// <summary>KASUMI f9 / UIA1 over the padded string COUNT ‖ FRESH ‖ MESSAGE ‖ DIRECTION ‖ 1 ‖ 0*; in bits (<c>KASUMI_F9</c>).</summary>
    KasumiF9,
}
