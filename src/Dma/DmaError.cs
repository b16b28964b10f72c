namespace AccelSdk.Dma;

/// <summary>
/// The negative results of the enqueue calls (<see cref="DmaDevice.Copy"/>, <see cref="DmaDevice.CopySg"/>,
/// <see cref="DmaDevice.Fill"/>) and of <see cref="DmaDevice.Submit"/>: DPDK's negated errno values, so that a
/// DPDK user reads them as such. A data-path call never throws for these conditions.
/// </summary>
public static class DmaError
{
    /// <summary><c>-EPERM</c>: the device is not started (never started, or stopped).</summary>
    public const int NotPermitted = -1;

    /// <summary><c>-EIO</c>: the device reported a fault (for a UACCE queue, its reset words are set); stop and start it to recover.</summary>
    public const int IoError = -5;

    /// <summary><c>-EINVAL</c>: a length outside [1, <see cref="DmaDeviceInfo.MaxLength"/>], a scatter-gather list outside [1, <see cref="DmaDeviceInfo.MaxSges"/>] entries, or source and destination lists of different total length.</summary>
    public const int InvalidArgument = -22;

    /// <summary><c>-ENOSPC</c>: the ring is full; harvest completions (after a submit) and try again.</summary>
    public const int NoSpace = -28;

    /// <summary><c>-ENOTSUP</c>: the device lacks the capability for this job (<see cref="DmaCapabilities.OpsCopySg"/>, <see cref="DmaCapabilities.OpsFill"/>).</summary>
    public const int NotSupported = -95;

    /// <summary>The DPDK name of a result: <c>ENOSPC</c> for <see cref="NoSpace"/>, the job index for a non-negative value.</summary>
    public static string Describe(int result) => result switch
    {
        >= 0 => $"job {result}",
        NotPermitted => "EPERM (device not started)",
        IoError => "EIO (device fault)",
        InvalidArgument => "EINVAL (invalid length or list)",
        NoSpace => "ENOSPC (ring full)",
        NotSupported => "ENOTSUP (operation not supported)",
        _ => $"error {result}",
    };
}
