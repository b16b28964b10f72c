namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// How a QDMA FEC accelerator presents itself on the UACCE bus: the <c>api</c> its kernel driver (or the device
/// model) publishes, the algorithm tokens, and the vendor ioctl that reports a queue's geometry.
/// </summary>
internal static class QdmaFecApi
{
    /// <summary>The UACCE <c>api</c> attribute: version 1 of the queue and descriptor layout defined in this folder.</summary>
    public const string Api = "qdma_fec_v1";

    /// <summary>The parent-driver name a kernel driver registers with (devices appear as <c>qdma_fec-&lt;id&gt;</c>).</summary>
    public const string InterfaceName = "qdma_fec";

    /// <summary>Algorithm token of a device with an LDPC encoder pipeline.</summary>
    public const string LdpcEncode = "ldpc_enc";

    /// <summary>Algorithm token of a device with an LDPC decoder pipeline.</summary>
    public const string LdpcDecode = "ldpc_dec";

    /// <summary>Algorithm token of a device whose encoder pipeline also runs LTE turbo encode jobs.</summary>
    public const string TurboEncode = "turbo_enc";

    /// <summary>Algorithm token of a device whose decoder pipeline also runs LTE turbo decode jobs.</summary>
    public const string TurboDecode = "turbo_dec";

    /// <summary>
    /// <c>_IOR('Q', 64, struct qdma_fec_queue_info)</c>: the kernel writes the queue's <see cref="QdmaQueueGeometry"/>.
    /// Number 64 and up, as DPDK recommends for driver-private commands, so it never collides with UACCE's own.
    /// </summary>
    public static readonly uint QueueInfoRequest = Uacce.Queues.UacceIoctl.Read<QdmaQueueGeometry>('Q', 64);
}
