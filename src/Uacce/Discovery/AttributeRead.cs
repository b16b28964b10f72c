namespace AccelSdk.Uacce.Discovery;

/// <summary>The outcome of reading one attribute: its text, or why there is none.</summary>
internal readonly record struct AttributeRead(AttributeReadStatus Status, string Text, string Detail)
{
    public static AttributeRead Value(string text) => new(AttributeReadStatus.Present, text, string.Empty);

    public static AttributeRead Missing(string detail) => new(AttributeReadStatus.Missing, string.Empty, detail);

    public static AttributeRead Unreadable(string detail) => new(AttributeReadStatus.Unreadable, string.Empty, detail);
}
