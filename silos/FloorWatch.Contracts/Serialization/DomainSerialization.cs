using Orleans.Serialization;

namespace FloorWatch.Contracts.Serialization;

/// <summary>
/// Domain types carry no Orleans attributes (the domain knows no framework), so they cross grain
/// boundaries through Orleans' System.Text.Json codec. Local calls pass them as Immutable and are not copied.
/// </summary>
public static class DomainSerialization
{
    public static ISerializerBuilder AddFloorWatchDomainTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: IsDomainType);

    public static bool IsDomainType(Type type) => type.Namespace?.StartsWith("FloorWatch.Domain", StringComparison.Ordinal) == true;
}
