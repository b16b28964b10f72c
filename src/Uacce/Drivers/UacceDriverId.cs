using System.Collections.Immutable;

namespace AccelSdk.Uacce.Drivers;

/// <summary>
/// One entry of a driver's id table: the device <c>api</c> it drives and, optionally, algorithm tokens the
/// device must all offer (DPDK's <c>rte_uacce_id</c>, generalised from one algorithm to a set).
/// </summary>
public sealed record UacceDriverId
{
    /// <summary>Creates an id.</summary>
    /// <param name="api">The device api (<c>hisi_qm_v5</c>); without the <c>_noiommu</c> suffix.</param>
    /// <param name="algorithms">Algorithm tokens the device must list, each a whole line of its <c>algorithms</c>; none to match on the api alone.</param>
    /// <exception cref="ArgumentException">The api or a token is empty or holds a newline.</exception>
    public UacceDriverId(string api, params string[] algorithms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(api);
        ArgumentNullException.ThrowIfNull(algorithms);
        if (api.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A UACCE api cannot contain a newline; got '{api.ReplaceLineEndings("\\n")}'.", nameof(api));
        }

        foreach (string token in algorithms)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Algorithm tokens must be non-empty single lines; got '{token?.ReplaceLineEndings("\\n")}'.", nameof(algorithms));
            }
        }

        Api = api;
        Algorithms = [.. algorithms];
    }

    /// <summary>The device api matched.</summary>
    public string Api { get; }

    /// <summary>Algorithm tokens the device must all have (empty: api only).</summary>
    public ImmutableArray<string> Algorithms { get; }

    /// <summary><c>hisi_qm_v5 [udma]</c>.</summary>
    public override string ToString() => Algorithms.IsEmpty ? Api : $"{Api} [{string.Join(", ", Algorithms)}]";
}
