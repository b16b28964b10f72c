namespace AccelSdk.Core.DependencyInjection;

/// <summary>Options of the SDK as a whole, bound from configuration section <c>AccelSdk</c> or set in code.</summary>
public sealed class AccelSdkOptions
{
    /// <summary>
    /// Virtual devices created when the registry is built, as devargs strings (<c>baseband_sw0,max_queues=8</c>),
    /// in order.
    /// </summary>
    public IList<string> VirtualDevices { get; } = new List<string>();

    /// <summary>Whether buses (UACCE) are scanned when the registry is built. Default true.</summary>
    public bool ProbeBuses { get; set; } = true;
}
