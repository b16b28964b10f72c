using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Driver;

/// <summary>
/// Checks an op against a device's capability and the standard's ranges before any work (DESIGN principle 5).
/// Drivers call it for every op they accept; an invalid op completes with <see cref="BbdevOpStatus.DataError"/> and
/// the message in <see cref="BbdevOp.StatusDetail"/>.
/// </summary>
/// <remarks>Valid ops cost no allocation; messages are built only for invalid ones.</remarks>
public static class BbdevOpValidator
{
    /// <summary>Most code blocks per transport block (DPDK's <c>RTE_BBDEV_LDPC_MAX_CODE_BLOCKS</c>).</summary>
    public const int MaxCodeBlocks = 256;

    /// <summary>Most turbo code blocks per transport block (DPDK's <c>RTE_BBDEV_TURBO_MAX_CODE_BLOCKS</c>).</summary>
    public const int MaxTurboCodeBlocks = 64;

    /// <summary>Largest turbo decoder iteration limit: iter_max is a 4-bit field in DPDK.</summary>
    public const int MaxTurboIterations = 15;

    /// <summary>Validates an LDPC encode op; returns null when valid, else what is wrong.</summary>
    public static string? Validate(LdpcEncOp op, LdpcEncCapability capability)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(capability);
        LdpcEncFlags unsupported = op.OpFlags & ~capability.CapabilityFlags;
        if (unsupported != 0)
        {
            return $"op_flags include {unsupported}, which the device does not support (supported: {capability.CapabilityFlags}).";
        }

        int crcFlags = CountBits((int)(op.OpFlags & (LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach)));
        if (crcFlags > 1)
        {
            return "op_flags request more than one CRC attach (CRC_24A_ATTACH, CRC_24B_ATTACH, CRC_16_ATTACH are exclusive).";
        }

        if (op.CodeBlockMode is not (CodeBlockMode.CodeBlock or CodeBlockMode.TransportBlock))
        {
            return $"code_block_mode = {(int)op.CodeBlockMode} is invalid: allowed 0 (TB) or 1 (CB).";
        }

        int crcBits = EncoderCrcBits(op.OpFlags);
        return ValidateLdpcCommon(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, 0, op.CodeBlockMode, op.CbParams, op.TbParams, out int kPrime)
            ?? ValidateBuffers(op.CodeBlockMode, op.TbParams, op.CbParams, op.Input, "input", BytesFor(kPrime - crcBits),
                   op.Output, "output", outputBytesPerBlock: -1);
    }

    /// <summary>Validates an LDPC decode op; returns null when valid, else what is wrong.</summary>
    public static string? Validate(LdpcDecOp op, LdpcDecCapability capability)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(capability);
        LdpcDecFlags unsupported = op.OpFlags & ~capability.CapabilityFlags;
        if (unsupported != 0)
        {
            return $"op_flags include {unsupported}, which the device does not support (supported: {capability.CapabilityFlags}).";
        }

        int crcFlags = CountBits((int)(op.OpFlags & (LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc16Check)));
        if (crcFlags > 1)
        {
            return "op_flags request more than one CRC check (CRC_TYPE_24A_CHECK, CRC_TYPE_24B_CHECK, CRC_TYPE_16_CHECK are exclusive).";
        }

        if ((op.OpFlags & LdpcDecFlags.DecodeBypass) != 0 && (op.OpFlags & LdpcDecFlags.HqCombineOutEnable) == 0)
        {
            return "op_flags DECODE_BYPASS requires HQ_COMBINE_OUT_ENABLE.";
        }

        if (op.IterMax < 1 || op.IterMax > capability.MaxIterations)
        {
            return $"iter_max = {op.IterMax} is invalid: allowed [1, {capability.MaxIterations}].";
        }

        if (op.CodeBlockMode is not (CodeBlockMode.CodeBlock or CodeBlockMode.TransportBlock))
        {
            return $"code_block_mode = {(int)op.CodeBlockMode} is invalid: allowed 0 (TB) or 1 (CB).";
        }

        bool harqIn = (op.OpFlags & LdpcDecFlags.HqCombineInEnable) != 0;
        bool harqOut = (op.OpFlags & LdpcDecFlags.HqCombineOutEnable) != 0;
        if (op.CodeBlockMode == CodeBlockMode.TransportBlock && (harqIn || harqOut))
        {
            return "HARQ combining (HQ_COMBINE_IN/OUT) is supported in code-block mode only; send each code block of a retransmission as its own op.";
        }

        int drop = (op.OpFlags & LdpcDecFlags.Crc24BDrop) != 0 ? 24 : 0;
        string? error = ValidateLdpcCommon(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, op.K0, op.CodeBlockMode, op.CbParams, op.TbParams, out int kPrime);
        if (error is not null)
        {
            return error;
        }

        if (kPrime <= drop)
        {
            return $"CRC_TYPE_24B_DROP needs K' > 24; K' = {kPrime}.";
        }

        error = ValidateBuffers(op.CodeBlockMode, op.TbParams, op.CbParams, op.Input, "input", -1, op.HardOutput, "hard_output",
            outputBytesPerBlock: BytesFor(kPrime - drop));
        if (error is not null)
        {
            return error;
        }

        if (harqIn || harqOut)
        {
            int compact = Parameters(op.BaseGraph, op.Zc, op.NFiller, op.NCb, op.Qm, op.RvIndex, op.K0, op.CbParams.E).CompactLength;
            if (harqIn && (op.HarqCombinedInput.Data is null || op.HarqCombinedInput.Length < 0 || op.HarqCombinedInput.AvailableInput() < op.HarqCombinedInput.Length))
            {
                return $"harq_combined_input must reference {op.HarqCombinedInput.Length} bytes of data (HQ_COMBINE_IN_ENABLE); it holds {op.HarqCombinedInput.AvailableInput()}.";
            }

            if (harqOut && (op.HarqCombinedOutput.Data is null || op.HarqCombinedOutput.AvailableRoom() < compact))
            {
                return $"harq_combined_output needs room for {compact} bytes (Ncb - F); it has {op.HarqCombinedOutput.AvailableRoom()}.";
            }
        }

        return null;
    }

    /// <summary>Validates a turbo encode op; returns null when valid, else what is wrong.</summary>
    public static string? Validate(TurboEncOp op, TurboEncCapability capability)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(capability);
        TurboEncFlags unsupported = op.OpFlags & ~capability.CapabilityFlags;
        if (unsupported != 0)
        {
            return $"op_flags include {unsupported}, which the device does not support (supported: {capability.CapabilityFlags}).";
        }

        if ((op.OpFlags & (TurboEncFlags.Crc24AAttach | TurboEncFlags.Crc24BAttach)) == (TurboEncFlags.Crc24AAttach | TurboEncFlags.Crc24BAttach))
        {
            return "op_flags request both CRC_24A_ATTACH and CRC_24B_ATTACH; they are exclusive.";
        }

        if (op.CodeBlockMode is not (CodeBlockMode.CodeBlock or CodeBlockMode.TransportBlock))
        {
            return $"code_block_mode = {(int)op.CodeBlockMode} is invalid: allowed 0 (TB) or 1 (CB).";
        }

        if ((uint)op.RvIndex > 3)
        {
            return $"rv_index = {op.RvIndex} is invalid: allowed [0, 3].";
        }

        if (op.CodeBlockMode == CodeBlockMode.TransportBlock && (op.OpFlags & TurboEncFlags.Crc24AAttach) != 0 && op.TbParams.C > 1)
        {
            return $"CRC_24A_ATTACH needs the whole transport block in one code block; tb_params.c = {op.TbParams.C}: attach the TB CRC before segmentation and use CRC_24B_ATTACH per code block.";
        }

        string? error = ValidateTurboBlocks(op.CodeBlockMode, op.CbParams, op.TbParams);
        if (error is not null)
        {
            return error;
        }

        int blocks = TurboCodeBlocksInOp(op, op.Input.Length);
        for (int i = 0; i < blocks; i++)
        {
            error = TurboEncoderBlock(op, i).Validate();
            if (error is not null)
            {
                return op.CodeBlockMode == CodeBlockMode.CodeBlock ? error : $"code block r = {op.TbParams.R + i}: {error}";
            }
        }

        int needIn = 0;
        int needOut = 0;
        for (int i = 0; i < blocks; i++)
        {
            TurboBlockParameters block = TurboEncoderBlock(op, i);
            needIn += TurboCodeBlockEngine.EncoderInputBytes(block.K, TurboEncoderCrc(op));
            needOut += TurboCodeBlockEngine.EncodedBytes(block);
        }

        return ValidateTurboBuffers(op.CodeBlockMode, blocks, op.Input, "input", needIn, op.Output, "output", needOut);
    }

    /// <summary>Validates a turbo decode op; returns null when valid, else what is wrong.</summary>
    public static string? Validate(TurboDecOp op, TurboDecCapability capability)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(capability);
        TurboDecFlags unsupported = op.OpFlags & ~capability.CapabilityFlags;
        if (unsupported != 0)
        {
            return $"op_flags include {unsupported}, which the device does not support (supported: {capability.CapabilityFlags}).";
        }

        TurboDecFlags flags = op.OpFlags;
        const TurboDecFlags BothIn = TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn;
        if ((flags & BothIn) == BothIn)
        {
            return "op_flags set both POS_LLR_1_BIT_IN and NEG_LLR_1_BIT_IN; choose one input LLR sign convention.";
        }

        if ((flags & BothIn) == 0)
        {
            return "op_flags set neither POS_LLR_1_BIT_IN nor NEG_LLR_1_BIT_IN; the input LLR sign convention must be given.";
        }

        const TurboDecFlags BothOut = TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut;
        if ((flags & BothOut) == BothOut)
        {
            return "op_flags set both POS_LLR_1_BIT_SOFT_OUT and NEG_LLR_1_BIT_SOFT_OUT; choose one soft output sign convention.";
        }

        if ((flags & TurboDecFlags.DecTbCrc24BKeep) != 0 && (flags & TurboDecFlags.CrcType24B) == 0)
        {
            return "op_flags DEC_TB_CRC_24B_KEEP needs CRC_TYPE_24B.";
        }

        if ((flags & (TurboDecFlags.DecTbCrc24BKeep | TurboDecFlags.DecCrc24BDrop)) == (TurboDecFlags.DecTbCrc24BKeep | TurboDecFlags.DecCrc24BDrop))
        {
            return "op_flags DEC_TB_CRC_24B_KEEP and DEC_CRC_24B_DROP contradict each other.";
        }

        int maxIterations = Math.Min(capability.MaxIterations, MaxTurboIterations);
        if (op.IterMax < 1 || op.IterMax > maxIterations)
        {
            return $"iter_max = {op.IterMax} is invalid: allowed [1, {maxIterations}].";
        }

        if (op.IterMin < 0 || op.IterMin > MaxTurboIterations)
        {
            return $"iter_min = {op.IterMin} is invalid: allowed [0, {MaxTurboIterations}].";
        }

        if (op.ExtScale < 0 || op.ExtScale > 31)
        {
            return $"ext_scale = {op.ExtScale} is invalid: allowed [0, 31] (5 bits).";
        }

        if (op.CodeBlockMode is not (CodeBlockMode.CodeBlock or CodeBlockMode.TransportBlock))
        {
            return $"code_block_mode = {(int)op.CodeBlockMode} is invalid: allowed 0 (TB) or 1 (CB).";
        }

        string? error = ValidateTurboBlocks(op.CodeBlockMode, op.CbParams, op.TbParams);
        if (error is not null)
        {
            return error;
        }

        int blocks = TurboCodeBlocksInOp(op, op.Input.Length);
        int needIn = 0;
        int needHard = 0;
        int needSoft = 0;
        for (int i = 0; i < blocks; i++)
        {
            int k = TurboDecoderBlockSize(op, i);
            needIn += TurboDecoder.InputLength(k);
            needHard += TurboHardOutputBits(op, k) >> 3;
            needSoft += TurboDecoder.SoftOutputLength(k);
        }

        error = ValidateTurboBuffers(op.CodeBlockMode, blocks, op.Input, "input", needIn, op.HardOutput, "hard_output", needHard);
        if (error is not null)
        {
            return error;
        }

        if ((flags & TurboDecFlags.SoftOutput) != 0 && (op.SoftOutput.Data is null || op.SoftOutput.Offset < 0 || op.SoftOutput.AvailableRoom() < needSoft))
        {
            return $"soft_output needs room for {needSoft} bytes (3·(K + 4) per code block); it has {(op.SoftOutput.Data is null ? 0 : op.SoftOutput.AvailableRoom())}.";
        }

        return null;
    }

    /// <summary>
    /// The CRC a turbo encode op attaches to each code block, or null: CRC24A (code-block mode, or a transport block of
    /// one code block), else CRC24B when asked.
    /// </summary>
    public static CrcType? TurboEncoderCrc(TurboEncOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return (op.OpFlags & TurboEncFlags.Crc24AAttach) != 0 ? CrcType.Crc24A
            : (op.OpFlags & TurboEncFlags.Crc24BAttach) != 0 ? CrcType.Crc24B
            : null;
    }

    /// <summary>
    /// The CRC a turbo decode op's code blocks end with, checked after decoding and used for early termination: CRC24B
    /// for every block of a transport block with C &gt; 1 (TS 36.212 5.1.2 attaches it to each segment), otherwise
    /// CRC24B with CRC_TYPE_24B and CRC24A without.
    /// </summary>
    public static CrcType TurboDecoderCrc(TurboDecOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        bool segmented = op.CodeBlockMode == CodeBlockMode.TransportBlock && op.TbParams.C > 1;
        return segmented || (op.OpFlags & TurboDecFlags.CrcType24B) != 0 ? CrcType.Crc24B : CrcType.Crc24A;
    }

    /// <summary>
    /// Hard output bits of one decoded code block of size <paramref name="k"/>: K, less the 24 CRC24B bits in
    /// transport-block mode with C &gt; 1 (unless DEC_TB_CRC_24B_KEEP) or with DEC_CRC_24B_DROP.
    /// </summary>
    public static int TurboHardOutputBits(TurboDecOp op, int k)
    {
        ArgumentNullException.ThrowIfNull(op);
        return k - (TurboDropsCrc(op) ? 24 : 0);
    }

    /// <summary>Whether a turbo decode op leaves each code block's CRC out of its hard output (see <see cref="TurboHardOutputBits"/>).</summary>
    public static bool TurboDropsCrc(TurboDecOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        bool segmented = op.CodeBlockMode == CodeBlockMode.TransportBlock && op.TbParams.C > 1;
        return (op.OpFlags & TurboDecFlags.DecCrc24BDrop) != 0 || (segmented && (op.OpFlags & TurboDecFlags.DecTbCrc24BKeep) == 0);
    }

    /// <summary>K of the <paramref name="block"/>-th code block a turbo decode op carries (block 0 is r in TB mode).</summary>
    public static int TurboDecoderBlockSize(TurboDecOp op, int block)
    {
        ArgumentNullException.ThrowIfNull(op);
        return op.CodeBlockMode == CodeBlockMode.CodeBlock ? op.CbParams.K : op.TbParams.KOf(op.TbParams.R + block);
    }

    /// <summary>The code block parameters of the <paramref name="block"/>-th code block of a turbo encode op.</summary>
    public static TurboBlockParameters TurboEncoderBlock(TurboEncOp op, int block)
    {
        ArgumentNullException.ThrowIfNull(op);
        bool cb = op.CodeBlockMode == CodeBlockMode.CodeBlock;
        int r = op.TbParams.R + block;
        return new TurboBlockParameters
        {
            K = cb ? op.CbParams.K : op.TbParams.KOf(r),
            E = cb ? op.CbParams.E : op.TbParams.EOf(r),
            Ncb = cb ? op.CbParams.Ncb : r < op.TbParams.CNeg ? op.TbParams.NcbNeg : op.TbParams.NcbPos,
            RvIndex = op.RvIndex,
            RvIndexBypass = (op.OpFlags & TurboEncFlags.RvIndexBypass) != 0,
            RateMatch = (op.OpFlags & TurboEncFlags.RateMatch) != 0,
        };
    }

    /// <summary>
    /// Code blocks a turbo op carries: 1 in code-block mode; in transport-block mode as many whole blocks from r as the
    /// input holds, at most C − r (DPDK's drivers loop "while input is left and r &lt; C").
    /// </summary>
    public static int TurboCodeBlocksInOp(BbdevOp op, int inputBytes)
    {
        ArgumentNullException.ThrowIfNull(op);
        (CodeBlockMode mode, TurboTbParams tb) = op switch
        {
            TurboEncOp enc => (enc.CodeBlockMode, enc.TbParams),
            TurboDecOp dec => (dec.CodeBlockMode, dec.TbParams),
            _ => throw new ArgumentException($"{op.OpType} is not a turbo op.", nameof(op)),
        };
        if (mode == CodeBlockMode.CodeBlock)
        {
            return 1;
        }

        int count = 0;
        int used = 0;
        for (int r = tb.R; r < tb.C; r++)
        {
            int k = tb.KOf(r);
            if (!TurboInterleaver.IsValidBlockSize(k))
            {
                break;
            }

            int need = op is TurboEncOp enc2 ? TurboCodeBlockEngine.EncoderInputBytes(k, TurboEncoderCrc(enc2)) : TurboDecoder.InputLength(k);
            if (used + need > inputBytes)
            {
                break;
            }

            used += need;
            count++;
        }

        return count;
    }

    private static string? ValidateTurboBlocks(CodeBlockMode mode, TurboCbParams cb, TurboTbParams tb)
    {
        if (mode == CodeBlockMode.CodeBlock)
        {
            return TurboInterleaver.IsValidBlockSize(cb.K) ? null
                : $"cb_params.k = {cb.K} is invalid: allowed the sizes of TS 36.212 Table 5.1.3-3 (40..512 step 8, 528..1024 step 16, 1056..2048 step 32, 2112..6144 step 64).";
        }

        if (tb.C < 1 || tb.C > MaxTurboCodeBlocks)
        {
            return $"tb_params.c = {tb.C} is invalid: allowed [1, {MaxTurboCodeBlocks}].";
        }

        if (tb.R < 0 || tb.R >= tb.C)
        {
            return $"tb_params.r = {tb.R} is invalid: allowed [0, {tb.C - 1}] (c = {tb.C}).";
        }

        if (tb.CNeg < 0 || tb.CNeg > tb.C)
        {
            return $"tb_params.c_neg = {tb.CNeg} is invalid: allowed [0, {tb.C}] (c = {tb.C}).";
        }

        if (tb.Cab < 0 || tb.Cab > tb.C)
        {
            return $"tb_params.cab = {tb.Cab} is invalid: allowed [0, {tb.C}] (c = {tb.C}).";
        }

        if (tb.CNeg > tb.R && !TurboInterleaver.IsValidBlockSize(tb.KNeg))
        {
            return $"tb_params.k_neg = {tb.KNeg} is invalid: allowed the sizes of TS 36.212 Table 5.1.3-3.";
        }

        if (tb.CNeg < tb.C && !TurboInterleaver.IsValidBlockSize(tb.KPos))
        {
            return $"tb_params.k_pos = {tb.KPos} is invalid: allowed the sizes of TS 36.212 Table 5.1.3-3.";
        }

        return null;
    }

    private static string? ValidateTurboBuffers(CodeBlockMode mode, int blocks, BbdevOpData input, string inputName, int needIn,
        BbdevOpData output, string outputName, int needOut)
    {
        if (input.Data is null)
        {
            return $"{inputName} has no buffer.";
        }

        if (input.Offset < 0 || input.Length < 0 || input.AvailableInput() < input.Length)
        {
            return $"{inputName} offset {input.Offset} + length {input.Length} exceed the {input.Data.TotalLength} bytes of data in its buffer chain.";
        }

        if (blocks == 0)
        {
            return $"{inputName} length {input.Length} holds no complete code block.";
        }

        if (mode == CodeBlockMode.CodeBlock ? input.Length < needIn : input.Length != needIn)
        {
            return mode == CodeBlockMode.CodeBlock
                ? $"{inputName} length {input.Length} is too short: the code block needs {needIn} bytes."
                : $"{inputName} length {input.Length} is not a whole number of code blocks: {blocks} block(s) take {needIn} bytes.";
        }

        if (output.Data is null)
        {
            return $"{outputName} has no buffer.";
        }

        if (output.Offset < 0)
        {
            return $"{outputName} offset {output.Offset} is negative.";
        }

        int room = output.AvailableRoom();
        return room < needOut ? $"{outputName} needs room for {needOut} bytes; its buffer chain has {room} after offset {output.Offset}." : null;
    }

    /// <summary>The CRC type an encoder op attaches, or null.</summary>
    public static CrcType? EncoderCrc(LdpcEncFlags flags) =>
        (flags & LdpcEncFlags.Crc24AAttach) != 0 ? CrcType.Crc24A
        : (flags & LdpcEncFlags.Crc24BAttach) != 0 ? CrcType.Crc24B
        : (flags & LdpcEncFlags.Crc16Attach) != 0 ? CrcType.Crc16
        : null;

    /// <summary>The CRC type a decoder op checks, or null.</summary>
    public static CrcType? DecoderCrc(LdpcDecFlags flags) =>
        (flags & LdpcDecFlags.Crc24ACheck) != 0 ? CrcType.Crc24A
        : (flags & LdpcDecFlags.Crc24BCheck) != 0 ? CrcType.Crc24B
        : (flags & LdpcDecFlags.Crc16Check) != 0 ? CrcType.Crc16
        : null;

    /// <summary>Bits of CRC the encoder attaches (0, 16 or 24).</summary>
    public static int EncoderCrcBits(LdpcEncFlags flags) => EncoderCrc(flags) is { } crc ? CrcCalculator.Length(crc) : 0;

    /// <summary>The code-block parameters of an LDPC op for one code block of rate-matched length <paramref name="e"/>.</summary>
    public static LdpcBlockParameters Parameters(int baseGraph, int zc, int nFiller, int nCb, int qm, int rvIndex, int k0, int e) => new()
    {
        BaseGraph = baseGraph,
        Zc = zc,
        FillerBits = nFiller,
        Ncb = nCb,
        Qm = qm,
        RvIndex = rvIndex,
        K0Override = k0,
        E = e,
    };

    /// <summary>⌈bits/8⌉.</summary>
    public static int BytesFor(int bits) => (bits + 7) >> 3;

    /// <summary>
    /// Number of code blocks a transport-block op carries: as many as its input holds, at most C − r
    /// (DPDK's drivers loop "while input is left and r &lt; C").
    /// </summary>
    /// <param name="mode">The op's mode (code-block mode always carries one block).</param>
    /// <param name="tb">Transport-block parameters.</param>
    /// <param name="inputBytes">The op's input length.</param>
    /// <param name="inputBytesPerBlock">Input bytes of every block (encoder), or −1 when each block takes E bytes (decoder LLRs).</param>
    public static int CodeBlocksInOp(CodeBlockMode mode, LdpcTbParams tb, int inputBytes, int inputBytesPerBlock)
    {
        if (mode == CodeBlockMode.CodeBlock)
        {
            return 1;
        }

        int count = 0;
        int used = 0;
        for (int r = tb.R; r < tb.C; r++)
        {
            int need = inputBytesPerBlock >= 0 ? inputBytesPerBlock : tb.EOf(r);
            if (used + need > inputBytes)
            {
                break;
            }

            used += need;
            count++;
        }

        return count;
    }

    private static string? ValidateLdpcCommon(int baseGraph, int zc, int nFiller, int nCb, int qm, int rv, int k0, CodeBlockMode mode,
        LdpcCbParams cb, LdpcTbParams tb, out int kPrime)
    {
        kPrime = 0;
        if (mode == CodeBlockMode.TransportBlock)
        {
            if (tb.C < 1 || tb.C > MaxCodeBlocks)
            {
                return $"tb_params.c = {tb.C} is invalid: allowed [1, {MaxCodeBlocks}].";
            }

            if (tb.R < 0 || tb.R >= tb.C)
            {
                return $"tb_params.r = {tb.R} is invalid: allowed [0, {tb.C - 1}] (c = {tb.C}).";
            }

            if (tb.Cab < 0 || tb.Cab > tb.C)
            {
                return $"tb_params.cab = {tb.Cab} is invalid: allowed [0, {tb.C}] (c = {tb.C}).";
            }

            string? errorA = tb.Cab > tb.R ? Parameters(baseGraph, zc, nFiller, nCb, qm, rv, k0, tb.Ea).Validate() : null;
            if (errorA is not null)
            {
                return "tb_params.ea: " + errorA;
            }

            string? errorB = tb.Cab < tb.C ? Parameters(baseGraph, zc, nFiller, nCb, qm, rv, k0, tb.Eb).Validate() : null;
            if (errorB is not null)
            {
                return "tb_params.eb: " + errorB;
            }
        }
        else
        {
            string? error = Parameters(baseGraph, zc, nFiller, nCb, qm, rv, k0, cb.E).Validate();
            if (error is not null)
            {
                return error;
            }
        }

        kPrime = ((baseGraph == 1 ? 22 : 10) * zc) - nFiller;
        return null;
    }

    // inputBytesPerBlock: fixed bytes per block, or -1 for E LLR bytes per block; outputBytesPerBlock: fixed, or -1 for ceil(E/8).
    private static string? ValidateBuffers(CodeBlockMode mode, LdpcTbParams tb, LdpcCbParams cb, BbdevOpData input, string inputName, int inputBytesPerBlock,
        BbdevOpData output, string outputName, int outputBytesPerBlock)
    {
        if (input.Data is null)
        {
            return $"{inputName} has no buffer.";
        }

        if (input.Offset < 0 || input.Length < 0 || input.AvailableInput() < input.Length)
        {
            return $"{inputName} offset {input.Offset} + length {input.Length} exceed the {input.Data.TotalLength} bytes of data in its buffer chain.";
        }

        if (output.Data is null)
        {
            return $"{outputName} has no buffer.";
        }

        if (output.Offset < 0)
        {
            return $"{outputName} offset {output.Offset} is negative.";
        }

        int blocks;
        int needIn = 0;
        int needOut = 0;
        if (mode == CodeBlockMode.CodeBlock)
        {
            blocks = 1;
            needIn = inputBytesPerBlock >= 0 ? inputBytesPerBlock : cb.E;
            needOut = outputBytesPerBlock >= 0 ? outputBytesPerBlock : BytesFor(cb.E);
            if (input.Length < needIn)
            {
                return $"{inputName} length {input.Length} is too short: the code block needs {needIn} bytes.";
            }
        }
        else
        {
            blocks = CodeBlocksInOp(mode, tb, input.Length, inputBytesPerBlock);
            if (blocks == 0)
            {
                return $"{inputName} length {input.Length} holds no complete code block (first block r = {tb.R} needs {(inputBytesPerBlock >= 0 ? inputBytesPerBlock : tb.EOf(tb.R))} bytes).";
            }

            for (int r = tb.R; r < tb.R + blocks; r++)
            {
                needIn += inputBytesPerBlock >= 0 ? inputBytesPerBlock : tb.EOf(r);
                needOut += outputBytesPerBlock >= 0 ? outputBytesPerBlock : BytesFor(tb.EOf(r));
            }

            if (needIn != input.Length)
            {
                return $"{inputName} length {input.Length} is not a whole number of code blocks: {blocks} block(s) from r = {tb.R} take {needIn} bytes.";
            }
        }

        int room = output.AvailableRoom();
        if (room < needOut)
        {
            return $"{outputName} needs room for {needOut} bytes; its buffer chain has {room} after offset {output.Offset}.";
        }

        return null;
    }

    private static int CountBits(int value) => System.Numerics.BitOperations.PopCount((uint)value);
}
