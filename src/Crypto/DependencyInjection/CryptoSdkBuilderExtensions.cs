using AccelSdk.Core.DependencyInjection;
using AccelSdk.Crypto.Drivers.Software;

namespace AccelSdk.Crypto.DependencyInjection;

/// <summary>Registers the crypto drivers with an <see cref="IAccelSdkBuilder"/>.</summary>
public static class CryptoSdkBuilderExtensions
{
    /// <summary>
    /// Registers the <c>crypto_sw</c> driver (once), so that devices such as <c>crypto_sw0,workers=1</c> can be
    /// created by name. See <see cref="CryptoDrivers.CreateSoftwareDriver"/> for the device arguments.
    /// </summary>
    public static IAccelSdkBuilder AddCryptoSoftware(this IAccelSdkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDriver<SoftwareCryptoDriver>();
    }
}
