using System.Diagnostics.Metrics;
using AccelSdk.Core.Devices;

namespace AccelSdk.Core.Metrics;

/// <summary>
/// Publishes every registered queue's <see cref="QueueCounters"/> through <see cref="System.Diagnostics.Metrics"/>
/// as observable counters named <c>accelsdk.{class}.{enqueued|dequeued|enqueue_errors|dequeue_errors}</c>, tagged
/// with <c>device</c> and <c>queue</c>, on the meter <see cref="MeterName"/>.
/// </summary>
/// <remarks>
/// Observable instruments cost the data path nothing: the counters are plain fields, read only when a listener
/// (<c>dotnet-counters monitor --counters AccelSdk</c>, OpenTelemetry) collects.
/// </remarks>
public static class AccelMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AccelSdk";

    private static readonly Meter s_meter = new(MeterName, "1.0");
    private static readonly Lock s_lock = new();
    private static readonly List<Registration> s_queues = new();

    static AccelMetrics()
    {
        foreach (DeviceClass deviceClass in Enum.GetValues<DeviceClass>())
        {
            string prefix = $"accelsdk.{deviceClass.ToString().ToLowerInvariant()}.";
            DeviceClass captured = deviceClass;
            s_meter.CreateObservableCounter(prefix + "enqueued", () => Observe(captured, c => c.Enqueued), "{operation}", "Operations accepted by enqueue");
            s_meter.CreateObservableCounter(prefix + "dequeued", () => Observe(captured, c => c.Dequeued), "{operation}", "Operations returned by dequeue");
            s_meter.CreateObservableCounter(prefix + "enqueue_errors", () => Observe(captured, c => c.EnqueueErrors), "{operation}", "Operations rejected at enqueue");
            s_meter.CreateObservableCounter(prefix + "dequeue_errors", () => Observe(captured, c => c.DequeueErrors), "{operation}", "Operations completed with an error status");
        }
    }

    /// <summary>Starts publishing a queue's counters; dispose the result to stop (when the queue is released).</summary>
    public static IDisposable RegisterQueue(DeviceClass deviceClass, string deviceName, int queueId, QueueCounters counters)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        ArgumentNullException.ThrowIfNull(counters);
        var registration = new Registration(deviceClass, deviceName, queueId, counters);
        lock (s_lock)
        {
            s_queues.Add(registration);
        }

        return registration;
    }

    private static IEnumerable<Measurement<long>> Observe(DeviceClass deviceClass, Func<QueueCounters, long> read)
    {
        Registration[] snapshot;
        lock (s_lock)
        {
            snapshot = s_queues.Where(r => r.Class == deviceClass).ToArray();
        }

        foreach (Registration r in snapshot)
        {
            yield return new Measurement<long>(read(r.Counters),
                new KeyValuePair<string, object?>("device", r.Device),
                new KeyValuePair<string, object?>("queue", r.Queue));
        }
    }

    private sealed class Registration(DeviceClass deviceClass, string device, int queue, QueueCounters counters) : IDisposable
    {
        public DeviceClass Class { get; } = deviceClass;

        public string Device { get; } = device;

        public int Queue { get; } = queue;

        public QueueCounters Counters { get; } = counters;

        public void Dispose()
        {
            lock (s_lock)
            {
                s_queues.Remove(this);
            }
        }
    }
}
