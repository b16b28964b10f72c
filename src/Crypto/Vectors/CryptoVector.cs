namespace AccelSdk.Crypto.Vectors;

/// <summary>
/// One known-answer vector of the <c>accelsdk-crypto-vectors/1</c> schema (see <c>conformance/crypto/README.md</c>).
/// Buffers are whole: <see cref="Plaintext"/> before and <see cref="Ciphertext"/> after the operation.
/// </summary>
public sealed class CryptoVector
{
    /// <summary>The vector's name (the DPDK symbol it came from).</summary>
    public required string Name { get; init; }

    /// <summary>Where the data comes from.</summary>
    public string Source { get; init; } = "";

    /// <summary>The file the vector was read from (for messages), or empty.</summary>
    public string FilePath { get; init; } = "";

    /// <summary>Position in its file, from 0.</summary>
    public int Index { get; init; }

    /// <summary>What the vector exercises.</summary>
    public required CryptoVectorKind Kind { get; init; }

    /// <summary>
    /// The transform of a cipher, auth or AEAD vector; for a chain, <see langword="null"/> (see <see cref="Cipher"/> and <see cref="Auth"/>).
    /// </summary>
    public CryptoVectorStage? Single { get; init; }

    /// <summary>The cipher half of a chain.</summary>
    public CryptoVectorStage? Cipher { get; init; }

    /// <summary>The auth half of a chain.</summary>
    public CryptoVectorStage? Auth { get; init; }

    /// <summary>For a chain: whether the generate direction is AUTH then CIPHER (else CIPHER then AUTH).</summary>
    public bool AuthFirst { get; init; }

    /// <summary>The whole buffer before the operation (for auth vectors: the message buffer).</summary>
    public required byte[] Plaintext { get; init; }

    /// <summary>The whole buffer after encryption (empty for auth vectors).</summary>
    public byte[] Ciphertext { get; init; } = [];

    /// <summary>The expected digest or tag (raw, before any encryption), or empty.</summary>
    public byte[] Digest { get; init; } = [];

    /// <summary>AEAD additional authenticated data.</summary>
    public byte[] Aad { get; init; } = [];

    /// <summary>GCM only: <see cref="CryptoVectorStage.Iv"/> is the 16-byte pre-counter block J0 (DPDK IV length 0).</summary>
    public bool IvIsJ0 { get; init; }

    /// <summary>Chains: byte offset of the digest inside the buffer.</summary>
    public int DigestOffsetBytes { get; init; }

    /// <summary>Chains: whether the cipher range covers the digest (PDCP's encrypted MAC-I).</summary>
    public bool DigestEncrypted { get; init; }

    /// <summary>A short label: file family, name.</summary>
    public override string ToString() => $"{Path.GetFileName(FilePath)}:{Name}";
}
