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
    private readonly bool _anyAddress;

    internal UacceModelMemory(UacceAddressSpace space, bool requireRegisteredMemory)
    {
        _space = space;
        _anyAddress = !requireRegisteredMemory && space.Mode == UacceAddressMode.Sva;
    }

    /// <summary>Whether any non-null address resolves (SVA with <see cref="UacceDeviceModelOptions.RequireRegisteredMemory"/> off).</summary>
    public bool ReachesAnyAddress => _anyAddress;

    /// <summary>Whether descriptors carry process addresses (SVA) or bus addresses assigned at registration.</summary>
    public UacceAddressMode Mode => _space.Mode;

    /// <summary>Resolves [<paramref name="deviceAddress"/>, +<paramref name="length"/>) to host memory.</summary>
    /// <returns><see langword="false"/> when the block is not inside one registered region (or <paramref name="length"/> is negative).</returns>
    public bool TryGetSpan(ulong deviceAddress, int length, out Span<byte> span)
    {
        if (length >= 0 && TryGetAddress(deviceAddress, length, out nint address))
        {
            span = new Span<byte>((void*)address, length);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>Resolves a block of any length to its host address, for models that copy with pointers.</summary>
    /// <returns><see langword="false"/> when the block is not inside one registered region.</returns>
    public bool TryGetAddress(ulong deviceAddress, long length, out nint address)
    {
        if (_anyAddress)
        {
            // Like SVA hardware: the process address is the device address; only null and wrapping blocks are refused.
            bool ok = deviceAddress != 0 && length >= 0 && deviceAddress + (ulong)length >= deviceAddress && deviceAddress <= (ulong)nint.MaxValue;
            address = ok ? (nint)deviceAddress : 0;
            return ok;
        }

        return _space.TryResolve(deviceAddress, length, out address);
    }
}
