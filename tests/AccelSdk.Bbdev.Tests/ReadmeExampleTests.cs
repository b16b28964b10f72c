using AccelSdk.Bbdev.DependencyInjection;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Pools;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Bbdev.Tests;

/// <summary>The README's bbdev example, kept compiling and passing: encode one code block, decode it back.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void EncodeThenDecode_RoundTrips()
    {
        byte[] information = new byte[(8448 - 24) / 8];
        new Random(1).NextBytes(information);

        // --- README example starts ---
        var services = new ServiceCollection();
        services.AddAccelSdk().AddBbdevSoftwareDrivers().AddDevice("baseband_sw0");
        using ServiceProvider provider = services.BuildServiceProvider();
        BbdevDevice device = provider.GetRequiredService<DeviceRegistry>().Get<BbdevDevice>("baseband_sw0");

        device.SetupQueues(2);
        device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 256 });
        device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 256 });
        device.Start();

        using BufferPool buffers = BufferPool.Create(new BufferPoolOptions { Count = 64, RoomSize = 32 * 1024 });
        using OpPool<LdpcEncOp> encOps = BbdevOpPool.Create<LdpcEncOp>("enc", 64);
        using OpPool<LdpcDecOp> decOps = BbdevOpPool.Create<LdpcDecOp>("dec", 64);

        // One BG1 code block, Zc = 384 (K' = 8448 with the CRC24B the device attaches), QPSK, E = 25344 (rate 1/3).
        LdpcEncOp enc = encOps.Get()!;
        enc.OpFlags = LdpcEncFlags.RateMatch | LdpcEncFlags.Crc24BAttach;
        enc.BaseGraph = 1;
        enc.Zc = 384;
        enc.NCb = 66 * 384;
        enc.Qm = 2;
        enc.CbParams = new LdpcCbParams(E: 25344);
        DataBuffer input = buffers.Rent()!;
        information.CopyTo(input.Append(information.Length));
        enc.Input.Set(input, offset: 0, length: information.Length);
        enc.Output.Set(buffers.Rent());

        device.EnqueueLdpcEnc(0, [enc]);                       // returns how many were accepted
        var encDone = new LdpcEncOp[1];
        while (device.DequeueLdpcEnc(0, encDone) == 0)
        {
            device.WaitForCompletions(0, TimeSpan.FromMilliseconds(1)); // or poll, DPDK style
        }

        // Map the coded bits to LLRs (positive = bit 0, S8.1) and decode them.
        LdpcDecOp dec = decOps.Get()!;
        dec.OpFlags = LdpcDecFlags.IterationStopEnable | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop;
        dec.BaseGraph = 1;
        dec.Zc = 384;
        dec.NCb = 66 * 384;
        dec.Qm = 2;
        dec.IterMax = 8;
        dec.CbParams = new LdpcCbParams(E: 25344);
        DataBuffer llrs = buffers.Rent()!;
        Span<byte> llrBytes = llrs.Append(25344);
        ReadOnlySpan<byte> coded = encDone[0].Output.Data!.Data;
        for (int i = 0; i < 25344; i++)
        {
            llrBytes[i] = (coded[i >> 3] & (0x80 >> (i & 7))) != 0 ? unchecked((byte)-127) : (byte)127;
        }

        dec.Input.Set(llrs, 0, 25344);
        dec.HardOutput.Set(buffers.Rent());
        device.EnqueueLdpcDec(1, [dec]);
        var decDone = new LdpcDecOp[1];
        while (device.DequeueLdpcDec(1, decDone) == 0)
        {
            device.WaitForCompletions(1, TimeSpan.FromMilliseconds(1));
        }

        bool ok = decDone[0].Status == BbdevOpStatus.None;     // CrcError / SyndromeError on failure, never an exception
        int iterations = decDone[0].IterCount;

        buffers.Return(enc.Input.Data!);
        buffers.Return(enc.Output.Data!);
        buffers.Return(dec.Input.Data!);
        encOps.Put(enc);
        // --- README example ends ---

        Assert.True(ok, decDone[0].StatusDetail);
        Assert.Equal(1, iterations);
        Assert.True(information.AsSpan().SequenceEqual(decDone[0].HardOutput.Data!.Data));
        buffers.Return(dec.HardOutput.Data!);
        decOps.Put(dec);
    }
}
