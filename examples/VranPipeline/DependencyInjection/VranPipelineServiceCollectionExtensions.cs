using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VranPipeline.Configuration;

namespace VranPipeline.DependencyInjection;

/// <summary>Registers the pipeline with Microsoft.Extensions.DependencyInjection, next to <c>AddAccelSdk()</c>.</summary>
public static class VranPipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Pipeline.L1Pipeline"/> with its options bound from <paramref name="section"/> (normally the
    /// <see cref="PipelineOptions.SectionName"/> section) and validated when first read.
    /// </summary>
    public static IServiceCollection AddVranPipeline(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<PipelineOptions>().Bind(section);
        return AddCore(services);
    }

    /// <summary>Adds <see cref="Pipeline.L1Pipeline"/> with options set in code.</summary>
    public static IServiceCollection AddVranPipeline(this IServiceCollection services, Action<PipelineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PipelineOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.TryAddSingleton<Pipeline.L1Pipeline>();
        return services;
    }
}
