using AccelSdk.Bbdev.Drivers.Null;
using AccelSdk.Core.DependencyInjection;

namespace AccelSdk.Bbdev.DependencyInjection;

/// <summary>Registers the bbdev software drivers with the SDK's dependency-injection builder.</summary>
public static class BbdevBuilderExtensions
{
    /// <summary>Registers <c>baseband_null</c>.</summary>
    public static IAccelSdkBuilder AddBasebandNull(this IAccelSdkBuilder builder) => builder.AddDriver<BasebandNullDriver>();
}
