namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>Parsed <c>crypto_sw</c> device arguments.</summary>
/// <param name="MaxQueuePairs">Largest queue pair count (<c>max_queues</c>).</param>
/// <param name="Workers">Worker threads; 0 = synchronous processing inside enqueue (<c>workers</c>).</param>
/// <param name="MaxSessions">Session limit, 0 = none (<c>max_sessions</c>).</param>
/// <param name="Kernels">Kernel selection (<c>impl</c>).</param>
internal sealed record SoftwareCryptoOptions(int MaxQueuePairs, int Workers, int MaxSessions, KernelOptions Kernels);
