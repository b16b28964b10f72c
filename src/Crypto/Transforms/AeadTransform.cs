namespace AccelSdk.Crypto.Transforms;

/// <summary>An AEAD step (DPDK <c>rte_crypto_aead_xform</c>); never chained.</summary>
public sealed class AeadTransform : CryptoTransform
{
    /// <inheritdoc/>
    public override TransformType Type => TransformType.Aead;

    /// <summary>Encrypt (and tag) or decrypt (and verify).</summary>
    public AeadOperation Operation { get; init; }

    /// <summary>The algorithm.</summary>
    public AeadAlgorithm Algorithm { get; init; }

    /// <summary>Tag length in bytes.</summary>
    public int DigestLength { get; init; }

    /// <summary>Length of the additional authenticated data each op supplies in <see cref="CryptoOp.Aad"/>.</summary>
    public int AadLength { get; init; }

    /// <inheritdoc/>
    public override string AlgorithmName => CryptoAlgorithms.GetName(Algorithm);

    /// <inheritdoc/>
    public override string ToString() =>
        $"aead {AlgorithmName} {Operation.ToString().ToLowerInvariant()}, key {Key.Length} B, IV {IvLength} B, digest {DigestLength} B, AAD {AadLength} B";
}
