namespace AccelSdk.Uacce;

/// <summary>The result of probing one UACCE device.</summary>
/// <param name="DeviceName">The UACCE device.</param>
/// <param name="Status">What happened.</param>
/// <param name="DriverName">The driver that matched, or <see langword="null"/>.</param>
/// <param name="Devices">Names of the registry devices the driver created (empty unless <see cref="UacceProbeStatus.Claimed"/>).</param>
/// <param name="Detail">A one-line explanation: why no driver matched, the driver's error, ...</param>
public sealed record UacceProbeOutcome(string DeviceName, UacceProbeStatus Status, string? DriverName, IReadOnlyList<string> Devices, string Detail);
