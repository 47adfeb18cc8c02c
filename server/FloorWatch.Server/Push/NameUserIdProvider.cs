using Microsoft.AspNetCore.SignalR;

namespace FloorWatch.Server.Push;

/// <summary>
/// Hub connections are known by the user's name (the token's name claim), which is also who a
/// command is from, so <c>Clients.User(name)</c> reaches the sender. SignalR's default looks for a
/// name-identifier claim, which these tokens do not carry (their <c>sub</c> is not mapped).
/// </summary>
public sealed class NameUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.Identity?.Name;
}
