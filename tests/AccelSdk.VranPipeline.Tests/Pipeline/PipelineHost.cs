using System.Collections.Concurrent;
using AccelSdk.Bbdev.DependencyInjection;
using AccelSdk.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using VranPipeline.Configuration;
using VranPipeline.DependencyInjection;
using VranPipeline.Pipeline;

namespace AccelSdk.VranPipeline.Tests.Pipeline;

/// <summary>Builds the pipeline the way an application does (DI, AddAccelSdk, a software device) and records what it reports.</summary>
internal sealed class PipelineHost : IDisposable, IPipelineObserver
{
    private readonly ServiceProvider _provider;

    public PipelineHost(Action<PipelineOptions> configure, string devargs = "baseband_sw0,max_nb_queues=16")
    {
        var services = new ServiceCollection();
        services.AddAccelSdk(o => o.ProbeBuses = false).AddBbdevSoftwareDrivers().AddDevice(devargs);
        services.AddVranPipeline(configure);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public ConcurrentQueue<(TransportBlockReport Report, byte[] Sent, byte[] Received)> Blocks { get; } = new();

    public ConcurrentDictionary<(int Cell, int Slot), double> Slots { get; } = new();

    public PipelineResult Run() => _provider.GetRequiredService<L1Pipeline>().Run(this);

    public void SlotCompleted(int cell, int slot, double processingMicroseconds) => Assert.True(Slots.TryAdd((cell, slot), processingMicroseconds));

    public void TransportBlockCompleted(in TransportBlockReport report, ReadOnlySpan<byte> sent, ReadOnlySpan<byte> received) =>
        Blocks.Enqueue((report, sent.ToArray(), received.ToArray()));

    public void Dispose() => _provider.Dispose();
}
