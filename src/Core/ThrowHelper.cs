using System.Diagnostics.CodeAnalysis;

namespace AccelSdk.Core;

/// <summary>Rare throw paths, kept out of hot methods so that those stay small enough to inline.</summary>
internal static class ThrowHelper
{
    public static void ThrowIfOutOfRange(int value, int min, int max, string paramName)
    {
        if (value < min || value > max)
        {
            ThrowOutOfRange(paramName, value, min, max);
        }
    }

    [DoesNotReturn]
    public static void ThrowOutOfRange(string paramName, long value, long min, long max) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [{min}, {max}]; got {value}.");

    [DoesNotReturn]
    public static void ThrowBulkTooLarge(string paramName, int length, int capacity) =>
        throw new ArgumentOutOfRangeException(paramName, length,
            $"A bulk operation of {length} elements can never succeed on a ring of capacity {capacity}; {paramName}.Length must be in [0, {capacity}].");

    public static void ThrowIfUnknownFlags<TEnum>(TEnum value, TEnum known, string paramName)
        where TEnum : struct, Enum
    {
        ulong bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        ulong allowed = Convert.ToUInt64(known, System.Globalization.CultureInfo.InvariantCulture);
        if ((bits & ~allowed) != 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} has unknown bits 0x{bits & ~allowed:X}; allowed flags: {known}.");
        }
    }
}
