using System.Runtime.CompilerServices;

namespace AccelSdk.Uacce.Memory;

/// <summary>
/// How process memory is seen by one UACCE device: the address a driver must put in a descriptor for a given
/// buffer, and (for device models) which memory the device may touch.
/// </summary>
/// <remarks>
/// <para>Under <see cref="UacceAddressMode.Sva"/> translation is the identity: <see cref="TryTranslate"/> returns the
/// process address without a lookup, as the IOMMU walks the process page tables. Without an IOMMU
/// (<see cref="UacceAddressMode.NoIommu"/>) every address goes through the table of registered regions, and memory
/// that was never registered cannot be translated.</para>
/// <para>Drivers register every block they hand the device (buffer pools, rings, HARQ memory) in both modes: under
/// SVA it costs a table entry and lets a device model check each descriptor the way an IOMMU would fault an
/// unmapped page, so a bad address completes with an error instead of touching unrelated memory.</para>
/// <para>Registration takes a lock and copies the table; translation reads an immutable snapshot and never locks,
/// allocates or throws (<see cref="TryTranslate"/>), so it is safe on the data path from any thread.</para>
/// </remarks>
public sealed class UacceAddressSpace
{
    /// <summary>First bus address a device model hands out without an IOMMU: above every 48-bit user address, so a
    /// process address given by mistake does not resolve.</summary>
    internal const ulong ModelBusBase = 1UL << 48;

    private readonly Lock _lock = new();
    private readonly IovaPolicy _policy;
    private Table _table = Table.Empty;
    private ulong _nextBusAddress = ModelBusBase;

    internal UacceAddressSpace(string deviceName, UacceAddressMode mode, IovaPolicy policy)
    {
        DeviceName = deviceName;
        Mode = mode;
        _policy = policy;
    }

    /// <summary>Who chooses bus addresses when there is no IOMMU.</summary>
    internal enum IovaPolicy
    {
        /// <summary>SVA: the bus address is the process address.</summary>
        Identity,

        /// <summary>A device model without an IOMMU: the space assigns bus addresses itself.</summary>
        Assigned,

        /// <summary>A kernel device without an IOMMU: only memory whose bus address the kernel reported can be registered.</summary>
        ExplicitOnly,
    }

    /// <summary>The device this address space belongs to.</summary>
    public string DeviceName { get; }

    /// <summary>Whether drivers hand the device process addresses (<see cref="UacceAddressMode.Sva"/>) or translated bus addresses.</summary>
    public UacceAddressMode Mode { get; }

    /// <summary>Whether translation is the identity (SVA): drivers may then skip <see cref="TryTranslate"/> and use addresses as they are.</summary>
    public bool IsIdentity => Mode == UacceAddressMode.Sva;

    /// <summary>The registered regions (snapshot), in address order.</summary>
    public IReadOnlyList<UacceMemoryRegion> Regions => Array.ConvertAll(Volatile.Read(ref _table).ByAddress, e => e.Owner);

    /// <summary>
    /// Registers <paramref name="length"/> bytes at <paramref name="address"/> (pinned memory that will not move
    /// while registered). Under SVA the bus address is the process address; for a device model without an IOMMU
    /// the space assigns one.
    /// </summary>
    /// <exception cref="ArgumentException">The block is empty, wraps, or overlaps a registered region.</exception>
    /// <exception cref="NotSupportedException">A kernel device without an IOMMU: memory must come from the device with its bus address (use the overload taking an IOVA).</exception>
    public UacceMemoryRegion Register(nint address, long length)
    {
        return _policy switch
        {
            IovaPolicy.Identity => RegisterCore(address, length, (ulong)address, assign: false),
            IovaPolicy.Assigned => RegisterCore(address, length, 0, assign: true),
            _ => throw new NotSupportedException(
                $"UACCE device {DeviceName} works without an IOMMU: the device cannot reach ordinary process memory, so memory must come from the device (its static-share region) and be registered with the bus address the kernel reports."),
        };
    }

    /// <summary>Registers a block whose bus address is known (for example reported by the kernel for device memory).</summary>
    /// <exception cref="ArgumentException">The block is empty, wraps, overlaps a registered region, or (under SVA) <paramref name="iova"/> differs from the address.</exception>
    public UacceMemoryRegion Register(nint address, long length, ulong iova)
    {
        if (_policy == IovaPolicy.Identity && iova != (ulong)address)
        {
            throw new ArgumentException(
                $"UACCE device {DeviceName} uses shared virtual addressing: the IOVA of a block is its process address 0x{address:X}, not 0x{iova:X}.", nameof(iova));
        }

        return RegisterCore(address, length, iova, assign: false);
    }

    /// <summary>
    /// Translates the block [<paramref name="address"/>, +<paramref name="length"/>) to the address the device
    /// uses. Under SVA this is the identity and always succeeds; otherwise the whole block must lie in one
    /// registered region.
    /// </summary>
    /// <returns><see langword="false"/> when the block is not inside one registered region.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTranslate(nint address, long length, out ulong iova)
    {
        if (_policy == IovaPolicy.Identity)
        {
            iova = (ulong)address;
            return true;
        }

        return TryTranslateTable(address, length, out iova);
    }

    /// <summary>Translates like <see cref="TryTranslate"/>, for the control path.</summary>
    /// <exception cref="UacceException">The block is not inside one registered region; the message names the block and the device.</exception>
    public ulong Translate(nint address, long length)
    {
        if (!TryTranslate(address, length, out ulong iova))
        {
            throw new UacceException(DeviceName, 0,
                $"UACCE device {DeviceName}: memory [0x{address:X}, +{length}) is not registered with the device's address space; without an IOMMU ({Mode}) the device can reach only registered memory (register it with UacceAddressSpace.Register first).");
        }

        return iova;
    }

    /// <summary>
    /// The device side (device models): finds the process memory behind device address
    /// [<paramref name="iova"/>, +<paramref name="length"/>), which must lie inside one registered region in either
    /// mode (the model's stand-in for an IOMMU fault).
    /// </summary>
    internal bool TryResolve(ulong iova, long length, out nint address)
    {
        Entry[] entries = Volatile.Read(ref _table).ByIova;
        int index = Find(entries, iova, length);
        if (index < 0)
        {
            address = 0;
            return false;
        }

        address = entries[index].Address + (nint)(iova - entries[index].Iova);
        return true;
    }

    internal void Unregister(UacceMemoryRegion region)
    {
        lock (_lock)
        {
            Table table = _table;
            Volatile.Write(ref _table, new Table(
                Array.FindAll(table.ByAddress, e => !ReferenceEquals(e.Owner, region)),
                Array.FindAll(table.ByIova, e => !ReferenceEquals(e.Owner, region))));
        }
    }

    private bool TryTranslateTable(nint address, long length, out ulong iova)
    {
        Entry[] entries = Volatile.Read(ref _table).ByAddress;
        int index = Find(entries, (ulong)address, length);
        if (index < 0)
        {
            iova = 0;
            return false;
        }

        iova = entries[index].Iova + ((ulong)address - (ulong)entries[index].Address);
        return true;
    }

    private UacceMemoryRegion RegisterCore(nint address, long length, ulong iova, bool assign)
    {
        if (address == 0)
        {
            throw new ArgumentException($"UACCE device {DeviceName}: cannot register memory at address 0.", nameof(address));
        }

        if (length <= 0 || (ulong)address + (ulong)length < (ulong)address)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"UACCE device {DeviceName}: a registered block needs a length in [1, {ulong.MaxValue - (ulong)address}] bytes; got {length}.");
        }

        lock (_lock)
        {
            Table table = _table;
            if (assign)
            {
                // Keep the offset inside the page so buffer alignment survives, and leave a free page after each
                // block so a descriptor running past its buffer does not land in the next one.
                ulong page = (ulong)Environment.SystemPageSize;
                iova = _nextBusAddress + ((ulong)address & (page - 1));
                _nextBusAddress = AlignUp(iova + (ulong)length, page) + page;
            }

            ThrowIfOverlaps(table.ByAddress, (ulong)address, length, "memory");
            ThrowIfOverlaps(table.ByIova, iova, length, "bus addresses");
            var region = new UacceMemoryRegion(this, address, length, iova);
            Volatile.Write(ref _table, new Table(
                Insert(table.ByAddress, new Entry((ulong)address, address, length, iova, region)),
                Insert(table.ByIova, new Entry(iova, address, length, iova, region))));
            return region;
        }
    }

    private void ThrowIfOverlaps(Entry[] entries, ulong start, long length, string what)
    {
        foreach (Entry e in entries)
        {
            ulong other = e.Key;
            if (start < other + (ulong)e.Length && other < start + (ulong)length)
            {
                throw new ArgumentException(
                    $"UACCE device {DeviceName}: block [0x{start:X}, +{length}) overlaps the registered {what} [0x{other:X}, +{e.Length}).");
            }
        }
    }

    /// <summary>Index of the entry whose [Key, Key + Length) holds [value, value + length), or −1.</summary>
    private static int Find(Entry[] entries, ulong value, long length)
    {
        int lo = 0;
        int hi = entries.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (entries[mid].Key <= value)
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
            return -1;
        }

        // Offsets within the region, written so that no sum can overflow.
        ulong offset = value - entries[found].Key;
        ulong size = (ulong)entries[found].Length;
        return offset < size && (ulong)length <= size - offset ? found : -1;
    }

    private static Entry[] Insert(Entry[] entries, Entry entry)
    {
        var result = new Entry[entries.Length + 1];
        int i = 0;
        while (i < entries.Length && entries[i].Key < entry.Key)
        {
            result[i] = entries[i];
            i++;
        }

        result[i] = entry;
        Array.Copy(entries, i, result, i + 1, entries.Length - i);
        return result;
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);

    /// <summary>A region keyed by its process address (in <see cref="Table.ByAddress"/>) or its bus address (in <see cref="Table.ByIova"/>).</summary>
    private readonly record struct Entry(ulong Key, nint Address, long Length, ulong Iova, UacceMemoryRegion Owner);

    private sealed class Table(Entry[] byAddress, Entry[] byIova)
    {
        public static readonly Table Empty = new([], []);

        public Entry[] ByAddress { get; } = byAddress;

        public Entry[] ByIova { get; } = byIova;
    }
}
