using System.Globalization;
using FloorWatch.Contracts.Views;
using FloorWatch.Domain.Rules;

namespace FloorWatch.Grains.Rules;

/// <summary>A rule's alerts as the floor shows them, with ids that a replay of the journal finds again.</summary>
public static class AlertViews
{
    public static string Id(string center, string key) => FloorWatch.Domain.Rules.StableHash.Of($"{center}|{key}").ToString("x16", CultureInfo.InvariantCulture);

    public static AlertView Of(string center, RaisedAlert a) => new()
    {
        Id = Id(center, a.Key),
        Kind = a.Kind,
        Severity = a.Severity,
        Center = center,
        Agent = a.Agent,
        Queue = a.Queue,
        Call = a.Call,
        RaisedAt = a.RaisedAt,
        EscalatedAt = a.EscalatedAt,
        ResolvedAt = a.ResolvedAt,
        State = a.ResolvedAt is null ? "open" : "resolved",
        Detail = a.Detail,
        Version = a.Version,
    };

    public static AlertView[] Of(string center, List<RaisedAlert> changes) =>
        changes.Count == 0 ? [] : changes.Select(a => Of(center, a)).ToArray();
}
