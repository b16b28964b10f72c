using AccelSdk.Crypto;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Cli.Commands;

/// <summary>
/// One algorithm row of <c>accel crypto-perf</c>: how to build its session and ops for a buffer size, how to call
/// the SDK kernel directly (no op, no queue), and, where the BCL has the primitive, a plain in-thread BCL call.
/// </summary>
internal sealed class CryptoPerfCase
{
    /// <summary>Row name (<c>aes-128-gcm</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Rounds a requested buffer size to one the algorithm accepts (whole AES blocks for CBC/ECB).</summary>
    public Func<int, int> Size { get; init; } = size => size;

    /// <summary>The session's transform.</summary>
    public required Func<CryptoTransform> Transform { get; init; }

    /// <summary>Fills an op's ranges for a data size (digest placed after the data).</summary>
    public required Action<CryptoOp, int> Setup { get; init; }

    /// <summary>For a data size, a delegate that processes one buffer with the SDK kernel directly (buffer = data + 64 spare bytes).</summary>
    public Func<int, Action<byte[]>>? Kernel { get; init; }

    /// <summary>For a data size, a delegate that processes one buffer with the BCL primitive, or <see langword="null"/> when the BCL lacks it.</summary>
    public Func<int, (Action<byte[]> Run, IDisposable? State)>? Bcl { get; init; }
}
