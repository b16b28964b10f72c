using System.Diagnostics;
using System.Globalization;
using AccelSdk.Core.Buffers;
using AccelSdk.Core.Pools;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Vectors;

/// <summary>
/// Replays conformance vectors through a device's enqueue/dequeue API, the way DPDK's cryptodev unit tests do:
/// for each vector, encrypt and decrypt (or generate and verify), in place and out of place, plus a corrupted-digest
/// check where there is a digest; all ops of a vector go down as one burst and must come back, in order, with the
/// expected bytes and status. A vector whose transform the device does not support is reported as unsupported.
/// </summary>
public sealed class CryptoVectorRunner : IDisposable
{
    /// <summary>Where a chain's auth IV goes in the op's IV area (the cipher IV is at 0).</summary>
    public const int AuthIvOffset = 32;

    private readonly CryptoDevice _device;
    private readonly int _queuePairId;
    private readonly CryptoVectorRunnerOptions _options;
    private readonly OpPool<CryptoOp> _ops = CryptoOp.CreatePool(new OpPoolOptions { Name = "vector-ops", Count = 64, CacheSize = 0 });

    /// <summary>Runs vectors on queue pair <paramref name="queuePairId"/> of a started device.</summary>
    public CryptoVectorRunner(CryptoDevice device, int queuePairId = 0, CryptoVectorRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _queuePairId = queuePairId;
        _options = options ?? new CryptoVectorRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.SegmentSize);
    }

    /// <summary>Runs every vector of a file.</summary>
    public IReadOnlyList<CryptoVectorResult> Run(CryptoVectorFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Vectors.Select(Run).ToArray();
    }

    /// <summary>Runs one vector: all its cases as one burst.</summary>
    public CryptoVectorResult Run(CryptoVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        List<Case> cases;
        try
        {
            cases = BuildCases(vector);
        }
        catch (NotSupportedException ex)
        {
            return new CryptoVectorResult(vector, CryptoVectorOutcome.Unsupported, ex.Message, 0);
        }

        foreach (Case c in cases)
        {
            if (!_device.Info.Supports(c.Transform, out string? reason))
            {
                return new CryptoVectorResult(vector, CryptoVectorOutcome.Unsupported, reason!, 0);
            }
        }

        int largest = cases.Max(c => c.Input.Length);
        int room = _options.SegmentSize > 0 ? _options.SegmentSize : Math.Max(64, largest);
        int segmentsPerBuffer = Math.Max(1, (largest + room - 1) / room);
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions
        {
            Name = "vector-buffers",
            RoomSize = room,
            Count = Math.Max(1, segmentsPerBuffer * cases.Count * 2),
            CacheSize = 0,
        });
        var sessions = new List<CryptoSession>();
        var ops = new CryptoOp[cases.Count];
        try
        {
            if (!_ops.TryGetBulk(ops))
            {
                throw new InvalidOperationException("The runner's op pool is exhausted.");
            }

            for (int i = 0; i < cases.Count; i++)
            {
                CryptoSession session = _device.CreateSession(cases[i].Transform);
                sessions.Add(session);
                Prepare(ops[i], cases[i], session, pool);
            }

            string? failure = Submit(ops);
            for (int i = 0; failure is null && i < cases.Count; i++)
            {
                failure = Check(ops[i], cases[i]);
            }

            return failure is null
                ? new CryptoVectorResult(vector, CryptoVectorOutcome.Passed, string.Join(", ", cases.Select(c => c.Name)), cases.Count)
                : new CryptoVectorResult(vector, CryptoVectorOutcome.Failed, failure, cases.Count);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return new CryptoVectorResult(vector, CryptoVectorOutcome.Failed, $"{ex.GetType().Name}: {ex.Message}", cases.Count);
        }
        finally
        {
            foreach (CryptoOp op in ops)
            {
                if (op is null)
                {
                    continue;
                }

                if (op.Source is not null)
                {
                    pool.Return(op.Source);
                }

                if (op.Destination is not null)
                {
                    pool.Return(op.Destination);
                }

                op.Reset();
                _ops.Put(op);
            }

            foreach (CryptoSession session in sessions)
            {
                session.Dispose();
            }
        }
    }

    /// <summary>Releases the op pool.</summary>
    public void Dispose() => _ops.Dispose();

    private string? Submit(CryptoOp[] ops)
    {
        var done = new CryptoOp[ops.Length];
        int enqueued = 0, dequeued = 0;
        var clock = Stopwatch.StartNew();
        while (dequeued < ops.Length)
        {
            if (enqueued < ops.Length)
            {
                enqueued += _device.EnqueueBurst(_queuePairId, ops.AsSpan(enqueued));
            }

            int n = _device.DequeueBurst(_queuePairId, done.AsSpan(dequeued));
            for (int i = dequeued; i < dequeued + n; i++)
            {
                if (!ReferenceEquals(done[i], ops[i]))
                {
                    return $"op {i} came back out of order";
                }
            }

            dequeued += n;
            if (n == 0)
            {
                if (clock.Elapsed > _options.Timeout)
                {
                    return $"timed out: {dequeued} of {ops.Length} ops completed ({enqueued} enqueued) after {_options.Timeout.TotalSeconds:0.#} s";
                }

                Thread.Yield();
            }
        }

        return null;
    }

    private List<Case> BuildCases(CryptoVector v)
    {
        var cases = new List<Case>();
        var placements = new List<bool>();
        if (_options.InPlace)
        {
            placements.Add(false);
        }

        if (_options.OutOfPlace)
        {
            placements.Add(true);
        }

        foreach (bool oop in placements)
        {
            string where = oop ? "out-of-place" : "in-place";
            switch (v.Kind)
            {
                case CryptoVectorKind.Cipher:
                    AddCipherCases(v, oop, where, cases);
                    break;
                case CryptoVectorKind.Auth:
                    AddAuthCases(v, oop, where, cases);
                    break;
                case CryptoVectorKind.Aead:
                    AddAeadCases(v, oop, where, cases);
                    break;
                default:
                    AddChainCases(v, oop, where, cases);
                    break;
            }
        }

        return cases;
    }

    private static void AddCipherCases(CryptoVector v, bool oop, string where, List<Case> cases)
    {
        CryptoVectorStage s = v.Single!;
        CipherAlgorithm algorithm = ParseCipher(s.Algorithm);
        (int offset, int length) = Units(s, CryptoAlgorithms.IsBitOriented(algorithm));
        foreach (bool encrypt in new[] { true, false })
        {
            var transform = new CipherTransform
            {
                Algorithm = algorithm,
                Operation = encrypt ? CipherOperation.Encrypt : CipherOperation.Decrypt,
                Key = s.Key,
                IvLength = s.Iv.Length,
            };
            cases.Add(new Case($"{(encrypt ? "encrypt" : "decrypt")} {where}", transform, encrypt ? v.Plaintext : v.Ciphertext, encrypt ? v.Ciphertext : v.Plaintext, oop)
            {
                CipherOffset = offset,
                CipherLength = length,
                Iv = s.Iv,
                CompareFrom = (int)(s.OffsetBits >> 3),
                CompareTo = (int)((s.OffsetBits + s.LengthBits + 7) >> 3),
            });
        }
    }

    private static void AddAuthCases(CryptoVector v, bool oop, string where, List<Case> cases)
    {
        CryptoVectorStage s = v.Single!;
        AuthAlgorithm algorithm = ParseAuth(s.Algorithm);
        (int offset, int length) = Units(s, CryptoAlgorithms.IsBitOriented(algorithm));
        int digestAt = v.Plaintext.Length;
        byte[] empty = [.. v.Plaintext, .. new byte[s.DigestLength]];
        byte[] signed = [.. v.Plaintext, .. v.Digest];
        AuthTransform Make(AuthOperation operation) => new()
        {
            Algorithm = algorithm,
            Operation = operation,
            Key = s.Key,
            IvLength = s.Iv.Length,
            DigestLength = s.DigestLength,
        };
        Case Build(string name, AuthOperation operation, byte[] input, byte[] expected, CryptoOpStatus status) =>
            new(name, Make(operation), input, expected, oop)
            {
                AuthOffset = offset,
                AuthLength = length,
                Iv = s.Iv,
                DigestOffset = digestAt,
                ExpectedStatus = status,
                CompareFrom = (int)(s.OffsetBits >> 3),
                CompareTo = signed.Length,
            };

        cases.Add(Build($"generate {where}", AuthOperation.Generate, empty, signed, CryptoOpStatus.Success));
        cases.Add(Build($"verify {where}", AuthOperation.Verify, signed, signed, CryptoOpStatus.Success));
        if (algorithm != AuthAlgorithm.Null && s.DigestLength > 0)
        {
            byte[] corrupted = (byte[])signed.Clone();
            corrupted[digestAt + (s.DigestLength / 2)] ^= 0x10;
            cases.Add(Build($"verify corrupted digest {where}", AuthOperation.Verify, corrupted, corrupted, CryptoOpStatus.AuthFailed) with { CompareOutput = false });
        }
    }

    private static void AddAeadCases(CryptoVector v, bool oop, string where, List<Case> cases)
    {
        CryptoVectorStage s = v.Single!;
        AeadAlgorithm algorithm = ParseAead(s.Algorithm);
        int textLength = v.Plaintext.Length;
        byte[] plain = [.. v.Plaintext, .. new byte[s.DigestLength]];
        byte[] sealedText = [.. v.Ciphertext, .. v.Digest];
        byte[] opened = [.. v.Plaintext, .. v.Digest];
        AeadTransform Make(AeadOperation operation) => new()
        {
            Algorithm = algorithm,
            Operation = operation,
            Key = s.Key,
            IvLength = v.IvIsJ0 ? 0 : s.Iv.Length,
            DigestLength = s.DigestLength,
            AadLength = v.Aad.Length,
        };
        Case Build(string name, AeadOperation operation, byte[] input, byte[] expected, CryptoOpStatus status) =>
            new(name, Make(operation), input, expected, oop)
            {
                CipherOffset = 0,
                CipherLength = textLength,
                Iv = s.Iv,
                Aad = v.Aad,
                DigestOffset = textLength,
                ExpectedStatus = status,
                CompareFrom = 0,
                CompareTo = input.Length,
            };

        cases.Add(Build($"encrypt {where}", AeadOperation.Encrypt, plain, sealedText, CryptoOpStatus.Success));
        cases.Add(Build($"decrypt {where}", AeadOperation.Decrypt, sealedText, opened, CryptoOpStatus.Success));
        if (s.DigestLength > 0)
        {
            byte[] corrupted = (byte[])sealedText.Clone();
            corrupted[textLength + (s.DigestLength / 2)] ^= 0x01;
            cases.Add(Build($"decrypt corrupted tag {where}", AeadOperation.Decrypt, corrupted, corrupted, CryptoOpStatus.AuthFailed) with { CompareOutput = false });
        }
    }

    private static void AddChainCases(CryptoVector v, bool oop, string where, List<Case> cases)
    {
        CryptoVectorStage cs = v.Cipher!, aus = v.Auth!;
        CipherAlgorithm cipher = ParseCipher(cs.Algorithm);
        AuthAlgorithm auth = ParseAuth(aus.Algorithm);
        (int cipherOffset, int cipherLength) = Units(cs, CryptoAlgorithms.IsBitOriented(cipher));
        (int authOffset, int authLength) = Units(aus, CryptoAlgorithms.IsBitOriented(auth));
        byte[] iv = new byte[AuthIvOffset + aus.Iv.Length];
        cs.Iv.CopyTo(iv, 0);
        aus.Iv.CopyTo(iv, AuthIvOffset);
        int from = (int)Math.Min(Math.Min(cs.OffsetBits, aus.OffsetBits) >> 3, v.DigestOffsetBytes);
        int to = (int)Math.Max(Math.Max((cs.OffsetBits + cs.LengthBits + 7) >> 3, (aus.OffsetBits + aus.LengthBits + 7) >> 3), v.DigestOffsetBytes + aus.DigestLength);

        CryptoTransform Chain(bool generate)
        {
            var c = new CipherTransform
            {
                Algorithm = cipher,
                Operation = generate ? CipherOperation.Encrypt : CipherOperation.Decrypt,
                Key = cs.Key,
                IvLength = cs.Iv.Length,
            };
            var a = new AuthTransform
            {
                Algorithm = auth,
                Operation = generate ? AuthOperation.Generate : AuthOperation.Verify,
                Key = aus.Key,
                IvOffset = AuthIvOffset,
                IvLength = aus.Iv.Length,
                DigestLength = aus.DigestLength,
            };

            // Generate runs in the vector's order; verify undoes it in reverse (DPDK's accepted pairs).
            bool authFirst = generate ? v.AuthFirst : !v.AuthFirst;
            return authFirst ? CloneWithNext(a, c) : CloneWithNext(c, a);
        }

        Case Build(string name, bool generate, byte[] input, byte[] expected, CryptoOpStatus status) =>
            new(name, Chain(generate), input, expected, oop)
            {
                CipherOffset = cipherOffset,
                CipherLength = cipherLength,
                AuthOffset = authOffset,
                AuthLength = authLength,
                Iv = iv,
                DigestOffset = v.DigestOffsetBytes,
                ExpectedStatus = status,
                CompareFrom = from,
                CompareTo = to,
            };

        cases.Add(Build($"encrypt+generate {where}", true, v.Plaintext, v.Ciphertext, CryptoOpStatus.Success));
        cases.Add(Build($"decrypt+verify {where}", false, v.Ciphertext, v.Plaintext, CryptoOpStatus.Success));
        if (auth != AuthAlgorithm.Null && aus.DigestLength > 0)
        {
            byte[] corrupted = (byte[])v.Ciphertext.Clone();
            corrupted[v.DigestOffsetBytes + (aus.DigestLength / 2)] ^= 0x04;
            cases.Add(Build($"decrypt+verify corrupted digest {where}", false, corrupted, corrupted, CryptoOpStatus.AuthFailed) with { CompareOutput = false });
        }
    }

    private static CryptoTransform CloneWithNext(CryptoTransform first, CryptoTransform next) => first switch
    {
        CipherTransform c => new CipherTransform { Algorithm = c.Algorithm, Operation = c.Operation, Key = c.Key, IvOffset = c.IvOffset, IvLength = c.IvLength, Next = next },
        AuthTransform a => new AuthTransform { Algorithm = a.Algorithm, Operation = a.Operation, Key = a.Key, IvOffset = a.IvOffset, IvLength = a.IvLength, DigestLength = a.DigestLength, Next = next },
        _ => throw new NotSupportedException("Only cipher and auth transforms chain."),
    };

    private static (int Offset, int Length) Units(CryptoVectorStage s, bool bits)
    {
        if (bits)
        {
            return ((int)s.OffsetBits, (int)s.LengthBits);
        }

        if (s.OffsetBits % 8 != 0 || s.LengthBits % 8 != 0)
        {
            throw new NotSupportedException($"{s.Algorithm} takes byte offsets and lengths; the vector gives {s.OffsetBits}+{s.LengthBits} bits.");
        }

        return ((int)(s.OffsetBits / 8), (int)(s.LengthBits / 8));
    }

    private static CipherAlgorithm ParseCipher(string name) =>
        CryptoAlgorithms.TryParse(name, out CipherAlgorithm a) ? a : throw new NotSupportedException($"Cipher algorithm {name} is unknown to this SDK.");

    private static AuthAlgorithm ParseAuth(string name) =>
        CryptoAlgorithms.TryParse(name, out AuthAlgorithm a) ? a : throw new NotSupportedException($"Auth algorithm {name} is unknown to this SDK.");

    private static AeadAlgorithm ParseAead(string name) =>
        CryptoAlgorithms.TryParse(name, out AeadAlgorithm a) ? a : throw new NotSupportedException($"AEAD algorithm {name} is unknown to this SDK.");

    private void Prepare(CryptoOp op, Case c, CryptoSession session, BufferPool pool)
    {
        op.Reset();
        op.Session = session;
        op.Source = Fill(pool, c.Input);
        if (c.OutOfPlace)
        {
            // Fill the destination with a pattern so that bytes the device should not touch stay recognisable.
            byte[] junk = new byte[c.Input.Length];
            Array.Fill(junk, (byte)0xA5);
            op.Destination = Fill(pool, junk);
        }

        op.CipherOffset = c.CipherOffset;
        op.CipherLength = c.CipherLength;
        op.AuthOffset = c.AuthOffset;
        op.AuthLength = c.AuthLength;
        op.DigestOffset = c.DigestOffset;
        op.Aad = c.Aad;
        c.Iv.CopyTo(op.Iv);
    }

    private DataBuffer Fill(BufferPool pool, byte[] bytes)
    {
        DataBuffer head = pool.RentChain(Math.Max(bytes.Length, 1)) ?? throw new InvalidOperationException("The runner's buffer pool is exhausted.");
        int written = 0;
        for (DataBuffer? segment = head; segment is not null; segment = segment.Next)
        {
            int n = Math.Min(segment.Tailroom, bytes.Length - written);
            bytes.AsSpan(written, n).CopyTo(segment.Append(n));
            written += n;
        }

        return head;
    }

    private static string? Check(CryptoOp op, Case c)
    {
        if (op.Status != c.ExpectedStatus)
        {
            return $"{c.Name}: status {op.Status}, expected {c.ExpectedStatus}";
        }

        if (!c.CompareOutput)
        {
            return null;
        }

        DataBuffer output = op.Destination ?? op.Source!;
        byte[] actual = new byte[output.TotalLength];
        output.CopyTo(actual);
        int from = c.OutOfPlace ? c.CompareFrom : 0;
        int to = c.OutOfPlace ? c.CompareTo : c.Expected.Length;
        int differing = 0, first = -1;
        for (int i = from; i < to; i++)
        {
            if (actual[i] != c.Expected[i])
            {
                differing++;
                first = first < 0 ? i : first;
            }
        }

        return differing == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{c.Name}: byte {first} is 0x{actual[first]:x2}, expected 0x{c.Expected[first]:x2} ({differing} of bytes {from}..{to - 1} differ)");
    }

    private sealed record Case(string Name, CryptoTransform Transform, byte[] Input, byte[] Expected, bool OutOfPlace)
    {
        public int CipherOffset { get; init; }

        public int CipherLength { get; init; }

        public int AuthOffset { get; init; }

        public int AuthLength { get; init; }

        public int DigestOffset { get; init; }

        public byte[] Iv { get; init; } = [];

        public byte[] Aad { get; init; } = [];

        public CryptoOpStatus ExpectedStatus { get; init; } = CryptoOpStatus.Success;

        public bool CompareOutput { get; init; } = true;

        public int CompareFrom { get; init; }

        public int CompareTo { get; init; }
    }
}
