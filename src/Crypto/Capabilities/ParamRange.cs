using System.Globalization;

namespace AccelSdk.Crypto.Capabilities;

/// <summary>
/// A set of legal sizes in bytes (DPDK <c>rte_crypto_param_range</c>): <see cref="Min"/> + k·<see cref="Increment"/>
/// up to <see cref="Max"/>; an increment of 0 allows only <see cref="Min"/>.
/// </summary>
/// <param name="Min">Smallest size.</param>
/// <param name="Max">Largest size.</param>
/// <param name="Increment">Step between sizes; 0 when Min = Max.</param>
public readonly record struct ParamRange(int Min, int Max, int Increment)
{
    /// <summary>Only zero.</summary>
    public static ParamRange Zero => new(0, 0, 0);

    /// <summary>Exactly one size.</summary>
    public static ParamRange Single(int size) => new(size, size, 0);

    /// <summary>Whether <paramref name="size"/> is one of the legal sizes.</summary>
    public bool Contains(int size)
    {
        if (size < Min || size > Max)
        {
            return false;
        }

        return Increment == 0 ? size == Min : (size - Min) % Increment == 0;
    }

    /// <summary><c>16</c>, or <c>16..32 step 8</c>.</summary>
    public override string ToString() =>
        Increment == 0 || Min == Max
            ? Min.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max} step {Increment}");
}
