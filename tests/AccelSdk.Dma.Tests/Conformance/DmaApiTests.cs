using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>
/// The infrastructure checks of DPDK's <c>app/test/test_dmadev_api.c</c>, written once against <see cref="DmaDevice"/>
/// and run for every driver (derive and supply the harness). DPDK's <c>-EINVAL</c> for a bad value is an
/// <see cref="ArgumentException"/> here, <c>-EBUSY</c> and wrong-state calls are <see cref="InvalidOperationException"/>s.
/// </summary>
public abstract class DmaApiTests : IDisposable
{
    private const int BufferSize = 1024;

    protected DmaApiTests()
    {
        H = CreateHarness();
        Device = H.Device;
        Info = Device.GetInfo();
    }

    protected DmaHarness H { get; }

    protected DmaDevice Device { get; }

    protected DmaDeviceInfo Info { get; }

    [Fact]
    public void GetDeviceByName_FindsTheDevice_AndRejectsUnknownNames()
    {
        Assert.Same(Device, H.Registry.Get<DmaDevice>(Device.Name));
        KeyNotFoundException unknown = Assert.Throws<KeyNotFoundException>(() => H.Registry.Get<DmaDevice>("no_such_dma_device"));
        Assert.Contains("no_such_dma_device", unknown.Message, StringComparison.Ordinal);
        Assert.False(H.Registry.TryGet("no_such_dma_device", out _));
    }

    [Fact]
    public void Count_IncludesTheDevice()
    {
        Assert.Contains(Device, H.Registry.Devices.OfType<DmaDevice>());
        Assert.Equal(Core.Devices.DeviceClass.Dma, Device.Class);
    }

    [Fact]
    public void InfoGet_ReportsConsistentCapabilitiesAndLimits()
    {
        Assert.Equal(Device.Name, Info.Name);
        Assert.Equal(Device.DriverName, Info.DriverName);
        Assert.True(Info.MaxVchans >= 1, $"max vchans {Info.MaxVchans}");
        Assert.InRange(Info.MinDesc, 1, Info.MaxDesc);
        Assert.True(Info.Has(DmaCapabilities.MemToMem | DmaCapabilities.OpsCopy), $"capabilities {Info.Capabilities}");
        Assert.Equal(Info.Has(DmaCapabilities.OpsCopySg), Info.MaxSges > 0);
        Assert.Equal(0, Info.NbVchans);
        Assert.True(Info.Has(DmaCapabilities.PriorityPolicySp) ? Info.NbPriorities > 1 : Info.NbPriorities == 0);
        Assert.True(Info.MaxLength >= 1);
    }

    [Fact]
    public void Configure_RejectsEveryInvalidConfiguration()
    {
        Assert.Throws<ArgumentNullException>(() => Device.Configure(null!));
        AssertInvalid(() => Device.Configure(new DmaConfig { NbVchans = 0 }), "NbVchans 0");
        AssertInvalid(() => Device.Configure(new DmaConfig { NbVchans = Info.MaxVchans + 1 }), $"NbVchans {Info.MaxVchans + 1}");
        for (int bit = 1; bit < 64; bit++)
        {
            int b = bit;
            AssertInvalid(() => Device.Configure(new DmaConfig { Flags = (DmaConfigFlags)(1UL << b) }), "unknown bits");
        }

        if (!Info.Has(DmaCapabilities.Silent))
        {
            AssertInvalid(() => Device.Configure(1, silent: true), "silent");
        }

        if (!Info.Has(DmaCapabilities.PriorityPolicySp))
        {
            AssertInvalid(() => Device.Configure(new DmaConfig { Priority = 1 }), "Priority 1");
        }

        Assert.Null(Device.Config);
        Device.Configure(Info.MaxVchans);
        Assert.Equal(Info.MaxVchans, Device.GetInfo().NbVchans);
    }

    [Fact]
    public void VchanSetup_RejectsEveryInvalidConfiguration()
    {
        Assert.Throws<ArgumentNullException>(() => Device.VchanSetup(0, null!));
        Assert.Throws<InvalidOperationException>(() => Device.VchanSetup(0, new DmaVchanConfig()));

        Device.Configure(Info.MaxVchans);
        var valid = new DmaVchanConfig { Direction = DmaDirection.MemToMem, NbDesc = Info.MinDesc };
        AssertInvalid(() => Device.VchanSetup(Info.MaxVchans, valid), $"vchan {Info.MaxVchans}");
        AssertInvalid(() => Device.VchanSetup(-1, valid), "vchan -1");
        AssertInvalid(() => Device.VchanSetup(0, valid with { Direction = DmaDirection.DevToDev + 1 }), "Direction 4");
        AssertInvalid(() => Device.VchanSetup(0, valid with { Direction = DmaDirection.MemToMem - 1 }), "Direction -1");
        foreach (DmaDirection direction in new[] { DmaDirection.MemToDev, DmaDirection.DevToMem, DmaDirection.DevToDev })
        {
            DmaCapabilities needed = direction switch
            {
                DmaDirection.MemToDev => DmaCapabilities.MemToDev,
                DmaDirection.DevToMem => DmaCapabilities.DevToMem,
                _ => DmaCapabilities.DevToDev,
            };
            if (!Info.Has(needed))
            {
                AssertInvalid(() => Device.VchanSetup(0, valid with { Direction = direction }), needed.ToString());
            }
        }

        AssertInvalid(() => Device.VchanSetup(0, valid with { NbDesc = Info.MinDesc - 1 }), $"NbDesc {Info.MinDesc - 1}");
        AssertInvalid(() => Device.VchanSetup(0, valid with { NbDesc = Info.MaxDesc + 1 }), $"NbDesc {Info.MaxDesc + 1}");
        Device.VchanSetup(0, valid);
    }

    [Fact]
    public void StartStop_RefusesConfigurationWhileStarted()
    {
        Assert.Throws<InvalidOperationException>(Device.Start);
        Device.Configure(1);
        InvalidOperationException notSetUp = Assert.Throws<InvalidOperationException>(Device.Start);
        Assert.Contains("vchan 0", notSetUp.Message, StringComparison.Ordinal);
        Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc);
        Device.Start();
        Assert.True(Device.IsStarted);
        Device.Start(); // already started: nothing to do
        InvalidOperationException busy = Assert.Throws<InvalidOperationException>(() => Device.Configure(1));
        Assert.Contains("started", busy.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc));
        Assert.Throws<InvalidOperationException>(Device.Close);
        Device.Stop();
        Device.Stop(); // already stopped: nothing to do
        Assert.False(Device.IsStarted);
    }

    [Fact]
    public void Reconfigure_WithFewerVchans_StartsAgain()
    {
        if (Info.MaxVchans < 2)
        {
            Assert.Skip($"{H.Label} has {Info.MaxVchans} vchan; reconfiguring needs at least 2 (as in DPDK).");
        }

        Device.Configure(1);
        Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc);
        Device.Start();
        Device.Stop();
        Device.Configure(Info.MaxVchans - 1);
        for (int v = 0; v < Info.MaxVchans - 1; v++)
        {
            Device.VchanSetup(v, DmaDirection.MemToMem, Info.MinDesc);
        }

        Device.Start();
        Assert.Equal(Info.MaxVchans - 1, Device.GetInfo().NbVchans);
        Device.Stop();
    }

    [Fact]
    public void Stats_RejectVchansOutOfRange_AndStartAtZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.GetStats(0));
        Assert.Equal(default, Device.GetStats());
        Device.Configure(1);
        Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc);
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.GetStats(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.ResetStats(1));
        Assert.Equal(default, Device.GetStats(0));
        Assert.Equal(default, Device.GetStats());
        Device.ResetStats(0);
        Device.ResetStats();
    }

    [Fact]
    public void Dump_RejectsNoWriter_AndDescribesTheDevice()
    {
        Assert.Throws<ArgumentNullException>(() => Device.Dump(null!));
        H.ConfigureAndStart(Info.MinDesc);
        using var writer = new StringWriter();
        Device.Dump(writer);
        string text = writer.ToString();
        Assert.Contains(Device.Name, text, StringComparison.Ordinal);
        Assert.Contains("vchan 0", text, StringComparison.Ordinal);
        Assert.Contains("Started", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Completed_ReportsNothingBeforeTheDoorbell_ThenEachJobOnce()
    {
        H.ConfigureAndStart(Info.MinDesc);
        (nint src, nint dst) = Buffers();

        Assert.Equal(0, Device.Copy(0, src, dst, BufferSize));
        Thread.Sleep(50);
        Assert.Equal(0, Device.Completed(0, 1, out _, out _));

        Assert.Equal(0, Device.Submit(0));
        H.WaitIdle();
        Assert.Equal(1, Device.Completed(0, 1, out ushort last, out bool error));
        Assert.Equal(0, last);
        Assert.False(error);
        AssertCopied(src, dst);

        (src, dst) = Buffers();
        Assert.Equal(1, Device.Copy(0, src, dst, BufferSize, DmaOpFlags.Submit));
        H.WaitIdle();
        Assert.Equal(1, Device.Completed(0, 1, out last, out error));
        Assert.Equal(1, last);
        Assert.False(error);
        AssertCopied(src, dst);
    }

    [Fact]
    public void CompletedStatus_ReportsEachJobOnce_WithItsStatus()
    {
        H.ConfigureAndStart(Info.MinDesc);
        Span<DmaStatus> status = stackalloc DmaStatus[4];
        (nint src, nint dst) = Buffers();
        Assert.Equal(0, Device.Copy(0, src, dst, BufferSize, DmaOpFlags.Submit));
        H.WaitIdle();
        Assert.Equal(1, Device.CompletedStatus(0, 1, out ushort last, status));
        Assert.Equal(0, last);
        Assert.Equal(DmaStatus.Successful, status[0]);
        Assert.Equal(0, Device.CompletedStatus(0, 1, out last, status));
        Assert.Equal(0, last);

        (src, dst) = Buffers();
        Assert.Equal(1, Device.Copy(0, src, dst, BufferSize, DmaOpFlags.Submit));
        H.WaitIdle();
        Assert.Equal(1, Device.CompletedStatus(0, 1, out last, status));
        Assert.Equal(1, last);
        Assert.Equal(DmaStatus.Successful, status[0]);
        AssertCopied(src, dst);
        Assert.Throws<ArgumentException>(() => Device.CompletedStatus(0, 5, out _, new DmaStatus[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.CompletedStatus(0, -1, out _, new DmaStatus[4]));
    }

    [Fact]
    public void CopySg_CopiesTheSourceListAcrossTheDestinationList()
    {
        if (!Info.Has(DmaCapabilities.OpsCopySg))
        {
            Assert.Skip($"{H.Label} has no scatter-gather copy (OpsCopySg).");
        }

        H.ConfigureAndStart(Info.MinDesc);
        int n = Math.Min(Info.MaxSges, 64);
        var source = new DmaSge[n];
        var destination = new DmaSge[n];
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < n; i++)
            {
                (nint s, nint d) = Buffers();
                source[i] = new DmaSge(s, BufferSize);
                destination[i] = new DmaSge(d, BufferSize);
            }

            if (round == 0)
            {
                Assert.Equal(0, Device.CopySg(0, source, destination));
                Thread.Sleep(50);
                Assert.Equal(0, Device.Completed(0, 1, out _, out _));
                Assert.Equal(0, Device.Submit(0));
            }
            else
            {
                Assert.Equal(1, Device.CopySg(0, source, destination, DmaOpFlags.Submit));
            }

            H.WaitIdle();
            Assert.Equal(1, Device.Completed(0, 1, out ushort last, out bool error));
            Assert.Equal(round, last);
            Assert.False(error);
            for (int i = 0; i < n; i++)
            {
                AssertCopied(source[i].Address, destination[i].Address);
            }
        }
    }

    [Fact]
    public void Close_RefusedWhileStarted_ThenTheDeviceConfiguresAgain()
    {
        H.ConfigureAndStart(Info.MinDesc);
        Assert.Throws<InvalidOperationException>(Device.Close);
        Device.Stop();
        Device.Close();
        Assert.Null(Device.Config);
        Assert.Equal(0, Device.QueueCount);
        H.ConfigureAndStart(Info.MinDesc);
        (nint src, nint dst) = Buffers();
        Assert.Equal(0, Device.Copy(0, src, dst, BufferSize, DmaOpFlags.Submit));
        H.WaitIdle();
        Assert.Equal(1, Device.Completed(0, 4, out _, out _));
        AssertCopied(src, dst);
    }

    [Fact]
    public void DataPath_ReturnsErrorsInsteadOfThrowing()
    {
        (nint src, nint dst) = Buffers();
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Copy(0, src, dst, 8));
        Device.Configure(1);
        Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc);
        Assert.Equal(DmaError.NotPermitted, Device.Copy(0, src, dst, 8));
        Assert.Equal(DmaError.NotPermitted, Device.Submit(0));
        Assert.Equal(0, Device.BurstCapacity(0));
        Device.Start();
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Copy(1, src, dst, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Completed(1, 1, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Completed(0, -1, out _, out _));
        Assert.Equal(DmaError.InvalidArgument, Device.Copy(0, src, dst, 0));
        Assert.Equal(DmaError.InvalidArgument, Device.Copy(0, src, dst, -5));
        if (Info.MaxLength < int.MaxValue)
        {
            Assert.Equal(DmaError.InvalidArgument, Device.Copy(0, src, dst, Info.MaxLength + 1));
        }

        Assert.Equal(
            Info.Has(DmaCapabilities.OpsFill) ? DmaError.InvalidArgument : DmaError.NotSupported,
            Info.Has(DmaCapabilities.OpsFill) ? Device.Fill(0, 0, dst, 0) : Device.Fill(0, 0, dst, 8));
        if (Info.Has(DmaCapabilities.OpsCopySg))
        {
            Assert.Equal(DmaError.InvalidArgument, Device.CopySg(0, [new DmaSge(src, 8)], [new DmaSge(dst, 7)]));
            Assert.Equal(DmaError.InvalidArgument, Device.CopySg(0, [], [new DmaSge(dst, 8)]));
            Assert.Equal(DmaError.InvalidArgument, Device.CopySg(0, new DmaSge[Info.MaxSges + 1], [new DmaSge(dst, 8)]));
        }
        else
        {
            Assert.Equal(DmaError.NotSupported, Device.CopySg(0, [new DmaSge(src, 8)], [new DmaSge(dst, 8)]));
        }

        // Fill the ring without harvesting: the job after the last slot is refused with NoSpace, never an exception.
        int capacity = Device.BurstCapacity(0);
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal(i, Device.Copy(0, src, dst, 8));
        }

        Assert.Equal(0, Device.BurstCapacity(0));
        Assert.Equal(DmaError.NoSpace, Device.Copy(0, src, dst, 8));
        Assert.Equal(0, Device.Submit(0));
        H.WaitIdle();
        Assert.Equal(capacity, Device.Completed(0, capacity + 10, out ushort last, out bool error));
        Assert.Equal(capacity - 1, last);
        Assert.False(error);
        Assert.Equal(capacity, Device.BurstCapacity(0));
        DmaStats stats = Device.GetStats(0);
        Assert.Equal(capacity, stats.Submitted);
        Assert.Equal(capacity, stats.Completed);
        Assert.Equal(0, stats.Errors);
    }

    public void Dispose()
    {
        H.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract DmaHarness CreateHarness();

    private static void AssertInvalid(Action action, string what)
    {
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(action);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
    }

    private (nint Source, nint Destination) Buffers()
    {
        nint src = H.Allocate(BufferSize);
        nint dst = H.Allocate(BufferSize);
        Random.Shared.NextBytes(NativeArena.Span(src, BufferSize));
        return (src, dst);
    }

    private static void AssertCopied(nint src, nint dst) =>
        Assert.True(NativeArena.Span(src, BufferSize).SequenceEqual(NativeArena.Span(dst, BufferSize)), "destination differs from source");
}
