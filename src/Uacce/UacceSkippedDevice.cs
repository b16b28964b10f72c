namespace AccelSdk.Uacce;

/// <summary>A directory entry or model the scan did not turn into a device, and the precise reason.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Origin">Kernel entry or device model.</param>
/// <param name="Reason">Why it was skipped, for example <c>flags attribute 'abc' is not an unsigned 32-bit number</c>.</param>
public sealed record UacceSkippedDevice(string Name, UacceDeviceOrigin Origin, string Reason);
