using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Tests.Conformance;

/// <summary>Pinned buffers and small valid ops for driver contract tests.</summary>
internal sealed class TestBuffers : IDisposable
{
    private readonly BufferPool _pool = BufferPool.Create(new BufferPoolOptions { Name = "test", Count = 512, RoomSize = 1024, CacheSize = 0 });

    /// <summary>A valid BG2 Zc=7 (K' = 40, E = 44) encode op with input and output buffers; OpaqueData = index.</summary>
    public LdpcEncOp SmallEncodeOp(int index)
    {
        DataBuffer input = _pool.Rent() ?? throw new InvalidOperationException("test pool exhausted");
        input.Append(5).Fill((byte)(index * 37));
        var op = new LdpcEncOp
        {
            OpaqueData = (ulong)index,
            OpFlags = LdpcEncFlags.RateMatch,
            BaseGraph = 2,
            Zc = 7,
            NFiller = 30,
            NCb = 350,
            Qm = 2,
            RvIndex = 0,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new LdpcCbParams(44),
        };
        op.Input.Set(input, 0, 5);
        op.Output.Set(_pool.Rent());
        return op;
    }

    /// <summary>A turbo encode op of block size <paramref name="k"/> (K = 40 is valid, 44 is not), rate-matched to 132 bits; OpaqueData = index.</summary>
    public TurboEncOp SmallTurboEncodeOp(int index, int k)
    {
        DataBuffer input = _pool.Rent() ?? throw new InvalidOperationException("test pool exhausted");
        input.Append(k / 8).Fill((byte)(index * 37));
        var op = new TurboEncOp
        {
            OpaqueData = (ulong)index,
            OpFlags = TurboEncFlags.RateMatch,
            RvIndex = 0,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new TurboCbParams(k, 132),
        };
        op.Input.Set(input, 0, k / 8);
        op.Output.Set(_pool.Rent());
        return op;
    }

    /// <summary>An empty buffer of the pool (1 KiB of room).</summary>
    public DataBuffer Rent() => _pool.Rent() ?? throw new InvalidOperationException("test pool exhausted");

    public void Dispose() => _pool.Dispose();
}
