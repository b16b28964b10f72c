using AccelSdk.Dma.Tests.Infrastructure;
using AccelSdk.Uacce;

namespace AccelSdk.Dma.Tests.Drivers;

/// <summary>What <c>dma_uacce</c> adds to the shared suites: probing like hisi_acc, per-job engine errors, device faults and recovery.</summary>
public sealed class UacceDriverTests
{
    [Fact]
    public void Probe_CreatesOneDevicePerRequestedQueue_NamedAfterTheUacceDevice()
    {
        using var h = new UacceHarness(o => o.QueueCount = 3, devargs: "queues=2");
        Assert.Equal(["hisi_zip-0-dma0", "hisi_zip-0-dma1"], h.Devices.Select(d => d.Name));
        Assert.Equal(1, h.Model.AvailableInstances);
        DmaDeviceInfo info = h.Device.GetInfo();
        Assert.Equal("dma_uacce", info.DriverName);
        Assert.Equal(1, info.MaxVchans);
        Assert.Equal(h.Model.Depth, info.MinDesc);
        Assert.Equal(h.Model.Depth, info.MaxDesc);
        Assert.Equal((1 << 24) - 1, info.MaxLength);
        Assert.Equal(DmaCapabilities.MemToMem | DmaCapabilities.Sva | DmaCapabilities.OpsCopy | DmaCapabilities.OpsFill | DmaCapabilities.HandlesErrors, info.Capabilities);
        Assert.Equal("uacce:hisi_zip-0", h.Device.Location);
    }

    [Fact]
    public void Probe_ClampsQueuesToTheFreeOnes()
    {
        using var h = new UacceHarness(o => o.QueueCount = 2, devargs: "queues=5");
        Assert.Equal(2, h.Devices.Count);
        Assert.Equal(0, h.Model.AvailableInstances);
    }

    [Fact]
    public void Close_GivesTheQueueBack_AndConfigureTakesANewOne()
    {
        using var h = new UacceHarness(o => o.QueueCount = 2);
        Assert.Equal(1, h.Model.AvailableInstances);
        h.ConfigureAndStart();
        h.Device.Stop();
        h.Device.Close();
        Assert.Equal(2, h.Model.AvailableInstances);
        h.ConfigureAndStart();
        Assert.Equal(1, h.Model.AvailableInstances);
        CopyAndCheck(h, 0);
    }

    [Fact]
    public void InjectedEngineErrors_FailExactlyThoseJobs()
    {
        using var h = new UacceHarness();
        h.ConfigureAndStart();
        nint src = h.Allocate(4096);
        nint dst = h.Allocate(4096);
        Assert.Equal(0, h.Device.Copy(0, src, dst, 64, DmaOpFlags.Submit));
        h.WaitIdle();
        Assert.Equal(1, h.Device.Completed(0, 8, out _, out _));
        h.Model.InjectJobErrors(2);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(h.Device.Copy(0, src, dst, 64) >= 0);
        }

        Assert.Equal(0, h.Device.Submit(0));
        h.WaitIdle();
        var status = new DmaStatus[4];
        Assert.Equal(4, h.Device.CompletedStatus(0, 4, out ushort last, status));
        Assert.Equal(4, last);
        Assert.Equal([DmaStatus.ErrorUnknown, DmaStatus.ErrorUnknown, DmaStatus.Successful, DmaStatus.Successful], status);
        Assert.Equal(new DmaStats(5, 5, 2), h.Device.GetStats(0));
    }

    [Fact]
    public void UnregisteredMemory_FailsTheJob_WithAnAddressStatus()
    {
        using var h = new UacceHarness();
        h.ConfigureAndStart();
        nint registered = h.Allocate(4096);
        using var stray = new NativeArena(8192);
        Assert.Equal(0, h.Device.Copy(0, stray.Address, registered, 128));
        Assert.Equal(1, h.Device.Copy(0, registered, stray.Address, 128));
        Assert.Equal(2, h.Device.Fill(0, 0x1122334455667788, stray.Address, 128, DmaOpFlags.Submit));
        h.WaitIdle();
        var status = new DmaStatus[3];
        Assert.Equal(3, h.Device.CompletedStatus(0, 3, out _, status));
        Assert.Equal([DmaStatus.InvalidSrcAddr, DmaStatus.InvalidDstAddr, DmaStatus.InvalidDstAddr], status);
        Assert.True(NativeArena.Span(stray.Address, 8192).IndexOfAnyExcept((byte)0) < 0, "the device wrote unregistered memory");
    }

    [Fact]
    public void DeviceReset_FailsEveryUnreportedJob_HaltsTheVchan_AndStartReopensTheQueue()
    {
        using var h = new UacceHarness(o => o.QueueCount = 2);
        int ringSize = h.ConfigureAndStart();
        nint src = h.Allocate(1 << 20);
        nint dst = h.Allocate(1 << 20);
        int capacity = h.Device.BurstCapacity(0);
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal(i, h.Device.Copy(0, src, dst, 1 << 20));
        }

        // Ring the doorbell and reset at once: some jobs finish, the rest must come back as failures, none twice.
        Assert.Equal(0, h.Device.Submit(0));
        h.Model.InjectReset();
        Assert.Equal(DmaError.IoError, h.Device.Copy(0, src, dst, 64));
        Assert.Equal(DmaVchanStatus.HaltedError, h.Device.GetVchanStatus(0));
        var status = new DmaStatus[capacity + 8];
        int reported = h.Device.CompletedStatus(0, status.Length, out ushort last, status);
        Assert.Equal(capacity, reported);
        Assert.Equal(capacity - 1, last);
        Assert.All(status[..reported], s => Assert.True(s is DmaStatus.Successful or DmaStatus.ErrorUnknown, $"status {s}"));
        int failed = status[..reported].Count(s => s != DmaStatus.Successful);
        Assert.Equal(new DmaStats(capacity, capacity, failed), h.Device.GetStats(0));

        h.Device.Stop();
        h.Device.Start();
        Assert.Equal(DmaVchanStatus.Idle, h.Device.GetVchanStatus(0));
        CopyAndCheck(h, 0);
        Assert.True(ringSize > 0);
    }

    [Fact]
    public void ResetWithStagedJobs_RefusesTheDoorbell_AndStopAbortsThem()
    {
        using var h = new UacceHarness();
        h.ConfigureAndStart();
        nint src = h.Allocate(4096);
        nint dst = h.Allocate(4096);
        Assert.Equal(0, h.Device.Copy(0, src, dst, 64));
        h.Model.InjectReset();
        Assert.Equal(DmaError.IoError, h.Device.Submit(0));
        h.Device.Stop();
        var status = new DmaStatus[2];
        Assert.Equal(1, h.Device.CompletedStatus(0, 2, out _, status));
        Assert.Equal(DmaStatus.UserAbort, status[0]);
        h.Device.Start();
        CopyAndCheck(h, 0);
    }

    [Fact]
    public void NoIommuDevice_IsSvaFree_AndTranslatesRegisteredMemory()
    {
        using var h = new UacceHarness(o => o.AddressMode = UacceAddressMode.NoIommu);
        Assert.False(h.Device.Capabilities.HasFlag(DmaCapabilities.Sva));
        h.ConfigureAndStart();
        CopyAndCheck(h, 0);
    }

    [Fact]
    public void Dump_ShowsTheQueueState()
    {
        using var h = new UacceHarness();
        h.ConfigureAndStart();
        using var writer = new StringWriter();
        h.Device.Dump(writer);
        Assert.Contains("dma_uacce queue 0: depth 1024, health Ok", writer.ToString(), StringComparison.Ordinal);
    }

    private static void CopyAndCheck(UacceHarness h, int expectedId)
    {
        nint src = h.Allocate(3000);
        nint dst = h.Allocate(3000);
        Random.Shared.NextBytes(NativeArena.Span(src, 3000));
        Assert.Equal(expectedId, h.Device.Copy(0, src, dst, 3000, DmaOpFlags.Submit));
        h.WaitIdle();
        Assert.Equal(1, h.Device.Completed(0, 4, out ushort last, out bool error));
        Assert.Equal(expectedId, last);
        Assert.False(error);
        Assert.True(NativeArena.Span(src, 3000).SequenceEqual(NativeArena.Span(dst, 3000)));
    }
}
