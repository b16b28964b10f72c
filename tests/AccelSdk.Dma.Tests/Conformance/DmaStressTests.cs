using System.Diagnostics;
using AccelSdk.Dma.Tests.Infrastructure;

namespace AccelSdk.Dma.Tests.Conformance;

/// <summary>
/// Millions of copies of random sizes (1 B to 8 KiB), random bursts, flags and harvest sizes, spread over several
/// channels (vchans, or devices of one vchan each): every destination byte is checked against its source, the bytes
/// after each copy must be untouched, and every job index must be reported once, in order, with no gap.
/// </summary>
public abstract class DmaStressTests
{
    private const int MaxLength = 8192;
    private const int Guard = 32;
    private const int Room = MaxLength + Guard;
    private const int SourceSize = 1 << 20;
    private const byte Poison = 0x5A;

    /// <summary>Copies in the whole run.</summary>
    protected abstract int Jobs { get; }

    [Fact]
    public void RandomCopies_AcrossChannels_EveryByteVerified_EveryIndexReportedOnce()
    {
        using DmaHarness h = CreateHarness();
        int seed = Environment.TickCount;
        var rng = new Random(seed);
        nint source = h.Allocate(SourceSize + MaxLength);
        rng.NextBytes(NativeArena.Span(source, SourceSize + MaxLength));
        Channel[] channels = OpenChannels(h);
        foreach (Channel c in channels)
        {
            c.Destination = h.Allocate((long)c.Slots * Room);
            NativeArena.Span(c.Destination, c.Slots * Room).Fill(Poison);
        }

        var status = new DmaStatus[64];
        long enqueued = 0, reported = 0;
        var clock = Stopwatch.StartNew();
        while (reported < Jobs)
        {
            bool progress = false;
            foreach (Channel c in channels)
            {
                int burst = rng.Next(1, 33);
                for (int b = 0; b < burst && enqueued < Jobs; b++)
                {
                    int length = RandomLength(rng);
                    int offset = rng.Next(0, SourceSize);
                    int slot = (int)(c.Enqueued % c.Slots);
                    DmaOpFlags flags = (b == burst - 1 ? DmaOpFlags.Submit : DmaOpFlags.None)
                        | (rng.Next(16) == 0 ? DmaOpFlags.Fence : DmaOpFlags.None)
                        | (rng.Next(8) == 0 ? DmaOpFlags.Llc : DmaOpFlags.None);
                    int id = c.Device.Copy(c.Vchan, source + offset, c.Destination + ((nint)slot * Room), length, flags);
                    if (id == DmaError.NoSpace)
                    {
                        break;
                    }

                    Assert.True(id == (ushort)c.Enqueued, $"seed {seed}: {c} returned job {id}, expected {(ushort)c.Enqueued}");
                    c.Jobs[c.Enqueued & c.JobMask] = new Job(offset, length, slot);
                    c.Enqueued++;
                    enqueued++;
                    progress = true;
                }

                Assert.Equal(0, c.Device.Submit(c.Vchan));
                int max = rng.Next(1, status.Length + 1);
                int n;
                ushort last;
                if (rng.Next(2) == 0)
                {
                    n = c.Device.Completed(c.Vchan, max, out last, out bool error);
                    Assert.False(error, $"seed {seed}: {c} reported an error");
                }
                else
                {
                    n = c.Device.CompletedStatus(c.Vchan, max, out last, status);
                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(status[i] == DmaStatus.Successful, $"seed {seed}: {c} job {(ushort)(c.Reported + i)} has status {status[i]}");
                    }
                }

                Assert.True(last == (ushort)(c.Reported + n - 1), $"seed {seed}: {c} reported up to job {last} after {n} completions; expected {(ushort)(c.Reported + n - 1)}");
                for (int i = 0; i < n; i++)
                {
                    Verify(c, source, c.Jobs[(c.Reported + i) & c.JobMask], seed);
                }

                c.Reported += n;
                reported += n;
                progress |= n > 0;
            }

            if (!progress)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"seed {seed}: no progress for too long after {reported} of {Jobs} copies");
                Thread.Yield();
            }
        }

        foreach (Channel c in channels)
        {
            DmaStats stats = c.Device.GetStats(c.Vchan);
            Assert.Equal(new DmaStats(c.Enqueued, c.Enqueued, 0), stats);
            Assert.Equal(0, c.Device.Completed(c.Vchan, 64, out _, out _));
        }

        Assert.Equal(Jobs, reported);
        Assert.True(channels.Length >= 2, "the stress test must spread its copies over several channels");
    }

    protected abstract DmaHarness CreateHarness();

    /// <summary>The channels to spread copies over: by default up to four vchans of the harness's device.</summary>
    protected virtual Channel[] OpenChannels(DmaHarness harness)
    {
        int vchans = Math.Min(harness.Device.GetInfo().MaxVchans, 4);
        int nbDesc = harness.ConfigureAndStart(256, vchans);
        return Enumerable.Range(0, vchans).Select(v => new Channel(harness.Device, v, harness.Device.BurstCapacity(v))).ToArray();
    }

    /// <summary>Mostly short copies, many mid-sized, a few up to 8 KiB.</summary>
    private static int RandomLength(Random rng) => rng.Next(100) switch
    {
        < 60 => rng.Next(1, 257),
        < 95 => rng.Next(257, 4097),
        _ => rng.Next(4097, MaxLength + 1),
    };

    private static void Verify(Channel c, nint source, Job job, int seed)
    {
        Span<byte> destination = NativeArena.Span(c.Destination + ((nint)job.Slot * Room), Room);
        ReadOnlySpan<byte> expected = NativeArena.Span(source + job.Offset, job.Length);
        int same = expected.CommonPrefixLength(destination[..job.Length]);
        Assert.True(same == job.Length, $"seed {seed}: {c} copy of {job.Length} bytes from source +{job.Offset} differs at byte {same}");
        Assert.True(destination.Slice(job.Length, Guard).IndexOfAnyExcept(Poison) < 0, $"seed {seed}: {c} copy of {job.Length} bytes wrote past its end");
        destination[..(job.Length + Guard)].Fill(Poison);
    }

    /// <summary>Where a job copied from and to.</summary>
    protected readonly record struct Job(int Offset, int Length, int Slot);

    /// <summary>One (device, vchan) pair and its bookkeeping.</summary>
    protected sealed class Channel
    {
        public Channel(DmaDevice device, int vchan, int capacity)
        {
            Device = device;
            Vchan = vchan;
            Slots = capacity;
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
            Jobs = new Job[size];
            JobMask = size - 1;
        }

        public DmaDevice Device { get; }

        public int Vchan { get; }

        /// <summary>Destination slots: as many as jobs can be in flight, so a slot is reused only after it was checked.</summary>
        public int Slots { get; }

        public nint Destination { get; set; }

        internal Job[] Jobs { get; }

        public long JobMask { get; }

        public long Enqueued { get; set; }

        public long Reported { get; set; }

        public override string ToString() => $"{Device.Name} vchan {Vchan}";
    }
}
