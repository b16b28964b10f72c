namespace AccelSdk.Qdma.Hardware;

/// <summary>
/// QDMA's global ring-size table (the 16 <c>GLBL_RNG_SZ</c> registers, driver default values): a queue's H2C, C2H and
/// completion rings each pick one entry. Each value counts the descriptor slots plus the status (write-back) slot at
/// the end, so a ring of size S holds S − 1 descriptors, of which at most S − 2 are outstanding (one stays empty so a
/// full ring differs from an empty one).
/// </summary>
internal static class QdmaRingSizes
{
    /// <summary>The table in register order (index 0 is the driver default, 2049).</summary>
    public static ReadOnlySpan<int> Table => [2049, 65, 129, 193, 257, 385, 513, 769, 1025, 1537, 3073, 4097, 6145, 8193, 12289, 16385];

    /// <summary>Whether <paramref name="size"/> is one of the table's values.</summary>
    public static bool IsValid(int size) => Table.Contains(size);

    /// <summary>The allowed values, ascending, for error messages.</summary>
    public static string Describe()
    {
        int[] sizes = Table.ToArray();
        Array.Sort(sizes);
        return string.Join(", ", sizes);
    }
}
