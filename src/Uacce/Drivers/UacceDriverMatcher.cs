using AccelSdk.Uacce.Discovery;

namespace AccelSdk.Uacce.Drivers;

/// <summary>DPDK's matching rules between a driver's id table and a device.</summary>
internal static class UacceDriverMatcher
{
    /// <summary>The first id of <paramref name="driver"/> that matches <paramref name="device"/>, or <see langword="null"/> with the reason.</summary>
    public static UacceDriverId? Match(IUacceDriver driver, UacceDevice device, out string reason)
    {
        if (device.AddressMode == UacceAddressMode.NoIommu && (driver.Flags & UacceDriverFlags.SupportsNoIommu) == 0)
        {
            reason = $"{driver.Name} does not support devices without an IOMMU";
            return null;
        }

        bool forward = (driver.Flags & UacceDriverFlags.ForwardCompatible) != 0;
        foreach (UacceDriverId id in driver.IdTable)
        {
            if (ApiMatches(id.Api, device.Api, forward) && AlgorithmsMatch(id, device))
            {
                reason = string.Empty;
                return id;
            }
        }

        reason = $"{driver.Name} drives {string.Join("; ", driver.IdTable)}";
        return null;
    }

    /// <summary>
    /// Exact (ordinal) equality, or with forward compatibility: both apis end in <c>v&lt;N&gt;</c> with N &gt; 0,
    /// the <c>v</c> at the same offset after the same prefix, and the device's N at least the id's.
    /// </summary>
    public static bool ApiMatches(string idApi, string deviceApi, bool forwardCompatible)
    {
        if (string.Equals(idApi, deviceApi, StringComparison.Ordinal))
        {
            return true;
        }

        if (!forwardCompatible)
        {
            return false;
        }

        int idVersion = UacceDeviceParser.ParseApiVersion(idApi);
        int deviceVersion = UacceDeviceParser.ParseApiVersion(deviceApi);
        if (idVersion <= 0 || deviceVersion <= 0)
        {
            return false;
        }

        int v = idApi.LastIndexOf('v');
        return v == deviceApi.LastIndexOf('v')
            && idApi.AsSpan(0, v).SequenceEqual(deviceApi.AsSpan(0, v))
            && deviceVersion >= idVersion;
    }

    /// <summary>Every algorithm of the id is a whole token of the device's list.</summary>
    public static bool AlgorithmsMatch(UacceDriverId id, UacceDevice device)
    {
        foreach (string algorithm in id.Algorithms)
        {
            if (!device.HasAlgorithm(algorithm))
            {
                return false;
            }
        }

        return true;
    }
}
