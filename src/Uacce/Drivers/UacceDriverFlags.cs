namespace AccelSdk.Uacce.Drivers;

/// <summary>How a UACCE driver matches devices (DPDK's <c>RTE_UACCE_DRV_*</c> flags).</summary>
[Flags]
public enum UacceDriverFlags
{
    /// <summary>Exact api match only; SVA devices only.</summary>
    None = 0,

    /// <summary>
    /// Also match newer versions of an api: with the same prefix up to the final <c>v</c>, a device version at or
    /// above the id's (<c>hisi_qm_v5</c> matches devices <c>hisi_qm_v5</c>, <c>hisi_qm_v6</c>, ..., not <c>hisi_qm_v3</c>).
    /// </summary>
    ForwardCompatible = 1,

    /// <summary>The driver can work without an IOMMU (it translates every address through the device's address space).</summary>
    SupportsNoIommu = 2,
}
