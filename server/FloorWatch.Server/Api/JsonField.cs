namespace FloorWatch.Server.Api;

/// <summary>
/// Where one field of a JSON object lies in its bytes: its name (without quotes) and its value.
/// A field whose value is an object with its own fields noted is followed by them:
/// <see cref="InnerCount"/> says how many.
/// </summary>
public readonly record struct JsonField(int NameStart, int NameLength, int ValueStart, int ValueEnd, int InnerCount = 0)
{
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> json) => json.Slice(NameStart, NameLength);

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> json) => json[ValueStart..ValueEnd];
}
