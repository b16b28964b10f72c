using AccelSdk.Core.Buffers;
using AccelSdk.Core.Pools;

namespace AccelSdk.Crypto;

/// <summary>
/// A symmetric crypto operation (DPDK <c>rte_crypto_op</c> + <c>rte_crypto_sym_op</c>): which session, which buffers,
/// which ranges, where the IV, AAD and digest are, and after completion the <see cref="Status"/>. Ops come from a pool
/// (<see cref="CreatePool"/>) and are reused; nothing on the data path allocates.
/// </summary>
/// <remarks>
/// <para>
/// Offsets and lengths count from the start of the source buffer's data (its first segment's <c>DataOffset</c>,
/// across the chain). They are in bytes, except for SNOW 3G, ZUC and KASUMI where they are in bits (bit 0 is the
/// most significant bit of the first byte), as in DPDK.
/// </para>
/// <para>
/// Out of place (<see cref="Destination"/> set), the same offsets apply to both buffers: the device copies the
/// covered bytes (cipher, auth and digest ranges) from source to destination and works on the destination, so bytes
/// the op only authenticates arrive unchanged, as DPDK specifies.
/// </para>
/// </remarks>
public sealed class CryptoOp
{
    /// <summary>Size of the per-op IV area (DPDK keeps IVs in the op's private data; two IVs of a chain fit).</summary>
    public const int IvAreaSize = 64;

    private readonly byte[] _iv = new byte[IvAreaSize];

    internal CryptoOp()
    {
        Status = CryptoOpStatus.NotProcessed;
    }

    /// <summary>The outcome, set by the device when the op completes; <see cref="CryptoOpStatus.NotProcessed"/> before.</summary>
    public CryptoOpStatus Status { get; set; }

    /// <summary>The session (transforms and keys) this op runs under.</summary>
    public CryptoSession? Session { get; set; }

    /// <summary>The source buffer (DPDK <c>m_src</c>); required.</summary>
    public DataBuffer? Source { get; set; }

    /// <summary>The destination buffer (DPDK <c>m_dst</c>); <see langword="null"/> means in place.</summary>
    public DataBuffer? Destination { get; set; }

    /// <summary>Start of the ciphered range (DPDK <c>cipher.data.offset</c>; for AEAD the encrypted range, <c>aead.data.offset</c>).</summary>
    public int CipherOffset { get; set; }

    /// <summary>Length of the ciphered range (DPDK <c>cipher.data.length</c>; for AEAD <c>aead.data.length</c>).</summary>
    public int CipherLength { get; set; }

    /// <summary>Alias of <see cref="CipherOffset"/> for AEAD ops (DPDK's union of <c>aead.data</c> and <c>cipher.data</c>).</summary>
    public int AeadOffset
    {
        get => CipherOffset;
        set => CipherOffset = value;
    }

    /// <summary>Alias of <see cref="CipherLength"/> for AEAD ops.</summary>
    public int AeadLength
    {
        get => CipherLength;
        set => CipherLength = value;
    }

    /// <summary>Start of the authenticated range (DPDK <c>auth.data.offset</c>).</summary>
    public int AuthOffset { get; set; }

    /// <summary>Length of the authenticated range (DPDK <c>auth.data.length</c>).</summary>
    public int AuthLength { get; set; }

    /// <summary>
    /// Buffer holding the digest or tag (DPDK <c>digest.data</c>); <see langword="null"/> means the op's own buffers
    /// at <see cref="DigestOffset"/> (written to the destination on generate, read from the source on verify). The
    /// digest must lie in one segment.
    /// </summary>
    public DataBuffer? DigestBuffer { get; set; }

    /// <summary>Byte offset of the digest in <see cref="DigestBuffer"/> (or in the op's buffers).</summary>
    public int DigestOffset { get; set; }

    /// <summary>AEAD additional authenticated data (DPDK <c>aead.aad.data</c>); at least the session's AAD length.</summary>
    public ReadOnlyMemory<byte> Aad { get; set; }

    /// <summary>The IV area; each transform reads its IV at its <c>IvOffset</c>.</summary>
    public Span<byte> Iv => _iv;

    /// <summary>Free for the application (correlation with its own state); never touched by devices.</summary>
    public ulong Opaque { get; set; }

    /// <summary>Free for the application; never touched by devices.</summary>
    public object? UserData { get; set; }

    /// <summary>Creates a pool of ops in the reset state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static OpPool<CryptoOp> CreatePool(OpPoolOptions options) => OpPool<CryptoOp>.Create(options, _ => new CryptoOp());

    /// <summary>Returns the op to its fresh state (DPDK's reset on allocation): status NotProcessed, everything else cleared.</summary>
    public void Reset()
    {
        Status = CryptoOpStatus.NotProcessed;
        Session = null;
        Source = null;
        Destination = null;
        CipherOffset = CipherLength = AuthOffset = AuthLength = DigestOffset = 0;
        DigestBuffer = null;
        Aad = default;
        Array.Clear(_iv);
        Opaque = 0;
        UserData = null;
    }
}
