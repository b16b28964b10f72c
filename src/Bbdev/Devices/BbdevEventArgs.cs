namespace AccelSdk.Bbdev;

/// <summary>Arguments of <see cref="BbdevDevice.EventRaised"/>.</summary>
/// <param name="EventType">What happened.</param>
/// <param name="QueueId">The queue concerned, or −1 for the device.</param>
/// <param name="Message">A description for errors, or null.</param>
public sealed record BbdevEventArgs(BbdevEventType EventType, int QueueId, string? Message = null);
