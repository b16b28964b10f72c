namespace AccelSdk.Crypto.Transforms;

/// <summary>The kind of a transform (DPDK <c>rte_crypto_sym_xform_type</c>).</summary>
public enum TransformType
{
    /// <summary>A cipher transform.</summary>
    Cipher,

    /// <summary>An authentication transform.</summary>
    Auth,

    /// <summary>An AEAD transform.</summary>
    Aead,
}
