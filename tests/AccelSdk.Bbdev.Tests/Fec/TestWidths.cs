using AccelSdk.Bbdev.Fec;

namespace AccelSdk.Bbdev.Tests.Fec;

/// <summary>The kernel implementations every FEC test runs: Auto, the scalar reference and each vector width.</summary>
internal static class TestWidths
{
    public static readonly SimdWidth[] All = [SimdWidth.Auto, SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512];

    public static readonly SimdWidth[] Vector = [SimdWidth.V128, SimdWidth.V256, SimdWidth.V512];

    public static TheoryData<SimdWidth> AllData => [.. All];
}
