using System.Diagnostics;
using System.Runtime.InteropServices;
using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Models;
using AccelSdk.Uacce.Queues;
using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Models;

/// <summary>The device-model provider end to end: the echo engine driven through the driver contract.</summary>
public sealed unsafe class DeviceModelTests : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly byte* _memory = (byte*)NativeMemory.AlignedAlloc(BufferBytes, 4096);

    public DeviceModelTests()
    {
        new Span<byte>(_memory, BufferBytes).Clear();
    }

    public void Dispose() => NativeMemory.AlignedFree(_memory);

    [Fact]
    public void Model_IsScannedLikeAKernelDevice()
    {
        using var fixture = new DeviceModelFixture();

        UacceDevice device = fixture.Context.Device;

        Assert.Equal("echo-0", device.Name);
        Assert.Equal(UacceDeviceOrigin.Model, device.Origin);
        Assert.Equal("echo_v1", device.Api);
        Assert.Equal(1, device.ApiVersion);
        Assert.Equal(["memcpy", "memset"], device.Algorithms);
        Assert.Equal(UacceDeviceFlags.Sva, device.Flags);
        Assert.Equal(4, device.AvailableInstances);
        Assert.Equal(Environment.SystemPageSize, device.MmioRegionSize);
        Assert.Equal(4L * Environment.SystemPageSize, device.DusRegionSize);
        Assert.Equal(-1, device.NumaNode);
        Assert.False(device.Isolated);
        Assert.Null(device.SysfsPath);
        Assert.Null(device.CharDevicePath);
        Assert.Equal("echo-0", fixture.Model.Name);
    }

    [Fact]
    public void Copy_IsDoneByTheEngine_AndCompletionObserved()
    {
        using var fixture = new DeviceModelFixture();
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        Span<byte> source = new(_memory, 4096);
        Span<byte> destination = new(_memory + 8192, 4096);
        Random.Shared.NextBytes(source);
        using var client = new EchoClient(fixture.Context);

        client.PostCopy((nint)_memory, (nint)_memory + 8192, 4096, tag: 7);
        client.Ring();

        Assert.Equal((7u, EchoModel.StatusOk), client.WaitCompletion());
        Assert.True(source.SequenceEqual(destination));
        Assert.Equal(UacceQueueHealth.Ok, client.Queue.Health);
        Assert.Equal(1, fixture.Model.StartCount);
    }

    [Fact]
    public void ManyJobs_WrapTheRings_AndCompleteInOrder()
    {
        using var fixture = new DeviceModelFixture();
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        using var client = new EchoClient(fixture.Context);
        uint next = 0;

        // 5 rounds of up to Depth − 1 jobs: the submission and completion rings wrap and the phase flips.
        for (int round = 0; round < 5; round++)
        {
            uint first = next;
            for (int i = 0; i < EchoModel.Depth - 1; i++)
            {
                int length = 1 + ((int)next % 200);
                client.Post((ulong)(nint)(_memory + 32768), (ulong)(nint)(_memory + (next % 64 * 256)), length, next, opcode: 1);
                next++;
            }

            client.Ring();
            for (uint tag = first; tag < next; tag++)
            {
                Assert.Equal((tag, EchoModel.StatusOk), client.WaitCompletion());
            }
        }

        Assert.False(client.TryPoll(out _, out _));
    }

    [Fact]
    public void PlainStoreDoorbell_IsSeenByTheIdlePoll()
    {
        using var fixture = new DeviceModelFixture(o => o.IdleSpinCount = 0);
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        using var client = new EchoClient(fixture.Context);

        client.Post(0xAB, (ulong)(nint)_memory, 100, tag: 1, opcode: 1);
        client.RingWithPlainStore();

        Assert.Equal((1u, EchoModel.StatusOk), client.WaitCompletion());
        Assert.Equal(0xAB, _memory[99]);
        Assert.Equal(0, _memory[100]);
    }

    [Fact]
    public void DoorbellHelper_WakesAParkedEngine_BeforeItsPollInterval()
    {
        // With a 1 s poll interval, only the wake-up can complete a job well within a second once the engine parks.
        using var fixture = new DeviceModelFixture(o =>
        {
            o.IdleSpinCount = 0;
            o.IdlePollInterval = TimeSpan.FromSeconds(1);
        });
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        using var client = new EchoClient(fixture.Context);
        var times = new List<double>();
        for (uint tag = 0; tag < 3; tag++)
        {
            Thread.Sleep(50);
            var clock = Stopwatch.StartNew();
            client.Post(1, (ulong)(nint)_memory, 16, tag, opcode: 1);
            client.Ring();
            Assert.Equal((tag, EchoModel.StatusOk), client.WaitCompletion());
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Assert.True(times[1] < 900, $"median doorbell-to-completion {times[1]:0.0} ms: the engine was not woken");
    }

    [Fact]
    public void Wakeups_AreNotLost_WhenDoorbellsRaceTheEngineParking()
    {
        // Doorbells land at random moments around the engine's park; a lost wake-up would show as a 1 s stall.
        using var fixture = new DeviceModelFixture(o =>
        {
            o.IdleSpinCount = 2;
            o.IdlePollInterval = TimeSpan.FromSeconds(1);
        });
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        using var client = new EchoClient(fixture.Context);
        var random = new Random(1234);
        double worst = 0;
        for (uint tag = 0; tag < 200; tag++)
        {
            Thread.SpinWait(random.Next(0, 20_000));
            var clock = Stopwatch.StartNew();
            client.Post(1, (ulong)(nint)_memory, 8, tag, opcode: 1);
            client.Ring();
            Assert.Equal((tag, EchoModel.StatusOk), client.WaitCompletion());
            worst = Math.Max(worst, clock.Elapsed.TotalMilliseconds);
        }

        Assert.True(worst < 900, $"slowest doorbell-to-completion {worst:0.0} ms: a wake-up was lost");
    }

    [Fact]
    public void UnregisteredMemory_CompletesWithAnError_AndIsNotTouched()
    {
        using var fixture = new DeviceModelFixture();
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, 4096);
        _memory[8192] = 0x55;
        using var client = new EchoClient(fixture.Context);

        client.Post((ulong)(nint)_memory, (ulong)(nint)(_memory + 8192), 16, tag: 1);
        client.Post((ulong)(nint)_memory, (ulong)(nint)(_memory + 4090), 16, tag: 2);
        client.Post(0, (ulong)(nint)_memory, 16, tag: 3, opcode: 9);
        client.Ring();

        Assert.Equal((1u, EchoModel.StatusBadAddress), client.WaitCompletion());
        Assert.Equal((2u, EchoModel.StatusBadAddress), client.WaitCompletion());
        Assert.Equal((3u, EchoModel.StatusBadOpcode), client.WaitCompletion());
        Assert.Equal(0x55, _memory[8192]);
    }

    [Fact]
    public void SvaModelWithoutRegistrationCheck_ReachesAnyAddress_ButNotNull()
    {
        using var fixture = new DeviceModelFixture(o => o.RequireRegisteredMemory = false);
        _memory[0] = 9;
        using var client = new EchoClient(fixture.Context);

        client.Post((ulong)(nint)_memory, (ulong)(nint)(_memory + 4096), 1, tag: 1);
        client.Post(0, (ulong)(nint)_memory, 1, tag: 2);
        client.Ring();

        Assert.Equal((1u, EchoModel.StatusOk), client.WaitCompletion());
        Assert.Equal((2u, EchoModel.StatusBadAddress), client.WaitCompletion());
        Assert.Equal(9, _memory[4096]);
    }

    [Fact]
    public void NoIommuModel_TakesTranslatedAddresses_AndRejectsProcessAddresses()
    {
        using var fixture = new DeviceModelFixture(o => o.Flags = UacceDeviceFlags.NoIommu);
        Assert.Equal(UacceAddressMode.NoIommu, fixture.Context.AddressMode);
        Assert.Equal("echo_v1_noiommu", fixture.Context.Device.RawApi);
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        _memory[0] = 42;
        using var client = new EchoClient(fixture.Context);

        client.PostCopy((nint)_memory, (nint)_memory + 100, 1, tag: 1);
        client.Post((ulong)(nint)_memory, (ulong)(nint)(_memory + 200), 1, tag: 2);
        client.Ring();

        Assert.Equal((1u, EchoModel.StatusOk), client.WaitCompletion());
        Assert.Equal((2u, EchoModel.StatusBadAddress), client.WaitCompletion());
        Assert.Equal(42, _memory[100]);
        Assert.Equal(0, _memory[200]);
    }

    [Fact]
    public void AvailableInstances_FollowOpenPutAndClose()
    {
        using var fixture = new DeviceModelFixture();
        var queues = new List<UacceQueue>();

        for (int expected = 3; expected >= 0; expected--)
        {
            queues.Add(fixture.Context.OpenQueue());
            Assert.Equal(expected, fixture.Context.ReadAvailableInstances());
        }

        Assert.Equal(0, fixture.Bus.Scan().Devices.Single().AvailableInstances);
        var ex = Assert.Throws<UacceException>(() => fixture.Context.OpenQueue());
        Assert.Equal("UACCE device echo-0: cannot open queue: no free queue (available_instances is 0); close queues of other processes or use fewer.", ex.Message);
        Assert.Equal(16, ex.Errno);

        queues[1].Put();
        Assert.Equal(UacceQueueState.Released, queues[1].State);
        Assert.Equal(1, fixture.Context.ReadAvailableInstances());
        queues[1].Put();
        queues[1].Dispose();
        Assert.Equal(1, fixture.Context.ReadAvailableInstances());

        foreach (UacceQueue queue in queues)
        {
            queue.Dispose();
        }

        Assert.Equal(4, fixture.Context.ReadAvailableInstances());
    }

    [Fact]
    public void QueueLifecycle_IsEnforcedWithClearErrors()
    {
        using var fixture = new DeviceModelFixture();
        using UacceQueue queue = fixture.Context.OpenQueue();
        Assert.Equal(UacceQueueState.Initialized, queue.State);
        queue.MapRegion(UacceRegionType.Mmio);

        var twice = Assert.Throws<UacceException>(() => queue.MapRegion(UacceRegionType.Mmio));
        Assert.Equal("UACCE device echo-0: the Mmio region of this queue is already mapped (EEXIST); each region can be mapped once per queue.", twice.Message);

        queue.Start();
        var again = Assert.Throws<UacceException>(queue.Start);
        Assert.Contains("queue already started", again.Message, StringComparison.Ordinal);

        queue.Put();
        var afterPut = Assert.Throws<UacceException>(() => queue.MapRegion(UacceRegionType.Dus));
        Assert.Equal("UACCE device echo-0: cannot map the Dus region: the queue was released (UACCE_CMD_PUT_Q; the kernel's ZOMBIE state); open a new queue.", afterPut.Message);
        Assert.Equal(1, fixture.Model.StopCount);

        queue.Dispose();
        Assert.Equal(UacceQueueState.Closed, queue.State);
        Assert.Throws<ObjectDisposedException>(queue.Start);
        Assert.False(queue.TryGetRegion(UacceRegionType.Mmio, out _));
    }

    [Fact]
    public void VendorIoctls_ReachTheModel()
    {
        using var fixture = new DeviceModelFixture();
        using UacceQueue queue = fixture.Context.OpenQueue();
        uint depth = 0;

        Assert.Equal(0, queue.IoControl(EchoModel.GetDepthRequest, ref depth));
        Assert.Equal((uint)EchoModel.Depth, depth);

        var ex = Assert.Throws<UacceException>(() => queue.IoControl(UacceIoctl.None('E', 9), 0));
        Assert.Equal(25, ex.Errno);
        Assert.StartsWith("UACCE device echo-0: ioctl 0x00004509 failed: not supported by this file (", ex.Message, StringComparison.Ordinal);

        // The generic commands go through the state machine.
        Assert.Equal(0, queue.IoControl(UacceIoctl.StartQueue, 0));
        Assert.Equal(UacceQueueState.Started, queue.State);
    }

    [Fact]
    public void Reset_StopsTheQueue_SetsBothWords_AndNeedsAReopen()
    {
        using var fixture = new DeviceModelFixture();
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        var client = new EchoClient(fixture.Context);
        client.Post(1, (ulong)(nint)_memory, 8, tag: 1, opcode: 1);
        client.Ring();
        Assert.Equal((1u, EchoModel.StatusOk), client.WaitCompletion());

        fixture.Model.InjectReset();

        Assert.True(client.Queue.IsSubmissionStopped);
        Assert.True(client.Queue.IsCompletionStopped);
        Assert.Equal(UacceQueueHealth.SubmissionStopped | UacceQueueHealth.CompletionStopped, client.Queue.Health);
        Assert.Equal(1u, client.Dus.ReadUInt32(client.Dus.Length - 4));
        Assert.Equal(1u, client.Dus.ReadUInt32(client.Dus.Length - 8));
        Assert.True(client.Queue.WaitForEvent(0));
        Assert.Equal(1, fixture.Model.StopCount);

        // The engine no longer serves it: a doorbell does nothing.
        client.Post(2, (ulong)(nint)_memory, 8, tag: 2, opcode: 1);
        client.Ring();
        Assert.False(client.Queue.WaitForEvent(50));
        Assert.False(client.TryPoll(out _, out _));
        var ex = Assert.Throws<UacceException>(() => client.Queue.IoControl(EchoModel.GetDepthRequest, 0));
        Assert.Contains("the queue is no longer valid (ENXIO): a controller reset stopped it", ex.Message, StringComparison.Ordinal);

        // Still counted until closed; a new queue is healthy and works.
        Assert.Equal(3, fixture.Context.ReadAvailableInstances());
        client.Dispose();
        Assert.Equal(4, fixture.Context.ReadAvailableInstances());
        using var fresh = new EchoClient(fixture.Context);
        Assert.Equal(UacceQueueHealth.Ok, fresh.Queue.Health);
        fresh.Post(3, (ulong)(nint)_memory, 8, tag: 3, opcode: 1);
        fresh.Ring();
        Assert.Equal((3u, EchoModel.StatusOk), fresh.WaitCompletion());
        Assert.Equal(1, fixture.Model.StopCount);
    }

    [Fact]
    public void ResetOfAQueueNeverStarted_LeavesItUnusable()
    {
        using var fixture = new DeviceModelFixture();
        using var client = new EchoClient(fixture.Context, start: false);

        fixture.Model.InjectReset();

        Assert.Equal(UacceQueueHealth.SubmissionStopped | UacceQueueHealth.CompletionStopped, client.Queue.Health);
        Assert.Throws<UacceException>(client.Queue.Start);
        Assert.Equal(0, fixture.Model.StopCount);
    }

    [Fact]
    public void HardwareErrors_IsolateTheDevice_WithinTheHour()
    {
        var clock = new ManualTimeProvider();
        using var fixture = new DeviceModelFixture(o =>
        {
            o.IsolateStrategy = 2;
            o.TimeProvider = clock;
        });
        using var client = new EchoClient(fixture.Context);

        fixture.Model.InjectHardwareError();
        Assert.True(client.Queue.IsSubmissionStopped);
        clock.Advance(TimeSpan.FromMinutes(61));
        fixture.Model.InjectHardwareError();
        Assert.False(fixture.Model.IsIsolated);
        clock.Advance(TimeSpan.FromMinutes(30));
        fixture.Model.InjectHardwareError();

        Assert.True(fixture.Model.IsIsolated);
        Assert.Equal(3, fixture.Model.HardwareErrorCount);
        Assert.True(fixture.Bus.Scan().Devices.Single().Isolated);
        var ex = Assert.Throws<UacceException>(() => fixture.Context.OpenQueue());
        Assert.Equal(
            "UACCE device echo-0: cannot open queue: the device is isolated after 2 hardware errors within an hour (isolate = 1, isolate_strategy = 2) (EIO).",
            ex.Message);
        Assert.Throws<InvalidOperationException>(() => fixture.Model.IsolateStrategy = 5);
    }

    [Fact]
    public void IsolateStrategy_IsRangeChecked()
    {
        using var fixture = new DeviceModelFixture();
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Model.IsolateStrategy = 65536);
        fixture.Model.IsolateStrategy = 65535;
        Assert.Equal(65535, fixture.Bus.Scan().Devices.Single().IsolateStrategy);
    }

    [Fact]
    public void EngineException_IsAHardwareFaultOfThatQueueOnly()
    {
        using var fixture = new DeviceModelFixture();
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        using var faulty = new EchoClient(fixture.Context);
        using var healthy = new EchoClient(fixture.Context);

        faulty.Mmio.WriteDoorbell64(8, 1);

        Assert.True(faulty.Queue.WaitForEvent(10_000));
        Assert.Equal(UacceQueueHealth.SubmissionStopped | UacceQueueHealth.CompletionStopped, faulty.Queue.Health);
        Exception fault = Assert.IsType<UacceException>(fixture.Model.LastEngineFault);
        Assert.Equal("UACCE device echo-0: the model's queue 0 faulted in Process: poisoned", fault.Message);

        healthy.Post(5, (ulong)(nint)_memory, 8, tag: 9, opcode: 1);
        healthy.Ring();
        Assert.Equal((9u, EchoModel.StatusOk), healthy.WaitCompletion());
        faulty.Queue.Put();
        Assert.Equal(1, fixture.Model.StopCount);
    }

    [Fact]
    public void DeviceRemoval_StopsQueues_AndLaterCallsFail()
    {
        using var fixture = new DeviceModelFixture();
        var client = new EchoClient(fixture.Context);

        fixture.Bus.Dispose();

        Assert.True(fixture.Model.IsRemoved);
        Assert.Equal(0, fixture.Context.ReadAvailableInstances());
        var open = Assert.Throws<UacceException>(() => fixture.Context.OpenQueue());
        Assert.Equal("UACCE device echo-0: cannot open queue: the device was removed (ENODEV).", open.Message);
        var ioctl = Assert.Throws<UacceException>(() => client.Queue.IoControl(EchoModel.GetDepthRequest, 0));
        Assert.Contains("the device was removed", ioctl.Message, StringComparison.Ordinal);
        client.Ring();
        client.Dispose();
        Assert.Equal(1, fixture.Model.StopCount);
    }

    [Fact]
    public void SeveralEngines_ServeSeveralQueuesConcurrently()
    {
        using var fixture = new DeviceModelFixture(o => o.EngineCount = 2);
        using UacceMemoryRegion region = fixture.Context.AddressSpace.Register((nint)_memory, BufferBytes);
        var clients = Enumerable.Range(0, 4).Select(_ => new EchoClient(fixture.Context)).ToArray();
        try
        {
            Parallel.For(0, clients.Length, q =>
            {
                byte* block = _memory + (q * 16384);
                for (uint tag = 0; tag < 200; tag++)
                {
                    clients[q].Post((ulong)(q + 1), (ulong)(nint)(block + (tag % 64 * 128)), 128, tag, opcode: 1);
                    clients[q].Ring();
                    Assert.Equal((tag, EchoModel.StatusOk), clients[q].WaitCompletion());
                }
            });

            for (int q = 0; q < clients.Length; q++)
            {
                Assert.True(new Span<byte>(_memory + (q * 16384), 8192).IndexOfAnyExcept((byte)(q + 1)) < 0);
            }
        }
        finally
        {
            foreach (EchoClient client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("InterfaceName", "")]
    [InlineData("Api", "has space")]
    [InlineData("QueueCount", 0)]
    [InlineData("MmioRegionSize", 100L)]
    [InlineData("EngineCount", 65)]
    [InlineData("Flags", UacceDeviceFlags.Sva | UacceDeviceFlags.NoIommu)]
    public void BadModelOptions_AreRejectedByName(string property, object value)
    {
        UacceDeviceModelOptions options = EchoModel.DefaultOptions();
        typeof(UacceDeviceModelOptions).GetProperty(property)!.SetValue(options, value);

        var ex = Assert.ThrowsAny<ArgumentException>(() => new EchoModel(options));
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }
}
