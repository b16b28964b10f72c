using System.Diagnostics.Metrics;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Metrics;

namespace AccelSdk.Core.Tests.Metrics;

public sealed class AccelMetricsTests
{
    [Fact]
    public void RegisteredQueue_IsObservedWithDeviceAndQueueTags_UntilDisposed()
    {
        var counters = new QueueCounters();
        counters.AddEnqueued(7, errors: 1);
        counters.AddDequeued(5, errors: 2);
        string device = "metrics_test_" + Guid.NewGuid().ToString("N");
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AccelMetrics.MeterName && instrument.Name.StartsWith("accelsdk.crypto.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "device" && (string?)tag.Value == device)
                {
                    seen[instrument.Name] = value;
                }
            }
        });
        listener.Start();

        using (AccelMetrics.RegisterQueue(DeviceClass.Crypto, device, 3, counters))
        {
            listener.RecordObservableInstruments();
        }

        Assert.Equal(7, seen["accelsdk.crypto.enqueued"]);
        Assert.Equal(5, seen["accelsdk.crypto.dequeued"]);
        Assert.Equal(1, seen["accelsdk.crypto.enqueue_errors"]);
        Assert.Equal(2, seen["accelsdk.crypto.dequeue_errors"]);

        seen.Clear();
        listener.RecordObservableInstruments();
        Assert.Empty(seen);
    }

    [Fact]
    public void QueueCounters_AccumulateAndReset()
    {
        var counters = new QueueCounters();
        counters.AddEnqueued(3, 1, 2);
        counters.AddEnqueued(4);
        counters.AddDequeued(6, 1, 1);
        Assert.Equal(7, counters.Enqueued);
        Assert.Equal(1, counters.EnqueueErrors);
        Assert.Equal(2, counters.EnqueueWarnings);
        Assert.Equal(6, counters.Dequeued);
        Assert.Equal(1, counters.DequeueErrors);
        Assert.Equal(1, counters.DequeueWarnings);
        counters.Reset();
        Assert.Equal(0, counters.Enqueued + counters.Dequeued + counters.EnqueueErrors + counters.DequeueErrors);
    }
}
