using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Core.DependencyInjection;

/// <summary>Returned by <c>AddAccelSdk</c>; device classes and drivers add their registrations through it.</summary>
public interface IAccelSdkBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
