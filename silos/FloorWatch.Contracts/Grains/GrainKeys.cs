namespace FloorWatch.Contracts.Grains;

/// <summary>Keys of the per-entity grains: "center/entity". Ids never hold '/', so the split is exact.</summary>
public static class GrainKeys
{
    public static string Of(string center, string entity) => $"{center}/{entity}";

    public static (string Center, string Entity) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
