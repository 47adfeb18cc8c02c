using System.Collections.Concurrent;
using FloorWatch.Domain.Settings;
using FloorWatch.Server.Options;
using Microsoft.Extensions.Options;

namespace FloorWatch.Server.Centers;

/// <summary>The centers this server knows (configured, or named by an event) and each one's settings in force.</summary>
public sealed class CenterRegistry
{
    private readonly ConcurrentDictionary<string, CenterSettings> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CenterSettings> _configured;

    public CenterRegistry(IOptions<FloorWatchOptions> options)
    {
        _configured = options.Value.Centers.ToDictionary(c => c.Key, c => c.Value.ToSettings(), StringComparer.Ordinal);
        foreach (var (id, s) in _configured)
        {
            _settings[id] = s;
        }
    }

    public IEnumerable<string> Ids => _settings.Keys.Order(StringComparer.Ordinal);

    public bool Exists(string center) => _settings.ContainsKey(center);

    public void Touch(string center) => _settings.TryAdd(center, _configured.GetValueOrDefault(center) ?? CenterSettings.Default);

    public void SetSettings(string center, CenterSettings settings) => _settings[center] = settings;

    public CenterSettings Settings(string center) => _settings.TryGetValue(center, out var s) ? s : CenterSettings.Default;

    /// <summary>Settings from configuration, in force from the center's first event unless the journal says otherwise.</summary>
    public CenterSettings? Configured(string center) => _configured.GetValueOrDefault(center);
}
