namespace AccelSdk.Uacce;

/// <summary>Where a UACCE device comes from.</summary>
public enum UacceDeviceOrigin
{
    /// <summary>A kernel UACCE device found under the sysfs class directory, with a character device in <c>/dev</c>.</summary>
    Kernel,

    /// <summary>An in-process device model hosted by the bus (<see cref="Models.UacceDeviceModel"/>).</summary>
    Model,
}
