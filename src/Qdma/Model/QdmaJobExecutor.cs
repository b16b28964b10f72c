using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// The card's job pipeline for one queue: resolves every buffer of a fetched job against the memory the device may
/// reach (before anything is read or written), checks the job's fields and lengths, splits a transport-block job
/// into code blocks, runs the LDPC or turbo kernels, and reports the outcome.
/// </summary>
/// <remarks>
/// Checks follow the card's own rules, never the driver's: a job that passes the driver's validation but not these
/// still fails cleanly here. Nothing outside a resolved buffer is ever touched.
/// </remarks>
internal sealed class QdmaJobExecutor
{
    /// <summary>Most code blocks one transport-block job carries (TS 38.212: C ≤ 256 for one TB in bbdev's limits).</summary>
    private const int MaxCodeBlocks = 256;

    /// <summary>Most turbo code blocks one transport-block job carries (bbdev's limit for a turbo TB).</summary>
    private const int MaxTurboCodeBlocks = 64;

    /// <summary>Largest turbo decoder iteration limit (the engine's; DPDK drivers cap iter_max at 15 too).</summary>
    private const int MaxTurboIterations = 15;

    private readonly QdmaFecModel _model;
    private readonly QdmaFecModelOptions _options;
    private readonly UacceModelMemory _memory;
    private readonly ILdpcCodeBlockEngine _engine;
    private readonly ScatterList _input;
    private readonly ScatterList _harqIn;
    private readonly ScatterList _output;
    private readonly ScatterList _harqOut;
    private byte[] _inScratch = [];
    private byte[] _harqInScratch = [];
    private byte[] _outScratch = [];
    private byte[] _harqOutScratch = [];
    private TurboCodeBlockEngine? _turbo;

    public QdmaJobExecutor(QdmaFecModel model, UacceModelMemory memory, ILdpcCodeBlockEngine engine)
    {
        _model = model;
        _options = model.FecOptions;
        _memory = memory;
        _engine = engine;
        int capacity = _options.MaxSegmentsPerJob;
        _input = new ScatterList(capacity);
        _harqIn = new ScatterList(capacity);
        _output = new ScatterList(capacity);
        _harqOut = new ScatterList(capacity);
    }

    /// <summary>Runs the job described by <paramref name="h2c"/> (SOP first) writing into <paramref name="c2h"/>.</summary>
    public JobOutcome Execute(ReadOnlySpan<QdmaH2cDescriptor> h2c, ReadOnlySpan<QdmaC2hDescriptor> c2h)
    {
        JobOutcome? failure = Resolve(h2c, c2h);
        if (failure is { } resolved)
        {
            return resolved;
        }

        ref readonly QdmaH2cDescriptor job = ref h2c[0];
        return job.Opcode switch
        {
            QdmaOpcode.LdpcEncode when _options.EnableEncoder => Encode(in job),
            QdmaOpcode.LdpcDecode when _options.EnableDecoder => Decode(in job),
            QdmaOpcode.TurboEncode when _options.EnableEncoder => TurboEncode(in job),
            QdmaOpcode.TurboDecode when _options.EnableDecoder => TurboDecode(in job),
            _ => JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.Opcode),
        };
    }

    private JobOutcome? Resolve(ReadOnlySpan<QdmaH2cDescriptor> h2c, ReadOnlySpan<QdmaC2hDescriptor> c2h)
    {
        _input.Clear();
        _harqIn.Clear();
        _output.Clear();
        _harqOut.Clear();
        for (int i = 0; i < h2c.Length; i++)
        {
            ref readonly QdmaH2cDescriptor d = ref h2c[i];
            if (!BoundariesMatch(d.Control, i, h2c.Length) || (i == 0 && d.Stream != QdmaStream.Data))
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
            }

            if (d.Length == 0 || d.Length > (uint)_options.MaxSegmentBytes)
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.SegmentLength);
            }

            (ScatterList list, QdmaJobError fault) = d.Stream switch
            {
                QdmaStream.Data => (_input, QdmaJobError.InputAddress),
                QdmaStream.Harq => (_harqIn, QdmaJobError.HarqInputAddress),
                _ => (null!, QdmaJobError.DescriptorLayout),
            };
            if (list is null)
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, fault);
            }

            if (!_memory.TryGetAddress(d.Address, d.Length, out nint address))
            {
                return JobOutcome.Failed(QdmaJobStatus.DmaError, fault);
            }

            list.Add(address, (int)d.Length);
        }

        for (int i = 0; i < c2h.Length; i++)
        {
            ref readonly QdmaC2hDescriptor d = ref c2h[i];
            if (!BoundariesMatch(d.Control, i, c2h.Length))
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
            }

            if (d.Length == 0 || d.Length > (uint)_options.MaxSegmentBytes)
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.SegmentLength);
            }

            (ScatterList list, QdmaJobError fault) = d.Stream switch
            {
                QdmaStream.Data => (_output, QdmaJobError.OutputAddress),
                QdmaStream.Harq => (_harqOut, QdmaJobError.HarqOutputAddress),
                _ => (null!, QdmaJobError.DescriptorLayout),
            };
            if (list is null)
            {
                return JobOutcome.Failed(QdmaJobStatus.DescriptorError, fault);
            }

            if (!_memory.TryGetAddress(d.Address, d.Length, out nint address))
            {
                return JobOutcome.Failed(QdmaJobStatus.DmaError, fault);
            }

            list.Add(address, (int)d.Length);
        }

        if (!_options.ScatterGather && (_input.Count > 1 || _harqIn.Count > 1 || _output.Count > 1 || _harqOut.Count > 1))
        {
            return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
        }

        return null;
    }

    private static bool BoundariesMatch(QdmaDescriptorControl control, int index, int count) =>
        ((control & QdmaDescriptorControl.StartOfPacket) != 0) == (index == 0)
        && ((control & QdmaDescriptorControl.EndOfPacket) != 0) == (index == count - 1);

    private JobOutcome Encode(in QdmaH2cDescriptor job)
    {
        var flags = (QdmaEncodeFlags)job.OpFlags;
        QdmaEncodeFlags crcFlags = flags & (QdmaEncodeFlags.Crc24AAttach | QdmaEncodeFlags.Crc24BAttach | QdmaEncodeFlags.Crc16Attach);
        if ((flags & ~QdmaEncodeFlags.Supported) != 0 || System.Numerics.BitOperations.PopCount((uint)crcFlags) > 1)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags);
        }

        if (_harqIn.Count != 0 || _harqOut.Count != 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
        }

        CrcType? attach = crcFlags switch
        {
            QdmaEncodeFlags.Crc24AAttach => CrcType.Crc24A,
            QdmaEncodeFlags.Crc24BAttach => CrcType.Crc24B,
            QdmaEncodeFlags.Crc16Attach => CrcType.Crc16,
            _ => null,
        };
        bool bypass = (flags & QdmaEncodeFlags.InterleaverBypass) != 0;
        if (!TryCodeParameters(in job, bypass, out LdpcBlockParameters pa, out LdpcBlockParameters pb))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        int informationBits = pa.KPrime - (attach is { } crc ? CrcCalculator.Length(crc) : 0);
        if (informationBits <= 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        int inPerBlock = (informationBits + 7) >> 3;
        if (!TryCountBlocks(in job, _input.TotalLength, inPerBlock, out int blocks))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.InputLength);
        }

        long outputBytes = 0;
        for (int r = job.R; r < job.R + blocks; r++)
        {
            outputBytes += (E(in job, r) + 7) >> 3;
        }

        if (outputBytes > _output.TotalLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom);
        }

        if (_model.TakeEngineError())
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        long inOffset = 0;
        long outOffset = 0;
        try
        {
            for (int r = job.R; r < job.R + blocks; r++)
            {
                LdpcBlockParameters p = r < job.Cab ? pa : pb;
                int outBytes = (p.E + 7) >> 3;
                ReadOnlySpan<byte> input = _input.Read(inOffset, inPerBlock, ref _inScratch);
                Span<byte> output = _output.Writable(outOffset, outBytes, ref _outScratch, out bool direct);
                _engine.Encode(in p, input, attach, output);
                _output.Commit(outOffset, output, direct);
                inOffset += inPerBlock;
                outOffset += outBytes;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        return new JobOutcome(QdmaJobStatus.None, QdmaJobError.None, 0, (int)outOffset, 0);
    }

    private JobOutcome Decode(in QdmaH2cDescriptor job)
    {
        var flags = (QdmaDecodeFlags)job.OpFlags;
        QdmaDecodeFlags crcFlags = flags & (QdmaDecodeFlags.Crc24ACheck | QdmaDecodeFlags.Crc24BCheck | QdmaDecodeFlags.Crc16Check);
        if ((flags & ~QdmaDecodeFlags.Supported) != 0 || System.Numerics.BitOperations.PopCount((uint)crcFlags) > 1)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags);
        }

        bool combineIn = (flags & QdmaDecodeFlags.HqCombineIn) != 0;
        bool harqOut = (flags & QdmaDecodeFlags.HqCombineOut) != 0;
        bool decodeBypass = (flags & QdmaDecodeFlags.DecodeBypass) != 0;
        if (decodeBypass && !harqOut)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.HarqBuffer);
        }

        if ((_harqIn.Count != 0 && !combineIn) || (_harqOut.Count != 0 && !harqOut))
        {
            return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
        }

        if ((combineIn || harqOut) && job.Mode != QdmaH2cDescriptor.CodeBlockMode)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.HarqInTransportBlock);
        }

        if (job.IterMax < 1 || job.IterMax > _options.MaxIterations
            || !TryCodeParameters(in job, (flags & QdmaDecodeFlags.DeinterleaverBypass) != 0, out LdpcBlockParameters pa, out LdpcBlockParameters pb))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        bool drop = (flags & QdmaDecodeFlags.Crc24BDrop) != 0;
        int hardBits = pa.KPrime - (drop ? 24 : 0);
        if (hardBits <= 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        int hardPerBlock = decodeBypass ? 0 : (hardBits + 7) >> 3;
        if (!TryCountBlocks(in job, _input.TotalLength, bytesPerBlock: -1, out int blocks))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.InputLength);
        }

        if ((long)blocks * hardPerBlock > _output.TotalLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom);
        }

        if (harqOut && _harqOut.TotalLength < pa.CompactLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.HarqBuffer);
        }

        if (_model.TakeEngineError())
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        CrcType? crcCheck = crcFlags switch
        {
            QdmaDecodeFlags.Crc24ACheck => CrcType.Crc24A,
            QdmaDecodeFlags.Crc24BCheck => CrcType.Crc24B,
            QdmaDecodeFlags.Crc16Check => CrcType.Crc16,
            _ => null,
        };
        var settings = new LdpcDecodeSettings
        {
            IterMax = job.IterMax,
            EarlyTermination = (flags & QdmaDecodeFlags.IterationStop) != 0,
            CrcCheck = crcCheck,
            DropCrc24B = drop,
            DecodeBypass = decodeBypass,
        };

        QdmaJobStatus status = crcCheck is null || decodeBypass ? QdmaJobStatus.None : QdmaJobStatus.CrcChecked;
        int iterations = 0;
        int harqBytes = 0;
        long inOffset = 0;
        long outOffset = 0;
        try
        {
            ReadOnlySpan<sbyte> harqInput = combineIn && _harqIn.TotalLength > 0
                ? MemoryMarshal.Cast<byte, sbyte>(_harqIn.Read(0, (int)_harqIn.TotalLength, ref _harqInScratch))
                : default;
            for (int r = job.R; r < job.R + blocks; r++)
            {
                LdpcBlockParameters p = r < job.Cab ? pa : pb;
                ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(_input.Read(inOffset, p.E, ref _inScratch));
                Span<byte> hard = _output.Writable(outOffset, hardPerBlock, ref _outScratch, out bool hardDirect);
                bool harqDirect = false;
                Span<byte> harq = harqOut
                    ? _harqOut.Writable(0, (int)Math.Min(_harqOut.TotalLength, int.MaxValue), ref _harqOutScratch, out harqDirect)
                    : default;
                LdpcCodeBlockResult result = _engine.Decode(in p, llrs, in settings, hard, harqInput, MemoryMarshal.Cast<byte, sbyte>(harq));
                _output.Commit(outOffset, hard, hardDirect);
                if (harqOut)
                {
                    harqBytes = Math.Clamp(result.HarqLength, 0, harq.Length);
                    _harqOut.Commit(0, harq[..harqBytes], harqDirect);
                }

                iterations = Math.Max(iterations, result.Iterations);
                status |= result.SyndromePassed || decodeBypass ? 0 : QdmaJobStatus.SyndromeError;
                status |= result.CrcPassed == false ? QdmaJobStatus.CrcError : 0;
                inOffset += p.E;
                outOffset += hardPerBlock;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        return new JobOutcome(status, QdmaJobError.None, iterations, (int)outOffset, harqBytes);
    }

    private JobOutcome TurboEncode(in QdmaH2cDescriptor job)
    {
        var flags = (QdmaTurboEncodeFlags)job.OpFlags;
        const QdmaTurboEncodeFlags BothCrcs = QdmaTurboEncodeFlags.Crc24AAttach | QdmaTurboEncodeFlags.Crc24BAttach;
        if ((flags & ~QdmaTurboEncodeFlags.Supported) != 0 || (flags & BothCrcs) == BothCrcs)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags);
        }

        if (_harqIn.Count != 0 || _harqOut.Count != 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
        }

        CrcType? attach = (flags & QdmaTurboEncodeFlags.Crc24AAttach) != 0 ? CrcType.Crc24A
            : (flags & QdmaTurboEncodeFlags.Crc24BAttach) != 0 ? CrcType.Crc24B
            : null;
        if (!TurboLayoutValid(in job))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        int blocks = TurboBlocks(in job, _input.TotalLength, attach, decoder: false);
        if (blocks == 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.InputLength);
        }

        long outputBytes = 0;
        for (int r = job.R; r < job.R + blocks; r++)
        {
            TurboBlockParameters p = TurboEncoderBlock(in job, r, flags);
            if (p.Validate() is not null || TurboCodeBlockEngine.EncoderInputBytes(p.K, attach) <= 0)
            {
                return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
            }

            outputBytes += TurboCodeBlockEngine.EncodedBytes(p);
        }

        if (outputBytes > _output.TotalLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom);
        }

        if (_model.TakeEngineError())
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        TurboCodeBlockEngine engine = _turbo ??= TurboCodeBlockEngine.Create(_options.Simd);
        long inOffset = 0;
        long outOffset = 0;
        try
        {
            for (int r = job.R; r < job.R + blocks; r++)
            {
                TurboBlockParameters p = TurboEncoderBlock(in job, r, flags);
                int inBytes = TurboCodeBlockEngine.EncoderInputBytes(p.K, attach);
                int outBytes = TurboCodeBlockEngine.EncodedBytes(p);
                ReadOnlySpan<byte> input = _input.Read(inOffset, inBytes, ref _inScratch);
                Span<byte> output = _output.Writable(outOffset, outBytes, ref _outScratch, out bool direct);
                engine.Encode(in p, input, attach, output);
                _output.Commit(outOffset, output, direct);
                inOffset += inBytes;
                outOffset += outBytes;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        return new JobOutcome(QdmaJobStatus.None, QdmaJobError.None, 0, (int)outOffset, 0);
    }

    private JobOutcome TurboDecode(in QdmaH2cDescriptor job)
    {
        var flags = (QdmaTurboDecodeFlags)job.OpFlags;
        const QdmaTurboDecodeFlags BothIn = QdmaTurboDecodeFlags.PosLlr1BitIn | QdmaTurboDecodeFlags.NegLlr1BitIn;
        const QdmaTurboDecodeFlags BothOut = QdmaTurboDecodeFlags.PosLlr1BitSoftOut | QdmaTurboDecodeFlags.NegLlr1BitSoftOut;
        const QdmaTurboDecodeFlags KeepAndDrop = QdmaTurboDecodeFlags.TbCrc24BKeep | QdmaTurboDecodeFlags.Crc24BDrop;
        if ((flags & ~QdmaTurboDecodeFlags.Supported) != 0 || (flags & BothIn) == BothIn || (flags & BothIn) == 0
            || (flags & BothOut) == BothOut || (flags & KeepAndDrop) == KeepAndDrop)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.UnsupportedFlags);
        }

        // The C2H HARQ stream carries the soft output; a turbo job has no H2C HARQ stream.
        bool soft = (flags & QdmaTurboDecodeFlags.SoftOutput) != 0;
        if (_harqIn.Count != 0 || (_harqOut.Count != 0 && !soft))
        {
            return JobOutcome.Failed(QdmaJobStatus.DescriptorError, QdmaJobError.DescriptorLayout);
        }

        if (job.IterMax < 1 || job.IterMax > Math.Min(_options.MaxIterations, MaxTurboIterations) || job.IterMin > MaxTurboIterations
            || !TurboLayoutValid(in job))
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.CodeParameters);
        }

        int blocks = TurboBlocks(in job, _input.TotalLength, null, decoder: true);
        if (blocks == 0)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.InputLength);
        }

        // The same CRC rules as bbdev's: every block of a segmented transport block ends with CRC24B, which leaves the
        // hard output unless kept; otherwise the flags choose the CRC and whether to drop it.
        bool segmented = job.Mode == QdmaH2cDescriptor.TransportBlockMode && job.C > 1;
        CrcType crc = segmented || (flags & QdmaTurboDecodeFlags.CrcType24B) != 0 ? CrcType.Crc24B : CrcType.Crc24A;
        bool drop = (flags & QdmaTurboDecodeFlags.Crc24BDrop) != 0 || (segmented && (flags & QdmaTurboDecodeFlags.TbCrc24BKeep) == 0);
        long hardBytes = 0;
        long softBytes = 0;
        for (int r = job.R; r < job.R + blocks; r++)
        {
            int k = TurboBlockSize(in job, r);
            hardBytes += (k - (drop ? 24 : 0)) >> 3;
            softBytes += soft ? TurboDecoder.SoftOutputLength(k) : 0;
        }

        if (hardBytes > _output.TotalLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.OutputRoom);
        }

        if (softBytes > _harqOut.TotalLength)
        {
            return JobOutcome.Failed(QdmaJobStatus.ParameterError, QdmaJobError.HarqBuffer);
        }

        if (_model.TakeEngineError())
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        var settings = new TurboDecodeSettings
        {
            IterMax = job.IterMax,
            IterMin = job.IterMin,
            EarlyTermination = (flags & QdmaTurboDecodeFlags.EarlyTermination) != 0 ? TurboEarlyTermination.Crc : TurboEarlyTermination.None,
            Crc = crc,
            InputFormat = (flags & QdmaTurboDecodeFlags.SubblockDeinterleave) != 0 ? TurboInputFormat.CircularBuffer : TurboInputFormat.Streams,
            InputPositiveIsOne = (flags & QdmaTurboDecodeFlags.PosLlr1BitIn) != 0,
            SoftOutputPositiveIsOne = (flags & QdmaTurboDecodeFlags.PosLlr1BitSoftOut) != 0,
        };
        TurboCodeBlockEngine engine = _turbo ??= TurboCodeBlockEngine.Create(_options.Simd);
        QdmaJobStatus status = QdmaJobStatus.CrcChecked;
        int iterations = 0;
        long inOffset = 0;
        long hardOffset = 0;
        long softOffset = 0;
        try
        {
            for (int r = job.R; r < job.R + blocks; r++)
            {
                int k = TurboBlockSize(in job, r);
                int inLength = TurboDecoder.InputLength(k);
                int hardLength = (k - (drop ? 24 : 0)) >> 3;
                int softLength = soft ? TurboDecoder.SoftOutputLength(k) : 0;
                ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(_input.Read(inOffset, inLength, ref _inScratch));
                Span<byte> hard = _output.Writable(hardOffset, hardLength, ref _outScratch, out bool hardDirect);
                bool softDirect = false;
                Span<byte> softOut = soft ? _harqOut.Writable(softOffset, softLength, ref _harqOutScratch, out softDirect) : default;
                TurboCodeBlockResult result = engine.Decode(k, llrs, in settings, drop, hard, MemoryMarshal.Cast<byte, sbyte>(softOut));
                _output.Commit(hardOffset, hard, hardDirect);
                if (soft)
                {
                    _harqOut.Commit(softOffset, softOut, softDirect);
                }

                iterations = Math.Max(iterations, result.Iterations);
                status |= result.CrcPassed == false ? QdmaJobStatus.CrcError : 0;
                inOffset += inLength;
                hardOffset += hardLength;
                softOffset += softLength;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return JobOutcome.Failed(QdmaJobStatus.EngineError, QdmaJobError.EngineFault);
        }

        return new JobOutcome(status, QdmaJobError.None, iterations, (int)hardOffset, (int)softOffset);
    }

    /// <summary>
    /// The block fields of a turbo job: code-block mode a standard K; transport-block mode C, r, Cab and C− in range
    /// and a standard K for each size some block from r on uses.
    /// </summary>
    private static bool TurboLayoutValid(in QdmaH2cDescriptor job)
    {
        if (job.Mode == QdmaH2cDescriptor.CodeBlockMode)
        {
            return TurboInterleaver.IsValidBlockSize(job.K);
        }

        return job.Mode == QdmaH2cDescriptor.TransportBlockMode && job.C >= 1 && job.C <= MaxTurboCodeBlocks && job.R < job.C
            && job.Cab <= job.C && job.CNeg <= job.C
            && (job.CNeg <= job.R || TurboInterleaver.IsValidBlockSize(job.KNeg))
            && (job.CNeg >= job.C || TurboInterleaver.IsValidBlockSize(job.K));
    }

    /// <summary>K of turbo code block <paramref name="r"/>: K− below CNeg, else K+ (code-block mode: K).</summary>
    private static int TurboBlockSize(in QdmaH2cDescriptor job, int r) =>
        job.Mode == QdmaH2cDescriptor.TransportBlockMode && r < job.CNeg ? job.KNeg : job.K;

    private static TurboBlockParameters TurboEncoderBlock(in QdmaH2cDescriptor job, int r, QdmaTurboEncodeFlags flags)
    {
        bool negative = job.Mode == QdmaH2cDescriptor.TransportBlockMode && r < job.CNeg;
        return new TurboBlockParameters
        {
            K = negative ? job.KNeg : job.K,
            E = E(in job, r),
            Ncb = negative ? job.NcbNeg : job.Ncb,
            RvIndex = job.RvIndex,
            RvIndexBypass = (flags & QdmaTurboEncodeFlags.RvIndexBypass) != 0,
            RateMatch = (flags & QdmaTurboEncodeFlags.RateMatch) != 0,
        };
    }

    /// <summary>
    /// Turbo code blocks in the job, 0 when the input does not fit: code-block mode one, whose input must be at least
    /// its bytes; transport-block mode as many whole blocks from r as the input holds, which must be exactly those
    /// (block sizes already checked by <see cref="TurboLayoutValid"/>).
    /// </summary>
    private static int TurboBlocks(in QdmaH2cDescriptor job, long inputBytes, CrcType? attach, bool decoder)
    {
        int last = job.Mode == QdmaH2cDescriptor.CodeBlockMode ? job.R : job.C - 1;
        int blocks = 0;
        long used = 0;
        for (int r = job.R; r <= last; r++)
        {
            int k = TurboBlockSize(in job, r);
            int need = decoder ? TurboDecoder.InputLength(k) : TurboCodeBlockEngine.EncoderInputBytes(k, attach);
            if (used + need > inputBytes)
            {
                break;
            }

            used += need;
            blocks++;
        }

        return job.Mode == QdmaH2cDescriptor.CodeBlockMode ? blocks : blocks > 0 && used == inputBytes ? blocks : 0;
    }

    /// <summary>The code-block parameters for E = Ea and E = Eb, each checked when some block of the job uses it.</summary>
    private static bool TryCodeParameters(in QdmaH2cDescriptor job, bool interleaverBypass, out LdpcBlockParameters pa, out LdpcBlockParameters pb)
    {
        pa = Parameters(in job, (int)Math.Min(job.Ea, int.MaxValue), interleaverBypass);
        pb = Parameters(in job, (int)Math.Min(job.Eb, int.MaxValue), interleaverBypass);
        if (job.Mode == QdmaH2cDescriptor.CodeBlockMode)
        {
            pb = pa;
            return pa.Validate() is null;
        }

        if (job.Mode != QdmaH2cDescriptor.TransportBlockMode || job.C < 1 || job.C > MaxCodeBlocks || job.R >= job.C || job.Cab > job.C)
        {
            return false;
        }

        return (job.Cab <= job.R || pa.Validate() is null) && (job.Cab >= job.C || pb.Validate() is null);
    }

    private static LdpcBlockParameters Parameters(in QdmaH2cDescriptor job, int e, bool interleaverBypass) => new()
    {
        InterleaverBypass = interleaverBypass,
        BaseGraph = job.BaseGraph,
        Zc = job.Zc,
        FillerBits = job.NFiller,
        Ncb = job.Ncb,
        Qm = job.Qm,
        RvIndex = job.RvIndex,
        K0Override = job.K0,
        E = e,
    };

    /// <summary>E of code block <paramref name="r"/>: Ea below Cab, else Eb (code-block mode: Ea).</summary>
    private static int E(in QdmaH2cDescriptor job, int r) =>
        (int)Math.Min(job.Mode == QdmaH2cDescriptor.CodeBlockMode || r < job.Cab ? job.Ea : job.Eb, int.MaxValue);

    /// <summary>
    /// Code blocks in the job. Code-block mode: one, and the input must hold at least its bytes. Transport-block mode:
    /// as many as the input holds, from r up to C − 1, and the input must be exactly those blocks.
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="inputBytes">Bytes of the input stream.</param>
    /// <param name="bytesPerBlock">Input bytes of every block (encoder), or −1 for E bytes of LLRs per block (decoder).</param>
    /// <param name="blocks">The count.</param>
    private static bool TryCountBlocks(in QdmaH2cDescriptor job, long inputBytes, int bytesPerBlock, out int blocks)
    {
        if (job.Mode == QdmaH2cDescriptor.CodeBlockMode)
        {
            blocks = 1;
            return inputBytes >= (bytesPerBlock >= 0 ? bytesPerBlock : E(in job, 0));
        }

        blocks = 0;
        long used = 0;
        for (int r = job.R; r < job.C; r++)
        {
            int need = bytesPerBlock >= 0 ? bytesPerBlock : E(in job, r);
            if (used + need > inputBytes)
            {
                break;
            }

            used += need;
            blocks++;
        }

        return blocks > 0 && used == inputBytes;
    }
}
