namespace AccelSdk.Dma.Engine;

/// <summary>
/// The blocks of process memory registered with a software device that checks addresses: an immutable array sorted
/// by start, replaced on every change, so the engine looks addresses up without locks or allocation.
/// </summary>
internal sealed class MemoryWindows
{
    private readonly Lock _lock = new();
    private Window[] _windows = [];

    /// <summary>Registered blocks now.</summary>
    public int Count => Volatile.Read(ref _windows).Length;

    /// <summary>Registers [<paramref name="address"/>, +<paramref name="length"/>).</summary>
    /// <exception cref="ArgumentException">The block wraps or overlaps a registered one.</exception>
    public IDisposable Register(string device, nint address, long length)
    {
        ulong start = (ulong)address;
        if (start + (ulong)length < start)
        {
            throw new ArgumentException($"DMA device {device}: the block [0x{start:X}, +{length}) wraps around the address space.", nameof(length));
        }

        lock (_lock)
        {
            Window[] current = _windows;
            foreach (Window w in current)
            {
                if (start < w.Start + w.Length && w.Start < start + (ulong)length)
                {
                    throw new ArgumentException(
                        $"DMA device {device}: the block [0x{start:X}, +{length}) overlaps the registered block [0x{w.Start:X}, +{w.Length}).", nameof(address));
                }
            }

            var window = new Window(start, (ulong)length, this);
            var next = new Window[current.Length + 1];
            int i = 0;
            while (i < current.Length && current[i].Start < start)
            {
                next[i] = current[i];
                i++;
            }

            next[i] = window;
            Array.Copy(current, i, next, i + 1, current.Length - i);
            Volatile.Write(ref _windows, next);
            return window;
        }
    }

    /// <summary>Whether [<paramref name="address"/>, +<paramref name="length"/>) lies inside one registered block.</summary>
    public bool Contains(nint address, long length)
    {
        Window[] windows = Volatile.Read(ref _windows);
        ulong start = (ulong)address;
        int lo = 0;
        int hi = windows.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (windows[mid].Start <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0 || length < 0)
        {
            return false;
        }

        // Offsets inside the block, written so that no sum overflows.
        ulong offset = start - windows[found].Start;
        ulong size = windows[found].Length;
        return offset < size && (ulong)length <= size - offset;
    }

    private void Remove(Window window)
    {
        lock (_lock)
        {
            Volatile.Write(ref _windows, Array.FindAll(_windows, w => !ReferenceEquals(w, window)));
        }
    }

    private sealed class Window(ulong start, ulong length, MemoryWindows owner) : IDisposable
    {
        private int _disposed;

        public ulong Start { get; } = start;

        public ulong Length { get; } = length;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
