using AccelSdk.Core.Buffers;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>Byte-range helpers over segmented <see cref="DataBuffer"/> chains (offsets count across segments).</summary>
internal static class BufferChain
{
    /// <summary>Copies packet bytes [from, to) of <paramref name="source"/> to the same offsets of <paramref name="destination"/>.</summary>
    public static void Copy(DataBuffer source, DataBuffer destination, int from, int to)
    {
        if (source.Next is null && destination.Next is null)
        {
            source.Data[from..to].CopyTo(destination.Data[from..]);
            return;
        }

        Span<byte> chunk = stackalloc byte[512];
        for (int at = from; at < to; at += chunk.Length)
        {
            int n = Math.Min(chunk.Length, to - at);
            Gather(source, at, chunk[..n]);
            Scatter(chunk[..n], destination, at);
        }
    }

    /// <summary>Copies packet bytes starting at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    public static void Gather(DataBuffer buffer, int offset, Span<byte> destination)
    {
        DataBuffer? segment = Seek(buffer, ref offset);
        int written = 0;
        while (written < destination.Length && segment is not null)
        {
            ReadOnlySpan<byte> data = segment.Data[offset..];
            int n = Math.Min(data.Length, destination.Length - written);
            data[..n].CopyTo(destination[written..]);
            written += n;
            offset = 0;
            segment = segment.Next;
        }
    }

    /// <summary>Copies <paramref name="source"/> into packet bytes starting at <paramref name="offset"/>.</summary>
    public static void Scatter(ReadOnlySpan<byte> source, DataBuffer buffer, int offset)
    {
        DataBuffer? segment = Seek(buffer, ref offset);
        int read = 0;
        while (read < source.Length && segment is not null)
        {
            Span<byte> data = segment.Data[offset..];
            int n = Math.Min(data.Length, source.Length - read);
            source.Slice(read, n).CopyTo(data);
            read += n;
            offset = 0;
            segment = segment.Next;
        }
    }

    /// <summary>The bytes [offset, offset + length) when one segment holds them all.</summary>
    public static bool TryGetContiguous(DataBuffer buffer, int offset, int length, out Span<byte> span)
    {
        DataBuffer? segment = Seek(buffer, ref offset);
        if (segment is not null && offset + length <= segment.DataLength)
        {
            span = segment.Data.Slice(offset, length);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>Finds the segment holding packet byte <paramref name="offset"/> and makes the offset relative to it.</summary>
    private static DataBuffer? Seek(DataBuffer buffer, ref int offset)
    {
        DataBuffer? segment = buffer;
        while (segment is not null && offset >= segment.DataLength && segment.Next is not null)
        {
            offset -= segment.DataLength;
            segment = segment.Next;
        }

        return segment;
    }
}
