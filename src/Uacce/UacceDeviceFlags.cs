namespace AccelSdk.Uacce;

/// <summary>
/// The bits of a UACCE device's <c>flags</c> sysfs attribute (a decimal unsigned number in the kernel's output).
/// </summary>
/// <remarks>
/// Mainline Linux defines only <see cref="Sva"/>; <see cref="NoIommu"/> and <see cref="Iommu"/> come from the
/// openEuler kernels. Other bits are kept in the value (so nothing is lost) and reported as unknown by the scan.
/// </remarks>
[Flags]
public enum UacceDeviceFlags : uint
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>Bit 0: shared virtual addressing. The device translates process virtual addresses through the IOMMU with a PASID.</summary>
    Sva = 1u << 0,

    /// <summary>Bit 1 (openEuler): the device has no IOMMU translation; descriptors must carry bus addresses.</summary>
    NoIommu = 1u << 1,

    /// <summary>Bit 7 (openEuler): the device sits behind an IOMMU (informational).</summary>
    Iommu = 1u << 7,
}
