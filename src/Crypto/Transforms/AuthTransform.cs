namespace AccelSdk.Crypto.Transforms;

/// <summary>An authentication step (DPDK <c>rte_crypto_auth_xform</c>).</summary>
public sealed class AuthTransform : CryptoTransform
{
    /// <inheritdoc/>
    public override TransformType Type => TransformType.Auth;

    /// <summary>Generate or verify.</summary>
    public AuthOperation Operation { get; init; }

    /// <summary>The algorithm.</summary>
    public AuthAlgorithm Algorithm { get; init; }

    /// <summary>Digest length in bytes; shorter than the algorithm's output means truncation to the leading bytes.</summary>
    public int DigestLength { get; init; }

    /// <inheritdoc/>
    public override string AlgorithmName => CryptoAlgorithms.GetName(Algorithm);

    /// <inheritdoc/>
    public override string ToString() =>
        $"auth {AlgorithmName} {Operation.ToString().ToLowerInvariant()}, key {Key.Length} B, IV {IvLength} B, digest {DigestLength} B";
}
