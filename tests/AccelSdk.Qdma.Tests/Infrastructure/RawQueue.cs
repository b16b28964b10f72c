using System.Diagnostics;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Qdma.Queues;
using AccelSdk.Uacce.Memory;

namespace AccelSdk.Qdma.Tests.Infrastructure;

/// <summary>
/// A hand-driven QDMA queue pair on the model (no bbdev driver): tests write descriptors themselves, including
/// malformed ones, and read completions entry by entry.
/// </summary>
internal sealed class RawQueue : IDisposable
{
    private readonly UacceMemoryRegion _region;

    public RawQueue(QdmaFixture fixture, int roomSize = 4096, int count = 256)
    {
        Pair = QdmaQueuePair.Open(fixture.Context);
        Pool = fixture.Pool(roomSize, count);
        _region = fixture.Context.AddressSpace.Register(Pool.MemoryAddress, Pool.MemoryBytes);
    }

    public QdmaQueuePair Pair { get; }

    public BufferPool Pool { get; }

    /// <summary>A small valid encode job (see <see cref="TestOps"/>), not yet committed.</summary>
    public static QdmaH2cDescriptor EncodeHeader(uint tag, int e = 200) => new()
    {
        Opcode = QdmaOpcode.LdpcEncode,
        BaseGraph = TestOps.BaseGraph,
        Zc = TestOps.Zc,
        NFiller = TestOps.Filler,
        Ncb = TestOps.Ncb,
        Qm = TestOps.Qm,
        OpFlags = (uint)(QdmaEncodeFlags.RateMatch | QdmaEncodeFlags.Crc24BAttach),
        Ea = (uint)e,
        Eb = (uint)e,
        C = 1,
        Cab = 1,
        Mode = QdmaH2cDescriptor.CodeBlockMode,
        Tag = tag,
    };

    /// <summary>Writes one job (header + input, one output) at the producer indices and commits it (no doorbell).</summary>
    public void Post(QdmaH2cDescriptor header, ulong input, uint inputLength, ulong output, uint outputLength, QdmaStream outputStream = QdmaStream.Data)
    {
        header.Address = input;
        header.Length = inputLength;
        header.Control = QdmaDescriptorControl.StartOfPacket | QdmaDescriptorControl.EndOfPacket;
        header.Stream = QdmaStream.Data;
        header.H2cCount = 1;
        header.C2hCount = 1;
        Pair.H2cSlot(0) = header;
        Pair.C2hSlot(0) = new QdmaC2hDescriptor
        {
            Address = output,
            Length = outputLength,
            Control = QdmaDescriptorControl.StartOfPacket | QdmaDescriptorControl.EndOfPacket,
            Stream = outputStream,
        };
        Pair.CommitH2c(1);
        Pair.CommitC2h(1);
    }

    /// <summary>Posts a valid encode job reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
    public void PostEncode(uint tag, DataBuffer input, DataBuffer output) =>
        Post(EncodeHeader(tag), (ulong)input.Address, TestOps.InputBytes, (ulong)output.Address, 25);

    public void Ring()
    {
        Pair.PostC2h();
        Pair.RingH2c(irqArm: false);
    }

    /// <summary>Reads the next completion, waiting (bounded) for it.</summary>
    public QdmaCompletionEntry Next(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? QdmaFixture.Timeout;
        QdmaCompletionEntry entry;
        while (!Pair.TryReadCompletion(out entry))
        {
            Assert.False(Pair.IsStopped, "the queue was stopped by the device");
            Assert.True(clock.Elapsed < limit, "no completion came");
            Thread.Yield();
        }

        return entry;
    }

    public void Dispose()
    {
        Pair.Dispose();
        _region.Dispose();
    }
}
