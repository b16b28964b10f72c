using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// The card's job pipeline for one queue: resolves every buffer of a fetched job against the memory the device may
/// reach (before anything is read or written), checks the job's fields and lengths, splits a transport-block job
/// into code blocks, runs the LDPC kernels, and reports the outcome.
/// </summary>
/// <remarks>
/// Checks follow the card's own rules, never the driver's: a job that passes the driver's validation but not these
/// still fails cleanly here. Nothing outside a resolved buffer is ever touched.
/// </remarks>
internal sealed class QdmaJobExecutor
{
    /// <summary>Most code blocks one transport-block job carries (TS 38.212: C ≤ 256 for one TB in bbdev's limits).</summary>
    private const int MaxCodeBlocks = 256;

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
