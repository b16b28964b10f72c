using System.Runtime.CompilerServices;
using AccelSdk.Core.Buffers;
using AccelSdk.Uacce.Memory;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// The buffer pools a device may reach: each pool whose segments appear in an op is registered with the device's
/// UACCE address space the first time it is seen (what DPDK does when it DMA-maps a mempool's memory), and stays
/// registered until the device is closed.
/// </summary>
/// <remarks>
/// Registration is rare and takes a lock; lookups read an immutable array and never lock or allocate. Under SVA the
/// table only lets a device model check addresses as an IOMMU would; without an IOMMU it is the translation.
/// </remarks>
internal sealed class QdmaMemoryMap : IDisposable
{
    private readonly UacceAddressSpace _space;
    private readonly Lock _lock = new();
    private Registration[] _registrations = [];
    private bool _disposed;

    public QdmaMemoryMap(UacceAddressSpace space)
    {
        _space = space;
    }

    /// <summary>Whether translation is the identity (SVA).</summary>
    public bool IsIdentity => _space.IsIdentity;

    /// <summary>Whether <paramref name="pool"/> is registered (lock-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsRegistered(BufferPool pool)
    {
        foreach (Registration registration in Volatile.Read(ref _registrations))
        {
            if (ReferenceEquals(registration.Pool, pool))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Registers <paramref name="pool"/>'s memory if it is not yet; returns false when the device cannot reach it.</summary>
    public bool TryRegister(BufferPool pool)
    {
        if (IsRegistered(pool))
        {
            return true;
        }

        return TryRegisterSlow(pool);
    }

    /// <summary>The device address of [<paramref name="address"/>, +<paramref name="length"/>), or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTranslate(nint address, int length, out ulong iova) => _space.TryTranslate(address, length, out iova);

    /// <summary>Unregisters every pool.</summary>
    public void Dispose()
    {
        Registration[] registrations;
        lock (_lock)
        {
            _disposed = true;
            registrations = _registrations;
            _registrations = [];
        }

        foreach (Registration registration in registrations)
        {
            registration.Region.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryRegisterSlow(BufferPool pool)
    {
        lock (_lock)
        {
            if (_disposed || pool.IsDisposed)
            {
                return false;
            }

            foreach (Registration registration in _registrations)
            {
                if (ReferenceEquals(registration.Pool, pool))
                {
                    return true;
                }
            }

            // A disposed pool's memory may have been reused by this one: its stale registration would overlap.
            Registration[] live = Array.FindAll(_registrations, r => !r.Pool.IsDisposed);
            foreach (Registration stale in Array.FindAll(_registrations, r => r.Pool.IsDisposed))
            {
                stale.Region.Dispose();
            }

            UacceMemoryRegion region;
            try
            {
                region = _space.Register(pool.MemoryAddress, pool.MemoryBytes);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                Volatile.Write(ref _registrations, live);
                return false;
            }

            Volatile.Write(ref _registrations, [.. live, new Registration(pool, region)]);
            return true;
        }
    }

    private sealed record Registration(BufferPool Pool, UacceMemoryRegion Region);
}
