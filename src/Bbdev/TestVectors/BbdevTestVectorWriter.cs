using System.Text;

namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// Writes a <see cref="BbdevTestVector"/> in DPDK test-bbdev's vector format, so that DPDK's parser accepts it and
/// <see cref="BbdevTestVectorReader"/> reads back an equal vector.
/// </summary>
/// <remarks>
/// Layout: a comment, <c>op_type</c> first, then the data keys (<c>input0</c>, ...) as 32-bit little-endian hex
/// words, 8 per line, the last word written with exactly as many hex digits as it has bytes
/// (1 byte → <c>0xNN</c>), then the scalar keys present, <c>code_block_mode</c> always (DPDK would otherwise run an
/// LDPC encoder vector in transport-block mode), <c>op_flags</c> as the vector's tokens joined with <c>", "</c>,
/// and <c>expected_status</c>. Each key is on its own line with the value on the next, as in DPDK's vectors.
/// </remarks>
public static class BbdevTestVectorWriter
{
    private const int WordsPerLine = 8;

    /// <summary>Writes <paramref name="vector"/> to <paramref name="writer"/>.</summary>
    public static void Write(BbdevTestVector vector, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(WriteToString(vector));
    }

    /// <summary>Writes <paramref name="vector"/> to a new file at <paramref name="path"/> (UTF-8 without BOM, LF line ends).</summary>
    public static void WriteFile(BbdevTestVector vector, string path)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, WriteToString(vector), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The file text of <paramref name="vector"/>.</summary>
    public static string WriteToString(BbdevTestVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        VectorSchema schema = VectorSchema.For(vector.OpType);
        var text = new StringBuilder(64 + (vector.GetTotalLength(BbdevVectorDataKind.Input) * 3));
        text.Append("# DPDK test-bbdev vector written by AccelSdk\n\n");
        Entry(text, "op_type", BbdevDpdkNames.GetOpTypeName(vector.OpType));
        if (vector.OpType == BbdevOpType.None)
        {
            return Finish(text);
        }

        foreach ((string prefix, BbdevVectorDataKind kind) in schema.DataKeys)
        {
            IReadOnlyList<ReadOnlyMemory<byte>> segments = vector.GetSegments(kind);
            for (int i = 0; i < segments.Count; i++)
            {
                text.Append(prefix).Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" =\n");
                AppendWords(text, segments[i].Span);
                text.Append("\n\n");
            }
        }

        object parameters = vector.Parameters!;
        foreach (IVectorField field in schema.Fields)
        {
            if (field.Get(parameters) is { } values)
            {
                Entry(text, field.Key, string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        // The tokens are written as read, so that DPDK's defaults (turbo LLR sign flags) apply the same way again.
        if (vector.OpFlagTokens.Count > 0)
        {
            Entry(text, "op_flags", string.Join(", ", vector.OpFlagTokens));
        }

        Entry(text, "expected_status", VectorStatusTokens.Format(vector.ExpectedStatus));
        return Finish(text);
    }

    // Entries are separated by a blank line; the file ends with a single newline.
    private static string Finish(StringBuilder text) => text.ToString(0, text.Length - 1);

    private static void Entry(StringBuilder text, string key, string value) =>
        text.Append(key).Append(" =\n").Append(value).Append("\n\n");

    private static void AppendWords(StringBuilder text, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            // (strlen("0x0") - 2) / 2 = 0 bytes: the only spelling of an empty segment DPDK accepts.
            text.Append("0x0");
            return;
        }

        int words = (data.Length + 3) / 4;
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                text.Append(w % WordsPerLine == 0 ? ",\n" : ", ");
            }

            int offset = w * 4;
            int bytes = Math.Min(4, data.Length - offset);
            uint value = 0;
            for (int b = 0; b < bytes; b++)
            {
                value |= (uint)data[offset + b] << (8 * b);
            }

            // A short last word has 2 hex digits per byte, which is how the reader (and DPDK) counts its bytes.
            text.Append("0x");
            for (int nibble = (bytes * 2) - 1; nibble >= 0; nibble--)
            {
                text.Append("0123456789ABCDEF"[(int)((value >> (nibble * 4)) & 0xF)]);
            }
        }
    }
}
