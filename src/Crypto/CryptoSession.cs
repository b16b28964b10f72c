using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto;

/// <summary>
/// An immutable per-flow crypto context bound to one device (DPDK <c>rte_cryptodev_sym_session</c>): the validated
/// transform chain with keys expanded once. Create with <see cref="CryptoDevice.CreateSession"/>; dispose when no
/// op in flight uses it any more. One session may serve many queue pairs and threads.
/// </summary>
public abstract class CryptoSession : IDisposable
{
    private int _disposed;

    /// <summary>Called by drivers.</summary>
    protected CryptoSession(CryptoDevice device, CryptoTransform transform)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(transform);
        Device = device;
        Transform = transform;
    }

    /// <summary>The device the session belongs to.</summary>
    public CryptoDevice Device { get; }

    /// <summary>The transform chain the session was created from.</summary>
    public CryptoTransform Transform { get; }

    /// <summary>Free for the application (DPDK's session opaque data).</summary>
    public ulong Opaque { get; set; }

    /// <summary>Whether <see cref="Dispose()"/> has run; ops using a disposed session complete with <see cref="CryptoOpStatus.InvalidSession"/>.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Frees the session (DPDK <c>rte_cryptodev_sym_session_free</c>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Device.OnSessionDisposed();
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Releases driver state.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
