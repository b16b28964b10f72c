namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The readable reference decoder: layered two-minimum sum-product over int8 values, one lifted check (row, z) at a
/// time, APP LLRs in plain codeword order. Every vector width must reproduce it bit for bit.
/// </summary>
internal sealed class LdpcDecoderScalar : LdpcDecoder
{
    private const int MaxVariables = 68 * LiftingSizes.Max;
    private const int MaxChecks = 46 * LiftingSizes.Max;
    private const int MaxEdges = 316 * LiftingSizes.Max;

    private readonly CheckNodeRule _rule;

    // APP LLR of codeword variable n = column·Zc + lane.
    private readonly sbyte[] _app = new sbyte[MaxVariables];

    // The compressed check-to-variable messages of check (row, z), index row·Zc + z: the magnitude sent to every
    // edge but the one holding the smallest |v|, the magnitude sent to that edge, that edge (0..degree−1), and the
    // XOR of all edge signs.
    private readonly byte[] _toOthers = new byte[MaxChecks];
    private readonly byte[] _toMinimum = new byte[MaxChecks];
    private readonly byte[] _minIndex = new byte[MaxChecks];
    private readonly bool[] _signProduct = new bool[MaxChecks];

    // sign(v) of edge e (plan numbering) at check lane z, index e·Zc + z: the only per-edge state.
    private readonly bool[] _edgeSign = new bool[MaxEdges];

    public LdpcDecoderScalar()
        : this(CheckNodeRule.Default)
    {
    }

    internal LdpcDecoderScalar(CheckNodeRule rule)
        : base(SimdWidth.Scalar) => _rule = rule;

    private protected override void Initialise(LdpcDecoderPlan plan, ReadOnlySpan<sbyte> compact)
    {
        int zc = plan.Zc;
        _app.AsSpan(0, plan.Columns * zc).Clear();

        // Fillers are known zeros: +127, certain, so they never change (see LdpcDecoder.Infinity).
        _app.AsSpan(plan.KPrime, plan.Fillers).Fill(sbyte.MaxValue);
        for (int i = 0; i < compact.Length; i++)
        {
            _app[plan.VariableOf(i)] = Clamp(compact[i]);
        }

        // No message has been sent yet: every check-to-variable value is 0.
        int checks = plan.Rows * zc;
        _toOthers.AsSpan(0, checks).Clear();
        _toMinimum.AsSpan(0, checks).Clear();
        _minIndex.AsSpan(0, checks).Fill(LdpcDecoderPlan.NoIndex);
        _signProduct.AsSpan(0, checks).Clear();
        _edgeSign.AsSpan(0, plan.EdgeCount * zc).Clear();
    }

    private protected override void RunIteration(LdpcDecoderPlan plan)
    {
        for (int row = 0; row < plan.Rows; row++)
        {
            UpdateRow(plan, row);
        }
    }

    private protected override bool SyndromeHolds(LdpcDecoderPlan plan)
    {
        int zc = plan.Zc;
        ReadOnlySpan<int> rowStart = plan.RowStart;
        ReadOnlySpan<int> columns = plan.EdgeColumn;
        ReadOnlySpan<int> shifts = plan.EdgeShift;
        for (int row = 0; row < plan.Rows; row++)
        {
            for (int z = 0; z < zc; z++)
            {
                bool parity = false;
                for (int edge = rowStart[row]; edge < rowStart[row + 1]; edge++)
                {
                    int value = _app[Variable(columns[edge], shifts[edge], z, zc)];
                    if (IsExtension(plan, columns[edge]))
                    {
                        // Its block holds the channel LLR; the APP adds this row's message.
                        value = IsCertain(value) ? value : Clamp(value + Message((row * zc) + z, edge - rowStart[row], value < 0));
                    }

                    parity ^= value < 0;
                }

                if (parity)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private protected override void WriteHardBits(LdpcDecoderPlan plan, Span<byte> output)
    {
        output.Clear();
        for (int n = 0; n < plan.KPrime; n++)
        {
            if (_app[n] < 0)
            {
                output[n >> 3] |= (byte)(0x80 >> (n & 7));
            }
        }
    }

    private static int Variable(int column, int shift, int z, int zc) => (column * zc) + ((z + shift) % zc);

    private static sbyte Clamp(int value) => (sbyte)Math.Clamp(value, -Infinity, Infinity);

    private static bool IsCertain(int value) => value == Infinity || value == -Infinity;

    private static bool IsExtension(LdpcDecoderPlan plan, int column) => column >= plan.Kb + 4;

    private void UpdateRow(LdpcDecoderPlan plan, int row)
    {
        int zc = plan.Zc;
        int first = plan.RowStart[row];
        int degree = plan.RowStart[row + 1] - first;
        ReadOnlySpan<int> columns = plan.EdgeColumn;
        ReadOnlySpan<int> shifts = plan.EdgeShift;
        Span<sbyte> v = stackalloc sbyte[LdpcDecoderPlan.MaxDegree];

        for (int z = 0; z < zc; z++)
        {
            int check = (row * zc) + z;

            // Variable-to-check values: the APP without this check's previous message; a certain APP (±127) is
            // passed on whole. Fillers are certain zeros (+127), so they never become a minimum nor flip a sign.
            // An extension column is a degree-1 variable: its value is its channel LLR, kept in its block.
            for (int e = 0; e < degree; e++)
            {
                int edge = first + e;
                int lane = (z + shifts[edge]) % zc;
                int oldMessage = Message(check, e, _edgeSign[(edge * zc) + z]);
                int posterior = _app[(columns[edge] * zc) + lane];
                v[e] = IsExtension(plan, columns[edge]) ? (sbyte)posterior
                    : IsCertain(posterior) ? (sbyte)posterior
                    : Clamp(posterior - oldMessage);
            }

            // Check node: keep the three smallest magnitudes, where the smallest is, and the signs.
            int min1 = sbyte.MaxValue;
            int min2 = sbyte.MaxValue;
            int min3 = sbyte.MaxValue;
            int minIndex = LdpcDecoderPlan.NoIndex;
            bool signProduct = false;
            for (int e = 0; e < degree; e++)
            {
                int magnitude = Math.Abs((int)v[e]);
                if (magnitude < min1)
                {
                    min3 = min2;
                    min2 = min1;
                    min1 = magnitude;
                    minIndex = e;
                }
                else if (magnitude < min2)
                {
                    min3 = min2;
                    min2 = magnitude;
                }
                else if (magnitude < min3)
                {
                    min3 = magnitude;
                }

                bool negative = v[e] < 0;
                signProduct ^= negative;
                _edgeSign[((first + e) * zc) + z] = negative;
            }

            _toOthers[check] = (byte)_rule.ToOthers(min1, min2);
            _toMinimum[check] = (byte)_rule.ToMinimum(min2, min3);
            _minIndex[check] = (byte)minIndex;
            _signProduct[check] = signProduct;

            // New APPs: the variable-to-check value plus the new check-to-variable message; certain values stay.
            for (int e = 0; e < degree; e++)
            {
                int edge = first + e;
                if (!IsExtension(plan, columns[edge]))
                {
                    int n = Variable(columns[edge], shifts[edge], z, zc);
                    _app[n] = IsCertain(v[e]) ? v[e] : Clamp(v[e] + Message(check, e, v[e] < 0));
                }
            }
        }
    }

    /// <summary>The message of check <paramref name="check"/> to its edge <paramref name="e"/>, whose own sign is given.</summary>
    private int Message(int check, int e, bool ownSign)
    {
        int magnitude = e == _minIndex[check] ? _toMinimum[check] : _toOthers[check];
        return _signProduct[check] != ownSign ? -magnitude : magnitude;
    }
}
