using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// A pinned int16 array whose usable part starts on a 64-byte boundary, so that the decoder's rows of 32 lanes are
/// exactly one cache line each and no vector access splits one. Allocated once per decoder.
/// </summary>
internal sealed class AlignedInt16Buffer
{
    private const int AlignmentBytes = 64;
    private readonly short[] _array;
    private readonly int _start;

    public AlignedInt16Buffer(int length)
    {
        Length = length;
        _array = GC.AllocateArray<short>(length + (AlignmentBytes / sizeof(short)), pinned: true);
        unsafe
        {
            // Pinned: the address is fixed for the array's lifetime; arrays of short start 2-byte aligned.
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
            _start = (int)(((AlignmentBytes - (address & (AlignmentBytes - 1))) & (AlignmentBytes - 1)) / sizeof(short));
        }
    }

    /// <summary>Usable length in elements.</summary>
    public int Length { get; }

    /// <summary>The first usable element (64-byte aligned).</summary>
    public ref short Reference => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _start);

    /// <summary>All usable elements.</summary>
    public Span<short> Span => _array.AsSpan(_start, Length);
}
