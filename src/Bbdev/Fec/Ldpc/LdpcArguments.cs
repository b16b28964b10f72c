using System.Diagnostics.CodeAnalysis;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// Up-front checks of the public LDPC entry points, with the rare throw paths kept out of line so the entry points
/// stay small. Every message names the argument or field, its value and the allowed range.
/// </summary>
internal static class LdpcArguments
{
    /// <summary>Throws unless every field of <paramref name="parameters"/> is valid.</summary>
    public static void ThrowIfInvalid(in LdpcBlockParameters parameters)
    {
        string? error = parameters.Validate();
        if (error is not null)
        {
            ThrowInvalid(error);
        }
    }

    /// <summary>Throws unless base graph, Zc and the filler count are valid.</summary>
    public static void ThrowIfInvalidCode(in LdpcBlockParameters parameters)
    {
        string? error = parameters.ValidateCode();
        if (error is not null)
        {
            ThrowInvalid(error);
        }
    }

    /// <summary>Throws when <paramref name="length"/> is below <paramref name="required"/>.</summary>
    public static void ThrowIfTooShort(int length, int required, string paramName, string what)
    {
        if (length < required)
        {
            ThrowTooShort(length, required, paramName, what);
        }
    }

    /// <summary>Throws when a SIMD width is not a member of <see cref="SimdWidth"/>.</summary>
    public static SimdWidth Resolve(SimdWidth width) => SimdSupport.Resolve(width);

    [DoesNotReturn]
    private static void ThrowInvalid(string message) => throw new ArgumentException(message, "parameters");

    [DoesNotReturn]
    private static void ThrowTooShort(int length, int required, string paramName, string what) =>
        throw new ArgumentException($"{paramName}.Length = {length} is too small: allowed at least {required} ({what}).", paramName);
}
