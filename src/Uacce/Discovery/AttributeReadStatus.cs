namespace AccelSdk.Uacce.Discovery;

/// <summary>Whether an attribute was read.</summary>
internal enum AttributeReadStatus
{
    /// <summary>Read; the text has its trailing newline removed.</summary>
    Present,

    /// <summary>The attribute does not exist (the kernel omits some, such as a region size of 0).</summary>
    Missing,

    /// <summary>It exists but reading it failed (permission, ENODEV from a driver without the op, too long).</summary>
    Unreadable,
}
