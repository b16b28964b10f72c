using System.Buffers.Binary;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Uacce.Tests.Models;

/// <summary>
/// A tiny copy/fill engine on the device-model framework, with a register and ring layout of its own:
/// <list type="bullet">
/// <item>MMIO 0x0: submission tail doorbell (u32, free-running); MMIO 0x8: "poison" register — a non-zero value
/// makes the engine throw (a model bug, for fault tests).</item>
/// <item>DUS 0: <see cref="Depth"/> submission entries of 32 bytes: source (u64), destination (u64), length (u32),
/// tag (u32), opcode (u32: 0 copy, 1 fill with the source's low byte), reserved.</item>
/// <item>DUS <see cref="CqOffset"/>: <see cref="Depth"/> completion entries of 16 bytes: tag (u32), status (u32: 0 ok,
/// 1 bad address, 2 bad opcode), reserved, phase (u32 bit 0, starts at 1, flips each wrap), written last.</item>
/// <item>ioctl <see cref="GetDepthRequest"/> writes the depth to the caller's u32.</item>
/// </list>
/// </summary>
internal sealed class EchoModel(UacceDeviceModelOptions options) : UacceDeviceModel(options)
{
    public const int Depth = 64;
    public const int SqeSize = 32;
    public const int CqeSize = 16;
    public const int CqOffset = Depth * SqeSize;
    public const uint StatusOk = 0;
    public const uint StatusBadAddress = 1;
    public const uint StatusBadOpcode = 2;

    public static readonly uint GetDepthRequest = AccelSdk.Uacce.Queues.UacceIoctl.Read<uint>('E', 1);

    public int StartCount;
    public int StopCount;

    public static UacceDeviceModelOptions DefaultOptions(Action<UacceDeviceModelOptions>? change = null)
    {
        var options = new UacceDeviceModelOptions { InterfaceName = "echo", Api = "echo_v1", QueueCount = 4 };
        options.Algorithms.Add("memcpy");
        options.Algorithms.Add("memset");
        change?.Invoke(options);
        return options;
    }

    protected override UacceModelQueue CreateQueue(UacceModelQueueContext context) => new EchoQueue(context, this);

    private sealed unsafe class EchoQueue(UacceModelQueueContext context, EchoModel model) : UacceModelQueue(context)
    {
        private uint _head;
        private uint _cqTail;
        private uint _phase = 1;

        protected override void OnStart() => Interlocked.Increment(ref model.StartCount);

        protected override void OnStop() => Interlocked.Increment(ref model.StopCount);

        protected override int OnIoControl(uint request, nint argument)
        {
            if (request != GetDepthRequest)
            {
                return -25; // ENOTTY
            }

            *(uint*)argument = Depth;
            return 0;
        }

        protected override bool Process()
        {
            if (Mmio.ReadUInt64(8) != 0)
            {
                throw new InvalidOperationException("poisoned");
            }

            uint tail = Mmio.ReadUInt32(0);
            if (tail == _head)
            {
                return false;
            }

            while (_head != tail)
            {
                Span<byte> sqe = Dus.AsSpan((_head % Depth) * SqeSize, SqeSize);
                ulong source = BinaryPrimitives.ReadUInt64LittleEndian(sqe);
                ulong destination = BinaryPrimitives.ReadUInt64LittleEndian(sqe[8..]);
                int length = BinaryPrimitives.ReadInt32LittleEndian(sqe[16..]);
                uint tag = BinaryPrimitives.ReadUInt32LittleEndian(sqe[20..]);
                uint opcode = BinaryPrimitives.ReadUInt32LittleEndian(sqe[24..]);
                Complete(tag, Execute(source, destination, length, opcode));
                _head++;
            }

            SignalEvent();
            return true;
        }

        private uint Execute(ulong source, ulong destination, int length, uint opcode)
        {
            switch (opcode)
            {
                case 0:
                    if (!Memory.TryGetSpan(source, length, out Span<byte> from) || !Memory.TryGetSpan(destination, length, out Span<byte> to))
                    {
                        return StatusBadAddress;
                    }

                    from.CopyTo(to);
                    return StatusOk;
                case 1:
                    if (!Memory.TryGetSpan(destination, length, out Span<byte> fill))
                    {
                        return StatusBadAddress;
                    }

                    fill.Fill((byte)source);
                    return StatusOk;
                default:
                    return StatusBadOpcode;
            }
        }

        private void Complete(uint tag, uint status)
        {
            long offset = CqOffset + ((_cqTail % Depth) * CqeSize);
            Dus.WriteUInt32(offset, tag);
            Dus.WriteUInt32(offset + 4, status);

            // The phase word last, with release semantics: a driver that sees the new phase sees tag and status.
            Dus.WriteUInt32(offset + 12, _phase);
            _cqTail++;
            if (_cqTail % Depth == 0)
            {
                _phase ^= 1;
            }
        }
    }
}
