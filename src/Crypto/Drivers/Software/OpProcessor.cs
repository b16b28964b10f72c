using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using AccelSdk.Core.Buffers;
using AccelSdk.Crypto.Algorithms.Bits;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>
/// Runs one op of a <c>crypto_sw</c> device to completion on the thread that calls it, using the queue pair's
/// scratch memory. Checks every range against the buffers first (a bad op becomes <see cref="CryptoOpStatus.InvalidArgs"/>,
/// never an exception), then works on one linear span: the destination's data when it is a single segment, or a
/// gathered copy of the covered bytes when it is a chain.
/// </summary>
internal sealed class OpProcessor
{
    private const int MaxDigest = 64;

    private readonly SoftwareCryptoDevice _device;
    private readonly int _queuePairId;
    private byte[] _gather = [];
    private byte[] _bits = [];

    public OpProcessor(SoftwareCryptoDevice device, int queuePairId)
    {
        _device = device;
        _queuePairId = queuePairId;
    }

    /// <summary>Processes <paramref name="op"/> and sets its status.</summary>
    public void Process(CryptoOp op)
    {
        CryptoOpStatus status;
        try
        {
            status = Run(op);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every expected problem is caught by the checks in Run; this is the safety net that keeps one bad op
            // from taking the queue down ("nothing lost, nothing hung").
            status = CryptoOpStatus.Error;
        }

        op.Status = status;
    }

    private CryptoOpStatus Run(CryptoOp op)
    {
        if (op.Session is not SoftwareSession session || session.IsDisposed || !ReferenceEquals(session.Owner, _device))
        {
            return CryptoOpStatus.InvalidSession;
        }

        DataBuffer? source = op.Source;
        if (source is null)
        {
            return CryptoOpStatus.InvalidArgs;
        }

        DataBuffer output = op.Destination ?? source;
        bool outOfPlace = !ReferenceEquals(output, source);
        int sourceLength = source.Next is null ? source.DataLength : source.TotalLength;
        int outputLength = !outOfPlace ? sourceLength : output.Next is null ? output.DataLength : output.TotalLength;

        // Byte extent [lo, hi) the op touches in its buffers.
        int lo = int.MaxValue, hi = 0;
        bool hasCipher = session.Cipher is not null || session.Aead is not null;
        bool hasAuth = session.Auth is not null;
        if (hasCipher)
        {
            bool bits = session.Cipher?.BitOriented ?? false;
            if (!Extent(op.CipherOffset, op.CipherLength, bits, ref lo, ref hi))
            {
                return CryptoOpStatus.InvalidArgs;
            }

            int block = session.Cipher?.BlockSize ?? 1;
            if (block > 1 && op.CipherLength % block != 0)
            {
                return CryptoOpStatus.InvalidArgs;
            }
        }

        if (hasAuth && !Extent(op.AuthOffset, op.AuthLength, session.Auth!.BitOriented, ref lo, ref hi))
        {
            return CryptoOpStatus.InvalidArgs;
        }

        int digestLength = session.DigestLength;
        bool digestInline = digestLength > 0 && op.DigestBuffer is null;
        if (digestLength > 0)
        {
            if (op.DigestOffset < 0)
            {
                return CryptoOpStatus.InvalidArgs;
            }

            if (digestInline)
            {
                lo = Math.Min(lo, op.DigestOffset);
                hi = Math.Max(hi, op.DigestOffset + digestLength);
            }
        }

        if (lo == int.MaxValue)
        {
            lo = 0;
        }

        if (hi > sourceLength || hi > outputLength)
        {
            return CryptoOpStatus.InvalidArgs;
        }

        if (session.Aead is not null && op.Aad.Length < session.AadLength)
        {
            return CryptoOpStatus.InvalidArgs;
        }

        // Separate digest buffer: the digest must sit inside one segment (DPDK's digest is a plain pointer).
        Span<byte> digest = default;
        if (digestLength > 0 && !digestInline)
        {
            DataBuffer digestBuffer = op.DigestBuffer!;
            if (!BufferChain.TryGetContiguous(digestBuffer, op.DigestOffset, digestLength, out digest))
            {
                return CryptoOpStatus.InvalidArgs;
            }
        }

        if (outOfPlace && hi > lo)
        {
            BufferChain.Copy(source, output, lo, hi);
        }

        // The linear working span and the packet offset of its first byte.
        Span<byte> work;
        int origin;
        bool gathered = output.Next is not null;
        if (!gathered)
        {
            work = output.Data;
            origin = 0;
        }
        else
        {
            work = Scratch(ref _gather, hi - lo);
            origin = lo;
            BufferChain.Gather(output, lo, work);
        }

        if (digestInline)
        {
            digest = work.Slice(op.DigestOffset - origin, digestLength);
        }

        CryptoOpStatus status = Execute(session, op, work, origin, digest);
        if (gathered)
        {
            BufferChain.Scatter(work, output, lo);
        }

        return status;
    }

    private CryptoOpStatus Execute(SoftwareSession session, CryptoOp op, Span<byte> work, int origin, Span<byte> digest)
    {
        switch (session.Kind)
        {
            case SessionKind.Cipher:
                RunCipher(session, op, work, origin);
                return CryptoOpStatus.Success;
            case SessionKind.Auth:
                return RunAuth(session, op, work, origin, digest);
            case SessionKind.CipherThenAuth:
            {
                RunCipher(session, op, work, origin);
                return RunAuth(session, op, work, origin, digest);
            }

            case SessionKind.AuthThenCipher:
            {
                CryptoOpStatus status = RunAuth(session, op, work, origin, digest);
                RunCipher(session, op, work, origin);
                return status;
            }

            default:
                return RunAead(session, op, work, origin, digest);
        }
    }

    private static void RunCipher(SoftwareSession session, CryptoOp op, Span<byte> work, int origin)
    {
        CipherEngine cipher = session.Cipher!;
        long offset = cipher.BitOriented ? op.CipherOffset - (origin * 8L) : op.CipherOffset - origin;
        cipher.Process(op.Iv.Slice(session.CipherIvOffset, session.CipherIvLength), work, offset, op.CipherLength, session.CipherEncrypt);
    }

    private CryptoOpStatus RunAuth(SoftwareSession session, CryptoOp op, Span<byte> work, int origin, Span<byte> digest)
    {
        AuthEngine auth = session.AuthLane(_queuePairId);
        if (auth.MacLength == 0)
        {
            // NULL auth: nothing to compute, the digest area is left as it is, verification trivially succeeds.
            return CryptoOpStatus.Success;
        }

        ReadOnlySpan<byte> message;
        if (auth.BitOriented)
        {
            long bitOffset = op.AuthOffset - (origin * 8L);
            if ((bitOffset & 7) == 0)
            {
                message = work[(int)(bitOffset >> 3)..];
            }
            else
            {
                // Realign the message to bit 0 of a scratch buffer (rare: PDCP ranges start on byte boundaries).
                Span<byte> aligned = Scratch(ref _bits, (op.AuthLength + 7) >> 3);
                BitString.CopyBits(work, bitOffset, aligned, op.AuthLength);
                message = aligned;
            }
        }
        else
        {
            message = work[(op.AuthOffset - origin)..];
        }

        Span<byte> mac = stackalloc byte[MaxDigest];
        auth.Compute(op.Iv.Slice(session.AuthIvOffset, session.AuthIvLength), message, op.AuthLength, mac[..auth.MacLength]);
        int length = session.DigestLength;
        if (session.Generate)
        {
            mac[..length].CopyTo(digest);
            return CryptoOpStatus.Success;
        }

        return CryptographicOperations.FixedTimeEquals(mac[..length], digest) ? CryptoOpStatus.Success : CryptoOpStatus.AuthFailed;
    }

    private static CryptoOpStatus RunAead(SoftwareSession session, CryptoOp op, Span<byte> work, int origin, Span<byte> digest)
    {
        AeadEngine aead = session.Aead!;
        Span<byte> text = work.Slice(op.CipherOffset - origin, op.CipherLength);
        ReadOnlySpan<byte> iv = op.Iv.Slice(session.AeadIvOffset, session.AeadIvLength);
        ReadOnlySpan<byte> aad = op.Aad.Span[..session.AadLength];
        if (session.AeadEncrypt)
        {
            aead.Encrypt(iv, aad, text, digest);
            return CryptoOpStatus.Success;
        }

        return aead.Decrypt(iv, aad, text, digest) ? CryptoOpStatus.Success : CryptoOpStatus.AuthFailed;
    }

    /// <summary>Adds the byte extent of an offset/length pair (bits or bytes) to [lo, hi); false when negative or overflowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Extent(int offset, int length, bool bits, ref int lo, ref int hi)
    {
        if (offset < 0 || length < 0)
        {
            return false;
        }

        long start = bits ? offset >> 3 : offset;
        long end = bits ? ((long)offset + length + 7) >> 3 : (long)offset + length;
        if (end > int.MaxValue)
        {
            return false;
        }

        lo = (int)Math.Min(lo, start);
        hi = (int)Math.Max(hi, end);
        return true;
    }

    /// <summary>A scratch span of <paramref name="length"/> bytes; grows (allocates) only when a larger op than ever before arrives.</summary>
    private static Span<byte> Scratch(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, Math.Max(256, buffer.Length * 2))];
        }

        return buffer.AsSpan(0, length);
    }
}
