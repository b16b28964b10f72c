namespace AccelSdk.Bbdev;

/// <summary>
/// The header every baseband operation shares (DPDK's common op header): the status the device reports and an
/// opaque value the application uses to match completions.
/// </summary>
/// <remarks>
/// Ops come from an <see cref="Core.Pools.OpPool{T}"/> (see <see cref="BbdevOpPool"/>) and are reused: a device
/// overwrites <see cref="Status"/> and the output fields of every op it processes and never resets the others.
/// </remarks>
public abstract class BbdevOp
{
    private protected BbdevOp()
    {
    }

    /// <summary>The operation type of this op class.</summary>
    public abstract BbdevOpType OpType { get; }

    /// <summary>Result bits set by the device: <see cref="BbdevOpStatus.None"/> on success.</summary>
    public BbdevOpStatus Status { get; set; }

    /// <summary>
    /// For an op rejected before processing (<see cref="BbdevOpStatus.DataError"/>): which field was wrong, its value and
    /// the allowed range. <see langword="null"/> otherwise. Set by the library's validation, never by the data path of a
    /// valid op.
    /// </summary>
    public string? StatusDetail { get; set; }

    /// <summary>A value the application attaches (DPDK's <c>opaque_data</c>); devices never touch it.</summary>
    public ulong OpaqueData { get; set; }

    /// <summary>A reference the application attaches (for example its transport-block context); devices never touch it.</summary>
    public object? UserState { get; set; }

    /// <summary>Clears the status before processing; drivers call it at the start of every op.</summary>
    public void ClearStatus()
    {
        Status = BbdevOpStatus.None;
        StatusDetail = null;
    }

    /// <summary>Marks the op as rejected by validation.</summary>
    public void Reject(BbdevOpStatus status, string detail)
    {
        Status = status;
        StatusDetail = detail;
    }
}
