using AccelSdk.Core.Devices;
using AccelSdk.Dma.Drivers.Software;
using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Drivers;

/// <summary>What <c>dma_sw</c> adds to the shared suites: its device arguments, address checks, independent vchans, streaming copies.</summary>
public sealed class SoftwareDriverTests
{
    [Fact]
    public void Arguments_SetTheReportedLimits()
    {
        using var h = new SoftwareHarness("max_vchans=3,max_desc=4096,max_sges=8,socket_id=1");
        DmaDeviceInfo info = h.Device.GetInfo();
        Assert.Equal("dma_sw0", info.Name);
        Assert.Equal(3, info.MaxVchans);
        Assert.Equal(32, info.MinDesc);
        Assert.Equal(4096, info.MaxDesc);
        Assert.Equal(8, info.MaxSges);
        Assert.Equal(1, info.NumaNode);
        Assert.True(info.Has(DmaCapabilities.Sva | DmaCapabilities.Silent | DmaCapabilities.OpsCopySg | DmaCapabilities.OpsFill));
        Assert.False(info.Has(DmaCapabilities.HandlesErrors));
        Assert.Equal("vdev", h.Device.Location);
    }

    [Theory]
    [InlineData("max_vchans=0", "max_vchans=0")]
    [InlineData("max_desc=16", "max_desc=16")]
    [InlineData("simd=1024", "simd=1024")]
    [InlineData("lcore=3", "lcore")]
    public void Arguments_OutOfRangeOrUnknown_AreRejectedByName(string arguments, string named)
    {
        var registry = new DeviceRegistry();
        registry.AddDriver(new DmaSoftwareDriver());
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => registry.CreateVirtualDevice($"dma_sw,{arguments}"));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        registry.Dispose();
    }

    [Fact]
    public void SkeletonAlias_CreatesASoftwareDevice()
    {
        using var registry = new DeviceRegistry();
        registry.AddDriver(new DmaSoftwareDriver());
        IAccelDevice device = registry.CreateVirtualDevice("dma_skeleton");
        Assert.Equal("dma_sw", device.DriverName);
    }

    [Fact]
    public void CheckAddresses_ReachesOnlyRegisteredMemory()
    {
        using var h = new SoftwareHarness("check_addresses=1");
        Assert.True(h.Device.Capabilities.HasFlag(DmaCapabilities.HandlesErrors));
        Assert.False(h.Device.Capabilities.HasFlag(DmaCapabilities.Sva));
        h.ConfigureAndStart();
        nint registered = h.Allocate(4096);
        using var stray = new NativeArena(8192);
        Assert.Equal(0, h.Device.Copy(0, stray.Address, registered, 64));
        Assert.Equal(1, h.Device.Copy(0, registered, stray.Address, 64));
        Assert.Equal(2, h.Device.Copy(0, registered, registered + 4000, 200));
        Assert.Equal(3, h.Device.Copy(0, registered, registered + 2048, 64, DmaOpFlags.Submit));
        h.WaitIdle();
        var status = new DmaStatus[4];
        Assert.Equal(4, h.Device.CompletedStatus(0, 4, out _, status));
        Assert.Equal(DmaStatus.InvalidSrcAddr, status[0]);
        Assert.Equal(DmaStatus.InvalidDstAddr, status[1]);
        Assert.Equal(DmaStatus.Successful, status[3]);
        ArgumentException overlap = Assert.Throws<ArgumentException>(() => h.Device.RegisterMemory(registered + 16, 64));
        Assert.Contains("overlaps", overlap.Message, StringComparison.Ordinal);
        using (h.Device.RegisterMemory(stray.Address, 8192))
        {
            Assert.Equal(4, h.Device.Copy(0, registered, stray.Address, 64, DmaOpFlags.Submit));
            h.WaitIdle();
            Assert.Equal(1, h.Device.CompletedStatus(0, 4, out _, status));
            Assert.Equal(DmaStatus.Successful, status[0]);
        }
    }

    [Fact]
    public void Vchans_HaveIndependentIndicesAndRings()
    {
        using var h = new SoftwareHarness();
        h.ConfigureAndStart(nbDesc: 64, nbVchans: 3);
        nint src = h.Allocate(256);
        nint dst = h.Allocate(256 * 3);
        Random.Shared.NextBytes(NativeArena.Span(src, 256));
        for (int round = 0; round < 5; round++)
        {
            for (int v = 0; v < 3; v++)
            {
                for (int j = 0; j <= v; j++)
                {
                    Assert.Equal((round * (v + 1)) + j, h.Device.Copy(v, src, dst + (v * 256), 256));
                }
            }
        }

        Assert.Equal(0, h.Device.Submit(1));
        h.WaitIdle(1);
        Assert.Equal(0, h.Device.Completed(0, 64, out _, out _));
        Assert.Equal(10, h.Device.Completed(1, 64, out ushort last, out _));
        Assert.Equal(9, last);
        Assert.Equal(64 - 5, h.Device.BurstCapacity(0));
        Assert.Equal(64 - 15, h.Device.BurstCapacity(2));
        Assert.True(NativeArena.Span(src, 256).SequenceEqual(NativeArena.Span(dst + 256, 256)));
    }

    [Theory]
    [InlineData("stream_threshold=4096")]
    [InlineData("simd=scalar")]
    [InlineData("simd=128")]
    [InlineData("simd=512")]
    public void KernelChoices_CopyAndFillCorrectly(string arguments)
    {
        using var h = new SoftwareHarness(arguments);
        h.ConfigureAndStart();
        int[] lengths = [1, 31, 4096, 70_001, 1 << 20];
        var jobs = new List<(nint Source, nint Destination, int Length)>();
        foreach (int length in lengths)
        {
            foreach (DmaOpFlags flags in new[] { DmaOpFlags.None, DmaOpFlags.Llc })
            {
                nint src = h.Allocate(length);
                nint dst = h.Allocate(length);
                Random.Shared.NextBytes(NativeArena.Span(src, length));
                Assert.True(h.Device.Copy(0, src, dst, length, flags) >= 0);
                jobs.Add((src, dst, length));
            }
        }

        nint filled = h.Allocate(100_003);
        Assert.True(h.Device.Fill(0, 0x0102030405060708, filled, 100_003, DmaOpFlags.Submit) >= 0);
        h.WaitIdle();
        Assert.Equal(jobs.Count + 1, h.Device.Completed(0, 64, out _, out bool error));
        Assert.False(error);
        foreach ((nint src, nint dst, int length) in jobs)
        {
            Assert.True(NativeArena.Span(src, length).SequenceEqual(NativeArena.Span(dst, length)), $"copy of {length} bytes differs");
        }

        Span<byte> fill = NativeArena.Span(filled, 100_003);
        for (int i = 0; i < fill.Length; i++)
        {
            Assert.True(fill[i] == 8 - (i % 8), $"fill byte {i} is {fill[i]}");
        }
    }

    [Fact]
    public void Dump_ShowsEngineAndRingState()
    {
        using var h = new SoftwareHarness();
        h.ConfigureAndStart(64);
        nint buffer = h.Allocate(64);
        Assert.Equal(0, h.Device.Copy(0, buffer, buffer + 32, 16));
        using var writer = new StringWriter();
        h.Device.Dump(writer);
        string text = writer.ToString();
        Assert.Contains("dma_sw engine: running", text, StringComparison.Ordinal);
        Assert.Contains("staged 1, enqueued 1, submitted 0", text, StringComparison.Ordinal);
    }
}
