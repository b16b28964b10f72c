namespace AccelSdk.Uacce.Memory;

/// <summary>
/// A block of process memory registered with a device's <see cref="UacceAddressSpace"/>: the device may read and
/// write it at <see cref="Iova"/>. Dispose to unregister (only after the device has finished with it).
/// </summary>
public sealed class UacceMemoryRegion : IDisposable
{
    private readonly UacceAddressSpace _space;
    private int _registered = 1;

    internal UacceMemoryRegion(UacceAddressSpace space, nint address, long length, ulong iova)
    {
        _space = space;
        Address = address;
        Length = length;
        Iova = iova;
    }

    /// <summary>First byte in this process.</summary>
    public nint Address { get; }

    /// <summary>Length in bytes.</summary>
    public long Length { get; }

    /// <summary>The address the device uses for <see cref="Address"/>: the same value under SVA, a bus address without an IOMMU.</summary>
    public ulong Iova { get; }

    /// <summary>Whether the region is still registered.</summary>
    public bool IsRegistered => Volatile.Read(ref _registered) != 0;

    /// <summary>Unregisters the region; later translations of its addresses fail. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _registered, 0) != 0)
        {
            _space.Unregister(this);
        }
    }

    /// <summary><c>[0x7f.., +length) -> iova 0x..</c>.</summary>
    public override string ToString() => $"[0x{Address:X}, +{Length}) -> 0x{Iova:X}";
}
