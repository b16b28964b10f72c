using AccelSdk.Crypto.Algorithms.Aes;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>Which kernel implementations a software device runs (devarg <c>impl=auto|scalar</c>).</summary>
/// <param name="Aes">AES block implementation.</param>
/// <param name="Ghash">GHASH implementation.</param>
/// <param name="CarrylessMultiply">Whether UIA2 and EIA3 use PCLMULQDQ.</param>
internal sealed record KernelOptions(AesImplementation Aes, GhashImplementation Ghash, bool CarrylessMultiply)
{
    /// <summary>The fastest paths this CPU runs.</summary>
    public static KernelOptions Auto { get; } = new(AesKey.Resolve(AesImplementation.Auto), GhashImplementation.Auto, true);

    /// <summary>The scalar references everywhere (slow; for checking the fast paths through the whole API).</summary>
    public static KernelOptions Scalar { get; } = new(AesImplementation.Scalar, GhashImplementation.Scalar, false);
}
