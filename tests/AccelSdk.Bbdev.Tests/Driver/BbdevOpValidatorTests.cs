using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Tests.Conformance;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Tests.Driver;

/// <summary>Invalid parameters are rejected before any work, with a message naming the field, the value and the range.</summary>
public sealed class BbdevOpValidatorTests : IDisposable
{
    private static readonly LdpcEncCapability Encoder = new()
    {
        CapabilityFlags = LdpcEncFlags.RateMatch | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc16Attach | LdpcEncFlags.InterleaverBypass,
        NumBuffersSrc = 256,
    };

    private static readonly LdpcDecCapability Decoder = new()
    {
        CapabilityFlags = LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BDrop | LdpcDecFlags.IterationStopEnable
            | LdpcDecFlags.HqCombineInEnable | LdpcDecFlags.HqCombineOutEnable | LdpcDecFlags.DecodeBypass,
        MaxIterations = 100,
        NumBuffersSrc = 256,
    };

    private readonly BufferPool _pool = BufferPool.Create(new BufferPoolOptions { Count = 64, RoomSize = 65536, CacheSize = 0 });
    private readonly TestBuffers _buffers = new();

    public static TheoryData<string, Action<LdpcEncOp>, string> EncoderCases() => new()
    {
        { "basegraph", op => op.BaseGraph = 3, "basegraph = 3 is invalid: allowed 1 or 2" },
        { "z_c", op => op.Zc = 17, "z_c = 17 is invalid" },
        { "n_filler >= K", op => op.NFiller = 70, "n_filler = 70 is invalid: allowed [0, 55]" },
        { "n_filler negative", op => op.NFiller = -1, "n_filler = -1 is invalid" },
        { "q_m", op => op.Qm = 3, "q_m = 3 is invalid: allowed 1, 2, 4, 6 or 8" },
        { "e zero", op => op.CbParams = new LdpcCbParams(0), "e = 0 is invalid: allowed [1," },
        { "e not multiple of qm", op => op.CbParams = new LdpcCbParams(45), "multiple of q_m = 2" },
        { "rv_index", op => op.RvIndex = 4, "rv_index = 4 is invalid: allowed 0..3" },
        { "n_cb too small", op => op.NCb = 20, "n_cb = 20 is invalid: allowed 0 (= N) or [56, 350]" },
        { "n_cb too large", op => op.NCb = 351, "n_cb = 351 is invalid" },
        { "two CRCs", op => op.OpFlags |= LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach, "more than one CRC attach" },
        { "unsupported flag", op => op.OpFlags |= LdpcEncFlags.EncConcatenation, "EncConcatenation" },
        { "input too short", op => op.Input.Length = 4, "input length 4 is too short: the code block needs 5 bytes" },
        { "no output", op => op.Output.Data = null, "output has no buffer" },
        { "tb c", op => { op.CodeBlockMode = CodeBlockMode.TransportBlock; op.TbParams = new LdpcTbParams(44, 44, 0, 0, 0); }, "tb_params.c = 0 is invalid" },
        { "tb r", op => { op.CodeBlockMode = CodeBlockMode.TransportBlock; op.TbParams = new LdpcTbParams(44, 44, 2, 2, 1); }, "tb_params.r = 2 is invalid: allowed [0, 1]" },
        { "tb ea", op => { op.CodeBlockMode = CodeBlockMode.TransportBlock; op.TbParams = new LdpcTbParams(45, 44, 2, 0, 1); }, "tb_params.ea" },
    };

    [Theory]
    [MemberData(nameof(EncoderCases))]
    public void InvalidEncoderOp_IsRejectedWithFieldValueAndRange(string field, Action<LdpcEncOp> corrupt, string expected)
    {
        LdpcEncOp op = _buffers.SmallEncodeOp(0);
        Assert.Null(BbdevOpValidator.Validate(op, Encoder));
        corrupt(op);
        string? error = BbdevOpValidator.Validate(op, Encoder);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(field));
    }

    [Fact]
    public void OutputBufferTooSmall_IsRejected()
    {
        LdpcEncOp op = _buffers.SmallEncodeOp(0);
        DataBuffer tiny = BufferPool.Create(new BufferPoolOptions { Count = 1, RoomSize = 4 }).Rent()!;
        op.Output.Set(tiny);
        Assert.Contains("output needs room for 6 bytes", BbdevOpValidator.Validate(op, Encoder), StringComparison.Ordinal);
        tiny.Pool.Dispose();
    }

    public static TheoryData<string, Action<LdpcDecOp>, string> DecoderCases() => new()
    {
        { "iter_max zero", op => op.IterMax = 0, "iter_max = 0 is invalid: allowed [1, 100]" },
        { "iter_max high", op => op.IterMax = 101, "iter_max = 101 is invalid" },
        { "k0", op => op.K0 = 350, "k0 = 350 is invalid" },
        { "decode bypass", op => op.OpFlags |= LdpcDecFlags.DecodeBypass, "DECODE_BYPASS requires HQ_COMBINE_OUT_ENABLE" },
        { "two CRC checks", op => op.OpFlags |= LdpcDecFlags.Crc24ACheck | LdpcDecFlags.Crc24BCheck, "more than one CRC check" },
        { "harq in missing", op => { op.OpFlags |= LdpcDecFlags.HqCombineInEnable; op.HarqCombinedInput.Set(null, 0, 10); }, "harq_combined_input" },
        { "harq out missing", op => op.OpFlags |= LdpcDecFlags.HqCombineOutEnable, "harq_combined_output needs room for 320 bytes" },
        { "harq in TB mode", op => { op.OpFlags |= LdpcDecFlags.HqCombineOutEnable; op.CodeBlockMode = CodeBlockMode.TransportBlock; op.TbParams = new LdpcTbParams(44, 44, 1, 0, 1); }, "code-block mode only" },
        { "unsupported flag", op => op.OpFlags |= LdpcDecFlags.LlrCompression, "LlrCompression" },
        { "llrs short", op => op.Input.Length = 40, "input length 40 is too short: the code block needs 44 bytes" },
    };

    [Theory]
    [MemberData(nameof(DecoderCases))]
    public void InvalidDecoderOp_IsRejectedWithFieldValueAndRange(string field, Action<LdpcDecOp> corrupt, string expected)
    {
        LdpcDecOp op = SmallDecodeOp();
        Assert.Null(BbdevOpValidator.Validate(op, Decoder));
        corrupt(op);
        string? error = BbdevOpValidator.Validate(op, Decoder);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(field));
    }

    [Fact]
    public void TransportBlockInput_MustHoldWholeCodeBlocks()
    {
        LdpcDecOp op = SmallDecodeOp();
        op.CodeBlockMode = CodeBlockMode.TransportBlock;
        op.TbParams = new LdpcTbParams(44, 44, 2, 0, 2);
        op.Input.Data!.Append(44);
        op.Input.Length = 88;
        Assert.Null(BbdevOpValidator.Validate(op, Decoder));
        op.Input.Length = 60;
        Assert.Contains("not a whole number of code blocks", BbdevOpValidator.Validate(op, Decoder), StringComparison.Ordinal);
        Assert.Equal(1, BbdevOpValidator.CodeBlocksInOp(CodeBlockMode.TransportBlock, op.TbParams, 60, -1));
        Assert.Equal(2, BbdevOpValidator.CodeBlocksInOp(CodeBlockMode.TransportBlock, op.TbParams, 88, -1));
    }

    public void Dispose()
    {
        _buffers.Dispose();
        _pool.Dispose();
    }

    private LdpcDecOp SmallDecodeOp()
    {
        DataBuffer input = _pool.Rent()!;
        input.Append(44).Fill(0x7F);
        var op = new LdpcDecOp
        {
            OpFlags = LdpcDecFlags.IterationStopEnable,
            BaseGraph = 2,
            Zc = 7,
            NFiller = 30,
            NCb = 350,
            Qm = 2,
            IterMax = 6,
            CbParams = new LdpcCbParams(44),
        };
        op.Input.Set(input, 0, 44);
        op.HardOutput.Set(_pool.Rent());
        return op;
    }
}
