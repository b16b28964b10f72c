using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev;

/// <summary>
/// Where an operation reads or writes its data (DPDK's <c>rte_bbdev_op_data</c>): a segment chain, the byte offset
/// into the first segment where the data starts, and its length in bytes.
/// </summary>
/// <remarks>
/// For inputs, <see cref="Length"/> is the number of bytes to process, possibly spanning chained segments. For
/// outputs, the application sets <see cref="Offset"/> and <see cref="Length"/> = 0; the driver writes from the
/// offset, sets <see cref="Length"/> to the bytes produced and grows the segments' data lengths (it appends).
/// </remarks>
public sealed class BbdevOpData
{
    /// <summary>The first segment, or <see langword="null"/> when the operation does not use this buffer.</summary>
    public DataBuffer? Data { get; set; }

    /// <summary>Byte offset of the operation's data, counted from the first segment's data start (<see cref="DataBuffer.DataOffset"/>).</summary>
    public int Offset { get; set; }

    /// <summary>Bytes of input to process, or bytes of output produced.</summary>
    public int Length { get; set; }

    /// <summary>Points this descriptor at <paramref name="data"/> with the given offset and length.</summary>
    public void Set(DataBuffer? data, int offset = 0, int length = 0)
    {
        Data = data;
        Offset = offset;
        Length = length;
    }

    /// <summary>Clears the descriptor (no buffer).</summary>
    public void Clear() => Set(null);
}
