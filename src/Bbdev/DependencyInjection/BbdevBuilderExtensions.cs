using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Core.DependencyInjection;

namespace AccelSdk.Bbdev.DependencyInjection;

/// <summary>Registers the bbdev software drivers with the SDK's dependency-injection builder.</summary>
public static class BbdevBuilderExtensions
{
    /// <summary>Registers <c>baseband_null</c>.</summary>
    public static IAccelSdkBuilder AddBasebandNull(this IAccelSdkBuilder builder) => builder.AddDriver<BasebandNullDriver>();

    /// <summary>Registers <c>baseband_sw</c>, the software LDPC device (create devices with <c>AddDevice("baseband_sw0,...")</c>).</summary>
    public static IAccelSdkBuilder AddBasebandSoftware(this IAccelSdkBuilder builder) => builder.AddDriver<BasebandSwDriver>();

    /// <summary>Registers every bbdev software driver (<c>baseband_sw</c> and <c>baseband_null</c>).</summary>
    public static IAccelSdkBuilder AddBbdevSoftwareDrivers(this IAccelSdkBuilder builder) => builder.AddBasebandSoftware().AddBasebandNull();
}
