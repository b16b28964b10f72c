using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// Reads the DPDK test-bbdev vector format (app/test-bbdev/test_bbdev_vector.c; reference §4) with DPDK's lexical
/// rules, and reports every problem as <c>file:line: what is wrong</c>.
/// </summary>
/// <remarks>
/// <para>
/// Lexical rules, as DPDK applies them: a line whose first character is <c>#</c>, <c>/</c>, CR or LF is skipped;
/// other lines are trimmed of C white space; an entry goes on while its text ends with <c>,</c> or <c>=</c>, the next
/// trimmed line being appended without a separator (a blank line therefore ends a <c>key =</c> entry, and a comment
/// line inside a continued value becomes part of the value); an entry is <c>key = value</c> split at the first run
/// of <c>=</c>; the first entry must be <c>op_type</c>; numbers are C <c>strtoul(…, 0)</c>; data words are 32-bit
/// and contribute (token length − 2) / 2 bytes each (leading blanks count), the bytes being the little-endian
/// image of the words cut to that total.
/// </para>
/// <para>
/// Where DPDK silently accepts something that changes the meaning, this parser refuses it instead: a value that
/// does not fit its field (DPDK truncates), text after a second <c>=</c> (DPDK ignores it), a data key whose index
/// has trailing characters, a data word wider than 32 bits or counted as more than 4 bytes, and list keys without
/// exactly 12 values. A line of only blanks is skipped with a warning (DPDK fails on it). Repeated scalar keys are
/// accepted (the last wins, as in DPDK) with a warning. The legacy decoder key <c>iter_max</c> (pre-2023 vectors)
/// is checked and ignored with a warning, where DPDK today refuses it.
/// </para>
/// </remarks>
internal sealed class VectorParser
{
    private const int MaxEcho = 40;

    private readonly string _source;
    private readonly string _text;
    private readonly string? _filePath;
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, int> _keyLines = new(StringComparer.Ordinal);
    private readonly List<ReadOnlyMemory<byte>>[] _segments;

    private int _position;
    private int _lineNumber;

    private bool _haveOpType;
    private BbdevOpType _opType;
    private int _opTypeLine;
    private VectorSchema _schema = VectorSchema.For(BbdevOpType.None);
    private object? _parameters;
    private uint _flags;
    private string[] _flagTokens = [];
    private BbdevOpStatus _status;

    public VectorParser(string text, string source, string? filePath)
    {
        // A UTF-8 byte-order mark is not part of the first line (File.ReadAllText drops it; Parse(string) may not).
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _source = source;
        _filePath = filePath;
        _segments = new List<ReadOnlyMemory<byte>>[BbdevTestVector.DataKindCount];
        for (int i = 0; i < _segments.Length; i++)
        {
            _segments[i] = [];
        }
    }

    public BbdevTestVector Parse()
    {
        while (NextLine(out ReadOnlySpan<char> raw, out int line))
        {
            if (raw.IsEmpty || raw[0] is '#' or '/' or '\r' or '\n')
            {
                continue;
            }

            ReadOnlySpan<char> trimmed = CNumber.Trim(raw);
            if (trimmed.IsEmpty)
            {
                Warn(line, "a line of only blanks is skipped (DPDK test-bbdev rejects such a line)");
                continue;
            }

            var entry = new Entry(line);
            entry.Append(trimmed, line);
            if (trimmed[^1] is ',' or '=')
            {
                while (NextLine(out ReadOnlySpan<char> next, out int nextLine))
                {
                    entry.Append(CNumber.Trim(next), nextLine);
                    if (!entry.EndsWithComma)
                    {
                        break;
                    }
                }
            }

            ParseEntry(entry);
        }

        if (!_haveOpType)
        {
            Fail(1, "no entries: the first entry of a vector file must be 'op_type'");
        }

        return Finish();
    }

    private bool NextLine(out ReadOnlySpan<char> line, out int lineNumber)
    {
        if (_position >= _text.Length)
        {
            line = default;
            lineNumber = _lineNumber;
            return false;
        }

        int newline = _text.IndexOf('\n', _position);
        int end = newline < 0 ? _text.Length : newline;
        line = _text.AsSpan(_position, end - _position);
        _position = newline < 0 ? _text.Length : newline + 1;
        lineNumber = ++_lineNumber;
        return true;
    }

    private void ParseEntry(Entry entry)
    {
        string text = entry.Text;
        int line = entry.FirstLine;
        if (text[0] == '=')
        {
            Fail(line, $"missing key before '=' in '{Echo(text)}'");
        }

        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            Fail(line, $"expected 'key = value' but found '{Echo(text)}' (no '=')");
        }

        string key = CNumber.Trim(text.AsSpan(0, equals)).ToString();
        int valueStart = equals;
        while (valueStart < text.Length && text[valueStart] == '=')
        {
            valueStart++;
        }

        if (valueStart == text.Length)
        {
            Fail(line, $"missing value for '{key}'");
        }

        int secondEquals = text.IndexOf('=', valueStart);
        if (secondEquals >= 0)
        {
            Fail(entry.LineAt(secondEquals), $"unexpected '=' in the value of '{key}' (one entry per 'key = value')");
        }

        if (!_haveOpType)
        {
            if (key != "op_type")
            {
                Fail(line, $"the first entry must be 'op_type', not '{key}'");
            }

            ParseOpType(entry, valueStart);
            return;
        }

        if (key == "op_type")
        {
            Fail(line, $"op_type given again (first on line {_opTypeLine})");
        }

        if (_opType == BbdevOpType.None)
        {
            Fail(line, $"RTE_BBDEV_OP_NONE vectors have no key other than op_type; found '{key}'");
        }

        if (key == "op_flags")
        {
            NoteKey(key, line);
            ParseOpFlags(entry, valueStart);
        }
        else if (key == "expected_status")
        {
            NoteKey(key, line);
            ParseExpectedStatus(entry, valueStart);
        }
        else if (_schema.FieldsByKey.TryGetValue(key, out IVectorField? field))
        {
            NoteKey(key, line);
            ParseField(entry, valueStart, key, field);
        }
        else if (MatchDataKey(key, out string prefix, out BbdevVectorDataKind kind))
        {
            ParseData(entry, valueStart, key, prefix, kind);
        }
        else if (key == "iter_max" && _opType is BbdevOpType.LdpcDec or BbdevOpType.TurboDec)
        {
            // Decoder vectors carried iter_max until DPDK removed the key in 2023 (commit 31fab7b4e8); reading those
            // files is worth more than refusing them, and the value has no place in today's op (the runner's -t sets it).
            ParseNumber(entry, valueStart, entry.Text.Length, key, _opType == BbdevOpType.TurboDec ? FieldWidth.U4 : FieldWidth.U8);
            Warn(line, "iter_max is a legacy key (removed from DPDK's vector format in 2023): ignored; the runner's -t option sets the iteration limit");
        }
        else
        {
            Fail(line, $"unknown key '{key}' for {BbdevDpdkNames.GetOpTypeName(_opType)}; accepted keys: {AcceptedKeys()}");
        }
    }

    private void ParseOpType(Entry entry, int valueStart)
    {
        string name = CNumber.Trim(entry.Text.AsSpan(valueStart)).ToString();
        if (!BbdevDpdkNames.TryParseOpType(name, out BbdevOpType opType))
        {
            Fail(entry.LineAt(valueStart), $"unknown op_type '{Echo(name)}'; expected one of {string.Join(", ", BbdevDpdkNames.OpTypes.Select(BbdevDpdkNames.GetOpTypeName))}");
        }

        _haveOpType = true;
        _opType = opType;
        _opTypeLine = entry.FirstLine;
        _schema = VectorSchema.For(opType);
        _parameters = _schema.CreateParameters?.Invoke();
    }

    private void ParseOpFlags(Entry entry, int valueStart)
    {
        string opName = BbdevDpdkNames.GetOpTypeName(_opType);
        var tokens = new List<string>();
        uint flags = 0;
        foreach ((int start, int end) in Tokens(entry.Text, valueStart))
        {
            string token = CNumber.Trim(entry.Text.AsSpan(start, end - start)).ToString();
            int line = entry.LineAt(start);
            if (!BbdevDpdkNames.TryParseFlag(_opType, token, out uint flag))
            {
                BbdevOpType? owner = token.Length == 0 ? null : BbdevDpdkNames.FindOpTypeOfFlag(token);
                Fail(line, owner is { } other
                    ? $"op_flags token '{token}' is a {BbdevDpdkNames.GetOpTypeName(other)} flag, not valid for {opName}"
                    : $"unknown op_flags token '{Echo(token)}' for {opName}");
            }

            if (!BbdevDpdkNames.IsAcceptedInVectorFile(_opType, flag))
            {
                Fail(line, $"op_flags token '{token}' is a capability that DPDK's vector format does not accept as an op flag");
            }

            tokens.Add(token);
            flags |= flag;
        }

        if (tokens.Count == 0)
        {
            Fail(entry.LineAt(valueStart), "op_flags has no flag");
        }

        _flags = flags;
        _flagTokens = [.. tokens];
    }

    private void ParseExpectedStatus(Entry entry, int valueStart)
    {
        BbdevOpStatus status = BbdevOpStatus.None;
        bool ok = false;
        bool any = false;
        foreach ((int start, int end) in Tokens(entry.Text, valueStart))
        {
            string token = CNumber.Trim(entry.Text.AsSpan(start, end - start)).ToString();
            if (!VectorStatusTokens.TryParse(token, _opType, out BbdevOpStatus bits, out bool isOk, out string? error))
            {
                Fail(entry.LineAt(start), error!);
            }

            ok |= isOk;
            status |= bits;
            any = true;
        }

        if (!any)
        {
            Fail(entry.LineAt(valueStart), $"expected_status has no token; expected {VectorStatusTokens.ExpectedList}");
        }

        if (ok && status != BbdevOpStatus.None)
        {
            Fail(entry.FirstLine, "expected_status cannot be OK and an error at the same time");
        }

        _status = status;
    }

    private void ParseField(Entry entry, int valueStart, string key, IVectorField field)
    {
        var values = new long[field.Count];
        if (field.Count == 1)
        {
            values[0] = ParseNumber(entry, valueStart, entry.Text.Length, key, field.Width);
        }
        else
        {
            int count = 0;
            foreach ((int start, int end) in Tokens(entry.Text, valueStart))
            {
                if (count == field.Count)
                {
                    Fail(entry.LineAt(start), $"'{key}' takes exactly {field.Count} values; found more");
                }

                values[count++] = ParseNumber(entry, start, end, key, field.Width);
            }

            if (count != field.Count)
            {
                Fail(entry.FirstLine, $"'{key}' takes exactly {field.Count} values; found {count}");
            }
        }

        _parameters = field.Set(_parameters!, values);
    }

    private long ParseNumber(Entry entry, int start, int end, string key, FieldWidth width)
    {
        ReadOnlySpan<char> text = entry.Text.AsSpan(start, end - start);
        int line = entry.LineAt(start);
        int used = CNumber.Parse(text, out ulong magnitude, out bool negative, out bool overflow);
        if (used == 0 || used != text.Length)
        {
            Fail(line, $"'{key}' expects a number (decimal, 0x hexadecimal or 0 octal); found '{Echo(CNumber.Trim(text).ToString())}'");
        }

        string shown = CNumber.Trim(text).ToString();
        (long min, long max) = VectorSchema.Range(width);
        if (!overflow)
        {
            if (!negative && magnitude <= (ulong)max)
            {
                return (long)magnitude;
            }

            if (negative && magnitude <= (ulong)-min)
            {
                return -(long)magnitude;
            }

            // DPDK stores strtoul's result through a cast, so 200 in an int8_t field reads as -56; accept that spelling.
            if (width == FieldWidth.S8 && !negative && magnitude <= byte.MaxValue)
            {
                long wrapped = (sbyte)(byte)magnitude;
                Warn(line, $"'{key}' = {shown} is stored in a signed 8-bit field as {wrapped}");
                return wrapped;
            }
        }

        Fail(line, $"'{key}' = {shown} does not fit its {VectorSchema.Describe(width)} (DPDK would silently truncate it)");
        return 0;
    }

    private void ParseData(Entry entry, int valueStart, string key, string prefix, BbdevVectorDataKind kind)
    {
        int line = entry.FirstLine;
        ReadOnlySpan<char> index = key.AsSpan(prefix.Length);
        if (index.IsEmpty || index.ContainsAnyExceptInRange('0', '9') || index.Length > 9)
        {
            Fail(line, $"'{key}': a data key is '{prefix}' followed by a segment index ({prefix}0, {prefix}1, ...)");
        }

        List<ReadOnlyMemory<byte>> segments = _segments[(int)kind];
        int id = int.Parse(index, System.Globalization.CultureInfo.InvariantCulture);
        if (id != segments.Count)
        {
            Fail(line, segments.Count == 0
                ? $"'{key}' is out of order: segments start at {prefix}0"
                : $"'{key}' is out of order: {prefix}{segments.Count - 1} must be followed by {prefix}{segments.Count}");
        }

        if (segments.Count >= BbdevTestVector.MaxSegments)
        {
            Fail(line, $"too many {prefix} segments: at most {BbdevTestVector.MaxSegments}");
        }

        segments.Add(ParseWords(entry, valueStart, key));
    }

    private byte[] ParseWords(Entry entry, int valueStart, string key)
    {
        string text = entry.Text;
        var words = new List<uint>(((text.Length - valueStart) / 11) + 1);
        long total = 0;
        int pendingShortLine = 0;
        bool shortWordWarned = false;
        foreach ((int start, int end) in Tokens(text, valueStart))
        {
            ReadOnlySpan<char> token = text.AsSpan(start, end - start);
            int used = CNumber.Parse(token, out ulong value, out bool negative, out bool overflow);
            if (used == 0 || used != token.Length)
            {
                Fail(entry.LineAt(start), $"malformed data word '{Echo(Shown(token))}' in '{key}'");
            }

            if (overflow || negative || value > uint.MaxValue)
            {
                Fail(entry.LineAt(start), $"data word '{Echo(Shown(token))}' in '{key}' does not fit in 32 bits");
            }

            // DPDK: bytes += (strlen(token) - 2) / 2, blanks before the token included.
            if (token.Length < 2)
            {
                Fail(entry.LineAt(start), $"data word '{Shown(token)}' in '{key}' is too short: a word's byte count is (its length - 2) / 2, so write it as 0x..");
            }

            int bytes = (token.Length - 2) / 2;
            if (bytes > 4)
            {
                Fail(entry.LineAt(start), $"data word '{Echo(Shown(token))}' in '{key}' counts as {bytes} bytes (DPDK derives the count from the token length, blanks before it included); at most 8 hex digits and one blank are allowed");
            }

            // Only the last word of an entry may be short; warn once per entry otherwise.
            if (pendingShortLine != 0)
            {
                Warn(pendingShortLine, $"a short data word in '{key}' is followed by more words: DPDK keeps the first bytes of the little-endian word image, so the later words shift");
                pendingShortLine = 0;
                shortWordWarned = true;
            }

            if (bytes < 4 && !shortWordWarned)
            {
                pendingShortLine = entry.LineAt(start);
            }

            ReadOnlySpan<char> word = CNumber.Trim(token);
            bool hex = word.Length > 2 && word[0] == '0' && (word[1] == 'x' || word[1] == 'X');
            if (!hex || (word.Length - 2) != bytes * 2)
            {
                Warn(entry.LineAt(start), $"data word '{word}' in '{key}' counts as {bytes} byte(s): DPDK derives the count from the token length, not its digits (write words as 0x with 2, 4, 6 or 8 hex digits)");
            }

            words.Add((uint)value);
            total += bytes;
        }

        if (words.Count == 0)
        {
            Fail(entry.LineAt(valueStart), $"'{key}' has no data words");
        }

        // The bytes are the words' little-endian memory image, cut to the counted total (reference §3.1).
        var data = new byte[total];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(words[i >> 2] >> ((i & 3) * 8));
        }

        return data;
    }

    private BbdevTestVector Finish()
    {
        var findings = new List<VectorRules.Finding>();
        uint flags = _flags;
        object? parameters = VectorRules.Apply(
            _opType,
            _parameters,
            ref flags,
            kind => _segments[(int)kind].Count,
            key => _keyLines.ContainsKey(key),
            findings);
        foreach (VectorRules.Finding finding in findings)
        {
            int line = finding.Site == VectorRules.Site.OpFlags && _keyLines.TryGetValue("op_flags", out int flagsLine) ? flagsLine : _opTypeLine;
            if (finding.IsError)
            {
                Fail(line, finding.Message);
            }

            Warn(line, finding.Message);
        }

        return new BbdevTestVector(
            _filePath,
            _opType,
            flags,
            _flagTokens,
            _status,
            parameters,
            _segments.Select(s => s.ToArray()).ToArray(),
            [.. _warnings]);
    }

    private bool MatchDataKey(string key, out string prefix, out BbdevVectorDataKind kind)
    {
        // The longest matching prefix wins, so that no prefix can shadow a longer one.
        prefix = string.Empty;
        kind = default;
        foreach ((string p, BbdevVectorDataKind k) in _schema.DataKeys)
        {
            if (key.StartsWith(p, StringComparison.Ordinal) && p.Length > prefix.Length)
            {
                prefix = p;
                kind = k;
            }
        }

        return prefix.Length > 0;
    }

    private string AcceptedKeys() =>
        string.Join(", ", _schema.DataKeys.Select(d => d.Prefix + "N").Concat(_schema.Fields.Select(f => f.Key)).Append("op_flags").Append("expected_status"));

    private void NoteKey(string key, int line)
    {
        if (_keyLines.TryGetValue(key, out int first))
        {
            Warn(line, $"'{key}' given again (first on line {first}); the later value is used");
        }

        _keyLines[key] = line;
    }

    /// <summary>Comma-separated tokens of <paramref name="text"/> from <paramref name="start"/>, empty ones skipped (C strtok).</summary>
    private static IEnumerable<(int Start, int End)> Tokens(string text, int start)
    {
        int position = start;
        while (position < text.Length)
        {
            int comma = text.IndexOf(',', position);
            int end = comma < 0 ? text.Length : comma;
            if (end > position)
            {
                yield return (position, end);
            }

            position = end + 1;
        }
    }

    private static string Shown(ReadOnlySpan<char> token) => CNumber.Trim(token).ToString();

    private static string Echo(string text) => text.Length <= MaxEcho ? text : string.Concat(text.AsSpan(0, MaxEcho), "...");

    private void Warn(int line, string message) => _warnings.Add($"{_source}:{line}: {message}");

    [DoesNotReturn]
    private void Fail(int line, string message) => throw new BbdevVectorFormatException(_source, line, message);

    /// <summary>One logical entry: the trimmed lines joined without separators, and where each line starts.</summary>
    private sealed class Entry(int firstLine)
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Offset, int Line)> _pieces = [];
        private string? _built;

        public int FirstLine { get; } = firstLine;

        public string Text => _built ??= _text.ToString();

        public bool EndsWithComma => _text.Length > 0 && _text[^1] == ',';

        public void Append(ReadOnlySpan<char> line, int lineNumber)
        {
            _pieces.Add((_text.Length, lineNumber));
            _text.Append(line);
            _built = null;
        }

        /// <summary>The file line holding character <paramref name="offset"/> of <see cref="Text"/>.</summary>
        /// <remarks>Binary search: a data entry can span tens of thousands of lines.</remarks>
        public int LineAt(int offset)
        {
            // The last piece starting at or before offset; empty pieces (blank lines inside a value) share their
            // offset with the next piece, and the later one holds the text.
            int low = 0;
            int high = _pieces.Count - 1;
            int found = 0;
            while (low <= high)
            {
                int middle = (low + high) >>> 1;
                if (_pieces[middle].Offset <= offset)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return _pieces.Count == 0 ? FirstLine : _pieces[found].Line;
        }
    }
}
