namespace AccelSdk.Crypto.Transforms;

/// <summary>A cipher step (DPDK <c>rte_crypto_cipher_xform</c>).</summary>
public sealed class CipherTransform : CryptoTransform
{
    /// <inheritdoc/>
    public override TransformType Type => TransformType.Cipher;

    /// <summary>Encrypt or decrypt.</summary>
    public CipherOperation Operation { get; init; }

    /// <summary>The algorithm.</summary>
    public CipherAlgorithm Algorithm { get; init; }

    /// <inheritdoc/>
    public override string AlgorithmName => CryptoAlgorithms.GetName(Algorithm);

    /// <inheritdoc/>
    public override string ToString() => $"cipher {AlgorithmName} {Operation.ToString().ToLowerInvariant()}, key {Key.Length} B, IV {IvLength} B";
}
