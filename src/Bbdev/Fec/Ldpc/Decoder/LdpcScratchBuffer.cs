using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// A pinned byte array whose usable part starts on a 64-byte boundary, so that aligned rows stay within cache lines
/// and vector stores never split one. Allocated once per decoder instance.
/// </summary>
internal sealed class LdpcScratchBuffer
{
    private const int Alignment = 64;
    private readonly sbyte[] _array;
    private readonly int _start;

    public LdpcScratchBuffer(int length)
    {
        Length = length;
        _array = GC.AllocateArray<sbyte>(length + Alignment, pinned: true);
        unsafe
        {
            // Pinned: the address is fixed for the array's lifetime.
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
            _start = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1));
        }
    }

    /// <summary>Usable length in bytes.</summary>
    public int Length { get; }

    /// <summary>The first usable byte (64-byte aligned).</summary>
    public ref sbyte Reference => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _start);

    /// <summary>The first <paramref name="length"/> usable bytes.</summary>
    public Span<sbyte> Span(int length) => _array.AsSpan(_start, length);
}
