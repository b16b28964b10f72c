using System.Buffers.Binary;
using System.Diagnostics;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Tests.Models;

/// <summary>
/// The driver side of <see cref="EchoModel"/>, written only against the public driver contract (context, queue,
/// regions, address space) as a real driver would be.
/// </summary>
internal sealed class EchoClient : IDisposable
{
    private readonly UacceDeviceContext _context;
    private uint _tail;
    private uint _cqHead;
    private uint _phase = 1;

    public EchoClient(UacceDeviceContext context, bool start = true)
    {
        _context = context;
        Queue = context.OpenQueue();
        Mmio = Queue.MapRegion(UacceRegionType.Mmio);
        Dus = Queue.MapRegion(UacceRegionType.Dus);
        if (start)
        {
            Queue.Start();
        }
    }

    public UacceQueue Queue { get; }

    public UacceRegion Mmio { get; }

    public UacceRegion Dus { get; }

    /// <summary>Writes one descriptor (addresses already as the device sees them) without ringing.</summary>
    public void Post(ulong source, ulong destination, int length, uint tag, uint opcode = 0)
    {
        Span<byte> sqe = Dus.AsSpan((_tail % EchoModel.Depth) * EchoModel.SqeSize, EchoModel.SqeSize);
        BinaryPrimitives.WriteUInt64LittleEndian(sqe, source);
        BinaryPrimitives.WriteUInt64LittleEndian(sqe[8..], destination);
        BinaryPrimitives.WriteInt32LittleEndian(sqe[16..], length);
        BinaryPrimitives.WriteUInt32LittleEndian(sqe[20..], tag);
        BinaryPrimitives.WriteUInt32LittleEndian(sqe[24..], opcode);
        _tail++;
    }

    /// <summary>Copies between two registered blocks, translating their addresses as the device's mode requires.</summary>
    public void PostCopy(nint source, nint destination, int length, uint tag) =>
        Post(_context.AddressSpace.Translate(source, length), _context.AddressSpace.Translate(destination, length), length, tag);

    public void Ring() => Mmio.WriteDoorbell32(0, _tail);

    /// <summary>Rings with a plain store, as a careless driver might: the engine still sees it on its next poll.</summary>
    public void RingWithPlainStore() => Mmio.WriteUInt32(0, _tail);

    public bool TryPoll(out uint tag, out uint status)
    {
        long offset = EchoModel.CqOffset + ((_cqHead % EchoModel.Depth) * EchoModel.CqeSize);
        if ((Dus.ReadUInt32(offset + 12) & 1) != _phase)
        {
            tag = status = 0;
            return false;
        }

        tag = Dus.ReadUInt32(offset);
        status = Dus.ReadUInt32(offset + 4);
        _cqHead++;
        if (_cqHead % EchoModel.Depth == 0)
        {
            _phase ^= 1;
        }

        return true;
    }

    /// <summary>Waits (event-driven, bounded) for the next completion.</summary>
    public (uint Tag, uint Status) WaitCompletion(int timeoutMilliseconds = 10_000)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (TryPoll(out uint tag, out uint status))
            {
                return (tag, status);
            }

            int left = timeoutMilliseconds - (int)clock.ElapsedMilliseconds;
            if (left <= 0)
            {
                throw new TimeoutException($"No completion within {timeoutMilliseconds} ms (queue health {Queue.Health}).");
            }

            Queue.WaitForEvent(Math.Min(left, 100));
        }
    }

    public void Dispose() => Queue.Dispose();
}
