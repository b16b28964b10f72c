using AccelSdk.Uacce.Memory;

namespace AccelSdk.Uacce.Models;

/// <summary>
/// A device model's view of host memory: what an IOMMU would let the device reach. Every device address in a
/// descriptor is resolved here; an address outside the memory the driver registered does not resolve, and the
/// model completes that job with an error instead of touching the memory.
/// </summary>
public sealed unsafe class UacceModelMemory
{
    private readonly UacceAddressSpace _space;

    internal UacceModelMemory(UacceAddressSpace space) => _space = space;

    /// <summary>Whether descriptors carry process addresses (SVA) or bus addresses assigned at registration.</summary>
    public UacceAddressMode Mode => _space.Mode;

    /// <summary>Resolves [<paramref name="deviceAddress"/>, +<paramref name="length"/>) to host memory.</summary>
    /// <returns><see langword="false"/> when the block is not inside one registered region (or <paramref name="length"/> is negative).</returns>
    public bool TryGetSpan(ulong deviceAddress, int length, out Span<byte> span)
    {
        if (length >= 0 && _space.TryResolve(deviceAddress, length, out nint address))
        {
            span = new Span<byte>((void*)address, length);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>Resolves a block of any length to its host address, for models that copy with pointers.</summary>
    /// <returns><see langword="false"/> when the block is not inside one registered region.</returns>
    public bool TryGetAddress(ulong deviceAddress, long length, out nint address) =>
        _space.TryResolve(deviceAddress, length, out address);
}
