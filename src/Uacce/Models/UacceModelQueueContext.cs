using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Models;

/// <summary>What the framework hands a model when a driver opens one of its queues.</summary>
public sealed class UacceModelQueueContext
{
    private readonly Action _signal;

    internal UacceModelQueueContext(UacceDeviceModel device, int queueId, UacceRegion mmio, UacceRegion dus, UacceModelMemory memory, Action signal)
    {
        Device = device;
        QueueId = queueId;
        Mmio = mmio;
        Dus = dus;
        Memory = memory;
        _signal = signal;
    }

    /// <summary>The model the queue belongs to.</summary>
    public UacceDeviceModel Device { get; }

    /// <summary>The hardware queue number, in [0, <see cref="UacceDeviceModelOptions.QueueCount"/>).</summary>
    public int QueueId { get; }

    /// <summary>The queue's MMIO region (zeroed at open): the registers the driver writes; no wake-up on the model's own stores.</summary>
    public UacceRegion Mmio { get; }

    /// <summary>The queue's DUS region (zeroed at open): the rings shared with the driver; its last 8 bytes are the reset words.</summary>
    public UacceRegion Dus { get; }

    /// <summary>Host memory as the device may reach it.</summary>
    public UacceModelMemory Memory { get; }

    internal void Signal() => _signal();
}
