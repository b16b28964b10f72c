using System.Runtime.InteropServices;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Pools;
using Microsoft.Extensions.Logging;
using VranPipeline.Configuration;
using VranPipeline.Radio;
using VranPipeline.Scheduling;

namespace VranPipeline.Pipeline;

/// <summary>
/// One cell: its UEs, its two queues (encode = downlink, decode = uplink) and the slot's stages. An lcore runs the
/// stages of all its cells stage by stage, so that an asynchronous device works on one cell while the lcore prepares
/// the next.
/// </summary>
internal sealed class CellProcessor : IDisposable
{
    // TS 38.214 5.1.2.1 / common practice: the redundancy version of transmission n of a transport block.
    private static readonly int[] s_rvSequence = [0, 2, 3, 1];

    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(10);

    private readonly PipelineOptions _options;
    private readonly LdpcTransportBlockLayout _layout;
    private readonly Modulation _modulation;
    private readonly BbdevDevice _device;
    private readonly SoftDemodulator _demodulator;
    private readonly ILogger _logger;
    private readonly UeContext[] _ues;
    private readonly OpPool<LdpcEncOp> _encodePool;
    private readonly OpPool<LdpcDecOp> _decodePool;
    private readonly List<BufferPool> _bufferPools = new();
    private readonly Xoshiro256 _payloadRandom;
    private readonly AwgnChannel _channel;
    private readonly LdpcEncOp[] _encodeBatch;
    private readonly LdpcDecOp[] _decodeBatch;
    private readonly LdpcEncOp[] _encodeDone;
    private readonly LdpcDecOp[] _decodeDone;
    private readonly LdpcEncFlags _encodeFlags;
    private readonly LdpcDecFlags _decodeCrcFlags;
    private readonly List<double> _slotMicroseconds = new();
    private int _encodeCount;
    private int _encodeSent;
    private int _decodeCount;
    private int _decodeSent;

    public CellProcessor(int cell, int lcore, PipelineOptions options, Grant grant, BbdevDevice device, SoftDemodulator demodulator, ILogger logger)
    {
        Cell = cell;
        Lcore = lcore;
        EncodeQueue = 2 * cell;
        DecodeQueue = (2 * cell) + 1;
        _options = options;
        _layout = grant.Layout;
        _modulation = grant.Modulation;
        _device = device;
        _demodulator = demodulator;
        _logger = logger;
        _payloadRandom = new Xoshiro256(Seed(options.Seed, cell, 0));
        _channel = new AwgnChannel(options.SnrDb, Seed(options.Seed, cell, 1));

        // CRC duties: with one code block the TB CRC (CRC24A or CRC16) is the code block's and the device attaches and
        // checks it; with several, the application attaches CRC24A to the TB and the device handles each CRC24B.
        int c = _layout.CodeBlocks;
        bool tbCrc24 = _layout.TransportBlockCrc == CrcType.Crc24A;
        _encodeFlags = LdpcEncFlags.RateMatch | (c > 1 ? LdpcEncFlags.Crc24BAttach : tbCrc24 ? LdpcEncFlags.Crc24AAttach : LdpcEncFlags.Crc16Attach);
        _decodeCrcFlags = c > 1 ? LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop : tbCrc24 ? LdpcDecFlags.Crc24ACheck : LdpcDecFlags.Crc16Check;

        int ues = options.UesPerCell;
        int encodeOpsPerUe = options.EncodeMode == EncodeMode.TransportBlock ? 1 : c;
        _encodePool = BbdevOpPool.Create<LdpcEncOp>($"cell{cell}-enc", ues * encodeOpsPerUe, cacheSize: 0);
        _decodePool = BbdevOpPool.Create<LdpcDecOp>($"cell{cell}-dec", ues * c, cacheSize: 0);
        _encodeBatch = new LdpcEncOp[ues * encodeOpsPerUe];
        _encodeDone = new LdpcEncOp[_encodeBatch.Length];
        _decodeBatch = new LdpcDecOp[ues * c];
        _decodeDone = new LdpcDecOp[_decodeBatch.Length];

        _ues = new UeContext[ues];
        for (int u = 0; u < ues; u++)
        {
            _ues[u] = new UeContext(u, _layout);
        }

        UeContext shape = _ues[0];
        BufferPool transportBlocks = Pool("tb", shape.TransportBlockBytes, ues);
        BufferPool coded = Pool("coded", shape.CodedBytes, ues);
        BufferPool llrs = Pool("llr", _layout.CodedBits, ues);
        BufferPool decoded = Pool("decoded", shape.TransportBlockBytes, ues);
        BufferPool harq = Pool("harq", shape.HarqStride * c, 2 * ues);
        foreach (UeContext ue in _ues)
        {
            ue.TransportBlock = Rent(transportBlocks);
            ue.Coded = Rent(coded);
            ue.Llrs = Rent(llrs);
            ue.Decoded = Rent(decoded);
            ue.HarqFirst = Rent(harq);
            ue.HarqSecond = Rent(harq);
            ue.EncodeOps = new LdpcEncOp[encodeOpsPerUe];
            ue.DecodeOps = new LdpcDecOp[c];
            if (!_encodePool.TryGetBulk(ue.EncodeOps) || !_decodePool.TryGetBulk(ue.DecodeOps))
            {
                throw new InvalidOperationException($"Cell {cell}: op pools are smaller than the UEs need.");
            }
        }
    }

    public int Cell { get; }

    public int Lcore { get; }

    public int EncodeQueue { get; }

    public int DecodeQueue { get; }

    public int SlotsRun { get; private set; }

    /// <summary>Ops the busiest stage of a slot puts on one queue (sizes the queues).</summary>
    public static int OpsPerSlot(PipelineOptions options, LdpcTransportBlockLayout layout) => options.UesPerCell * layout.CodeBlocks;

    /// <summary>Whether the cell transmits in <paramref name="slot"/>: new data in the configured slots, then only pending retransmissions.</summary>
    public bool HasWork(int slot)
    {
        if (slot < _options.Slots)
        {
            return true;
        }

        foreach (UeContext ue in _ues)
        {
            if (ue.RetransmissionPending)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Untimed slot set-up, standing in for MAC and radio: picks a new transport block or the pending retransmission
    /// per UE, draws the payload of new blocks and the channel noise.
    /// </summary>
    public void Prepare(int slot)
    {
        foreach (UeContext ue in _ues)
        {
            if (ue.RetransmissionPending)
            {
                ue.Active = true;
                ue.RetransmissionPending = false;
            }
            else if (slot < _options.Slots)
            {
                ue.Active = true;
                ue.Transmissions = 0;
                ue.FirstSlot = slot;
                ue.TransportBlocks++;
                Array.Clear(ue.CodeBlockPassed);
                _payloadRandom.NextBytes(ue.TransportBlock.Data[..ue.PayloadBytes]);
                ue.TransportBlock.Data[..ue.PayloadBytes].CopyTo(ue.Sent);
            }
            else
            {
                ue.Active = false;
                continue;
            }

            ue.RvIndex = s_rvSequence[ue.Transmissions];
            _channel.DrawNoise(ue.NoiseInPhase, ue.NoiseQuadrature);
        }
    }

    /// <summary>Downlink: TB CRC, encode ops (transport-block or code-block mode), first enqueue burst(s).</summary>
    public void SubmitEncode()
    {
        _encodeCount = 0;
        _encodeSent = 0;
        foreach (UeContext ue in _ues)
        {
            if (!ue.Active)
            {
                continue;
            }

            if (ue.Transmissions == 0 && _layout.CodeBlocks > 1)
            {
                // TS 38.212 7.2.1: CRC24A after the payload; the device then segments and attaches each CRC24B.
                CrcCalculator.Attach(CrcType.Crc24A, ue.TransportBlock.Data[..ue.TransportBlockBytes], _layout.TransportBlockBits);
            }

            int inputBytes = _layout.CodeBlocks > 1 ? ue.CodeBlockDataBytes : ue.PayloadBytes;
            if (_options.EncodeMode == EncodeMode.TransportBlock)
            {
                LdpcEncOp op = ue.EncodeOps[0];
                op.SetTransportBlock(_layout, ue.RvIndex);
                op.OpFlags = _encodeFlags;
                op.Input.Set(ue.TransportBlock, 0, inputBytes * _layout.CodeBlocks);
                op.Output.Set(ue.Coded);
                _encodeBatch[_encodeCount++] = op;
            }
            else
            {
                for (int r = 0; r < _layout.CodeBlocks; r++)
                {
                    LdpcEncOp op = ue.EncodeOps[r];
                    op.SetCodeBlock(_layout, r, ue.RvIndex);
                    op.OpFlags = _encodeFlags;
                    op.Input.Set(ue.TransportBlock, r * inputBytes, inputBytes);
                    op.Output.Set(ue.Coded, ue.CodedByteOffset[r]);
                    _encodeBatch[_encodeCount++] = op;
                }
            }
        }

        _encodeSent = EnqueueBursts(_encodeBatch.AsSpan(0, _encodeCount), 0, static (d, q, ops) => d.EnqueueLdpcEnc(q, ops), EncodeQueue);
    }

    /// <summary>Collects the encoded blocks, then modulation, channel and soft demodulation, and builds the decode ops.</summary>
    public void CompleteEncode()
    {
        Drain(_encodeBatch.AsSpan(0, _encodeCount), _encodeDone, ref _encodeSent,
            static (d, q, ops) => d.EnqueueLdpcEnc(q, ops), static (d, q, ops) => d.DequeueLdpcEnc(q, ops), EncodeQueue);
        for (int i = 0; i < _encodeCount; i++)
        {
            ThrowIfFailed(_encodeBatch[i], "encode");
        }

        _decodeCount = 0;
        _decodeSent = 0;
        foreach (UeContext ue in _ues)
        {
            if (!ue.Active)
            {
                continue;
            }

            Transmit(ue);
            BuildDecodeOps(ue);
        }

        _decodeSent = EnqueueBursts(_decodeBatch.AsSpan(0, _decodeCount), 0, static (d, q, ops) => d.EnqueueLdpcDec(q, ops), DecodeQueue);
    }

    /// <summary>Uplink: collects the decoded blocks, checks the TB CRC, advances every HARQ process.</summary>
    public void CompleteDecode(int slot, long slotStartNanoseconds, IPipelineObserver? observer)
    {
        Drain(_decodeBatch.AsSpan(0, _decodeCount), _decodeDone, ref _decodeSent,
            static (d, q, ops) => d.EnqueueLdpcDec(q, ops), static (d, q, ops) => d.DequeueLdpcDec(q, ops), DecodeQueue);
        foreach (UeContext ue in _ues)
        {
            if (ue.Active)
            {
                Receive(ue, slot, observer);
            }
        }

        double microseconds = (ThreadCpuClock.Now(_options.SlotClock == SlotClock.ThreadCpu) - slotStartNanoseconds) / 1e3;
        _slotMicroseconds.Add(microseconds);
        SlotsRun++;
        observer?.SlotCompleted(Cell, slot, microseconds);
    }

    public CellResult ToResult() => new()
    {
        Cell = Cell,
        Lcore = Lcore,
        EncodeQueue = EncodeQueue,
        DecodeQueue = DecodeQueue,
        Ues = _ues.Select(u => u.ToResult(Cell)).ToArray(),
        SlotTimes = SlotTimeStatistics.From(CollectionsMarshal.AsSpan(_slotMicroseconds), _options.SlotMicroseconds),
        SlotsRun = SlotsRun,
    };

    public double BusyMicroseconds => _slotMicroseconds.Sum();

    public void Dispose()
    {
        foreach (UeContext ue in _ues)
        {
            if (ue.EncodeOps.Length > 0 && ue.EncodeOps[0] is not null)
            {
                _encodePool.Put(ue.EncodeOps);
            }

            if (ue.DecodeOps.Length > 0 && ue.DecodeOps[0] is not null)
            {
                _decodePool.Put(ue.DecodeOps);
            }
        }

        _encodePool.Dispose();
        _decodePool.Dispose();
        foreach (BufferPool pool in _bufferPools)
        {
            pool.Dispose();
        }
    }

    private static ulong Seed(int seed, int cell, int stream) => ((ulong)(uint)seed << 32) ^ ((ulong)(uint)cell << 8) ^ (ulong)stream;

    private static DataBuffer Rent(BufferPool pool)
    {
        DataBuffer buffer = pool.Rent() ?? throw new InvalidOperationException($"Buffer pool {pool.Name} is exhausted.");

        // The whole room is data: ops address it by offset, and the driver writes outputs in place.
        buffer.Append(buffer.Tailroom);
        return buffer;
    }

    private BufferPool Pool(string name, int roomBytes, int count)
    {
        BufferPool pool = BufferPool.Create(new BufferPoolOptions
        {
            Name = $"cell{Cell}-{name}",
            Count = count,
            RoomSize = Math.Max(64, (roomBytes + 63) & ~63),
            CacheSize = 0,
        });
        _bufferPools.Add(pool);
        return pool;
    }

    /// <summary>Modulation of every code block's output, the AWGN channel, and max-log demodulation into the decoder's input buffer.</summary>
    private void Transmit(UeContext ue)
    {
        int qm = (int)_modulation;
        ReadOnlySpan<byte> coded = ue.Coded.Data;
        for (int r = 0; r < _layout.CodeBlocks; r++)
        {
            int e = _layout.EOf(r);
            int symbol = _layout.CodedBitOffset(r) / qm;
            Modulator.Modulate(_modulation, coded.Slice(ue.CodedByteOffset[r], (e + 7) / 8), e,
                ue.InPhase.AsSpan(symbol, e / qm), ue.Quadrature.AsSpan(symbol, e / qm));
        }

        AwgnChannel.Apply(ue.InPhase, ue.Quadrature, ue.NoiseInPhase, ue.NoiseQuadrature);
        Span<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(ue.Llrs.Data)[.._layout.CodedBits];
        _demodulator.Demodulate(_modulation, ue.InPhase, ue.Quadrature, _channel.NoiseVariance, llrs);
    }

    /// <summary>One decode op per code block still failing, combining with its HARQ buffer on retransmissions.</summary>
    private void BuildDecodeOps(UeContext ue)
    {
        bool retransmission = ue.Transmissions > 0;
        for (int r = 0; r < _layout.CodeBlocks; r++)
        {
            ue.DecodedThisSlot[r] = false;
            if (ue.CodeBlockPassed[r])
            {
                // Its CRC already passed on an earlier transmission; the decoded bits are in place.
                continue;
            }

            LdpcDecOp op = ue.DecodeOps[r];
            op.SetCodeBlock(_layout, r, ue.RvIndex);
            op.IterMax = _options.IterMax;
            op.OpFlags = _decodeCrcFlags | LdpcDecFlags.IterationStopEnable | LdpcDecFlags.HqCombineOutEnable
                | (retransmission ? LdpcDecFlags.HqCombineInEnable : LdpcDecFlags.None);
            op.Input.Set(ue.Llrs, _layout.CodedBitOffset(r), _layout.EOf(r));
            op.HardOutput.Set(ue.Decoded, r * ue.CodeBlockDataBytes);

            // Ping-pong: read the combined soft bits from one buffer of the pair, write the new combination to the other.
            DataBuffer current = ue.HarqInSecond[r] ? ue.HarqSecond : ue.HarqFirst;
            DataBuffer next = ue.HarqInSecond[r] ? ue.HarqFirst : ue.HarqSecond;
            if (retransmission)
            {
                op.HarqCombinedInput.Set(current, r * ue.HarqStride, ue.HarqLength[r]);
            }
            else
            {
                op.HarqCombinedInput.Clear();
            }

            op.HarqCombinedOutput.Set(next, r * ue.HarqStride);
            ue.DecodedThisSlot[r] = true;
            _decodeBatch[_decodeCount++] = op;
        }
    }

    private void Receive(UeContext ue, int slot, IPipelineObserver? observer)
    {
        int iterations = 0;
        for (int r = 0; r < _layout.CodeBlocks; r++)
        {
            if (!ue.DecodedThisSlot[r])
            {
                continue;
            }

            LdpcDecOp op = ue.DecodeOps[r];
            ThrowIfFailed(op, "decode");
            ue.CodeBlockPassed[r] = (op.Status & BbdevOpStatus.CrcError) == 0;
            ue.HarqLength[r] = op.HarqCombinedOutput.Length;
            ue.HarqInSecond[r] = !ue.HarqInSecond[r];
            iterations = Math.Max(iterations, op.IterCount);
        }

        ue.Transmissions++;
        ue.TransmissionsSent++;
        ReadOnlySpan<byte> decoded = ue.Decoded.Data[..ue.TransportBlockBytes];
        bool delivered = Array.IndexOf(ue.CodeBlockPassed, false) < 0;
        if (delivered && _layout.CodeBlocks > 1 && !CrcCalculator.Check(CrcType.Crc24A, decoded, ue.TransportBlockBytes * 8))
        {
            // Every CRC24B passed yet the TB CRC fails: a code block was wrong undetected; decode them all again.
            delivered = false;
            Array.Clear(ue.CodeBlockPassed);
        }

        if (!delivered && ue.Transmissions == 1)
        {
            ue.FirstTransmissionFailures++;
        }

        if (!delivered && ue.Transmissions < _options.MaxTransmissions)
        {
            ue.RetransmissionPending = true;
            PipelineLog.TransmissionFailed(_logger, Cell, ue.Ue, ue.FirstSlot, ue.Transmissions, ue.RvIndex);
            return;
        }

        ReadOnlySpan<byte> received = decoded[..ue.PayloadBytes];
        bool bitExact = delivered && received.SequenceEqual(ue.Sent);
        if (delivered && bitExact)
        {
            ue.Delivered++;
            ue.DeliveredBits += _layout.TransportBlockBits;
            ue.DeliveredAtTransmission[ue.Transmissions - 1]++;
            if (ue.Transmissions > 1)
            {
                ue.RecoveredByHarq++;
                PipelineLog.Recovered(_logger, Cell, ue.Ue, ue.FirstSlot, ue.Transmissions);
            }
        }
        else if (delivered)
        {
            ue.UndetectedErrors++;
            PipelineLog.UndetectedError(_logger, Cell, ue.Ue, ue.FirstSlot);
        }
        else
        {
            ue.Dropped++;
            PipelineLog.Dropped(_logger, Cell, ue.Ue, ue.FirstSlot, ue.Transmissions);
        }

        observer?.TransportBlockCompleted(
            new TransportBlockReport(Cell, ue.Ue, ue.FirstSlot, slot, ue.Transmissions, delivered, bitExact, iterations), ue.Sent, received);
    }

    private void ThrowIfFailed(BbdevOp op, string what)
    {
        const BbdevOpStatus Fatal = BbdevOpStatus.DataError | BbdevOpStatus.DriverError | BbdevOpStatus.EngineError;
        if ((op.Status & Fatal) != 0)
        {
            throw new InvalidOperationException($"Cell {Cell}: device {_device.Name} failed an LDPC {what} op ({op.Status}): {op.StatusDetail}");
        }
    }

    /// <summary>Enqueues from <paramref name="sent"/> onwards in bursts until the queue takes no more; returns the new sent count.</summary>
    private int EnqueueBursts<TOp>(ReadOnlySpan<TOp> ops, int sent, Func<BbdevDevice, int, ReadOnlySpan<TOp>, int> enqueue, int queue)
    {
        while (sent < ops.Length)
        {
            int accepted = enqueue(_device, queue, ops.Slice(sent, Math.Min(_options.BurstSize, ops.Length - sent)));
            sent += accepted;
            if (accepted == 0)
            {
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// Dequeues until every op of <paramref name="ops"/> is back, enqueueing the rest as room frees up, and waits on
    /// the queue (no spinning) when nothing is ready.
    /// </summary>
    private void Drain<TOp>(ReadOnlySpan<TOp> ops, TOp[] done, ref int sent, Func<BbdevDevice, int, ReadOnlySpan<TOp>, int> enqueue,
        Func<BbdevDevice, int, Span<TOp>, int> dequeue, int queue)
    {
        int received = 0;
        while (received < ops.Length)
        {
            int got = dequeue(_device, queue, done.AsSpan(received, Math.Min(_options.BurstSize, ops.Length - received)));
            received += got;
            int before = sent;
            sent = EnqueueBursts(ops, sent, enqueue, queue);
            if (got == 0 && sent == before && received < ops.Length && !_device.WaitForCompletions(queue, CompletionTimeout))
            {
                throw new TimeoutException($"Cell {Cell}: device {_device.Name} queue {queue} returned {received} of {ops.Length} ops within {CompletionTimeout.TotalSeconds} s.");
            }
        }
    }
}
