using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Gpu.Kernels;
using AccelSdk.Gpu.Runtime;
using ILGPU;
using ILGPU.Runtime;

namespace AccelSdk.Gpu.Driver;

/// <summary>
/// LDPC decode batches: on the host, validation, de-interleaving, rate recovery and HARQ combining (the SIMD code of
/// src/Bbdev/Fec, straight into pinned staging) and one descriptor per code block; on the accelerator, the decoder's
/// iterations, syndrome, hard-decision packing and CRC check (<see cref="LdpcDecodeKernel"/>); back on the host, the
/// CRC drop and the op's status, exactly as <c>baseband_sw</c> reports them.
/// </summary>
internal sealed class GpuLdpcDecProcessor : IGpuBatchProcessor<LdpcDecOp>
{
    private readonly GpuAcceleratorHost _host;
    private readonly LdpcDecCapability _capability;
    private readonly DecodeSlot[] _slots;
    private readonly OpPlan[][] _plans;
    private readonly OpBuffers _output = new();
    private readonly HostScratch[] _scratch;
    private LdpcDecOp[] _opsCopy = [];

    public GpuLdpcDecProcessor(GpuAcceleratorHost host, LdpcDecCapability capability, int slots, int queueSize)
    {
        _host = host;
        _capability = capability;
        host.Accelerator.Bind();
        _slots = new DecodeSlot[slots];
        _plans = new OpPlan[slots][];
        _scratch = new HostScratch[Math.Max(1, Environment.ProcessorCount)];
        for (int i = 0; i < _scratch.Length; i++)
        {
            _scratch[i] = new HostScratch();
        }

        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new DecodeSlot(host.Accelerator);
            _plans[i] = new OpPlan[queueSize];
        }
    }

    public int SlotCount => _slots.Length;

    // CUDA calls act on the thread's current context: every thread that touches the accelerator binds it first.
    public void BindThread()
    {
        if (!_host.IsDisposed)
        {
            _host.Accelerator.Bind();
        }
    }

    public int CodeBlocks(LdpcDecOp op) => op.CodeBlockMode == CodeBlockMode.CodeBlock ? 1 : Math.Max(1, (int)op.TbParams.C - op.TbParams.R);

    public void Submit(int slotIndex, ReadOnlySpan<LdpcDecOp> ops)
    {
        ObjectDisposedException.ThrowIf(_host.IsDisposed, _host);
        DecodeSlot slot = _slots[slotIndex];
        OpPlan[] plans = _plans[slotIndex];

        // Pass 1 (serial): validate, and give every op fixed places in the batch buffers, sized by upper bounds (a
        // block's combined length, and so its rows in use, never exceed those of Ncb − F).
        int blocks = 0;
        int llrs = 0;
        int stateInts = 0;
        int hardBytes = 0;
        int maxZc = 1;
        for (int i = 0; i < ops.Length; i++)
        {
            plans[i] = Plan(ops[i]);
            ref OpPlan plan = ref plans[i];
            if (!plan.Valid || plan.Settings.DecodeBypass)
            {
                continue;
            }

            LdpcBlockParameters p = plan.Parameters;
            plan.FirstBlock = blocks;
            plan.LlrOffset = llrs;
            plan.StateOffset = stateInts;
            plan.HardOffset = hardBytes;
            plan.StateStride = 2 * LdpcDecoderPlan.RowsInUse(p.Code, p.FillerBits, p.CompactLength) * p.Zc;
            blocks += plan.Blocks;
            llrs += plan.Blocks * p.CompactLength;
            stateInts += plan.Blocks * plan.StateStride;
            hardBytes += plan.Blocks * ((p.KPrime + 7) >> 3);
            maxZc = Math.Max(maxZc, p.Zc);
        }

        slot.EnsureCapacity(Math.Max(blocks, 1), Math.Max(llrs, 1), Math.Max(stateInts, 1), Math.Max(hardBytes, 1));

        // Pass 2: rate recovery and HARQ combining straight into the pinned staging, one descriptor per code block.
        // Ops are independent, so a large batch spreads this host work over the cores (it would otherwise bound the
        // GPU's throughput); each partition has its own scratch.
        int partitions = blocks >= 32 ? Math.Min(_scratch.Length, Math.Max(1, ops.Length / 4)) : 1;
        if (partitions <= 1)
        {
            RecoverRange(ops, plans, slot, _scratch[0], 0, ops.Length);
        }
        else
        {
            LdpcDecOp[] array = _opsCopy.Length >= ops.Length ? _opsCopy : (_opsCopy = new LdpcDecOp[ops.Length]);
            ops.CopyTo(array);
            int count = ops.Length;
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, part =>
            {
                int first = (int)((long)count * part / partitions);
                int end = (int)((long)count * (part + 1) / partitions);
                RecoverRange(array.AsSpan(0, count), plans, slot, _scratch[part], first, end);
            });
            Array.Clear(array, 0, count);
        }

        slot.BlockCount = blocks;
        slot.HardBytes = hardBytes;
        if (blocks == 0)
        {
            return;
        }

        // Copies and the kernel go on the slot's stream; nothing here waits for the accelerator.
        Upload(slot.Blocks!, slot.HostBlocks, blocks, slot);
        Upload(slot.Llrs!, slot.HostLlrs, llrs, slot);
        _host.LaunchDecode(slot.Stream, blocks, _host.GroupSizeFor(maxZc), slot.Blocks!.View, slot.Llrs!.View, slot.State!.View,
            slot.Hard!.View, slot.Results!.View);
        Download(slot.Hard!, slot.HostHard, hardBytes, slot);
        Download(slot.Results!, slot.HostResults, LdpcDecodeKernel.ResultInts * blocks, slot);
    }

    private static void RecoverRange(ReadOnlySpan<LdpcDecOp> ops, OpPlan[] plans, DecodeSlot slot, HostScratch scratch, int first, int end)
    {
        Span<GpuDecodeBlock> descriptors = slot.HostBlocks.Span;
        Span<sbyte> staging = slot.HostLlrs.Span;
        for (int i = first; i < end; i++)
        {
            if (plans[i].Valid)
            {
                Recover(ops[i], ref plans[i], scratch, staging, descriptors);
            }
        }
    }

    public void Finish(int slotIndex, ReadOnlySpan<LdpcDecOp> ops)
    {
        DecodeSlot slot = _slots[slotIndex];
        OpPlan[] plans = _plans[slotIndex];
        if (slot.BlockCount > 0)
        {
            slot.Stream.Synchronize();
        }

        ReadOnlySpan<byte> hard = slot.HostHard.Span;
        ReadOnlySpan<int> results = slot.HostResults.Span;
        for (int i = 0; i < ops.Length; i++)
        {
            ref OpPlan plan = ref plans[i];
            LdpcDecOp op = ops[i];
            if (!plan.Valid)
            {
                continue;
            }

            if (plan.Settings.DecodeBypass)
            {
                op.Status = BbdevOpStatus.None;
                op.IterCount = 0;
                _output.CommitOutput(op.HardOutput, 0);
                continue;
            }

            LdpcBlockParameters p = plan.Parameters;
            int kPrime = p.KPrime;
            int blockBytes = (kPrime + 7) >> 3;
            int outBits = kPrime - (plan.Settings.DropCrc24B ? 24 : 0);
            int outBytes = (outBits + 7) >> 3;
            int spare = (outBytes * 8) - outBits;
            Span<byte> output = _output.Output(op.HardOutput, outBytes * plan.Blocks);
            BbdevOpStatus status = BbdevOpStatus.None;
            int maxIterations = 0;
            for (int b = 0; b < plan.Blocks; b++)
            {
                int index = plan.FirstBlock + b;
                ReadOnlySpan<byte> decoded = hard.Slice(plan.HardOffset + (b * blockBytes), blockBytes);
                int result = LdpcDecodeKernel.ResultInts * index;
                maxIterations = Math.Max(maxIterations, results[result]);
                if (results[result + 1] == 0)
                {
                    status |= BbdevOpStatus.SyndromeError;
                }

                if (results[result + 2] == 0)
                {
                    status |= BbdevOpStatus.CrcError;
                }

                Span<byte> target = output.Slice(b * outBytes, outBytes);
                decoded[..outBytes].CopyTo(target);
                if (spare != 0)
                {
                    target[outBytes - 1] &= (byte)(0xFF << spare);
                }
            }

            op.Status = status;
            op.IterCount = maxIterations;
            _output.CommitOutput(op.HardOutput, outBytes * plan.Blocks);
        }
    }

    public void Dispose()
    {
        // After the accelerator is gone its buffers and streams went with it.
        if (_host.IsDisposed)
        {
            return;
        }

        _host.Accelerator.Bind();
        foreach (DecodeSlot slot in _slots)
        {
            slot.Dispose();
        }
    }

    private OpPlan Plan(LdpcDecOp op)
    {
        op.ClearStatus();
        op.IterCount = 0;
        string? error = BbdevOpValidator.Validate(op, _capability);
        if (error is not null)
        {
            op.Reject(BbdevOpStatus.DataError, error);
            op.HardOutput.Length = 0;
            op.HarqCombinedOutput.Length = 0;
            return default;
        }

        LdpcDecFlags flags = op.OpFlags;
        var settings = new LdpcDecodeSettings
        {
            IterMax = op.IterMax,
            EarlyTermination = (flags & LdpcDecFlags.IterationStopEnable) != 0,
            CrcCheck = BbdevOpValidator.DecoderCrc(flags),
            DropCrc24B = (flags & LdpcDecFlags.Crc24BDrop) != 0,
            DecodeBypass = (flags & LdpcDecFlags.DecodeBypass) != 0,
        };
        LdpcBlockParameters p = BbdevOpValidator.Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, op.K0, E(op, 0))
            with { InterleaverBypass = (flags & LdpcDecFlags.DeinterleaverBypass) != 0 };
        int blocks = BbdevOpValidator.CodeBlocksInOp(op.CodeBlockMode, op.TbParams, op.Input.Length, -1);
        return new OpPlan { Valid = true, Settings = settings, Parameters = p, Blocks = blocks };
    }

    /// <summary>
    /// Rate recovery and HARQ combining of every code block of the op into its place in the staging (the same calls,
    /// in the same order, as <c>LdpcCodeBlockEngine.Decode</c>), the HARQ output, and a descriptor per code block.
    /// </summary>
    private static void Recover(LdpcDecOp op, ref OpPlan plan, HostScratch scratch, Span<sbyte> staging, Span<GpuDecodeBlock> descriptors)
    {
        LdpcDecFlags flags = op.OpFlags;
        bool harqIn = (flags & LdpcDecFlags.HqCombineInEnable) != 0;
        bool harqOut = (flags & LdpcDecFlags.HqCombineOutEnable) != 0;
        LdpcBlockParameters p = plan.Parameters;
        bool bypass = plan.Settings.DecodeBypass;
        int b = 0;
        try
        {
            ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(scratch.Input.Input(op.Input));
            ReadOnlySpan<sbyte> harqInput = harqIn ? MemoryMarshal.Cast<byte, sbyte>(scratch.HarqInput.Input(op.HarqCombinedInput)) : default;
            Span<sbyte> harqOutput = harqOut ? MemoryMarshal.Cast<byte, sbyte>(scratch.HarqOutput.Output(op.HarqCombinedOutput, p.CompactLength)) : default;
            LdpcCode code = p.Code;
            int offset = 0;
            int harqLength = 0;
            for (; b < plan.Blocks; b++)
            {
                LdpcBlockParameters cb = p with { E = E(op, b) };
                int llrOffset = plan.LlrOffset + (b * p.CompactLength);
                Span<sbyte> compact = bypass ? scratch.Compact : staging.Slice(llrOffset, p.CompactLength);
                int length = LdpcRateRecovery.Recover(cb, llrs.Slice(offset, cb.E), harqInput, compact);
                offset += cb.E;
                harqLength = length;
                if (!harqOutput.IsEmpty)
                {
                    compact[..length].CopyTo(harqOutput);
                }

                if (!bypass)
                {
                    // Rows in use follow this block's combined length, as the reference decoder's plan does.
                    descriptors[plan.FirstBlock + b] = Descriptor(plan, b, LdpcDecoderPlan.RowsInUse(code, p.FillerBits, length), length);
                }
            }

            if (harqOut)
            {
                scratch.HarqOutput.CommitOutput(op.HarqCombinedOutput, harqLength);
            }
        }
        catch (ArgumentException ex)
        {
            op.Reject(BbdevOpStatus.DriverError, ex.Message);
            op.HardOutput.Length = 0;
            op.HarqCombinedOutput.Length = 0;
            plan.Valid = false;

            // The kernel still runs over this op's places: make them empty inputs (decoded as "no information").
            for (; !bypass && b < plan.Blocks; b++)
            {
                descriptors[plan.FirstBlock + b] = Descriptor(plan, b, 4, 0);
            }
        }
    }

    private static GpuDecodeBlock Descriptor(in OpPlan plan, int b, int rows, int length)
    {
        LdpcBlockParameters p = plan.Parameters;
        return new GpuDecodeBlock
        {
            Zc = p.Zc,
            Kb = p.BaseGraph == 1 ? 22 : 10,
            RowStartOffset = GpuAcceleratorHost.RowStartOffset(p.BaseGraph),
            ShiftOffset = GpuAcceleratorHost.ShiftOffset(p.BaseGraph, p.Zc),
            Rows = rows,
            KPrime = p.KPrime,
            Fillers = p.FillerBits,
            CompactLength = length,
            LlrOffset = plan.LlrOffset + (b * p.CompactLength),
            StateOffset = plan.StateOffset + (b * plan.StateStride),
            HardOffset = plan.HardOffset + (b * ((p.KPrime + 7) >> 3)),
            MaxIterations = plan.Settings.IterMax,
            EarlyTermination = plan.Settings.EarlyTermination ? 1 : 0,
            CrcLength = plan.Settings.CrcCheck is { } crc ? CrcCalculator.Length(crc) : 0,
            CrcPolynomial = plan.Settings.CrcCheck is { } type ? (int)CrcCalculator.Polynomial(type) : 0,
        };
    }

    private static void Upload<T>(MemoryBuffer1D<T, Stride1D.Dense> device, PageLockedArray1D<T> host, int length, DecodeSlot slot)
        where T : unmanaged
    {
        ArrayView1D<T, Stride1D.Dense> target = device.View.SubView(0, length);
        ArrayView1D<T, Stride1D.Dense> source = host.ArrayView.SubView(0, length);
        target.CopyFrom(slot.Stream, source);
    }

    private static void Download<T>(MemoryBuffer1D<T, Stride1D.Dense> device, PageLockedArray1D<T> host, int length, DecodeSlot slot)
        where T : unmanaged
    {
        ArrayView1D<T, Stride1D.Dense> target = host.ArrayView.SubView(0, length);
        ArrayView1D<T, Stride1D.Dense> source = device.View.SubView(0, length);
        target.CopyFrom(slot.Stream, source);
    }

    private static int E(LdpcDecOp op, int block) =>
        op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.E : op.TbParams.EOf(op.TbParams.R + block);

    /// <summary>Scratch of one host partition: gather/scatter buffers for chained op data, and a compact buffer for decode bypass.</summary>
    private sealed class HostScratch
    {
        public OpBuffers Input { get; } = new();

        public OpBuffers HarqInput { get; } = new();

        public OpBuffers HarqOutput { get; } = new();

        public sbyte[] Compact { get; } = new sbyte[66 * LiftingSizes.Max];
    }

    /// <summary>What the batch knows about one op between submit and finish.</summary>
    private struct OpPlan
    {
        public bool Valid;
        public LdpcDecodeSettings Settings;
        public LdpcBlockParameters Parameters;
        public int Blocks;
        public int FirstBlock;
        public int LlrOffset;
        public int StateOffset;
        public int StateStride;
        public int HardOffset;
    }
}
