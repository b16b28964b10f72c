namespace AccelSdk.Uacce;

/// <summary>What probing did with one UACCE device.</summary>
public enum UacceProbeStatus
{
    /// <summary>A driver created one or more devices for it.</summary>
    Claimed,

    /// <summary>No registered driver's id table matches it (it is still listed by <c>accel devices</c>).</summary>
    NoDriver,

    /// <summary>A driver matched but returned no device.</summary>
    Declined,

    /// <summary>The matching driver failed (threw); the device cannot be used.</summary>
    Failed,

    /// <summary>The device is isolated (<c>isolate</c> = 1) and was not probed.</summary>
    Isolated,
}
