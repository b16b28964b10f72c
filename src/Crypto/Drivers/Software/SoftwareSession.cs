using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// A <c>crypto_sw</c> session: the validated chain compiled into engines with expanded keys. Everything but the
/// stateful hash engines is immutable; those get one instance per queue pair (a lane), created the first time that
/// queue pair uses the session, so ops of one session may run on several queue pairs at once.
/// </summary>
internal sealed class SoftwareSession : CryptoSession
{
    private readonly AuthEngine?[] _authLanes;

    public SoftwareSession(SoftwareCryptoDevice device, CryptoTransform transform, KernelOptions options)
        : base(device, transform)
    {
        Owner = device;
        CipherTransform? cipher = null;
        AuthTransform? auth = null;
        for (CryptoTransform? t = transform; t is not null; t = t.Next)
        {
            switch (t)
            {
                case CipherTransform c:
                    cipher = c;
                    break;
                case AuthTransform a:
                    auth = a;
                    break;
                case AeadTransform e:
                    Aead = AeadEngine.Create(e, options);
                    AeadEncrypt = e.Operation == AeadOperation.Encrypt;
                    AeadIvOffset = e.IvOffset;
                    AeadIvLength = e.Algorithm == AeadAlgorithm.AesGcm && e.IvLength == 0 ? 16 : e.IvLength;
                    DigestLength = e.DigestLength;
                    AadLength = e.AadLength;
                    break;
            }
        }

        if (cipher is not null)
        {
            Cipher = CipherEngine.Create(cipher, options);
            CipherEncrypt = cipher.Operation == CipherOperation.Encrypt;
            CipherIvOffset = cipher.IvOffset;
            CipherIvLength = cipher.IvLength;
        }

        if (auth is not null)
        {
            Auth = AuthEngine.Create(auth, options);
            Generate = auth.Operation == AuthOperation.Generate;
            AuthIvOffset = auth.IvOffset;
            AuthIvLength = auth.Algorithm == AuthAlgorithm.AesGmac && auth.IvLength == 0 ? 16 : auth.IvLength;
            DigestLength = auth.Algorithm == AuthAlgorithm.Null ? 0 : auth.DigestLength;
        }

        Kind = Aead is not null ? SessionKind.Aead
            : cipher is null ? SessionKind.Auth
            : auth is null ? SessionKind.Cipher
            : transform is CipherTransform ? SessionKind.CipherThenAuth
            : SessionKind.AuthThenCipher;
        _authLanes = new AuthEngine?[device.Info.MaxQueuePairs];
    }

    public SoftwareCryptoDevice Owner { get; }

    public SessionKind Kind { get; }

    public CipherEngine? Cipher { get; }

    public bool CipherEncrypt { get; }

    public int CipherIvOffset { get; }

    public int CipherIvLength { get; }

    public AuthEngine? Auth { get; }

    public bool Generate { get; }

    public int AuthIvOffset { get; }

    public int AuthIvLength { get; }

    /// <summary>Digest or tag bytes the op carries (0 for NULL auth, whose digest area is left alone).</summary>
    public int DigestLength { get; }

    public AeadEngine? Aead { get; }

    public bool AeadEncrypt { get; }

    public int AeadIvOffset { get; }

    public int AeadIvLength { get; }

    public int AadLength { get; }

    /// <summary>The auth engine for one queue pair (created on that queue pair's first use: no allocation after warm-up).</summary>
    public AuthEngine AuthLane(int queuePairId) => _authLanes[queuePairId] ??= Auth!.ForLane();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The caller guarantees no op in flight uses the session (DPDK's rule for session free).
            for (int i = 0; i < _authLanes.Length; i++)
            {
                if (_authLanes[i] is { } lane && !ReferenceEquals(lane, Auth))
                {
                    lane.Dispose();
                }

                _authLanes[i] = null;
            }

            Auth?.Dispose();
        }
    }
}
