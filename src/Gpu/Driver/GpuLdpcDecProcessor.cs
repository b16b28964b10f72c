using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Drivers.Software;
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
/// iterations, syndrome and hard-decision packing (<see cref="LdpcDecodeKernel"/>); back on the host, the CRC check,
/// CRC drop and the op's status, exactly as <c>baseband_sw</c> reports them.
/// </summary>
internal sealed class GpuLdpcDecProcessor : IGpuBatchProcessor<LdpcDecOp>
{
    private readonly GpuAcceleratorHost _host;
    private readonly LdpcDecCapability _capability;
    private readonly DecodeSlot[] _slots;
    private readonly OpPlan[][] _plans;
    private readonly OpBuffers _input = new();
    private readonly OpBuffers _harqInput = new();
    private readonly OpBuffers _output = new();
    private readonly OpBuffers _harqOutput = new();
    private readonly sbyte[] _compact = new sbyte[66 * LiftingSizes.Max];

    public GpuLdpcDecProcessor(GpuAcceleratorHost host, LdpcDecCapability capability, int slots, int queueSize)
    {
        _host = host;
        _capability = capability;
        _slots = new DecodeSlot[slots];
        _plans = new OpPlan[slots][];
        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new DecodeSlot(host.Accelerator);
            _plans[i] = new OpPlan[queueSize];
        }
    }

    public int SlotCount => _slots.Length;

    public int CodeBlocks(LdpcDecOp op) => op.CodeBlockMode == CodeBlockMode.CodeBlock ? 1 : Math.Max(1, (int)op.TbParams.C - op.TbParams.R);

    public void Submit(int slotIndex, ReadOnlySpan<LdpcDecOp> ops)
    {
        DecodeSlot slot = _slots[slotIndex];
        OpPlan[] plans = _plans[slotIndex];

        // Pass 1: validate, and size the batch.
        int blocks = 0;
        int llrs = 0;
        int stateInts = 0;
        int hardBytes = 0;
        for (int i = 0; i < ops.Length; i++)
        {
            plans[i] = Plan(ops[i]);
            ref OpPlan plan = ref plans[i];
            if (!plan.Valid || plan.Settings.DecodeBypass)
            {
                continue;
            }

            // Upper bounds: a block's combined length, and so its rows in use, never exceed those of Ncb − F.
            int rows = LdpcDecoderPlan.RowsInUse(plan.Parameters.Code, plan.Parameters.FillerBits, plan.Parameters.CompactLength);
            blocks += plan.Blocks;
            llrs += plan.Blocks * plan.Parameters.CompactLength;
            stateInts += plan.Blocks * 2 * rows * plan.Parameters.Zc;
            hardBytes += plan.Blocks * ((plan.Parameters.KPrime + 7) >> 3);
        }

        slot.EnsureCapacity(Math.Max(blocks, 1), Math.Max(llrs, 1), Math.Max(stateInts, 1), Math.Max(hardBytes, 1));

        // Pass 2: rate recovery and HARQ combining into the pinned staging, one descriptor per code block.
        Span<GpuDecodeBlock> descriptors = slot.HostBlocks.Span;
        Span<sbyte> staging = slot.HostLlrs.Span;
        int block = 0;
        int llrOffset = 0;
        int stateOffset = 0;
        int hardOffset = 0;
        int maxZc = 1;
        for (int i = 0; i < ops.Length; i++)
        {
            ref OpPlan plan = ref plans[i];
            if (!plan.Valid)
            {
                continue;
            }

            plan.FirstBlock = block;
            plan.HardOffset = hardOffset;
            if (!Recover(ops[i], ref plan, staging, descriptors, ref block, ref llrOffset, ref stateOffset, ref hardOffset))
            {
                continue;
            }

            maxZc = Math.Max(maxZc, plan.Parameters.Zc);
        }

        slot.BlockCount = block;
        slot.HardBytes = hardOffset;
        if (block == 0)
        {
            return;
        }

        // Copies and the kernel go on the slot's stream; nothing here waits for the accelerator.
        Upload(slot.Blocks!, slot.HostBlocks, block, slot);
        Upload(slot.Llrs!, slot.HostLlrs, llrOffset, slot);
        _host.LaunchDecode(slot.Stream, block, _host.GroupSizeFor(maxZc), slot.Blocks!.View, slot.Llrs!.View, slot.State!.View,
            slot.Hard!.View, slot.Results!.View);
        Download(slot.Hard!, slot.HostHard, hardOffset, slot);
        Download(slot.Results!, slot.HostResults, 2 * block, slot);
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
                maxIterations = Math.Max(maxIterations, results[2 * index]);
                if (results[(2 * index) + 1] == 0)
                {
                    status |= BbdevOpStatus.SyndromeError;
                }

                if (plan.Settings.CrcCheck is CrcType crc && !CrcCalculator.Check(crc, decoded, kPrime))
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
    /// Rate recovery and HARQ combining of every code block of the op into the staging (the same calls, in the same
    /// order, as <c>LdpcCodeBlockEngine.Decode</c>), the HARQ output, and a descriptor per code block to decode.
    /// </summary>
    private bool Recover(LdpcDecOp op, ref OpPlan plan, Span<sbyte> staging, Span<GpuDecodeBlock> descriptors,
        ref int block, ref int llrOffset, ref int stateOffset, ref int hardOffset)
    {
        LdpcDecFlags flags = op.OpFlags;
        bool harqIn = (flags & LdpcDecFlags.HqCombineInEnable) != 0;
        bool harqOut = (flags & LdpcDecFlags.HqCombineOutEnable) != 0;
        LdpcBlockParameters p = plan.Parameters;
        bool bypass = plan.Settings.DecodeBypass;
        try
        {
            ReadOnlySpan<sbyte> llrs = MemoryMarshal.Cast<byte, sbyte>(_input.Input(op.Input));
            ReadOnlySpan<sbyte> harqInput = harqIn ? MemoryMarshal.Cast<byte, sbyte>(_harqInput.Input(op.HarqCombinedInput)) : default;
            Span<sbyte> harqOutput = harqOut ? MemoryMarshal.Cast<byte, sbyte>(_harqOutput.Output(op.HarqCombinedOutput, p.CompactLength)) : default;
            LdpcCode code = p.Code;
            int offset = 0;
            int harqLength = 0;
            for (int b = 0; b < plan.Blocks; b++)
            {
                LdpcBlockParameters cb = p with { E = E(op, b) };
                Span<sbyte> compact = bypass ? _compact : staging.Slice(llrOffset, p.CompactLength);
                int length = LdpcRateRecovery.Recover(cb, llrs.Slice(offset, cb.E), harqInput, compact);
                offset += cb.E;
                harqLength = length;
                if (!harqOutput.IsEmpty)
                {
                    compact[..length].CopyTo(harqOutput);
                }

                if (bypass)
                {
                    continue;
                }

                // Rows in use follow this block's combined length, as the reference decoder's plan does.
                int rows = LdpcDecoderPlan.RowsInUse(code, p.FillerBits, length);
                descriptors[block++] = new GpuDecodeBlock
                {
                    Zc = p.Zc,
                    Kb = p.BaseGraph == 1 ? 22 : 10,
                    RowStartOffset = GpuAcceleratorHost.RowStartOffset(p.BaseGraph),
                    ShiftOffset = GpuAcceleratorHost.ShiftOffset(p.BaseGraph, p.Zc),
                    Rows = rows,
                    KPrime = p.KPrime,
                    Fillers = p.FillerBits,
                    CompactLength = length,
                    LlrOffset = llrOffset,
                    StateOffset = stateOffset,
                    HardOffset = hardOffset,
                    MaxIterations = plan.Settings.IterMax,
                    EarlyTermination = plan.Settings.EarlyTermination ? 1 : 0,
                };
                llrOffset += p.CompactLength;
                stateOffset += 2 * rows * p.Zc;
                hardOffset += (p.KPrime + 7) >> 3;
            }

            if (harqOut)
            {
                _harqOutput.CommitOutput(op.HarqCombinedOutput, harqLength);
            }

            return true;
        }
        catch (ArgumentException ex)
        {
            op.Reject(BbdevOpStatus.DriverError, ex.Message);
            op.HardOutput.Length = 0;
            op.HarqCombinedOutput.Length = 0;
            plan.Valid = false;
            return false;
        }
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

    /// <summary>What the batch knows about one op between submit and finish.</summary>
    private struct OpPlan
    {
        public bool Valid;
        public LdpcDecodeSettings Settings;
        public LdpcBlockParameters Parameters;
        public int Blocks;
        public int FirstBlock;
        public int HardOffset;
    }
}
