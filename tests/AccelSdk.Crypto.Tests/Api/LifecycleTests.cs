using AccelSdk.Core.Devices;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>Device and queue-pair lifecycle and statistics, as DPDK's cryptodev unit tests check them.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Configure_InvalidQueuePairCount_NamesTheRange(int count)
    {
        using var device = new TestDevice(start: false);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => device.Device.Configure(new CryptoDeviceConfig { QueuePairCount = count }));
        Assert.Contains("allowed 1..8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void SetupQueuePair_InvalidDescriptorCount_NamesTheRange(int descriptors)
    {
        using var device = new TestDevice(start: false);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => device.Device.SetupQueuePair(0, new CryptoQueuePairConfig { DescriptorCount = descriptors }));
        Assert.Contains("DescriptorCount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateMachine_FollowsDpdk()
    {
        using var device = new TestDevice(start: false);
        CryptoDevice d = device.Device;
        Assert.Equal(DeviceState.Configured, d.State);
        d.Start();
        Assert.Equal(DeviceState.Started, d.State);
        Assert.Throws<InvalidOperationException>(() => d.Configure(new CryptoDeviceConfig()));
        Assert.Throws<InvalidOperationException>(() => d.SetupQueuePair(0, new CryptoQueuePairConfig()));
        d.Stop();
        Assert.Equal(DeviceState.Stopped, d.State);
        d.Configure(new CryptoDeviceConfig { QueuePairCount = 2 });
        d.SetupQueuePair(0, new CryptoQueuePairConfig());
        var ex = Assert.Throws<InvalidOperationException>(d.Start);
        Assert.Contains("queue pair 1", ex.Message, StringComparison.Ordinal);
        d.SetupQueuePair(1, new CryptoQueuePairConfig());
        d.Start();
        d.Close();
        Assert.Equal(DeviceState.Closed, d.State);
        Assert.Throws<InvalidOperationException>(d.Start);
    }

    [Fact]
    public void Stats_AfterOneOp_AreOneOneZeroZero_AndResetZeroes()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Null });
        CryptoOp op = f.Op(session, f.Buffer(new byte[16]));
        OpFactory.RunBurst(device.Device, 0, op);
        Assert.Equal(new CryptoStats(1, 1, 0, 0), device.Device.GetStats());
        Assert.Equal(new CryptoStats(1, 1, 0, 0), device.Device.GetQueuePairStats(0));
        device.Device.ResetStats();
        Assert.Equal(default, device.Device.GetStats());
    }

    [Fact]
    public void EnqueueWhenNotStarted_ReturnsZero_AndCountsErrors()
    {
        using var device = new TestDevice(start: false);
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Null });
        CryptoOp op = f.Op(session, f.Buffer(new byte[16]));
        Assert.Equal(0, device.Device.EnqueueBurst(0, [op]));
        Assert.Equal(1, device.Device.GetStats().EnqueueErrorCount);
    }

    [Theory]
    [InlineData("crypto_sw0")]
    [InlineData("crypto_sw0,workers=1")]
    public void FullQueue_IsAShortCount_AndNothingIsLost(string devargs)
    {
        using var device = new TestDevice(devargs, depth: 8);
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Null });
        CryptoOp[] ops = Enumerable.Range(0, 20).Select(_ => f.Op(session, f.Buffer(new byte[16]))).ToArray();
        int accepted = device.Device.EnqueueBurst(0, ops);
        Assert.Equal(8, accepted);
        Assert.Equal(12, device.Device.GetStats().EnqueueErrorCount);
        CryptoOp[] done = OpFactory.RunBurst(device.Device, 0, ops[..accepted]);
        Assert.Equal(ops[..accepted], done);
        Assert.Equal(0, device.Device.GetQueuePairDepthUsed(0));
    }

    [Fact]
    public void Stop_InWorkerMode_CompletesAcceptedOps()
    {
        using var device = new TestDevice("crypto_sw0,workers=1", depth: 256);
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Snow3GUea2, Key = new byte[16], IvLength = 16 });
        CryptoOp[] ops = Enumerable.Range(0, 100).Select(_ =>
        {
            CryptoOp op = f.Op(session, f.Buffer(new byte[512]));
            op.CipherLength = 4096;
            return op;
        }).ToArray();
        Assert.Equal(100, device.Device.EnqueueBurst(0, ops));
        device.Device.Stop();
        var done = new CryptoOp[100];
        Assert.Equal(100, device.Device.DequeueBurst(0, done));
        Assert.All(done, op => Assert.Equal(CryptoOpStatus.Success, op.Status));
        Assert.Equal(ops, done);
    }

    [Fact]
    public void RegistryAndDependencyInjection_CreateDevicesByName()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        DependencyInjection.CryptoSdkBuilderExtensions.AddCryptoSoftware(
            Core.DependencyInjection.AccelSdkServiceCollectionExtensions.AddAccelSdk(services, o => o.VirtualDevices.Add("crypto_sw0,max_queues=4,workers=2")));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var registry = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DeviceRegistry>(provider);
        CryptoDevice device = registry.Get<CryptoDevice>("crypto_sw0");
        Assert.Equal(4, device.Info.MaxQueuePairs);
        Assert.Equal(DeviceClass.Crypto, device.Class);
        Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice("crypto_sw1,workers=99"));
        Assert.Throws<ArgumentException>(() => registry.CreateVirtualDevice("crypto_sw1,bogus=1"));
    }
}
