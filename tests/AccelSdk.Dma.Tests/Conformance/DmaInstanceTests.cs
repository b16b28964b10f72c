using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>
/// The per-device functional cases of DPDK's <c>app/test/test_dmadev.c</c> (copy, scatter-gather, SVA, stop/start,
/// burst capacity, error handling, fill), plus the SDK's own promises (aborted jobs at stop, silent mode), written
/// once against <see cref="DmaDevice"/> and run for every driver. Every case ends by checking that the device reported
/// as many completions as it accepted jobs, as DPDK's wrapper does.
/// </summary>
public abstract class DmaInstanceTests : IDisposable
{
    private const int CopySize = 2048;
    private const int FailBurst = 16;
    private static readonly int[] s_failPositions = [0, 7, 14, 15];

    private ushort _idCount;

    protected DmaInstanceTests()
    {
        H = CreateHarness();
        Device = H.Device;
        NbDesc = H.ConfigureAndStart(512);
        Info = Device.GetInfo();
        Assert.Equal(1, Info.NbVchans);
        Assert.Equal(default, Device.GetStats(0));
        Assert.True(Device.BurstCapacity(0) >= 32, $"burst capacity {Device.BurstCapacity(0)}");
    }

    protected DmaHarness H { get; }

    protected DmaDevice Device { get; }

    protected DmaDeviceInfo Info { get; }

    protected int NbDesc { get; }

    public static TheoryData<int, bool> FailCases()
    {
        var data = new TheoryData<int, bool>();
        foreach (int position in s_failPositions)
        {
            data.Add(position, false);
            data.Add(position, true);
        }

        return data;
    }

    [Fact]
    public void Copy_SingleBurstAndMulti_ReportEveryJobInOrder()
    {
        for (int iteration = 0; iteration < 16; iteration++)
        {
            SingleCopy();
            FourCopies();
            for (int variant = 0; variant < 4; variant++)
            {
                MultiCopy(variant);
            }
        }

        AssertAllReported();
    }

    [Fact]
    public void SgCopy_EveryListShape_ConcatenatesInOrder()
    {
        if (!Info.Has(DmaCapabilities.OpsCopySg))
        {
            Assert.Skip($"{H.Label} has no scatter-gather copy (OpsCopySg).");
        }

        Assert.True(Info.MaxSges >= 2, $"a device with OpsCopySg must take at least 2 entries per list; max_sges = {Info.MaxSges}");
        int max = Math.Min(Info.MaxSges, 16);
        var rng = new Random(6);
        for (int nSrc = 1; nSrc <= max; nSrc++)
        {
            for (int nDst = 1; nDst <= max; nDst++)
            {
                int length = CopySize - (CopySize % (nSrc * nDst));
                var source = new DmaSge[nSrc];
                var destination = new DmaSge[nDst];
                for (int i = 0; i < nSrc; i++)
                {
                    source[i] = new DmaSge(H.Allocate(length / nSrc), length / nSrc);
                    rng.NextBytes(NativeArena.Span(source[i].Address, source[i].Length));
                }

                for (int i = 0; i < nDst; i++)
                {
                    destination[i] = new DmaSge(H.Allocate(length / nDst), length / nDst);
                }

                Assert.Equal(_idCount, Device.CopySg(0, source, destination, DmaOpFlags.Submit));
                H.WaitIdle();
                byte[] expected = Concat(source);
                Assert.True(expected.AsSpan().SequenceEqual(Concat(destination)), $"scatter-gather {nSrc} -> {nDst} entries differs");
                AssertSingleCompletion();
            }
        }

        AssertAllReported();
    }

    [Fact]
    public unsafe void SvaCopy_HeapAndStackMemory()
    {
        if (!Info.Has(DmaCapabilities.Sva))
        {
            Assert.Skip($"{H.Label} has no shared virtual addressing (Sva).");
        }

        nint heapSource = (nint)System.Runtime.InteropServices.NativeMemory.Alloc(CopySize);
        nint heapDestination = (nint)System.Runtime.InteropServices.NativeMemory.Alloc(CopySize);
        try
        {
            Random.Shared.NextBytes(NativeArena.Span(heapSource, CopySize));
            RunRegistered(heapSource, heapDestination);
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free((void*)heapSource);
            System.Runtime.InteropServices.NativeMemory.Free((void*)heapDestination);
        }

        byte* stackSource = stackalloc byte[CopySize];
        byte* stackDestination = stackalloc byte[CopySize];
        Random.Shared.NextBytes(new Span<byte>(stackSource, CopySize));
        RunRegistered((nint)stackSource, (nint)stackDestination);
        AssertAllReported();

        void RunRegistered(nint source, nint destination)
        {
            // A device model reaches only registered memory; for real SVA hardware and dma_sw this is a no-op.
            using IDisposable a = Device.RegisterMemory(source, CopySize);
            using IDisposable b = Device.RegisterMemory(destination, CopySize);
            Assert.Equal(_idCount, Device.Copy(0, source, destination, CopySize, DmaOpFlags.Submit));
            H.WaitIdle();
            Assert.Equal(1, Device.Completed(0, 1, out ushort last, out bool error));
            Assert.Equal(_idCount, last);
            Assert.False(error);
            _idCount++;
            Assert.True(NativeArena.Span(source, CopySize).SequenceEqual(NativeArena.Span(destination, CopySize)));
        }
    }

    [Fact]
    public void StopStart_RestartsJobIndicesAtZero()
    {
        SingleCopy();
        Device.Stop();
        Device.Start();
        Device.Stop();
        Device.Start();
        Assert.Equal(0, Device.CompletedStatus(0, 1, out ushort last, new DmaStatus[1]));
        Assert.Equal(DmaDevice.NoJobIndex, last);
        Assert.Equal(0, (ushort)(last + 1));
        _idCount = 0;
        SingleCopy();
        AssertAllReported();
    }

    [Fact]
    public void BurstCapacity_DropsByOnePerJob_AndIndicesWrap()
    {
        const int burst = 64;
        int ringSpace = Device.BurstCapacity(0);
        if (ringSpace < burst)
        {
            Assert.Skip($"{H.Label} has a burst capacity of {ringSpace}, below {burst}.");
        }

        nint src = H.Allocate(64);
        nint dst = H.Allocate(64);
        int rounds = 2 * (65536 / ringSpace);
        bool wrapped = false;
        for (int round = 0; round < rounds; round++)
        {
            for (int b = 0; b < (ringSpace / 128) + 1; b++)
            {
                int start = Device.BurstCapacity(0);
                for (int j = 0; j < burst; j++)
                {
                    int id = Device.Copy(0, src, dst, 64);
                    Assert.Equal(_idCount, id);
                    wrapped |= _idCount == ushort.MaxValue;
                    _idCount++;
                    Assert.Equal(start - (j + 1), Device.BurstCapacity(0));
                }

                Assert.Equal(0, Device.Submit(0));
                Assert.True(Device.BurstCapacity(0) <= start - burst, "capacity grew on submit");
                H.WaitIdle();
                Assert.Equal(burst, Device.Completed(0, burst, out ushort last, out bool error));
                Assert.False(error);
                Assert.Equal((ushort)(_idCount - 1), last);
            }
        }

        Assert.True(wrapped, "the job index never wrapped past 65535");
        Assert.Equal(ringSpace, Device.BurstCapacity(0));
        AssertAllReported();
    }

    [Fact]
    public void Fill_WritesThePatternInMemoryOrder()
    {
        if (!Info.Has(DmaCapabilities.OpsFill))
        {
            Assert.Skip($"{H.Label} has no fill (OpsFill).");
        }

        const ulong pattern = 0xfedcba9876543210;
        nint dst = H.Allocate(CopySize);
        Span<byte> bytes = NativeArena.Span(dst, CopySize);
        foreach (int length in new[] { 8, 64, 1024, 50, 100, 89 })
        {
            bytes.Clear();
            Assert.Equal(_idCount, Device.Fill(0, pattern, dst, length, DmaOpFlags.Submit));
            H.WaitIdle();
            AssertSingleCompletion();
            for (int j = 0; j < length; j++)
            {
                Assert.True(bytes[j] == (byte)(pattern >> (8 * (j % 8))), $"fill of {length}: byte {j} is 0x{bytes[j]:X2}");
            }

            Assert.True(bytes[length..].IndexOfAnyExcept((byte)0) < 0, $"fill of {length} wrote past its end");
        }

        AssertAllReported();
    }

    [Fact]
    public void Stop_CompletesStagedJobsAsAborted_AndKeepsFinishedOnesReportable()
    {
        (nint src, nint dst) = CopyBuffers();
        Assert.Equal(0, Device.Copy(0, src, dst, CopySize, DmaOpFlags.Submit));
        (nint src2, nint dst2) = CopyBuffers();
        NativeArena.Span(dst2, CopySize).Fill(0xA5);
        Assert.Equal(1, Device.Copy(0, src2, dst2, CopySize));
        Assert.Equal(2, Device.Copy(0, src2, dst2, CopySize));
        Device.Stop();
        Assert.Equal(DmaError.NotPermitted, Device.Copy(0, src, dst, CopySize));
        Assert.Equal(DmaVchanStatus.Idle, Device.GetVchanStatus(0));

        var status = new DmaStatus[8];
        Assert.Equal(3, Device.CompletedStatus(0, 8, out ushort last, status));
        Assert.Equal(2, last);
        Assert.Equal([DmaStatus.Successful, DmaStatus.UserAbort, DmaStatus.UserAbort], status[..3]);
        Assert.True(NativeArena.Span(src, CopySize).SequenceEqual(NativeArena.Span(dst, CopySize)));
        Assert.True(NativeArena.Span(dst2, CopySize).IndexOfAnyExcept((byte)0xA5) < 0, "an aborted job wrote its destination");
        DmaStats stats = Device.GetStats(0);
        Assert.Equal(new DmaStats(3, 3, 2), stats);
        Device.Start();
    }

    [Fact]
    public void Silent_RunsWithoutHarvesting()
    {
        if (!Info.Has(DmaCapabilities.Silent))
        {
            Assert.Skip($"{H.Label} has no silent mode.");
        }

        Device.Stop();
        Device.Configure(1, silent: true);
        Device.VchanSetup(0, DmaDirection.MemToMem, Info.MinDesc);
        Device.Start();
        int jobs = (Info.MinDesc * 4) + 3;
        var copies = new (nint Source, nint Destination)[jobs];
        for (int i = 0; i < jobs; i++)
        {
            copies[i] = (H.Allocate(256), H.Allocate(256));
            Random.Shared.NextBytes(NativeArena.Span(copies[i].Source, 256));
            int id;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((id = Device.Copy(0, copies[i].Source, copies[i].Destination, 256, DmaOpFlags.Submit)) == DmaError.NoSpace)
            {
                Assert.True(clock.ElapsedMilliseconds < 5000, "the ring never drained in silent mode");
                Thread.Yield();
            }

            Assert.Equal((ushort)i, id);
        }

        H.WaitIdle();
        foreach ((nint source, nint destination) in copies)
        {
            Assert.True(NativeArena.Span(source, 256).SequenceEqual(NativeArena.Span(destination, 256)));
        }

        Assert.Throws<InvalidOperationException>(() => Device.Completed(0, 1, out _, out _));
        Assert.Throws<InvalidOperationException>(() => Device.CompletedStatus(0, 1, out _, new DmaStatus[1]));
        Assert.Equal(new DmaStats(jobs, jobs, 0), Device.GetStats(0));
    }

    [Theory]
    [MemberData(nameof(FailCases))]
    public void ErrorHandling_FullBurst_StopsAtTheFailure(int failIndex, bool fence)
    {
        RequireErrorHandling();
        DmaStats before = Device.GetStats(0);
        ushort first = EnqueueBurstWithFailures([failIndex], fence);
        Assert.Equal(before.Submitted + FailBurst, Device.GetStats(0).Submitted);
        H.WaitIdle();

        Assert.Equal(failIndex, Device.Completed(0, FailBurst, out ushort last, out bool error));
        Assert.True(error);
        Assert.Equal((ushort)(first + failIndex - 1), last);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(0, Device.Completed(0, FailBurst, out ushort again, out error));
            Assert.True(error);
            Assert.Equal(last, again);
        }

        var status = new DmaStatus[FailBurst];
        int count = Device.CompletedStatus(0, FailBurst, out _, status);
        if (count == 1)
        {
            H.WaitIdle();
            count += Device.CompletedStatus(0, FailBurst - 1, out _, status.AsSpan(1));
        }

        Assert.Equal(FailBurst - failIndex, count);
        Assert.NotEqual(DmaStatus.Successful, status[0]);
        int failures = 1;
        for (int i = 1; i < count; i++)
        {
            Assert.True(status[i] is DmaStatus.Successful or DmaStatus.NotAttempted, $"status {i} is {status[i]}");
            failures += status[i] == DmaStatus.Successful ? 0 : 1;
        }

        DmaStats after = Device.GetStats(0);
        Assert.Equal(before.Completed + FailBurst, after.Completed);
        Assert.Equal(before.Errors + failures, after.Errors);
        AssertAllReported();
    }

    [Theory]
    [MemberData(nameof(FailCases))]
    public void ErrorHandling_OneAtATime_StopsAtTheFailure(int failIndex, bool fence)
    {
        RequireErrorHandling();
        ushort first = EnqueueBurstWithFailures([failIndex], fence);
        H.WaitIdle();
        int count = 0;
        ushort last;
        bool error;
        while (true)
        {
            int n = Device.Completed(0, 1, out last, out error);
            Assert.True(n <= 1);
            if (n == 0)
            {
                Assert.True(error, "Completed returned 0 without an error while jobs were waiting");
                break;
            }

            count++;
        }

        Assert.Equal(failIndex, count);
        Assert.Equal((ushort)(first + failIndex - 1), last);
        var status = new DmaStatus[1];
        bool firstStatus = true;
        while (count < FailBurst)
        {
            int n = Device.CompletedStatus(0, 1, out _, status);
            if (n == 0)
            {
                H.WaitIdle();
                continue;
            }

            Assert.Equal(1, n);
            if (firstStatus)
            {
                Assert.NotEqual(DmaStatus.Successful, status[0]);
                firstStatus = false;
            }
            else
            {
                Assert.True(status[0] is DmaStatus.Successful or DmaStatus.NotAttempted, $"status {status[0]}");
            }

            count++;
        }

        AssertAllReported();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(15)]
    public void ErrorHandling_SingleStatusQuery_ThenTheRestSucceed(int failIndex)
    {
        // DPDK runs this case without a fence only.
        RequireErrorHandling();
        EnqueueBurstWithFailures([failIndex], fence: false);
        H.WaitIdle();
        int count = Device.Completed(0, FailBurst, out _, out bool error);
        Assert.Equal(failIndex, count);
        Assert.True(error);
        var status = new DmaStatus[1];
        Assert.Equal(1, Device.CompletedStatus(0, 1, out _, status));
        Assert.NotEqual(DmaStatus.Successful, status[0]);
        count++;
        H.WaitIdle();
        count += Device.Completed(0, FailBurst, out _, out error);
        Assert.False(error);
        Assert.Equal(FailBurst, count);
        AssertAllReported();
    }

    [Fact]
    public void ErrorHandling_MultipleFailures_EachReportedOnce()
    {
        RequireErrorHandling();
        EnqueueBurstWithFailures(s_failPositions, fence: false);
        H.WaitIdle();
        var status = new DmaStatus[FailBurst];
        int count = 0, errors = 0;
        while (count < FailBurst)
        {
            int n = Device.CompletedStatus(0, FailBurst - count, out _, status);
            for (int i = 0; i < n; i++)
            {
                errors += status[i] == DmaStatus.Successful ? 0 : 1;
            }

            count += n;
        }

        Assert.Equal(s_failPositions.Length, errors);

        EnqueueBurstWithFailures(s_failPositions, fence: false);
        H.WaitIdle();
        count = 0;
        errors = 0;
        while (count < FailBurst)
        {
            count += Device.Completed(0, FailBurst, out _, out bool error);
            if (error)
            {
                Assert.Equal(1, Device.CompletedStatus(0, 1, out _, status));
                Assert.NotEqual(DmaStatus.Successful, status[0]);
                count++;
                errors++;
            }
        }

        Assert.Equal(s_failPositions.Length, errors);
        AssertAllReported();
    }

    [Fact]
    public void BadAddress_FailsOnlyThatJob_WithAnAddressStatus()
    {
        RequireErrorHandling();
        (nint src, nint dst) = CopyBuffers();
        Assert.Equal(0, Device.Copy(0, src, 0, CopySize));
        Assert.Equal(1, Device.Copy(0, 0, dst, CopySize));
        Assert.Equal(2, Device.Copy(0, src, dst, CopySize, DmaOpFlags.Submit));
        H.WaitIdle();
        var status = new DmaStatus[3];
        Assert.Equal(3, Device.CompletedStatus(0, 3, out ushort last, status));
        Assert.Equal(2, last);
        Assert.True(status[0] is DmaStatus.InvalidDstAddr or DmaStatus.InvalidAddr or DmaStatus.PageFault or DmaStatus.ErrorUnknown, $"job 0: {status[0]}");
        Assert.True(status[1] is DmaStatus.InvalidSrcAddr or DmaStatus.InvalidAddr or DmaStatus.PageFault or DmaStatus.ErrorUnknown, $"job 1: {status[1]}");
        Assert.Equal(DmaStatus.Successful, status[2]);
        Assert.True(NativeArena.Span(src, CopySize).SequenceEqual(NativeArena.Span(dst, CopySize)));
        Assert.Equal(new DmaStats(3, 3, 2), Device.GetStats(0));
    }

    public void Dispose()
    {
        H.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract DmaHarness CreateHarness();

    private void RequireErrorHandling()
    {
        if (!Info.Has(DmaCapabilities.HandlesErrors))
        {
            Assert.Skip($"{H.Label} does not report bad jobs (no HandlesErrors), as DPDK's skeleton.");
        }
    }

    /// <summary>16 copies whose source at each failing position is address 0; returns the first job's index.</summary>
    private ushort EnqueueBurstWithFailures(int[] failPositions, bool fence)
    {
        ushort first = _idCount;
        for (int i = 0; i < FailBurst; i++)
        {
            (nint src, nint dst) = CopyBuffers();
            nint source = Array.IndexOf(failPositions, i) >= 0 ? 0 : src;
            DmaOpFlags flags = fence && i == 8 ? DmaOpFlags.Fence : DmaOpFlags.None;
            Assert.Equal(_idCount, Device.Copy(0, source, dst, CopySize, flags));
            _idCount++;
        }

        Assert.Equal(0, Device.Submit(0));
        return first;
    }

    private void SingleCopy()
    {
        (nint src, nint dst) = CopyBuffers();
        Assert.Equal(_idCount, Device.Copy(0, src, dst, CopySize, DmaOpFlags.Submit));
        H.WaitIdle();
        AssertSame(src, dst);
        AssertSingleCompletion();
    }

    /// <summary>DPDK's checks after one job: reported once with its id, then nothing, by both completion calls.</summary>
    private void AssertSingleCompletion()
    {
        Assert.Equal(1, Device.Completed(0, 1, out ushort last, out bool error));
        Assert.Equal(_idCount, last);
        Assert.False(error);
        Assert.Equal(0, Device.Completed(0, 1, out last, out _));
        Assert.Equal(_idCount, last);
        Assert.Equal(0, Device.CompletedStatus(0, 1, out last, new DmaStatus[1]));
        Assert.Equal(_idCount, last);
        Assert.Equal(0, Device.Completed(0, 1, out _, out _));
        _idCount++;
    }

    private void FourCopies()
    {
        (nint src, nint dst) = CopyBuffers();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(_idCount, Device.Copy(0, src, dst, CopySize, DmaOpFlags.Submit));
            _idCount++;
        }

        H.WaitIdle();
        Assert.Equal(4, Device.Completed(0, 8, out ushort last, out bool error));
        Assert.Equal((ushort)(_idCount - 1), last);
        Assert.False(error);
        AssertSame(src, dst);
    }

    private void MultiCopy(int variant)
    {
        const int count = 32;
        var copies = new (nint Source, nint Destination)[count];
        for (int i = 0; i < count; i++)
        {
            copies[i] = CopyBuffers();
            Assert.Equal(_idCount, Device.Copy(0, copies[i].Source, copies[i].Destination, CopySize));
            _idCount++;
            if (variant == 1 && i == (count / 2) - 1)
            {
                Assert.Equal(0, Device.Submit(0));
            }
        }

        Assert.Equal(0, Device.Submit(0));
        H.WaitIdle();
        switch (variant)
        {
            case 2:
                Assert.Equal(count / 2, Device.Completed(0, count / 2, out _, out bool e1));
                Assert.False(e1);
                Assert.Equal(count / 2, Device.Completed(0, count / 2, out _, out bool e2));
                Assert.False(e2);
                break;
            case 3:
                var status = new DmaStatus[count];
                Assert.Equal(count, Device.CompletedStatus(0, count, out _, status));
                Assert.All(status, s => Assert.Equal(DmaStatus.Successful, s));
                Assert.Equal(0, Device.CompletedStatus(0, count, out _, status));
                break;
            default:
                Assert.Equal(count, Device.Completed(0, count, out ushort last, out bool error));
                Assert.False(error);
                Assert.Equal((ushort)(_idCount - 1), last);
                break;
        }

        Assert.Equal(0, Device.Completed(0, count, out _, out _));
        foreach ((nint source, nint destination) in copies)
        {
            AssertSame(source, destination);
        }
    }

    private (nint Source, nint Destination) CopyBuffers()
    {
        nint src = H.Allocate(CopySize);
        nint dst = H.Allocate(CopySize);
        Random.Shared.NextBytes(NativeArena.Span(src, CopySize));
        return (src, dst);
    }

    private static void AssertSame(nint source, nint destination) =>
        Assert.True(NativeArena.Span(source, CopySize).SequenceEqual(NativeArena.Span(destination, CopySize)), "destination differs from source");

    private static byte[] Concat(DmaSge[] entries)
    {
        var bytes = new List<byte>();
        foreach (DmaSge e in entries)
        {
            bytes.AddRange(NativeArena.Span(e.Address, e.Length).ToArray());
        }

        return bytes.ToArray();
    }

    private void AssertAllReported()
    {
        DmaStats stats = Device.GetStats(0);
        Assert.Equal(stats.Submitted, stats.Completed);
    }
}
