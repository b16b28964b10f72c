using AccelSdk.Dma.Engine;
using AccelSdk.Dma.Hardware;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Dma.Models;

/// <summary>
/// The device side of one QM queue: latches doorbells, executes submission entries in ring order, writes each
/// entry's write-back word and then its completion entry (phase bit last), and never overruns the completion ring.
/// </summary>
/// <remarks>
/// The QM multiplexes the submission and completion commands through one 64-bit doorbell register, so a later store
/// would hide an earlier one from a poller: the model latches each command in <see cref="OnDoorbell"/> (on the
/// driver's thread, one volatile store per command) and <see cref="Process"/> reads the latches on the engine thread.
/// </remarks>
internal sealed unsafe class HisiDmaModelQueue : UacceModelQueue
{
    private readonly HisiDmaModel _model;
    private readonly int _depth;
    private readonly int _mask;
    private readonly byte* _dus;
    private readonly long _cqOffset;
    private int _queueType = -1;

    // Latched by doorbells on the driver's thread, read by the engine.
    private int _sqTailDoorbell;
    private int _cqHeadDoorbell;

    // Engine state.
    private int _sqHead;
    private int _cqTail;
    private int _phase = 1;

    public HisiDmaModelQueue(UacceModelQueueContext context, HisiDmaModel model)
        : base(context)
    {
        _model = model;
        _depth = model.Depth;
        _mask = _depth - 1;
        _dus = (byte*)Dus.Address;
        _cqOffset = HisiQm.CqOffset(_depth);
    }

    protected override int OnIoControl(uint request, nint argument)
    {
        if (request == HisiQm.SetQpCtx)
        {
            var ctx = (HisiQpCtx*)argument;
            if (ctx->QcType != HisiQm.QcTypeUdma)
            {
                return -22; // EINVAL: this model implements only the data-move queue type
            }

            _queueType = ctx->QcType;
            ctx->Id = (ushort)QueueId;
            return 0;
        }

        if (request == HisiQm.SetQpInfo)
        {
            var info = (HisiQpInfo*)argument;
            info->SqeSize = HisiQm.SqeSize;
            info->SqDepth = (ushort)_depth;
            info->CqDepth = (ushort)_depth;
            info->Reserved = 0;
            return 0;
        }

        return -22;
    }

    protected override void OnStart()
    {
        if (_queueType < 0)
        {
            throw new InvalidOperationException($"QM queue {QueueId}: SET_QP_CTX must set the queue type before the queue starts.");
        }
    }

    protected override void OnDoorbell(long offset, ulong value)
    {
        (int queue, int command, int index) = HisiQm.DecodeDoorbell(value);
        if (offset != HisiQm.DoorbellOffset || queue != QueueId || index >= _depth)
        {
            _model.CountIgnoredDoorbell();
            return;
        }

        if (command == HisiQm.DoorbellSq)
        {
            Volatile.Write(ref _sqTailDoorbell, index);
        }
        else if (command == HisiQm.DoorbellCq)
        {
            Volatile.Write(ref _cqHeadDoorbell, index);
        }
        else
        {
            _model.CountIgnoredDoorbell();
        }
    }

    protected override bool Process()
    {
        int tail = Volatile.Read(ref _sqTailDoorbell);
        int done = 0;
        while (_sqHead != tail && done < _model.BatchSize)
        {
            // Leave one completion slot free: with the driver's head known only from its last doorbell, a full ring
            // and an empty one would look alike. Stall until the driver rings the completion doorbell.
            if (((_cqTail - Volatile.Read(ref _cqHeadDoorbell)) & _mask) == _mask)
            {
                break;
            }

            var sqe = (HisiDmaSqe*)(_dus + ((long)_sqHead * HisiQm.SqeSize));
            Volatile.Write(ref sqe->WriteBack, Execute(sqe));

            // The completion word last, with release semantics: a driver that sees the new phase sees the write-back.
            var cqe = (ulong*)(_dus + _cqOffset + ((long)_cqTail * HisiQm.CqeSize));
            cqe[0] = 0;
            Volatile.Write(ref cqe[1], HisiQm.CompletionWord(_sqHead, QueueId, _phase));
            _sqHead = (_sqHead + 1) & _mask;
            _cqTail = (_cqTail + 1) & _mask;
            if (_cqTail == 0)
            {
                _phase ^= 1;
            }

            done++;
        }

        if (done == 0)
        {
            return false;
        }

        _model.CountJobs(done);
        SignalEvent();
        return true;
    }

    private uint Execute(HisiDmaSqe* sqe)
    {
        uint dw0 = sqe->Dw0;
        uint bdType = dw0 & 0x3F;
        uint taskType = (dw0 >> 8) & 0x3F;
        uint ext = (dw0 >> 16) & 0x3F;
        if ((dw0 & 0x8000_0000) != 0 || bdType != HisiDmaSqe.BdType || taskType != HisiDmaSqe.TaskTypeDataMove
            || (sqe->Flags0 & HisiDmaSqe.MultiAddress) != 0 || ext is not (HisiDmaSqe.ExtMemcpy or HisiDmaSqe.ExtMemset))
        {
            return HisiDmaSqe.ErrorWriteBack(HisiDmaErrorType.BadDescriptor);
        }

        uint size = sqe->DataSize;
        if (size == 0 || size > HisiQm.MaxLength)
        {
            return HisiDmaSqe.ErrorWriteBack(HisiDmaErrorType.BadLength);
        }

        if (_model.TakeInjectedError())
        {
            return HisiDmaSqe.ErrorWriteBack(HisiDmaErrorType.EngineError);
        }

        if (!Memory.TryGetAddress(sqe->DestinationAddress, size, out nint destination))
        {
            return HisiDmaSqe.ErrorWriteBack(HisiDmaErrorType.DestinationFault);
        }

        if (ext == HisiDmaSqe.ExtMemset)
        {
            FillKernel.Fill((byte*)destination, size, sqe->InitValue);
            return HisiDmaSqe.DoneOk;
        }

        if (!Memory.TryGetAddress(sqe->AddressArray, size, out nint source))
        {
            return HisiDmaSqe.ErrorWriteBack(HisiDmaErrorType.SourceFault);
        }

        CopyKernel.Copy((byte*)source, (byte*)destination, size);
        return HisiDmaSqe.DoneOk;
    }
}
