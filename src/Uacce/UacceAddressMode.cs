namespace AccelSdk.Uacce;

/// <summary>How a driver must express memory addresses in the descriptors it gives a UACCE device.</summary>
public enum UacceAddressMode
{
    /// <summary>
    /// Shared virtual addressing: hand the device process virtual addresses (a pinned buffer's address as it is);
    /// translation is the identity.
    /// </summary>
    Sva,

    /// <summary>
    /// No IOMMU: the device sees bus addresses, so every address must be translated through a table of registered
    /// memory (<see cref="Memory.UacceAddressSpace"/>); unregistered memory cannot be given to the device.
    /// </summary>
    NoIommu,
}
