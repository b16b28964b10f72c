namespace AccelSdk.Crypto.Transforms;

/// <summary>
/// A symmetric transform (DPDK <c>rte_crypto_sym_xform</c>): a cipher, auth or AEAD step with its key and sizes.
/// A session is built from one transform or a chain of two linked by <see cref="Next"/>, in processing order.
/// Transforms are immutable; the session copies the key.
/// </summary>
public abstract class CryptoTransform
{
    private protected CryptoTransform()
    {
    }

    /// <summary>The kind of transform.</summary>
    public abstract TransformType Type { get; }

    /// <summary>The next transform of a chain, or <see langword="null"/>.</summary>
    public CryptoTransform? Next { get; init; }

    /// <summary>The key (empty for NULL and plain hashes).</summary>
    public ReadOnlyMemory<byte> Key { get; init; }

    /// <summary>
    /// Offset of this transform's IV inside the op's IV area (<see cref="CryptoOp.Iv"/>), in [0, <see cref="CryptoOp.IvAreaSize"/>).
    /// DPDK's <c>iv.offset</c>, counted from the IV area instead of from the op.
    /// </summary>
    public int IvOffset { get; init; }

    /// <summary>IV length in bytes (0 where the algorithm has none).</summary>
    public int IvLength { get; init; }

    /// <summary>The algorithm's DPDK name (<c>AES_CBC</c>, <c>SNOW3G_UIA2</c>, …).</summary>
    public abstract string AlgorithmName { get; }

    /// <summary>A one-line description: type, algorithm, direction and sizes.</summary>
    public override string ToString() => $"{Type} {AlgorithmName}";
}
