using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Core.Devices;

namespace AccelSdk.Bbdev.Tests.Devices;

/// <summary>The library's control-path checks (DPDK's bbdev unittest suite, on the null device).</summary>
public sealed class BbdevDeviceLifecycleTests
{
    private static BbdevDevice CreateNull(string args = "") =>
        (BbdevDevice)new BasebandNullDriver().Create("bbdev_null_test", DeviceArguments.Parse(args));

    [Fact]
    public void NewDevice_IsInitialized_WithNoQueues()
    {
        using BbdevDevice device = CreateNull();
        Assert.Equal(DeviceState.Initialized, device.State);
        Assert.Equal(0, device.QueueCount);
        Assert.Equal("baseband_null", device.DriverName);
        Assert.Empty(device.Info.Capabilities);
        Assert.False(device.GetInfo().Started);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void SetupQueues_OutOfRange_NamesTheLimit(int count)
    {
        using BbdevDevice device = CreateNull();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => device.SetupQueues(count));
        Assert.Contains("[1, 16]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCalls_WhileStarted_AreRejected()
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(2);
        device.ConfigureQueue(0);
        device.ConfigureQueue(1);
        device.Start();
        Assert.Equal(DeviceState.Started, device.State);
        Assert.Throws<InvalidOperationException>(() => device.SetupQueues(1));
        Assert.Throws<InvalidOperationException>(() => device.ConfigureQueue(0));
        device.Stop();
        Assert.Equal(DeviceState.Stopped, device.State);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 64 });
        Assert.Equal(BbdevOpType.LdpcDec, device.GetQueueInfo(0).Config!.OpType);
    }

    [Fact]
    public void Start_WithUnconfiguredQueue_Throws()
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(2);
        device.ConfigureQueue(0);
        var ex = Assert.Throws<InvalidOperationException>(device.Start);
        Assert.Contains("queue 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(32768)]
    public void ConfigureQueue_BadSize_NamesTheRange(int size)
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => device.ConfigureQueue(0, new BbdevQueueConfig { QueueSize = size }));
        Assert.Contains("power of two in [1, 16384]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureQueue_BadPriority_IsRejected()
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.ConfigureQueue(0, new BbdevQueueConfig { Priority = 1 }));
    }

    [Fact]
    public void QueueIds_OutOfRange_AreRejected()
    {
        using BbdevDevice device = CreateNull();
        Assert.Throws<ArgumentOutOfRangeException>(() => device.ConfigureQueue(0));
        device.SetupQueues(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => device.ConfigureQueue(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => device.GetQueueStats(-1));
    }

    [Fact]
    public void DeferredStartQueue_StaysStoppedUntilStartedExplicitly()
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(1);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 8, DeferredStart = true });
        device.Start();
        var op = new LdpcEncOp();
        Assert.Equal(0, device.EnqueueLdpcEnc(0, [op]));
        Assert.Equal(1, device.GetQueueStats(0).EnqueueStatusCount[(int)BbdevEnqueueStatus.QueueStopped]);
        device.StartQueue(0);
        Assert.True(device.GetQueueInfo(0).Started);
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
    }

    [Fact]
    public void Close_ReleasesQueues_AndRequiresSetupAgain()
    {
        using BbdevDevice device = CreateNull();
        device.SetupQueues(1);
        device.ConfigureQueue(0);
        device.Start();
        device.Close();
        Assert.Equal(DeviceState.Closed, device.State);
        Assert.Equal(0, device.QueueCount);
        Assert.Throws<InvalidOperationException>(device.Start);
        device.SetupQueues(1);
        device.ConfigureQueue(0);
        device.Start();
    }

    [Fact]
    public void Dispose_MakesTheDeviceUnusable()
    {
        BbdevDevice device = CreateNull();
        device.Dispose();
        Assert.Throws<ObjectDisposedException>(() => device.SetupQueues(1));
    }

    [Fact]
    public void DriverArguments_AreValidated()
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateNull("max_nb_queues=0"));
        Assert.Contains("[1, 128]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CreateNull("bogus=1"));
        using BbdevDevice device = CreateNull("max_nb_queues=4,socket_id=1");
        Assert.Equal(4, device.Info.MaxQueues);
        Assert.Equal(1, device.NumaNode);
    }
}
