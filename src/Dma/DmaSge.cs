namespace AccelSdk.Dma;

/// <summary>
/// One scatter-gather entry of <see cref="DmaDevice.CopySg"/> (DPDK's <c>struct rte_dma_sge</c>): a block of
/// <see cref="Length"/> bytes at the process address <see cref="Address"/>.
/// </summary>
/// <param name="Address">Process address of the first byte.</param>
/// <param name="Length">Bytes in the block, at least 1.</param>
public readonly record struct DmaSge(nint Address, int Length);
