namespace FloorWatch.Server.Api;

/// <summary>Where one field of a JSON object lies in its bytes: its name (without quotes) and its value.</summary>
public readonly record struct JsonField(int NameStart, int NameLength, int ValueStart, int ValueEnd)
{
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> json) => json.Slice(NameStart, NameLength);

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> json) => json[ValueStart..ValueEnd];
}
