namespace AccelSdk.Crypto.Vectors;

/// <summary>One transform of a conformance vector: the cipher or auth half of a chain, or the whole of a single-transform vector.</summary>
public sealed class CryptoVectorStage
{
    /// <summary>DPDK algorithm name without its prefix (<c>SNOW3G_UEA2</c>, <c>SHA1_HMAC</c>, <c>AES_GCM</c>, …).</summary>
    public required string Algorithm { get; init; }

    /// <summary>Key bytes (empty for plain hashes and NULL).</summary>
    public required byte[] Key { get; init; }

    /// <summary>IV bytes as placed in the op (empty where the algorithm has none).</summary>
    public required byte[] Iv { get; init; }

    /// <summary>First bit of the range the transform covers.</summary>
    public long OffsetBits { get; init; }

    /// <summary>Length of that range in bits.</summary>
    public long LengthBits { get; init; }

    /// <summary>Digest length in bytes (auth and AEAD; 0 for a cipher).</summary>
    public int DigestLength { get; init; }

    /// <summary><c>ZUC-256</c> for the 256-bit ZUC files, else <see langword="null"/>.</summary>
    public string? Variant { get; init; }
}
