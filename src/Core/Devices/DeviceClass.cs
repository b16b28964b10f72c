namespace AccelSdk.Core.Devices;

/// <summary>The device classes of the SDK (DPDK's bbdev, dmadev and cryptodev).</summary>
public enum DeviceClass
{
    /// <summary>Baseband (FEC) devices: LDPC and turbo encode/decode.</summary>
    Bbdev,

    /// <summary>DMA copy/fill engines.</summary>
    Dma,

    /// <summary>Symmetric crypto devices.</summary>
    Crypto,
}
