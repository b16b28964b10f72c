using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Qdma.DependencyInjection;
using AccelSdk.Qdma.Tests.Infrastructure;
using AccelSdk.Uacce;
using AccelSdk.Uacce.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Qdma.Tests.Baseband;

/// <summary>Probe, devargs, address modes, capabilities, interrupts, queues on several threads, registration.</summary>
public sealed class BasebandQdmaDeviceTests
{
    [Fact]
    public void NoIommuCard_GetsTranslatedBusAddresses_AndWorks()
    {
        using var fixture = new QdmaFixture(o => o.NoIommu = true);
        Assert.Equal(UacceAddressMode.NoIommu, fixture.Context.AddressMode);
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(12);
        LdpcEncOp op = TestOps.Enc(pool, payload);

        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);

        Assert.Equal(BbdevOpStatus.None, op.Status);
        Assert.Equal(StandInEngine.Transmit(payload, TestOps.KPrime, CrcType.Crc24B, 200), TestOps.Produced(op.Output));
        Uacce.Memory.UacceMemoryRegion region = Assert.Single(fixture.Context.AddressSpace.Regions);
        Assert.NotEqual((ulong)region.Address, region.Iova);
    }

    [Fact]
    public void CardWithoutScatterGather_DoesNotAdvertiseIt_AndFailsChainedOps()
    {
        using var fixture = new QdmaFixture(o => o.ScatterGather = false);
        var enc = Assert.IsType<LdpcEncCapability>(fixture.Device.Info.FindCapability(BbdevOpType.LdpcEnc));
        Assert.Equal(0, (int)(enc.CapabilityFlags & LdpcEncFlags.EncScatterGather));
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(13);
        LdpcEncOp chained = TestOps.Enc(pool, payload, tag: 0);
        chained.Input.Set(TestOps.Chained(pool, payload, 8), 0, payload.Length);
        LdpcEncOp flat = TestOps.Enc(pool, payload, tag: 1);

        Assert.Equal(2, device.EnqueueLdpcEnc(0, [chained, flat]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 2);
        Assert.Equal(BbdevOpStatus.DataError, chained.Status);
        Assert.Contains("SCATTER_GATHER", chained.StatusDetail, StringComparison.Ordinal);
        Assert.Equal(BbdevOpStatus.None, flat.Status);
    }

    [Fact]
    public void TooManySegments_IsADataError()
    {
        using var fixture = new QdmaFixture(o => o.MaxSegmentsPerJob = 2);
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        byte[] payload = TestOps.Payload(14);
        LdpcEncOp op = TestOps.Enc(pool, payload);
        op.Input.Set(TestOps.Chained(pool, payload, 4), 0, payload.Length);

        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);
        Assert.Equal(BbdevOpStatus.DataError, op.Status);
        Assert.Contains("at most 2", op.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Devargs_LimitQueues_AndUnknownKeysFailTheProbe()
    {
        using (var fixture = new QdmaFixture(devargs: "max_queues=2"))
        {
            Assert.Equal(2, fixture.Device.Info.MaxQueues);
        }

        var options = new UacceBusOptions { ScanKernelDevices = false };
        options.AllowList.Add("qdma_fec-0,bogus=1");
        options.AddModel(() => new Qdma.Model.QdmaFecModel(new Qdma.Model.QdmaFecModelOptions { QueueCount = 2, EngineCount = 1 }));
        using UacceBus bus = UacceBus.Create(options, [new Qdma.Baseband.BasebandQdmaDriver()]);
        using var registry = new DeviceRegistry();
        Assert.Equal(0, bus.Probe(registry));
        UacceProbeOutcome outcome = Assert.Single(bus.ProbeOutcomes);
        Assert.Equal(UacceProbeStatus.Failed, outcome.Status);
        Assert.Contains("bogus", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NoFreeHardwareQueue_FailsAtConfigure_NamingTheCause()
    {
        using var fixture = new QdmaFixture(o => o.QueueCount = 2);
        BbdevDevice device = fixture.Device;
        device.SetupQueues(2);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 });

        // Reconfiguring releases the old hardware queue first, so this still fits.
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 16 });

        // Another user of the card takes the last hardware queue.
        using var other = new RawQueue(fixture);
        var ex = Assert.Throws<InvalidOperationException>(() => device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 }));
        Assert.Contains("cannot open a hardware queue for bbdev queue 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueInterrupts_RaiseDequeueEvents_AndWaitWakesWithoutPolling()
    {
        using var fixture = new QdmaFixture(o => o.EngineLatency = TimeSpan.FromMilliseconds(20));
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc);
        BufferPool pool = fixture.Pool();
        using var raised = new SemaphoreSlim(0);
        device.EventRaised += (_, e) =>
        {
            if (e.EventType == BbdevEventType.Dequeue && e.QueueId == 0)
            {
                raised.Release();
            }
        };
        device.EnableQueueInterrupts(0);
        LdpcEncOp op = TestOps.Enc(pool, TestOps.Payload(15));
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [op]));
        Assert.True(raised.Wait(QdmaFixture.Timeout, TestContext.Current.CancellationToken));
        Assert.True(device.WaitForCompletions(0, TimeSpan.Zero));
        _ = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1);

        device.DisableQueueInterrupts(0);
        LdpcEncOp second = TestOps.Enc(pool, TestOps.Payload(16));
        Assert.Equal(1, device.EnqueueLdpcEnc(0, [second]));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(device.WaitForCompletions(0, QdmaFixture.Timeout));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(BbdevOpStatus.None, QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(0, b), 1)[0].Status);
    }

    [Fact]
    public void TwoQueues_EachWithAnEnqueueAndADequeueThread_ReturnEveryOpOnceInOrder()
    {
        using var fixture = new QdmaFixture(o => o.CmptRingSize = 129);
        BbdevDevice device = fixture.Start(BbdevOpType.LdpcEnc, queues: 2, queueSize: 64);
        const int opsPerQueue = 3000;
        CancellationToken cancel = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var threads = new List<Thread>();
        for (int q = 0; q < 2; q++)
        {
            int queue = q;
            BufferPool pool = fixture.Pool(count: 128);
            var ops = Enumerable.Range(0, 64).Select(i => TestOps.Enc(pool, TestOps.Payload((queue * 1000) + i), e: 200 + (2 * (i % 7)))).ToArray();
            var free = new System.Collections.Concurrent.BlockingCollection<LdpcEncOp>();
            foreach (LdpcEncOp op in ops)
            {
                free.Add(op, cancel);
            }

            long deadline = Environment.TickCount64 + 60_000;
            threads.Add(new Thread(() =>
            {
                // Producer: each op carries its sequence number and its expected output in its input pattern.
                for (int seq = 0; seq < opsPerQueue; seq++)
                {
                    LdpcEncOp op = free.Take(cancel);
                    op.OpaqueData = (ulong)seq;
                    op.Input.Data!.Data[0] = (byte)seq;
                    op.Output.Data!.Reset();
                    op.Output.Length = 0;
                    while (device.EnqueueLdpcEnc(queue, [op]) == 0)
                    {
                        if (Environment.TickCount64 > deadline)
                        {
                            lock (failures) { failures.Add($"q{queue}: enqueue stuck at {seq}"); }
                            return;
                        }

                        Thread.Yield();
                    }
                }
            }));
            threads.Add(new Thread(() =>
            {
                var buffer = new LdpcEncOp[16];
                int expected = 0;
                while (expected < opsPerQueue)
                {
                    int n = device.DequeueLdpcEnc(queue, buffer);
                    for (int i = 0; i < n; i++)
                    {
                        LdpcEncOp op = buffer[i];
                        byte[] input = op.Input.Data!.Data.ToArray();
                        byte[] want = StandInEngine.Transmit(input, TestOps.KPrime, CrcType.Crc24B, op.CbParams.E);
                        if (op.OpaqueData != (ulong)expected || op.Status != BbdevOpStatus.None || !want.AsSpan().SequenceEqual(TestOps.Produced(op.Output)))
                        {
                            lock (failures) { failures.Add($"q{queue}: op {op.OpaqueData} at {expected}, status {op.Status}"); }
                            return;
                        }

                        expected++;
                        free.Add(op, cancel);
                    }

                    if (n == 0)
                    {
                        if (Environment.TickCount64 > deadline)
                        {
                            lock (failures) { failures.Add($"q{queue}: dequeue stuck at {expected}"); }
                            return;
                        }

                        Thread.Yield();
                    }
                }
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
        Assert.Equal(2 * opsPerQueue, fixture.Model.JobsCompleted);
    }

    [Fact]
    public void DependencyInjection_HostsTheCard_AndTheDriverClaimsIt()
    {
        var services = new ServiceCollection();
        services.AddAccelSdk()
            .AddUacceBus(o => o.ScanKernelDevices = false)
            .AddBasebandQdma()
            .AddQdmaFecModel(o =>
            {
                o.QueueCount = 2;
                o.EngineFactory = StandInEngine.Create;
            });
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        DeviceRegistry registry = provider.GetRequiredService<DeviceRegistry>();
        UacceBus bus = provider.GetRequiredService<UacceBus>();
        UacceProbeOutcome outcome = Assert.Single(bus.ProbeOutcomes);
        Assert.True(outcome.Status == UacceProbeStatus.Claimed, outcome.Detail);
        BbdevDevice device = registry.Get<BbdevDevice>("baseband_qdma");
        Assert.Equal("qdma_fec-0", device.Name);
        Assert.Equal(2, device.Info.MaxQueues);
    }
}
