namespace AccelSdk.Bbdev;

/// <summary>A device's identity and state plus its driver's report (DPDK's <c>rte_bbdev_info</c>).</summary>
/// <param name="DeviceName">Unique device name.</param>
/// <param name="SocketId">NUMA node, or −1.</param>
/// <param name="QueueCount">Queues currently set up.</param>
/// <param name="Started">Whether the device is started.</param>
/// <param name="Driver">The driver's report.</param>
public sealed record BbdevDeviceInfo(string DeviceName, int SocketId, int QueueCount, bool Started, BbdevDriverInfo Driver);
