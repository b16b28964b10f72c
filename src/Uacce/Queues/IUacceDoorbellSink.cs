namespace AccelSdk.Uacce.Queues;

/// <summary>
/// Told about every doorbell write to a device model's MMIO region (<see cref="UacceRegion.WriteDoorbell32"/>),
/// after the store, so that a parked model engine wakes up. Kernel regions have no sink: the store is all there is.
/// </summary>
internal interface IUacceDoorbellSink
{
    void OnDoorbell(long offset, ulong value);
}
