using System.Runtime.InteropServices;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// One stream of a job after its descriptors were resolved to host memory: the pieces in order, each already checked
/// to lie inside memory the device may reach. Reads and writes stay inside the pieces.
/// </summary>
internal sealed unsafe class ScatterList(int capacity)
{
    private readonly nint[] _addresses = new nint[capacity];
    private readonly int[] _lengths = new int[capacity];

    /// <summary>Pieces held.</summary>
    public int Count { get; private set; }

    /// <summary>Total bytes over the pieces.</summary>
    public long TotalLength { get; private set; }

    /// <summary>Empties the list.</summary>
    public void Clear()
    {
        Count = 0;
        TotalLength = 0;
    }

    /// <summary>Appends a resolved piece.</summary>
    public void Add(nint address, int length)
    {
        _addresses[Count] = address;
        _lengths[Count] = length;
        Count++;
        TotalLength += length;
    }

    /// <summary>
    /// The bytes [<paramref name="offset"/>, +<paramref name="length"/>) of the stream as one span: directly when they
    /// lie in one piece, else gathered into <paramref name="scratch"/> (grown as needed).
    /// </summary>
    public ReadOnlySpan<byte> Read(long offset, int length, ref byte[] scratch)
    {
        if (TryFind(offset, length, out nint address))
        {
            return new ReadOnlySpan<byte>((void*)address, length);
        }

        Span<byte> gathered = Grow(ref scratch, length).AsSpan(0, length);
        Copy(offset, gathered, toStream: false);
        return gathered;
    }

    /// <summary>
    /// Where to write [<paramref name="offset"/>, +<paramref name="length"/>) of the stream: the piece itself when the
    /// range lies in one, else <paramref name="scratch"/>; call <see cref="Commit"/> after writing.
    /// </summary>
    public Span<byte> Writable(long offset, int length, ref byte[] scratch, out bool direct)
    {
        direct = TryFind(offset, length, out nint address);
        return direct ? new Span<byte>((void*)address, length) : Grow(ref scratch, length).AsSpan(0, length);
    }

    /// <summary>Scatters what was written into a <see cref="Writable"/> span that was not direct.</summary>
    public void Commit(long offset, ReadOnlySpan<byte> written, bool direct)
    {
        if (!direct)
        {
            Copy(offset, MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(written), written.Length), toStream: true);
        }
    }

    private static byte[] Grow(ref byte[] scratch, int length)
    {
        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }

        return scratch;
    }

    private bool TryFind(long offset, int length, out nint address)
    {
        long start = 0;
        for (int i = 0; i < Count; i++)
        {
            long end = start + _lengths[i];
            if (offset < end)
            {
                address = _addresses[i] + (nint)(offset - start);
                return offset + length <= end;
            }

            start = end;
        }

        address = 0;
        return length == 0;
    }

    private void Copy(long offset, Span<byte> buffer, bool toStream)
    {
        long start = 0;
        int done = 0;
        for (int i = 0; i < Count && done < buffer.Length; i++)
        {
            long end = start + _lengths[i];
            long position = offset + done;
            if (position < end)
            {
                int inPiece = (int)(position - start);
                int take = Math.Min(buffer.Length - done, _lengths[i] - inPiece);
                var piece = new Span<byte>((byte*)_addresses[i] + inPiece, take);
                if (toStream)
                {
                    buffer.Slice(done, take).CopyTo(piece);
                }
                else
                {
                    piece.CopyTo(buffer.Slice(done, take));
                }

                done += take;
            }

            start = end;
        }
    }
}
