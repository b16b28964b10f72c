using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Cli.GpuCompare;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// <c>accel gpu-compare</c>: random LDPC decode ops through <c>baseband_gpu</c> and <c>baseband_sw</c>, compared bit
/// for bit (status, iteration count, hard output, HARQ output); exit code 1 on any difference.
/// </summary>
internal static class GpuCompareCommand
{
    private const int BurstOps = 64;

    public static Command Create(TextWriter output)
    {
        var blocks = new Option<int>("--blocks") { Description = "Code blocks to compare (at least; ops carry 1..4).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random ops (the same seed replays the same ops).", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "The GPU device's devargs.", DefaultValueFactory = _ => "baseband_gpu" };
        var maxZc = new Option<int>("--max-zc") { Description = "Largest lifting size drawn (2..384).", DefaultValueFactory = _ => 384 };
        var command = new Command("gpu-compare", "Compare baseband_gpu with baseband_sw bit for bit on random LDPC decode ops.") { blocks, seed, device, maxZc };
        command.SetAction(parse => Run(output, parse.GetValue(blocks), parse.GetValue(seed), parse.GetValue(device) ?? "baseband_gpu", parse.GetValue(maxZc)));
        return command;
    }

    internal static int Run(TextWriter output, int blocks, int seed, string devargs, int maxZc)
    {
        if (blocks < 1 || blocks > 10_000_000)
        {
            throw new ArgumentException($"--blocks {blocks} is out of range: allowed [1, 10000000].");
        }

        if (maxZc < 2 || maxZc > 384)
        {
            throw new ArgumentException($"--max-zc {maxZc} is out of range: allowed [2, 384].");
        }

        using ServiceProvider provider = SdkHost.Build(o => o.ProbeBuses = false);
        DeviceRegistry registry = provider.Registry();
        var gpu = registry.CreateVirtualDevice(devargs) as BbdevDevice ?? throw new ArgumentException($"--device {devargs}: not a baseband device.");
        using BbdevDevice sw = BasebandSwDriver.Create("baseband_sw_compare", new SoftwareDeviceOptions());
        foreach (BbdevDevice d in new[] { gpu, sw })
        {
            d.SetupQueues(1);
            d.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = BurstOps });
            d.Start();
        }

        output.WriteLine($"gpu-compare: {gpu.Name} ({gpu.Info.Engine}) against baseband_sw ({sw.Info.Engine}); {blocks} code blocks, seed {seed}, Zc ≤ {maxZc}");
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = "gpu-compare", RoomSize = 1 << 17, Count = 8 * BurstOps + 16, CacheSize = 0 });
        var random = new Random(seed);
        int compared = 0;
        int ops = 0;
        int mismatches = 0;
        int converged = 0;
        int syndromeErrors = 0;
        int crcErrors = 0;
        long gpuTicks = 0;
        long swTicks = 0;
        var cases = new RandomDecodeCase[BurstOps];
        var gpuOps = new LdpcDecOp[BurstOps];
        var swOps = new LdpcDecOp[BurstOps];
        DataBuffer Filled(ReadOnlyMemory<byte> data)
        {
            DataBuffer buffer = pool.Rent() ?? throw new InvalidOperationException("buffer pool exhausted");
            data.Span.CopyTo(buffer.Append(data.Length));
            return buffer;
        }

        DataBuffer Rent() => pool.Rent() ?? throw new InvalidOperationException("buffer pool exhausted");
        while (compared < blocks)
        {
            int count = 0;
            int burstBlocks = 0;
            while (count < BurstOps && compared + burstBlocks < blocks)
            {
                cases[count] = RandomDecodeCase.Create(random, maxZc);
                gpuOps[count] = cases[count].ToOp(Filled, Rent);
                swOps[count] = cases[count].ToOp(Filled, Rent);
                burstBlocks += cases[count].Blocks;
                count++;
            }

            gpuTicks += RunBurst(gpu, gpuOps.AsSpan(0, count));
            swTicks += RunBurst(sw, swOps.AsSpan(0, count));
            for (int i = 0; i < count; i++)
            {
                string? difference = Compare(swOps[i], gpuOps[i]);
                if (difference is not null)
                {
                    mismatches++;
                    if (mismatches <= 5)
                    {
                        output.WriteLine($"MISMATCH op {ops + i}: {cases[i]}: {difference}");
                    }
                }

                syndromeErrors += (swOps[i].Status & BbdevOpStatus.SyndromeError) != 0 ? 1 : 0;
                crcErrors += (swOps[i].Status & BbdevOpStatus.CrcError) != 0 ? 1 : 0;
                converged += swOps[i].Status == BbdevOpStatus.None && (swOps[i].OpFlags & LdpcDecFlags.DecodeBypass) == 0 ? 1 : 0;
                foreach (LdpcDecOp op in new[] { gpuOps[i], swOps[i] })
                {
                    foreach (BbdevOpData data in new[] { op.Input, op.HardOutput, op.HarqCombinedInput, op.HarqCombinedOutput })
                    {
                        if (data.Data is { } buffer)
                        {
                            pool.Return(buffer);
                            data.Clear();
                        }
                    }
                }
            }

            compared += burstBlocks;
            ops += count;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gpu-compare: {compared} code blocks in {ops} ops ({converged} decoded without error, {syndromeErrors} with a syndrome error, {crcErrors} with a CRC error): {mismatches} mismatching ops; "
            + $"baseband_gpu {gpuTicks / (double)Stopwatch.Frequency:F2} s, baseband_sw {swTicks / (double)Stopwatch.Frequency:F2} s (one thread, bursts of {BurstOps})"));
        gpu.Stop();
        return mismatches == 0 ? AccelApp.ExitOk : AccelApp.ExitFailed;
    }

    private static long RunBurst(BbdevDevice device, Span<LdpcDecOp> ops)
    {
        long start = Stopwatch.GetTimestamp();
        int accepted = device.EnqueueLdpcDec(0, ops);
        if (accepted != ops.Length)
        {
            throw new InvalidOperationException($"{device.Name} accepted {accepted} of {ops.Length} ops on an empty queue.");
        }

        var done = new LdpcDecOp[ops.Length];
        int got = 0;
        long deadline = start + (120 * Stopwatch.Frequency);
        while (got < ops.Length)
        {
            int n = device.DequeueLdpcDec(0, done.AsSpan(got));
            got += n;
            if (n == 0)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"{device.Name}: {ops.Length - got} ops not back within 120 s.");
                }

                device.WaitForCompletions(0, TimeSpan.FromMilliseconds(1));
            }
        }

        for (int i = 0; i < ops.Length; i++)
        {
            if (!ReferenceEquals(done[i], ops[i]))
            {
                throw new InvalidOperationException($"{device.Name} returned ops out of order at {i}.");
            }
        }

        return Stopwatch.GetTimestamp() - start;
    }

    private static string? Compare(LdpcDecOp sw, LdpcDecOp gpu)
    {
        if (sw.Status != gpu.Status)
        {
            return $"status sw {sw.Status} gpu {gpu.Status} ({gpu.StatusDetail})";
        }

        if (sw.IterCount != gpu.IterCount)
        {
            return $"iterations sw {sw.IterCount} gpu {gpu.IterCount}";
        }

        if (!Bytes(sw.HardOutput).SequenceEqual(Bytes(gpu.HardOutput)))
        {
            return "hard output differs";
        }

        return Bytes(sw.HarqCombinedOutput).SequenceEqual(Bytes(gpu.HarqCombinedOutput)) ? null : "HARQ output differs";
    }

    private static ReadOnlySpan<byte> Bytes(BbdevOpData data) => data.Data is null ? default : data.Data.Data.Slice(data.Offset, data.Length);
}
