using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.Driver;

/// <summary>
/// Reads op inputs and writes op outputs over segment chains: directly in place when the data lies in one segment
/// (the common case), through a reusable scratch array otherwise (scatter-gather).
/// </summary>
internal sealed class OpBuffers
{
    private byte[] _gather = new byte[4096];
    private byte[] _scatter = new byte[4096];

    /// <summary>The <see cref="BbdevOpData.Length"/> bytes of an input, contiguous.</summary>
    public ReadOnlySpan<byte> Input(BbdevOpData data)
    {
        DataBuffer head = data.Data!;
        if (data.Offset + data.Length <= head.DataLength)
        {
            return head.Data.Slice(data.Offset, data.Length);
        }

        EnsureCapacity(ref _gather, data.Length);
        int skip = data.Offset;
        int written = 0;
        for (DataBuffer? segment = head; segment is not null && written < data.Length; segment = segment.Next)
        {
            ReadOnlySpan<byte> bytes = segment.Data;
            if (skip >= bytes.Length)
            {
                skip -= bytes.Length;
                continue;
            }

            bytes = bytes[skip..];
            skip = 0;
            int take = Math.Min(bytes.Length, data.Length - written);
            bytes[..take].CopyTo(_gather.AsSpan(written));
            written += take;
        }

        return _gather.AsSpan(0, data.Length);
    }

    /// <summary>
    /// A writable span of <paramref name="length"/> bytes for an output: the first segment's room when it fits,
    /// else scratch that <see cref="CommitOutput"/> scatters.
    /// </summary>
    public Span<byte> Output(BbdevOpData data, int length)
    {
        DataBuffer head = data.Data!;
        int start = head.DataOffset + data.Offset;
        if (start + length <= head.Capacity)
        {
            return head.Room.Slice(start, length);
        }

        EnsureCapacity(ref _scatter, length);
        return _scatter.AsSpan(0, length);
    }

    /// <summary>Records <paramref name="length"/> bytes written at the output's offset: lengths grow, scratch is scattered.</summary>
    public void CommitOutput(BbdevOpData data, int length)
    {
        DataBuffer head = data.Data!;
        int start = head.DataOffset + data.Offset;
        if (start + length <= head.Capacity)
        {
            head.DataLength = Math.Max(head.DataLength, data.Offset + length);
            data.Length = length;
            return;
        }

        int written = 0;
        int offset = data.Offset;
        for (DataBuffer? segment = head; segment is not null && written < length; segment = segment.Next)
        {
            int room = segment.Capacity - segment.DataOffset - offset;
            if (room <= 0)
            {
                offset -= segment.Capacity - segment.DataOffset;
                continue;
            }

            int take = Math.Min(room, length - written);
            _scatter.AsSpan(written, take).CopyTo(segment.Room.Slice(segment.DataOffset + offset, take));
            segment.DataLength = Math.Max(segment.DataLength, offset + take);
            written += take;
            offset = 0;
        }

        data.Length = written;
    }

    private static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
    }
}
