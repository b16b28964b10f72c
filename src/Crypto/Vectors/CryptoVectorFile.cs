using System.Globalization;
using System.Text.Json;

namespace AccelSdk.Crypto.Vectors;

/// <summary>
/// A conformance vector file (<c>accelsdk-crypto-vectors/1</c>): one algorithm family per file, vectors in order.
/// Malformed files are rejected with the file, the vector index and the field named.
/// </summary>
public sealed class CryptoVectorFile
{
    /// <summary>The schema identifier this reader understands.</summary>
    public const string SchemaName = "accelsdk-crypto-vectors/1";

    private CryptoVectorFile(string path, string family, CryptoVectorKind kind, string description, IReadOnlyList<CryptoVector> vectors)
    {
        FilePath = path;
        Family = family;
        Kind = kind;
        Description = description;
        Vectors = vectors;
    }

    /// <summary>The path the file was loaded from.</summary>
    public string FilePath { get; }

    /// <summary>The family (<c>snow3g_uea2</c>, <c>aes_gcm</c>, …).</summary>
    public string Family { get; }

    /// <summary>What every vector of the file exercises.</summary>
    public CryptoVectorKind Kind { get; }

    /// <summary>The file's description.</summary>
    public string Description { get; }

    /// <summary>The vectors, in file order.</summary>
    public IReadOnlyList<CryptoVector> Vectors { get; }

    /// <summary>Loads one file.</summary>
    /// <exception cref="FormatException">The file is not valid JSON of this schema; the message names file, vector and field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CryptoVectorFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Parse(path, document.RootElement);
        }
    }

    /// <summary>Loads every <c>*.json</c> file of a directory (not recursive), sorted by name.</summary>
    public static IReadOnlyList<CryptoVectorFile> LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToArray();
    }

    private static CryptoVectorFile Parse(string path, JsonElement root)
    {
        var reader = new Reader(path, "file");
        string schema = reader.String(root, "schema");
        if (schema != SchemaName)
        {
            throw new FormatException($"{path}: schema '{schema}' is not supported (expected '{SchemaName}').");
        }

        string xform = reader.String(root, "xform");
        CryptoVectorKind kind = xform switch
        {
            "cipher" => CryptoVectorKind.Cipher,
            "auth" => CryptoVectorKind.Auth,
            "aead" => CryptoVectorKind.Aead,
            "chain" => CryptoVectorKind.Chain,
            _ => throw new FormatException($"{path}: xform '{xform}' is not one of cipher, auth, aead, chain."),
        };
        string family = reader.String(root, "family");
        string description = reader.OptionalString(root, "description") ?? "";
        if (!root.TryGetProperty("vectors", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: field 'vectors' is missing or not an array.");
        }

        var vectors = new List<CryptoVector>();
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            vectors.Add(ParseVector(path, index, kind, item));
            index++;
        }

        if (root.TryGetProperty("count", out JsonElement count) && count.ValueKind == JsonValueKind.Number && count.GetInt32() != vectors.Count)
        {
            throw new FormatException($"{path}: 'count' is {count.GetInt32()} but the file holds {vectors.Count} vectors.");
        }

        return new CryptoVectorFile(path, family, kind, description, vectors);
    }

    private static CryptoVector ParseVector(string path, int index, CryptoVectorKind kind, JsonElement v)
    {
        var reader = new Reader(path, $"vector {index}");
        string name = reader.String(v, "name");
        reader = new Reader(path, $"vector {index} ({name})");
        if (kind == CryptoVectorKind.Chain)
        {
            string chain = reader.String(v, "chain");
            bool authFirst = chain switch
            {
                "auth_then_cipher" => true,
                "cipher_then_auth" => false,
                _ => throw reader.Error("chain", $"'{chain}' is not auth_then_cipher or cipher_then_auth"),
            };
            CryptoVectorStage cipher = ParseStage(reader.Nested("cipher"), reader.Object(v, "cipher"), isAuth: false);
            CryptoVectorStage auth = ParseStage(reader.Nested("auth"), reader.Object(v, "auth"), isAuth: true);
            byte[] plaintext = reader.Hex(v, "plaintext");
            byte[] ciphertext = reader.Hex(v, "ciphertext");
            if (plaintext.Length != ciphertext.Length)
            {
                throw reader.Error("ciphertext", $"length {ciphertext.Length} differs from plaintext length {plaintext.Length}");
            }

            int digestOffset = reader.Int32(v, "digest_offset_bytes");
            byte[] digest = reader.Hex(v, "digest");
            if (digestOffset < 0 || digestOffset + auth.DigestLength > plaintext.Length)
            {
                throw reader.Error("digest_offset_bytes", $"{digestOffset} + digest length {auth.DigestLength} exceeds the buffer ({plaintext.Length} bytes)");
            }

            CheckRange(reader.Nested("cipher"), cipher, plaintext.Length);
            CheckRange(reader.Nested("auth"), auth, plaintext.Length);
            return new CryptoVector
            {
                Name = name,
                Source = reader.OptionalString(v, "source") ?? "",
                FilePath = path,
                Index = index,
                Kind = kind,
                Cipher = cipher,
                Auth = auth,
                AuthFirst = authFirst,
                Plaintext = plaintext,
                Ciphertext = ciphertext,
                Digest = digest,
                DigestOffsetBytes = digestOffset,
                DigestEncrypted = reader.OptionalBool(v, "digest_encrypted") ?? false,
            };
        }

        CryptoVectorStage single = ParseStage(reader, v, isAuth: kind != CryptoVectorKind.Cipher);
        byte[] text = reader.Hex(v, "plaintext");
        byte[] result = kind == CryptoVectorKind.Auth ? [] : reader.Hex(v, "ciphertext");
        if (kind != CryptoVectorKind.Auth && result.Length != text.Length)
        {
            throw reader.Error("ciphertext", $"length {result.Length} differs from plaintext length {text.Length}");
        }

        if (kind == CryptoVectorKind.Aead)
        {
            single = new CryptoVectorStage
            {
                Algorithm = single.Algorithm,
                Key = single.Key,
                Iv = single.Iv,
                OffsetBits = 0,
                LengthBits = single.LengthBits == 0 && text.Length != 0 ? text.Length * 8L : single.LengthBits,
                DigestLength = single.DigestLength,
                Variant = single.Variant,
            };
        }

        CheckRange(reader, single, text.Length);
        byte[] digestBytes = kind == CryptoVectorKind.Cipher ? [] : reader.Hex(v, "digest");
        if (digestBytes.Length != single.DigestLength)
        {
            throw reader.Error("digest", $"has {digestBytes.Length} bytes but digest_length is {single.DigestLength}");
        }

        return new CryptoVector
        {
            Name = name,
            Source = reader.OptionalString(v, "source") ?? "",
            FilePath = path,
            Index = index,
            Kind = kind,
            Single = single,
            Plaintext = text,
            Ciphertext = result,
            Digest = digestBytes,
            Aad = kind == CryptoVectorKind.Aead ? reader.Hex(v, "aad") : [],
            IvIsJ0 = reader.OptionalBool(v, "iv_is_j0") ?? false,
        };
    }

    private static CryptoVectorStage ParseStage(Reader reader, JsonElement e, bool isAuth) => new()
    {
        Algorithm = reader.String(e, "algorithm"),
        Key = reader.OptionalHex(e, "key") ?? [],
        Iv = reader.OptionalHex(e, "iv") ?? [],
        OffsetBits = reader.OptionalInt64(e, "offset_bits") ?? 0,
        LengthBits = reader.OptionalInt64(e, "length_bits") ?? 0,
        DigestLength = isAuth ? reader.Int32(e, "digest_length") : 0,
        Variant = reader.OptionalString(e, "variant"),
    };

    private static void CheckRange(Reader reader, CryptoVectorStage stage, int bufferBytes)
    {
        if (stage.OffsetBits < 0 || stage.LengthBits < 0 || stage.OffsetBits + stage.LengthBits > bufferBytes * 8L)
        {
            throw reader.Error("length_bits", $"range [{stage.OffsetBits}, {stage.OffsetBits + stage.LengthBits}) bits exceeds the {bufferBytes}-byte buffer");
        }
    }

    private readonly struct Reader(string path, string where)
    {
        public Reader Nested(string field) => new(path, $"{where}.{field}");

        public FormatException Error(string field, string problem) => new($"{path}: {where}: field '{field}' {problem}.");

        public JsonElement Object(JsonElement e, string field) =>
            e.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : throw Error(field, "is missing or not an object");

        public string String(JsonElement e, string field) => OptionalString(e, field) ?? throw Error(field, "is missing");

        public string? OptionalString(JsonElement e, string field)
        {
            if (!e.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(field, "is not a string");
        }

        public bool? OptionalBool(JsonElement e, string field)
        {
            if (!e.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(field, "is not true or false"),
            };
        }

        public int Int32(JsonElement e, string field)
        {
            long value = OptionalInt64(e, field) ?? throw Error(field, "is missing");
            return value is < int.MinValue or > int.MaxValue ? throw Error(field, $"value {value} is out of range") : (int)value;
        }

        public long? OptionalInt64(JsonElement e, string field)
        {
            if (!e.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long result) ? result : throw Error(field, "is not an integer");
        }

        public byte[] Hex(JsonElement e, string field) => OptionalHex(e, field) ?? throw Error(field, "is missing");

        public byte[]? OptionalHex(JsonElement e, string field)
        {
            string? text = OptionalString(e, field);
            if (text is null)
            {
                return null;
            }

            try
            {
                return Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw Error(field, $"is not an even-length hex string ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)");
            }
        }
    }
}
