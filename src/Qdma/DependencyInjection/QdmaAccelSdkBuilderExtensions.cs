using AccelSdk.Core.DependencyInjection;
using AccelSdk.Qdma.Baseband;
using AccelSdk.Qdma.Model;
using AccelSdk.Uacce.DependencyInjection;

namespace AccelSdk.Qdma.DependencyInjection;

/// <summary>Registers the QDMA baseband driver and the emulated QDMA FEC card with the SDK.</summary>
public static class QdmaAccelSdkBuilderExtensions
{
    /// <summary>Registers the <c>baseband_qdma</c> UACCE driver (and the UACCE bus): it claims every UACCE device of api <c>qdma_fec_v1</c>.</summary>
    public static IAccelSdkBuilder AddBasebandQdma(this IAccelSdkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddUacceDriver<BasebandQdmaDriver>();
    }

    /// <summary>
    /// Hosts an emulated QDMA FEC card on the UACCE bus (a device <c>qdma_fec-N</c>, created on the bus's first scan).
    /// Call once per card. The options are validated when the card is created.
    /// </summary>
    public static IAccelSdkBuilder AddQdmaFecModel(this IAccelSdkBuilder builder, Action<QdmaFecModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddUacceModel(() =>
        {
            var options = new QdmaFecModelOptions();
            configure?.Invoke(options);
            return new QdmaFecModel(options);
        });
    }
}
