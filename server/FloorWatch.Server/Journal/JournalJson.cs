using System.Text.Json;
using System.Text.Json.Serialization;

namespace FloorWatch.Server.Journal;

/// <summary>JSON options of journal and API: camelCase names, enums as camelCase strings.</summary>
public static class JournalJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return o;
    }
}
